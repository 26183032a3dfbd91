#!/bin/sh
# R10-04: a preferred name given in brackets in person.name (Xiaoming (Kevin) Wang) is published as 'Kevin Wang'.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '.{0,30}Kevin Wang.{0,30}' _site/about/index.html
