#!/bin/sh
# R11-03: a '#' note-to-self line inside a multi-line value of site.toml or questions.yaml (text there, not a comment) is printed on the pages
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '# QQ[A-Z]+[^<"]*' _site/
