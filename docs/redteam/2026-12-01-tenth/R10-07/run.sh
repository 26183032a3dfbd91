#!/bin/sh
# R10-07: the initials of a compound given name with the family name (JL Marchand for Jean-Luc Marchand) are published.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '.{0,30}JL Marchand.{0,30}' _site/about/index.html
