#!/bin/sh
# R10-31: names with a patronymic instead of a family name: the person's own
# name without the patronymic (Malay "Nurul Aini" for Nurul Aini binti
# Abdullah, "Encik Faizal" for Ahmad Faizal bin Hassan, Icelandic "Sigríður"
# for Sigríður Jónsdóttir), which is how they are addressed, is published in a
# page that does not link to their note. (The Arabic "Muhammad Al-Farsi" for
# "Muhammad ibn Rashid Al-Farsi" is found: it has a family name.)
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Nurul Aini|Encik Faizal|Sigríður' _site/about/index.html
