#!/bin/sh
# R10-37: a linked Word document with tracked changes (a correction inside the
# family name: "Zab" + deleted "or" + "rowski") reads "Notes from my chat with
# Quentin Zabrowski." in Word's default view, which hides deletions. The audit
# reads the deleted letters too ("Zaborrowski") and does not find the name.
# Builds a copy of this site, prints the published document as Word shows it
# and greps it; grep exit 0 = leak reproduced. (make_docx.py made the file.)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_docx.py" _site/files/notes.docx | grep 'Quentin Zabrowski'
