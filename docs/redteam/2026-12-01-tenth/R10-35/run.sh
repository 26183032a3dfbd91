#!/bin/sh
# R10-35: linked photos whose EXIF Artist and ImageDescription hold a declined
# person's name in the local ANSI code page (山田太郎 in Shift_JIS, Сергей Иванов
# in cp1251), as local camera and photo tools write them; Windows Explorer
# shows them under Properties > Details on such a system. The audit reads text files in Shift_JIS, but not the text
# fields inside a binary file.
# Builds a copy of this site, prints the published photo's EXIF text as
# Explorer shows it and greps it; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
{ $PY "$here/show_exif.py" _site/files/photo.jpg; $PY "$here/show_exif.py" _site/files/photo-ru.jpg; } | grep -E '山田太郎|Сергей Иванов'
