#!/bin/sh
# R10-39 (hostile): a linked page draws "Notes from my chat with Quentin
# Zabrowski." through a declarative shadow root whose slots put the light-DOM
# spans in another order; the source holds "Zabrowski was the second person I
# met at the Acme studio, after Quentin", and the words between are drawn
# nowhere (no slot takes them). The audit reads the source order, and with the
# <template> taken out (as hidden), which leaves the name apart. Also
# thanks.html: a table whose <tfoot> ("Zabrowski, the designer.") is written
# before its <thead> and <tbody> ("Quentin") is drawn with the footer last, so the
# rows read "… / Quentin / Zabrowski, the designer." (In a note the same table
# is refused.)
# Builds a copy of this site, prints the published page as a browser draws it
# and greps it; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_page.py" _site/files/card.html _site/files/thanks.html | grep -E 'Quentin Zabrowski|Quentin / Zabrowski'
