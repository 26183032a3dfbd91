#!/bin/sh
# R12-07: zlib-compressed parts inside a file (a WOFF font's name table, a PNG's iCCP profile, an MP3's compressed ID3 frame) carry an unconsented name past the audit
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
${PY:-/work/main/.venv/bin/python} "$here/make_files.py" "$tmp"
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
${PY:-/work/main/.venv/bin/python} "$here/inflate_grep.py" _site/files/*   # exit 0 = reproduced
