#!/bin/sh
# R10-18 (false refusal): in the note about "Will Marsh" (who declined), the
# ordinary lower-case word "will" is refused as his given name alone; the same
# for "hope" (Hope Rivers), "grace", "long" (Mark Long), "bell", "guy", "june".
# An interview with a Will, Hope or Grace cannot use the word in its text.
# Builds a copy of this site; grep exit 0 = the false refusal reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep "error\[name-without-consent\]: 'will'" build.log
