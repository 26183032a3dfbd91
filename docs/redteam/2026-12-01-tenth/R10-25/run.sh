#!/bin/sh
# R10-25: names recorded in Latin letters (Lakshmi Narayanan, Kumara Perera,
# Aung Min Thein) are published in their own scripts (Tamil, Sinhala, Burmese):
# the sound match across scripts finds Devanagari, Bengali, Gurmukhi, Telugu,
# Arabic, Georgian, Armenian and Ethiopic spellings, not these.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'லட்சுமி நாராயணன்|කුමාර පෙරේරා|အောင်မင်းသိန်း' _site/about/index.html
