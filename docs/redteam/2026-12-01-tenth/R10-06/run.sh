#!/bin/sh
# R10-06: a non-English diminutive of the given name with the family name is published: Kasia Wiśniewska (Katarzyna), Sasha Sokolov (Aleksandr).
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Kasia Wiśniewska|Sasha Sokolov' _site/about/index.html
