#!/bin/sh
# R10-09: a PDF whose FlateDecode content stream uses a PNG predictor
# (/DecodeParms << /Predictor 12 /Columns 8 >>, as xref streams and many
# producers write) is copied to _site/files/notes.pdf with the unconsented
# name on its page: the audit inflates the stream but does not undo the
# predictor, so it reads noise. (make_pdf.py made the file.)
# Builds a copy of this site, decodes the published PDF as a viewer does and
# greps it; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_pdf.py" _site/files/notes.pdf | grep -a 'Quentin Zabrowski'
