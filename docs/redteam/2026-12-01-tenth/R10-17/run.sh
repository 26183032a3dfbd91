#!/bin/sh
# R10-17: a person recorded by initial and family name (name: Q. Zabrowski,
# as an email signature gave it) declined; the full name "Quentin Zabrowski" is
# published. "Mr Zabrowski" and "Q Zabrowski" are refused; a given name that
# starts with the recorded initial is not looked for (also "Jane D." recorded,
# "Jane Doe" published).
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -Hrao 'Quentin Zabrowski' _site/about/index.html
