#!/bin/sh
# R10-01: a name recorded in Latin letters (Wang Xiaoming) is published written in Han characters (王小明).
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -raoE '.{0,30}王小明.{0,30}' _site/about/index.html
