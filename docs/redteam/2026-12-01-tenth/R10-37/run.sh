#!/bin/sh
# R10-37: linked Word documents that read "Notes from my chat with Quentin
# Zabrowski." as Word shows them, with something Word does not show inside the
# family name: a tracked deletion ("Zab" + deleted "or" + "rowski", notes.docx),
# hidden text (w:vanish, notes-vanish.docx), or a field whose code sits between
# the letters of its result (notes-field.docx). The audit reads the hidden
# letters in place and does not find the name. (RTF is read "as shown", R9-27.)
# Builds a copy of this site, prints the published document as Word shows it
# and greps it; grep exit 0 = leak reproduced. (make_docx.py, make_docx2.py made the files.)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_docx.py" _site/files/notes.docx _site/files/notes-vanish.docx _site/files/notes-field.docx | grep 'Quentin Zabrowski'
