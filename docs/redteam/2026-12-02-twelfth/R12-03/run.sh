#!/bin/sh
# R12-03: an author who shares a given name with a private interviewee ("Sarah Kim" / "Sarah Park") cannot build: the site title on the role page is refused
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
status=$?
echo "build exit status: $status"
cat build.log
[ "$status" -ne 0 ]   # exit 0 = reproduced (an honest site refused)
