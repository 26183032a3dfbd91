#!/bin/sh
# R11-21: a PNG whose EXIF ImageMagick kept as a "Raw profile type exif" zTXt chunk (the EXIF
# block as hex text) is published with the unconsented name it holds (ImageDescription, Artist);
# exiftool shows them. make_png_profile.py writes the picture; decode_png_profile.py reads it.
# Builds a copy of this site and greps the decoded output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
mkdir -p "$tmp/content/files"
python3 "$here/make_png_profile.py" "$tmp/content/files"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
python3 "$here/decode_png_profile.py" _site/files/photo.png | grep -E 'Quentin Zabrowski'
