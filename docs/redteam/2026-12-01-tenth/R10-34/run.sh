#!/bin/sh
# R10-34: linked ZIPs made by Windows' "Send to > Compressed (zipped) folder" on a
# Japanese or Russian system store member names in the OEM code page (cp932,
# cp866) without the UTF-8 flag; Explorer and 7-Zip there show 山田太郎メモ.txt and
# "Сергей Иванов - заметки.txt". The audit decodes the names as cp437 (as
# Python's zipfile does) and does not find the names. (A cp850 name with
# Latin letters, "Zoë Müllerová notes.txt", is found.)
# Builds a copy of this site, lists the published ZIPs' names as Windows shows
# them and greps them; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_zip.py" _site/files/notes-ja.zip _site/files/notes-ru.zip | grep -E '山田太郎|Сергей Иванов'
