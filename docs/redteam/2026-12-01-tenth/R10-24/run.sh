#!/bin/sh
# R10-24: a declined person's family name with the honorific every Japanese,
# Chinese or Korean text uses for them (山田さん for 山田太郎, 王先生 for 王小明,
# 김 선생님 for 김민준) is published: in the person's own note (for a name
# written without a space, the usual way) and in any other page. The Latin
# counterparts ("Mr Zabrowski", "Herr Zabrowski", "Yamada-san" in the own note)
# are refused.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '山田さん|王先生|김 선생님' _site/interviews/iv1/index.html _site/about/index.html
