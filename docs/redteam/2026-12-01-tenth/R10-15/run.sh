#!/bin/sh
# R10-15: the private phone number (+1 416 555 0142) spelt digit by digit in
# French, German or Spanish words, or in Chinese numerals, is published.
# English digit words ("four one six …", "oh one forty-two") are found.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'quatre un six[^<]*|vier eins sechs[^<]*|四一六五五五〇一四二' _site/interviews/iv1/index.html
