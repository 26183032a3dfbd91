#!/bin/sh
# R12-12: an unconsented interviewee's family name alone, written in another note, is published beside his alias'd answer on the question page (and beside his card on the home, interviews and timeline lists)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep -l "Studio North" $(grep -rl "Zabrowski" _site)   # exit 0 = reproduced: the name part and his card on one page
