#!/usr/bin/env bash
# R16-11: a recorded e-mail address "munged" against harvesters by an inserted
# removal token (NOSPAM, REMOVETHIS, NO-SPAM, DELETEME), in the mailbox or the
# domain: the oldest way to publish an address so that people can still use
# it, is published with exit 0. The README says contact details are found "in
# the spellings used to get past harvesters" (red team F3); the at/dot words,
# brackets, a trailing ".invalid" and "(without the x)" forms are refused.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
TMP=$(mktemp -d /tmp/r16-11.XXXXXX)
cd "$TMP" || exit 1
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
case_site() {  # $1 label, $2 the address as the public page writes it
  local d="$TMP/$1"; mkdir -p "$d/content/interviews" "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ndate: 2026-03-01\nperson:\n  name: Quentin Zabrowski\n  company: Zenthor\n  email: qzab@zenthor.example\nalias: a data lead at a software firm\nconsent:\n  publish_name: false\nstatus: done\n---\n\nTalked about dashboards.\n' \
    > "$d/content/interviews/2026-03-01-zenthor.md"
  printf -- '---\ntitle: Contacts\n---\n\nThe data lead I met is happy to get questions: %s (take out the obvious).\n' "$2" > "$d/content/pages/contacts.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$2" "$d/_site"; then
    echo "LEAKED [$1] exit 0: '$2' in $(grep -rlF "$2" "$d/_site" | sed "s|$d/||" | grep -v pagefind | tr '\n' ' ')"; any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
case_site nospam-mailbox    'qzabNOSPAM@zenthor.example'
case_site nospam-subdomain  'qzab@NOSPAM.zenthor.example'
case_site removethis-dot    'qzab.REMOVETHIS@zenthor.example'
case_site no-spam-hyphen    'qzab-no-spam@zenthor.example'
case_site held-deleteme-domain   'qzab@zenthorDELETEME.example'
case_site nospam-at-words   'qzab NOSPAM at zenthor dot example'
# controls
case_site control-at-dot    'qzab at zenthor dot example'
case_site control-invalid   'qzab@zenthor.example.invalid'
case_site control-brackets  'qzab [at] zenthor [dot] example'
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
