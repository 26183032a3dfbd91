#!/bin/sh
# R11-16: a private interview whose referred_by names a channel ('LinkedIn', 'alumni office') or whose referral is an office or a role ('Career Services', 'the hiring manager') makes every public mention of it a name-without-consent error
# False refusal: builds a copy of this site; the build exits 1 with the diagnostic below
# (grep exit 0 = the refusal reproduced).
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep -E 'did not agree to be named' build.log
