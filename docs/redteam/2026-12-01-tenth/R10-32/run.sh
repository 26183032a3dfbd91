#!/bin/sh
# R10-32 (false refusal): a private interview with "Rajesh Kumar s/o Muthu"
# (s/o, d/o: "son of", "daughter of", the official form of many Singaporean
# and Malaysian Indian names; "Priya d/o Raman" too) makes every build fail:
# the audit reports the default theme's own scripts (static/search.js,
# static/theme.js, static/filter.js) as publishing the unconsented name. No
# note is public; nothing names him.
# Builds a copy of this site; grep exit 0 = the false refusal reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep 'unconsented name would be published in static/' build.log
