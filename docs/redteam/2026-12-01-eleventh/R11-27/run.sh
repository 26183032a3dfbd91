#!/bin/sh
# R11-27: an ordinary photo (1 MB of JPEG-like data) fails the build when a private interviewee has a short name part (Kim Lee) or works at a short-named company (IBM): the audit's readings of binary data spell them by chance
# False refusal: builds a copy of this site; the build exits 1 with the diagnostic below
# (grep exit 0 = the refusal reproduced).
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
mkdir -p "$tmp/content/files"
python3 "$here/make_photo.py" "$tmp/content/files"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep -E 'withheld (name part|company) would be published in files/photo.jpg' build.log
