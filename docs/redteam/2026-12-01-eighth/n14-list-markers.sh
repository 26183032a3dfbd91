#!/bin/sh
# N14: letters the browser draws from numbers. An ordered list typed as letters
# (<ol type="A">) whose items carry values (<li value="17">) shows "Q." "U." "E."
# ... as list markers; the page's text holds only numbers. In a flex row the
# markers read "Q.U.E.N.T.I.N." and "Z.A.B.R.O.W.S.K.I."; without any style
# attribute (the second page) they stand one per line. And a string marker:
# <li style="list-style-type:'Quentin Zab'">rowski, who took the photo</li>
# with the marker inside shows "Quentin Zabrowski, who took the photo" (the
# third page): `content` is refused, `list-style-type: '…'` is not. Exit 0.
set -e
D=${1:-/tmp/red8/N14}; sh "$(dirname "$0")/base.sh" "$D"
python3 - "$D" <<'PY'
import sys
def items(word): return ''.join(f'<li value="{ord(c.lower()) - 96}"></li>' for c in word)
row = 'style="display:flex;list-style-position:inside;padding:0"'
open(sys.argv[1] + '/content/pages/thanks.md', 'w').write(
    f'---\ntitle: Thanks\n---\nThanks to:\n\n<ol type="A" {row}>{items("Quentin")}</ol>\n'
    f'<ol type="A" {row}>{items("Zabrowski")}</ol>\n')
open(sys.argv[1] + '/content/pages/credits.md', 'w').write(
    f'---\ntitle: Credits\n---\nPhotos:\n\n<ol type="A">{items("Zabrowski")}</ol>\n')
open(sys.argv[1] + '/content/pages/photo.md', 'w').write(
    '---\ntitle: Photo\n---\n<ul style="list-style-position:inside;padding:0">'
    '<li style="list-style-type:\'Quentin Zab\'">rowski, who took the photo</li></ul>\n')
PY
cd "$D" && ivsite build; echo "exit $?"
grep -o '<ol type="A"[^>]*><li value="17">' _site/thanks/index.html
grep -o '<li style=[^>]*>rowski[^<]*' _site/photo/index.html
chromium --headless --no-sandbox --disable-gpu --screenshot="$D/thanks.png" --window-size=700,400 "file://$D/_site/thanks/index.html" 2>/dev/null || true
