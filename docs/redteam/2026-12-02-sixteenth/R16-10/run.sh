#!/usr/bin/env bash
# R16-10: a recorded phone number whose national number has six digits or
# fewer (Faroe Islands, Greenland, Luxembourg's fixed lines, an office's short
# extension line), written on a public page the way people there write it,
# without the country code, is published with exit 0: numbers are compared
# by their last seven digits, which such a number written nationally does not
# have.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
TMP=$(mktemp -d /tmp/r16-10.XXXXXX)
cd "$TMP" || exit 1
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
case_site() {  # $1 label, $2 person.phone, $3 as the public page writes it
  local d="$TMP/$1"; mkdir -p "$d/content/interviews" "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ndate: 2026-03-01\nperson:\n  name: Quentin Zabrowski\n  company: Zenthor\n  phone: "%s"\nalias: a data lead at a software firm\nconsent:\n  publish_name: false\nstatus: done\n---\n\nTalked about dashboards.\n' "$2" \
    > "$d/content/interviews/2026-03-01-zenthor.md"
  printf -- '---\ntitle: Contacts\n---\n\nThe data lead I met said to call %s any weekday.\n' "$3" > "$d/content/pages/contacts.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$3" "$d/_site"; then
    echo "LEAKED [$1] exit 0: '$3' (recorded as $2) in $(grep -rlF "$3" "$d/_site" | sed "s|$d/||" | grep -v pagefind | tr '\n' ' ')"; any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
case_site faroe        "+298 31 45 67" "31 45 67"
case_site faroe-run    "+298 314567"   "314567"
case_site greenland    "+299 32 10 54" "32 10 54"
case_site luxembourg   "+352 26 12 34" "26 12 34"
# controls
case_site control-faroe-intl "+298 31 45 67" "+298 31 45 67"
case_site control-nanp       "+1 416 555 0137" "(416) 555-0137"
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
