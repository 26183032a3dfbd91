#!/bin/sh
# R10-36: a linked PDF whose font has /Encoding /MacRomanEncoding (older Mac
# software) draws "Zoë Müller": the string's bytes are \211 and \237 for ë and ü.
# The audit reads the same page with /WinAnsiEncoding (and refuses it) but not
# through MacRomanEncoding ("Zo‰ MŸller" in windows-1252). Likewise a text
# string in PDFDocEncoding: notes-cz.pdf's /Author "\231aneta \227olc" is
# "Žaneta Šolc" in every viewer's Document Properties.
# Builds a copy of this site, prints the published PDF's text as a viewer does
# and greps it; grep exit 0 = leak reproduced. (make_pdf.py, make_pdf2.py made the files.)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_pdf.py" _site/files/notes.pdf _site/files/notes-cz.pdf | grep -E 'Zoë Müller|Žaneta Šolc'
