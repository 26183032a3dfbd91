#!/bin/sh
# R10-03: a Chinese name recorded in Han characters is published in Wade-Giles (Hsiao-ming Wang / Hsiao-ming Wang).
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -raoE '.{0,30}Hsiao-ming Wang.{0,30}' _site/about/index.html
