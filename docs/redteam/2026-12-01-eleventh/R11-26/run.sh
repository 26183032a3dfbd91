#!/bin/sh
# R11-26: a linked file (a CV) that uses an ordinary word which is also a private interviewee's given or family name ('green', 'park', 'young', 'dean', 'will', 'hope'), or names the author's own past employer where a private interview took place, or a private note's tag ('Negotiation training' for a note tagged negotiation), fails the build
# False refusal: builds a copy of this site; the build exits 1 with the diagnostic below
# (grep exit 0 = the refusal reproduced).
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep -E 'withheld (name part|company|tag) would be published in files/cv.txt' build.log
