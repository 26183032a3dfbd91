#!/bin/sh
# R10-29: privacy labels, headings and callouts are refused in ASCII English
# ("PRIVATE: …", "非公開: …" with an ASCII colon, "> [!private]", and headings
# such as "## 非公開") but published when written the way a Japanese, Chinese or
# Korean keyboard writes them: with a full-width colon ("非公開：…",
# "PRIVATE：…"), or as a callout typed with a CJK privacy word ("> [!비공개]",
# "> [!非公開]"). The same words are privacy words in paths and tags.
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '非公開：[^<]*|PRIVATE：[^<]*|연봉[^<]*|組織変更[^<]*' _site/about/index.html
