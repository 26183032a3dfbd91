#!/bin/sh
# R11-13: a one-letter typo (a transposition or a dropped letter) of an unconsented name is published
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Qeuntin Zabrowski|Quentn Zabrowski|Quentin Zabroswki|Quentin Zabrowki|Quentin Zarbowski' _site/
