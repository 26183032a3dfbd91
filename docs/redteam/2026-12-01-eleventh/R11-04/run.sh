#!/bin/sh
# R11-04: another tool's comment (CriticMarkup {>> <<}, Jinja {# #}, Handlebars {{! }}) in a front-matter title or summary, or in a questions.yaml entry, is printed; in the body it is a privacy-markup error
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'QQ[A-Z]+[^<"]*' _site/
