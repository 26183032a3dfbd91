#!/bin/sh
# R12-08: an unconsented name in base64 (a summary), hex or ROT13 in a page is published: the audit decodes base64 and quoted-printable in files, and in a page only where Pagefind copies the text
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
echo UXVlbnRpbiBaYWJyb3dza2k= | base64 -d; echo
grep -rl "UXVlbnRpbiBaYWJyb3dza2k=" _site/reflections/index.html _site/reflections/2026-04-01-thanks/index.html &&
grep -l "5175656e74696e205a6162726f77736b69" _site/reflections/2026-04-01-thanks/index.html   # exit 0 = reproduced
