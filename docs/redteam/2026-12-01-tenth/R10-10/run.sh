#!/bin/sh
# R10-10: a PDF encrypted with an owner password only (empty user password:
# "restrict copying/printing", which every viewer opens without asking) is
# copied to _site/files/notes.pdf: the audit reads the ciphertext, so the
# unconsented name on the page and in /Author, and the private phone number in
# /Subject, are published. (Made with pypdf: PdfWriter.encrypt(user_password="",
# owner_password="owner-secret", algorithm="RC4-128").)
# Builds a copy of this site, decrypts the published PDF as a viewer does and
# greps it; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PY=${PY:-/work/main/.venv/bin/python}
PYTHONPATH=${IVSITE:-/work/wt-red10} $PY -m ivsite build
echo "build exit status: $?"
$PY "$here/show_pdf.py" _site/files/notes.pdf | grep -a -e 'Quentin Zabrowski' -e '416 555 0142'
