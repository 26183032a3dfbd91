#!/bin/sh
# N15: an SVG that defines each letter once in <defs> (in any order) and places
# them with <use href="#g81" x="10"/> … shows "Quentin Zabrowski"; the SVG text
# reading takes the <defs> letters in source order. Inline in a public note, and
# as a linked .svg file: exit 0.
set -e
D=${1:-/tmp/red8/N15}; sh "$(dirname "$0")/base.sh" "$D"
python3 - "$D" <<'PY'
import sys
name = "Quentin Zabrowski"
defs = ''.join(f'<text id="g{ord(c)}" y="20">{c}</text>' for c in sorted(set(name) - {' '}, key=lambda c: -ord(c)))
uses = ''.join(f'<use href="#g{ord(c)}" x="{10 + 11 * i}"/>' for i, c in enumerate(name) if c != ' ')
svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="240" height="30" font-family="monospace">'
       f'<defs>{defs}</defs>{uses}</svg>')
open(sys.argv[1] + '/content/pages/sign.svg', 'w').write(svg)
open(sys.argv[1] + '/content/pages/about.md', 'w').write(
    f'---\ntitle: About\n---\nSigned:\n\n{svg}\n\n![signature](sign.svg)\n')
PY
cd "$D" && ivsite build; echo "exit $?"
ls _site/pages/; grep -c '<use href="#g81"' _site/about/index.html
chromium --headless --no-sandbox --disable-gpu --screenshot="$D/about.png" --window-size=700,400 "file://$D/_site/about/index.html" 2>/dev/null || true
