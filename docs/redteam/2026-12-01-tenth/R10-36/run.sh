#!/bin/sh
# R10-36: a linked PDF whose font has /Encoding /MacRomanEncoding (older Mac
# software) draws "Zoë Müller": the string's bytes are \211 and \237 for ë and ü.
# The audit reads the same page with /WinAnsiEncoding (and refuses it) but not
# through MacRomanEncoding ("Zo‰ MŸller" in windows-1252).
# Builds a copy of this site, prints the published PDF's text as a viewer does
# and greps it; grep exit 0 = leak reproduced. (make_pdf.py made the file.)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_pdf.py" _site/files/notes.pdf | grep 'Zoë Müller'
