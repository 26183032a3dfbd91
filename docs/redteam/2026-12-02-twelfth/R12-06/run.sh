#!/bin/sh
# R12-06: CSS counters (a theme's style sheet, a linked SVG's <style>) draw an unconsented name on the page; the audit reads no counter
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
IVSITE=${IVSITE:-/work/wt-red12}
${PY:-/work/main/.venv/bin/python} "$here/make_files.py" "$tmp" "$IVSITE/themes/default/static/style.css"
PYTHONPATH=$IVSITE ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
# optional: see it drawn
# chromium --headless --screenshot=shot.png "file://$tmp/_site/about/index.html"
${PY:-/work/main/.venv/bin/python} "$here/decode_counters.py" _site/static/style.css &&
${PY:-/work/main/.venv/bin/python} "$here/decode_counters.py" _site/files/thanks.svg   # exit 0 = reproduced
