#!/bin/sh
# R10-26: a PDF whose one line "Notes from my chat with Quentin Zabrowski." is
# written as three pieces out of reading order (the family name first, the
# given name last, as design tools and some converters write them) is published:
# a viewer draws the pieces where their coordinates put them; the audit reads
# them in the order written ("Zabrowski. Notes from my chat with Quentin"). SVG
# text is read in the order placed (red team 4, J-svg); PDF text is not.
# Builds a copy of this site, prints the published PDF's line as drawn and
# greps it; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_pdf.py" _site/files/notes.pdf | grep 'Quentin Zabrowski'
