#!/bin/sh
# R10-14: the family name of someone who declined, after a title of another
# language (Señor, Signor, Pan, -san, -sensei), is published in a page that does
# not link to their note. The English, German and French titles (Mr, Ms, Dr,
# Prof., Mx, Herr, Monsieur) are found.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '(Señor|Signor|Pan) Zabrowski|Zabrowski-san' _site/about/index.html
