#!/bin/sh
# R11-06: a private interview with Jane Doe (or Grant Price) makes the public build fail when any public page says 'does' ('grants', 'prices'): Pagefind's stem is read as the withheld name part
# False refusal: builds a copy of this site; the build exits 1 with the diagnostic below
# (grep exit 0 = the refusal reproduced).
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep -E 'withheld name part would be published in pagefind' build.log
