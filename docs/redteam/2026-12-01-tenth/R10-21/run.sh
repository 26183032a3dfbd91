#!/bin/sh
# R10-21: a linked page saved in ISO-2022-JP (JIS, the classic Japanese mail and
# web encoding, declared by <meta charset="iso-2022-jp">; every browser decodes
# it, WHATWG Encoding Standard) names the declined person (山田太郎). The audit
# reads Shift_JIS and EUC-JP but not ISO-2022-JP's escape sequences.
# Builds a copy of this site, decodes the published page as a browser does and
# greps it; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY -c 'import sys; print(open(sys.argv[1], "rb").read().decode("iso2022_jp"))' _site/files/notes.html | grep '山田太郎'
