#!/bin/sh
# R10-08: Quentin Zabrowski declined; a second note about him spelt 'Q Zabrowski' says publish_name: true and is not tied to the first: 'Q Zabrowski' is published.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '.{0,30}Zabrowski.{0,20}' _site/index.html _site/people/index.html
