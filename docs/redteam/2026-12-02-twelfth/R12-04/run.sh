#!/bin/sh
# R12-04: a public role note (or a note linking a private interview) may not say "Morgan Stanley" because a *private* interviewee is Alex Morgan
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
status=$?
echo "build exit status: $status"
cat build.log
[ "$status" -ne 0 ]   # exit 0 = reproduced (an honest site refused)
