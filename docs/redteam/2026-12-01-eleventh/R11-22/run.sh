#!/bin/sh
# R11-22: a Korean or Japanese name recorded in Latin letters (Minjun Kim, Sang-hoon Park, Taro Tanaka, Yuki Sato) is published when the text writes it in Hangul, kanji or kana (Cyrillic for a Latin record is found)
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '김민준|박상훈|田中太郎|たなか たろう|タナカ・タロウ|佐藤由紀' _site/
