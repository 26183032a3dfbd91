#!/usr/bin/env bash
# R15-06: a short bracketed mark or a lone number between the given and the family
# name (a citation mark "[1]", "(1)", "{1}", "[a]", an unresolved footnote "[^a]",
# "Robert 1 Quinlan") hides the whole name from the filter and the audit; the same
# aside with a space before it ("Robert [sic] Quinlan", "Robert (1) Quinlan") is
# refused. Each line is its own site: a private interview with the unconsented
# person and a public page holding the line.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-red15
TMP=$(mktemp -d /tmp/r15-06.XXXXXX)
any=0; n=0
line_site() {  # $1 the public line, $2 grep needle
  n=$((n+1)); local d="$TMP/s$n"; mkdir -p "$d/content/interviews" "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ndate: 2026-03-01\nvisibility: private\nperson:\n  name: Robert Quinlan\n  company: Zenthor\nalias: a data analyst\nconsent:\n  publish_name: false\n---\n\nWe talked about dashboards.\n' > "$d/content/interviews/2026-03-01-zenthor.md"
  printf -- '---\ntitle: Notes\n---\n\n%s\n' "$1" > "$d/content/pages/notes.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$2" "$d/_site"; then
    echo "LEAKED [$1] exit 0: $(grep -rhoF "$2" "$d/_site/notes/index.html" | head -1)  in $(grep -rlF "$2" "$d/_site" | sed "s|$d/||" | head -2 | tr '\n' ' ')"; any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1]"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
line_site 'Robert[1] Quinlan runs the Zenthor dashboards.' 'Robert[1] Quinlan'
line_site 'Robert[a] Quinlan runs the Zenthor dashboards.' 'Robert[a] Quinlan'
line_site 'Robert(1) Quinlan runs the Zenthor dashboards.' 'Robert(1) Quinlan'
line_site 'Robert{1} Quinlan runs the Zenthor dashboards.' 'Robert{1} Quinlan'
line_site 'Robert[^a] Quinlan runs the Zenthor dashboards.' 'Robert[^a] Quinlan'
line_site 'Robert 1 Quinlan runs the Zenthor dashboards.' 'Robert 1 Quinlan'
line_site 'Robert[Bob]Quinlan runs the Zenthor dashboards.' 'Robert[Bob]Quinlan'
# controls
line_site 'Robert [sic] Quinlan runs the Zenthor dashboards.' 'Robert [sic] Quinlan'
line_site 'Robert (1) Quinlan runs the Zenthor dashboards.' 'Robert (1) Quinlan'
line_site 'Robert² Quinlan runs the Zenthor dashboards.' 'Quinlan'
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
