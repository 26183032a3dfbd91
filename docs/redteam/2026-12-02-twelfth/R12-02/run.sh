#!/bin/sh
# R12-02: an unconsented name and a contact email spelt in invisible characters (Unicode tags, variation selectors, zero-width bits) are published
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
mkdir -p content/pages
${PY:-/work/main/.venv/bin/python} "$here/make_pages.py" "$tmp"
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
${PY:-/work/main/.venv/bin/python} "$here/decode.py" _site/about/index.html   # exit 0 = reproduced
