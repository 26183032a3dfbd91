#!/bin/sh
# R11-08: a file a public note links is copied as written: an HTML comment in a linked .html or .svg page and a '::: private' passage in a linked .txt are published
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'QQ[A-Z]+[^>]*' _site/
