#!/bin/sh
# R11-12: an interviewee's phone number written in Dutch, Russian, Polish, Turkish or Swedish number words is published (French, German, Spanish, Italian, Portuguese and CJK are read)
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'vier een zes vijf vijf vijf nul een negen negen|четыре один шесть пять пять пять ноль один девять девять|cztery jeden sześć pięć pięć pięć zero jeden dziewięć dziewięć|dört bir altı beş beş beş sıfır bir dokuz dokuz|fyra ett sex fem fem fem noll ett nio nio' _site/
