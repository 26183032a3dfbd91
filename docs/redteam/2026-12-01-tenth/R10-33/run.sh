#!/bin/sh
# R10-33 (false refusal): a private interview with 李明 (Li Ming, a very
# common two-character name) makes an ordinary Chinese sentence on a public
# page fail: "我会把行李明天寄回家" ("I will send my luggage home tomorrow") holds
# 行李 (luggage) + 明天 (tomorrow), and the name is matched across the word
# boundary. Likewise 王明 in 国王明白 ("the king understood"), 高明 in 很高明
# ("very clever"; there the name is itself a word).
# Builds a copy of this site; grep exit 0 = the false refusal reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep "error\[name-without-consent\]: '李明'" build.log
