#!/bin/sh
# R10-27 (hostile): a linked ZIP whose central directory lists only readme.txt,
# with a first entry, notes.txt (deflated: the declined person's name and phone
# number), that only its local header describes. The audit opens the archive by
# its central directory and sees readme.txt; a streaming reader (`jar x < file`,
# Java's ZipInputStream) extracts notes.txt too. Python's zipfile and `unzip -l`
# list one member.
# Builds a copy of this site, reads the published ZIP as a streaming reader
# does and greps it; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_zip.py" _site/files/portfolio.zip | grep -e 'Quentin Zabrowski' -e '416 555 0142'
