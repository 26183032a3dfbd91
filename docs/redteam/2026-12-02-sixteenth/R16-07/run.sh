#!/usr/bin/env bash
# R16-07: a folder's privacy said in a file beside its notes (another
# generator's directory data file, a settings file, a marker file) is not read
# and not refused: the folder's notes are published with exit 0 and no warning.
# The same setting in a note's front matter, in an _index.md cascade or in a
# file opening with front matter is refused (fail closed); a file that opens
# without '---' is just an unlinked asset.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-fix16-4
CANARY="Kestrelpay"
TMP=$(mktemp -d /tmp/r16-07.XXXXXX)
cd "$TMP" || exit 1   # not /work/main: python -m puts the current folder first on sys.path
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
case_site() {  # $1 label, $2 file beside the notes, $3 its text (printf %b)
  local d="$TMP/$1"; mkdir -p "$d/content/pages/salary-talks"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ntitle: Home\n---\n\nWelcome.\n' > "$d/content/pages/index.md"
  printf -- '---\ntitle: What I would ask for\n---\n\nKestrelpay: I would ask for 68k and walk away under 61k.\n' > "$d/content/pages/salary-talks/asking.md"
  printf -- '---\ntitle: Offers so far\n---\n\nKestrelpay offer one: 59k, two weeks to answer.\n' > "$d/content/pages/salary-talks/offers.md"
  printf '%b' "$3" > "$d/content/pages/salary-talks/$2"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$CANARY" "$d/_site"; then
    echo "LEAKED [$1] exit 0, $(echo "$out" | grep -cE '(error|warning)\[') diagnostics: the folder's notes in $(grep -rlF "$CANARY" "$d/_site" | sed "s|$d/||" | grep -v pagefind | tr '\n' ' ')"
    any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, canary not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
# Eleventy's directory data file: the documented way to keep a folder out
case_site eleventy-dir-data 'salary-talks.11tydata.json' '{"permalink": false, "eleventyExcludeFromCollections": true}\n'
case_site eleventy-draft    'salary-talks.json' '{"draft": true, "visibility": "private"}\n'
# a settings file in ivsite's own words, as YAML or TOML without front-matter fences
case_site folder-yaml       '_metadata.yml' 'visibility: private\n'
case_site folder-toml       'folder.toml' 'visibility = "private"\n'
# mkdocs-awesome-pages' .pages
case_site awesome-pages     '.pages' 'hide: true\n'
# marker files (as .nojekyll / .nomedia)
case_site marker-private    '.private' ''
case_site marker-nopublish  '.nopublish' ''
case_site marker-readme     'DO-NOT-PUBLISH.txt' 'Nothing in this folder goes on the site.\n'
case_site ignore-file       '.ivsiteignore' '*\n'
# controls
case_site control-fenced-yaml '_metadata.yml' '---\nvisibility: private\n---\n'
case_site control-hugo-cascade '_index.md' '---\ntitle: Salary talks\ncascade:\n  draft: true\n---\n'
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
