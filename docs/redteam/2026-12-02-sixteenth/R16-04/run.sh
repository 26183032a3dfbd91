#!/usr/bin/env bash
# R16-04: an interview note that ivsite does not load as a note (filed outside
# the four kinds' folders, or outside the folders a vault's [content] maps, or
# a dot-file) keeps its person record to itself: the person's
# consent.publish_name: false, e-mail and phone protect no one, and a public
# page that names them builds with exit 0 (one not-a-note warning, or none).
# R13-06 made such a file an error only inside a kind's folder.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-fix16-4
TMP=$(mktemp -d /tmp/r16-04.XXXXXX)
cd "$TMP" || exit 1   # not /work/main: python -m puts the current folder first on sys.path
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
NOTE='---
date: 2026-03-01
person:
  name: Quentin Zabrowski
  role: Data Lead
  company: Zenthor
  email: qzab@zenthor.example
  phone: "+1 416 555 0137"
alias: a data lead at a software firm
consent:
  publish_name: false
status: done
---

Talked about dashboards.
'
PAGE='---
title: Thanks
---

Thanks to Quentin Zabrowski (qzab@zenthor.example, +1 416 555 0137) for the chat.
'
report() {  # $1 label, $2 site dir, $3 output of the build, $4 rc
  local d=$2 out=$3 rc=$4
  if [ $rc -eq 0 ] && grep -rqE 'Zabrowski|qzab@zenthor|555 0137' "$d/_site"; then
    echo "LEAKED [$1] exit 0: name/e-mail/phone in $(grep -rlE 'Zabrowski|qzab@zenthor' "$d/_site" | sed "s|$d/||" | tr '\n' ' ')"
    echo "$out" | grep -E '(error|warning)\[' | head -1 | cut -c1-160 | sed 's/^/    /'
    any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
case_content() {  # $1 label, $2 path of the interview under the site
  local d="$TMP/$1"; mkdir -p "$d/content/pages" "$d/content/interviews" "$(dirname "$d/$2")"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf '%s' "$NOTE" > "$d/$2"
  printf '%s' "$PAGE" > "$d/content/pages/thanks.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); report "$1" "$d" "$out" $?
}
case_vault() {  # $1 label, $2 folder on disk holding the interview, $3 the folder as [content] names it
  local d="$TMP/$1"; mkdir -p "$d/$2" "$d/Pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n[content]\n"%s" = "interviews"\n"Pages" = "pages"\n' "$3" > "$d/site.toml"
  printf '%s' "$NOTE" > "$d/$2/2026-03-01 Zenthor.md"
  printf '%s' "$PAGE" > "$d/Pages/thanks.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); report "$1" "$d" "$out" $?
}
case_content capital-folder   content/Interviews/2026-03-01-zenthor.md
case_content singular-folder  content/interview/2026-03-01-zenthor.md
case_content own-folder       content/people/2026-03-01-zenthor.md
case_content content-root     content/2026-03-01-zenthor.md
case_content dot-file         content/interviews/.2026-03-01-zenthor.md
case_content ia-writer-txt    content/people/2026-03-01-zenthor.txt
case_vault   vault-unmapped   "People/Inbox" "People/Interviews"
NFD=$($PY -c 'import unicodedata; print(unicodedata.normalize("NFD", "Gespräche"))')
case_vault   vault-nfd-folder "$NFD" "Gespräche"
# the folder named in another case than on disk (macOS would find it; a Linux CI build does not)
case_vault   vault-case-mismatch "People/Interviews" "people/interviews"
# controls: the same note where ivsite reads it
case_content control-interviews content/interviews/2026-03-01-zenthor.md
case_content control-md-txt-in-kind content/interviews/2026-03-01-zenthor.md.txt
case_vault   control-vault    "People/Interviews" "People/Interviews"
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
