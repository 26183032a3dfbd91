#!/bin/sh
# R11-22: a name recorded in Latin letters (Minjun Kim, Sang-hoon Park, Taro Tanaka, Yuki Sato, Somchai Jaidee, Nino Beridze, Sokha Chan, Wang Xiaoming, Zeng Xiaoling) is published when the text writes it in Chinese characters, Hangul, kanji, kana, Thai, Georgian or Khmer (Cyrillic, Greek, Devanagari, Arabic, Armenian, Ethiopic for a Latin record are found)
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '김민준|박상훈|田中太郎|たなか たろう|タナカ・タロウ|佐藤由紀|สมชาย ใจดี|ნინო ბერიძე|សុខា ចាន់|王小明|曾晓玲' _site/
