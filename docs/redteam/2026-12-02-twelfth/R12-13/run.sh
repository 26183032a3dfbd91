#!/bin/sh
# R12-13: an unconsented name in katakana followed by a hiragana particle or honorific (さん, と, が, くん, さま) is published; alone, or before 氏 or 様, it is refused
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep -c "クエンティン・ザブロウスキー" _site/about/index.html &&
grep -c "Квентином Забровски" _site/about/index.html &&
grep -c -e "קוונטין זברובסקי" -e "كوينتين زابروسكي" -e "क्वेंटिन ज़ब्रोव्स्की" -e "크벤틴 자브로프스키" _site/thanks-*/index.html   # exit 0 = reproduced
