#!/usr/bin/env bash
# R16-08: a front-matter key that says the note is not ready, by a readiness
# state set false (ready, final, approved, reviewed, complete, finished: false),
# or that keeps it out of search engines (robots: noindex, sitemap: false,
# search_exclude: true), is an unknown-key warning; the note is published with
# exit 0. R15-05's shape rule covers a state set true (deleted, archived: true),
# not the inverse; `noindex: true` and `ready_to_publish: false` are refused.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-fix16-4
CANARY="Kestrelpay"
TMP=$(mktemp -d /tmp/r16-08.XXXXXX)
cd "$TMP" || exit 1
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
case_site() {  # $1 label, $2 front-matter line
  local d="$TMP/$1"; mkdir -p "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ntitle: What I would ask for\n%s\n---\n\nKestrelpay: I would ask for 68k and walk away under 61k.\n' "$2" > "$d/content/pages/asking.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$CANARY" "$d/_site"; then
    echo "LEAKED [$1] exit 0 ($(echo "$out" | grep -o 'warning\[[a-z-]*\]' | sort -u | tr '\n' ' ')): $(grep -rlF "$CANARY" "$d/_site" | sed "s|$d/||" | grep -v pagefind | tr '\n' ' ')"
    any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, canary not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
case_site ready-false     'ready: false'
case_site final-false     'final: false'
case_site approved-false  'approved: false'
case_site reviewed-false  'reviewed: false'
case_site complete-false  'complete: false'
case_site finished-false  'finished: false'
case_site robots-noindex  'robots: noindex, nofollow'
case_site sitemap-false   'sitemap: false'
case_site search-exclude  'search_exclude: true'
# controls
case_site control-noindex 'noindex: true'
case_site control-ready-to-publish 'ready_to_publish: false'
case_site control-archived 'archived: true'
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
