#!/bin/sh
# R12-15: interviewees named April or June, met in that month, cannot have a public (unconsented) note: ivsite's own date label ("12 April 2026") is read as their given name
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
status=$?
echo "build exit status: $status"
cat build.log
[ "$status" -ne 0 ]   # exit 0 = reproduced (an honest site refused)
