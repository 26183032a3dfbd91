#!/usr/bin/env bash
# R16-12: an attachment that links a withheld note by its source path (an
# Obsidian canvas's file node, a JSON or CSV index of the vault, an HTML
# page's link to the .md) publishes the withheld note's file name, which is
# its slug ("2026-03-02-quitting-acme"). The contract keeps a withheld note's
# slug out of every output ("never the target's title, slug or URL"). The audit
# looks for the slug only as the page's address in a link, and for names
# inside [[…]].
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
SLUG="2026-03-02-quitting-acme"
TMP=$(mktemp -d /tmp/r16-12.XXXXXX)
cd "$TMP" || exit 1
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
case_site() {  # $1 label, $2 attachment name, $3 its text (printf %b)
  local d="$TMP/$1"; mkdir -p "$d/content/reflections" "$d/content/pages" "$d/content/files"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ntitle: Honest thoughts\ndate: 2026-03-02\n---\n\nI plan to leave once the probation ends.\n' > "$d/content/reflections/$SLUG.md"
  printf '%b' "$3" > "$d/content/files/$2"
  printf -- '---\ntitle: Map\n---\n\n[My career map](../files/%s)\n' "$2" > "$d/content/pages/map.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "quitting-acme" "$d/_site"; then
    echo "LEAKED [$1] exit 0: the withheld note's slug in $(grep -rlF "quitting-acme" "$d/_site" | sed "s|$d/||" | grep -v pagefind | tr '\n' ' ')"; any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]: [^\n]*' | head -1 | cut -c1-90)"; fi
}
case_site canvas-file-node map.canvas '{"nodes":[{"id":"a","type":"file","file":"content/reflections/'"$SLUG"'.md","x":0,"y":0,"width":400,"height":400},{"id":"b","type":"text","text":"My career map","x":500,"y":0,"width":200,"height":100}],"edges":[{"id":"e","fromNode":"b","toNode":"a"}]}\n'
case_site json-index notes.json '[{"path": "reflections/'"$SLUG"'.md", "kind": "reflection"}]\n'
case_site csv-index notes.csv 'path,kind\nreflections/'"$SLUG"'.md,reflection\n'
case_site html-link map.html '<!doctype html><title>Map</title><p><a href="../reflections/'"$SLUG"'.md">thoughts</a></p>\n'
# control: the same note named in a wiki link inside the canvas's text node
case_site control-canvas-wikilink map.canvas '{"nodes":[{"id":"b","type":"text","text":"See [['"$SLUG"']]","x":0,"y":0,"width":200,"height":100}],"edges":[]}\n'
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
