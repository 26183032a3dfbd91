#!/bin/sh
# R10-16: a linked spreadsheet (.xlsx) whose row reads "Quentin | Zabrowski" is
# published: Excel keeps the cells' text in xl/sharedStrings.xml in the order it
# was typed (the first-name column, then the family-name column), so the two
# words of the name stand apart in the file. The same rows as CSV are refused.
# Builds a copy of this site, prints the published workbook's rows and greps
# them; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_xlsx.py" _site/files/contacts.xlsx | grep 'Quentin | Zabrowski'
