#!/bin/sh
# R11-15: other tools' ways of keeping text out that ivsite prints: an Org/Logseq '#+BEGIN_COMMENT' block, a Ulysses '++inline comment++', and MkDocs admonitions typed or titled private ('!!! private', '??? note "Private notes"', '!!! warning "Do not publish"'; the callout forms are refused)
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'QQ[0-9]+[^<]*' _site/
