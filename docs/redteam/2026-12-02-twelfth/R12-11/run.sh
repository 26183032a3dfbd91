#!/bin/sh
# R12-11: a private phone number written in phone-keypad letters ("647-EVA-CARE" for +1 647 382 2273) is published
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
echo "647-EVA-CARE" | tr 'A-Z' '22233344455566677778889999'
grep -r "647-EVA-CARE" _site/about/index.html   # exit 0 = reproduced
