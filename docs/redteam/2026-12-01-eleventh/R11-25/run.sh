#!/bin/sh
# R11-25: a wiki link where ivsite does not read one (front-matter title and summary, image alt text, a link's title, an HTML attribute) prints a private note's title or alias, where the same link in the body reads 'a private note'
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Leaving Globex for Initech|Initech move|\[\[Resignation\]\]' _site/
