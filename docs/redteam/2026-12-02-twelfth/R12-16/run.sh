#!/bin/sh
# R12-16: German compounds in file names ("Entwurfsmuster" design patterns, "Geheimtipps" insider tips) read as privacy words; only English words excuse a run-together privacy word
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
status=$?
echo "build exit status: $status"
cat build.log
[ "$status" -ne 0 ]   # exit 0 = reproduced (an honest site refused)
