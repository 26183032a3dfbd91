#!/bin/sh
# R10-02: a Japanese name recorded in kanji (渡辺健太郎) is published in romaji (Kentaro Watanabe).
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '.{0,30}Kentaro Watanabe.{0,30}' _site/about/index.html
