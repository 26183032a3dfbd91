#!/bin/sh
# R10-13: a linked JSON file writes the unconsented name with JSON escapes for
# its capitals ("\u0051uentin \u005aabrowski"); any JSON reader (a browser's JSON
# viewer, JSON.parse, a script) reads "Quentin Zabrowski". A fully escaped name is
# found; this half-escaped one is not.
# Builds a copy of this site and decodes the published JSON; grep exit 0 = leak.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY -c 'import json,sys; print(json.load(open(sys.argv[1])))' _site/files/contacts.json | grep 'Quentin Zabrowski'
