#!/bin/sh
# R10-05: a former/maiden name in brackets in person.name (née Nowak) is published as 'Anna Nowak'.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '.{0,30}Anna Nowak.{0,30}' _site/about/index.html
