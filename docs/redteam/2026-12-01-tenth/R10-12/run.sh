#!/bin/sh
# R10-12: the private email qz.design@gmail.com is published as
# qzdesign@googlemail.com, the same Gmail mailbox (googlemail.com is Gmail's
# other domain; Gmail ignores dots in the local part).
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -Hrao 'qzdesign@googlemail.com' _site/interviews/iv1/index.html
