#!/bin/sh
# R10-20: the usual other romanisations of a declined person's name are
# published: a Japanese long vowel written "oh"/"ou"/"oo" instead of with a
# macron (Shōhei Ōtani as "Shohei Ohtani", Yuki Satō as "Yuki Satou"), a Korean
# syllable in its other common spelling (Minjun Kim as "Min-joon Kim").
# ("Shohei Otani", "Yuki Sato", "Jurgen Muller" and "Juergen Mueller" are found.)
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Shohei Ohtani|Yuki Satou|Min-joon Kim' _site/about/index.html
