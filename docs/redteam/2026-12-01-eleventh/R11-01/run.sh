#!/bin/sh
# R11-01: a withheld name in another language's case forms (Polish, Czech, Russian, Finnish, Hungarian, Latvian, Lithuanian, Turkish, Arabic, Hebrew) is published
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Kowalskiej|Иваном Петровым|Ивана Петрова|Virtasen|Novákovou|Péterrel|Bērziņ[a-zāu]+|Kazlausk[a-z]+|Yılmazla|Zabrowskis|Zabrowskiego|ולדני כהן|ولمحمد علي' _site/
