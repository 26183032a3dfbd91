#!/bin/sh
# R11-11: labels an author writes where a '::: private' (or '::: mentor') fence belongs are published: 'Sensitive:', 'Restricted:', 'Just for me:', 'Between you and me:', '(not for the site)', 'Do not post:', 'Remove before publishing:', 'Under NDA:', 'In confidence:', 'For my mentor:', and headings '## Sensitive stuff', '## Under embargo', '## What she asked me not to repeat', '### For my mentor', '## Off the record, how did …?', and the example site's own 'Off the record, she said …' without its fence
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'QQ[0-9]+[^<]*' _site/
