#!/bin/sh
# R10-01: a name recorded in Latin letters (Wang Xiaoming) is published in Han characters (王小明); alone on a site, Minjun Kim as 김민준 and Kentaro Watanabe as 渡辺健太郎 pass the same way.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '王小明' _site/about/index.html
