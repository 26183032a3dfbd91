#!/bin/sh
# R10-38: a declined person's name inflected, as Polish, Russian, Finnish and
# Czech text always inflects names ("u Katarzyny Wiśniewskiej" for Katarzyna
# Wiśniewska, "с Сергеем Ивановым" for Сергей Иванов, "Mikko Virtasen" for
# Mikko Virtanen, "s Janem Novákem" for Jan Novák), is published.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Katarzyny Wiśniewskiej|Сергеем Ивановым|Mikko Virtasen|Janem Novákem' _site/about/index.html
