#!/usr/bin/env bash
# R15-07 (false refusal): a list or sentence that compares sectors, "Private: 12
# conversations / Public: 4", is refused as a privacy label; "Private sector: 12"
# and a table with a "Private" row build. Nothing private is in the page.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-red15
TMP=$(mktemp -d /tmp/r15-07.XXXXXX)
refused=0
site() {  # $1 label, $2 body (printf %b)
  local d="$TMP/$1"; mkdir -p "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ntitle: Where my conversations were\n---\n\n%b\n' "$2" > "$d/content/pages/sectors.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ]; then echo "OK [$1] exit 0"
  else echo "REFUSED [$1] exit $rc:"; echo "$out" | grep 'error\[' | sed 's/^/    /'; refused=1; fi
}
site list    'Sectors so far:\n\n- Private: 12 conversations\n- Public: 4 conversations\n- Non-profit: 2 conversations'
site bold    '**Private:** 12 conversations; **public:** 4; **non-profit:** 2.'
site pay     'Private: higher pay, less security. Public: lower pay, a pension.'
# controls that build
site control-sector 'Private sector: 12 conversations. Public sector: 4.'
site control-table  '| Sector | Count |\n|---|---|\n| Private | 12 |\n| Public | 4 |'
echo "sites in $TMP"
[ $refused -eq 1 ] && echo "RESULT: REFUSED (false refusal: nothing private in these pages)" || echo "RESULT: OK"
