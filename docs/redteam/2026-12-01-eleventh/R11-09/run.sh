#!/bin/sh
# R11-09: a withheld name written upside down (a 'flip text' generator), backwards or in Braille is published
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'ǝoᗡ ǝuɐſ|eoD enaJ|⠚⠁⠝⠑ ⠙⠕⠑' _site/
