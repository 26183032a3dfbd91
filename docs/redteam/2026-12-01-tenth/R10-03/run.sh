#!/bin/sh
# R10-03: names recorded in their own script are published in another common romanisation: 王小明 in Wade-Giles ("Hsiao-ming Wang"; pinyin "Wang Xiaoming" is found), สมชาย ใจดี in the usual Thai romanisation ("Somchai Jaidee").
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Hsiao-ming Wang|Somchai Jaidee' _site/about/index.html
