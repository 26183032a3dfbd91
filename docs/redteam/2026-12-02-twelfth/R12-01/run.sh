#!/bin/sh
# R12-01: the mentor link's secrets (share token, passphrase) written in a public note are published; the audit looks for neither
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
# a fixed token, as `ivsite share` would have printed it to the author
mkdir -p .ivsite
printf 'token = "Rt12TokenAbcdefGhijklmN"\nsalt = "ROC5axMZasS+x2P08P2hNQ=="\n' > .ivsite/share.toml
sed -i 's/TOKEN/Rt12TokenAbcdefGhijklmN/' content/pages/about.md
export IVSITE_SHARE_PASSPHRASE="violet-harbour-lantern-97"
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
ls _site/share/Rt12TokenAbcdefGhijklmN/reflections/
grep -rl "Rt12TokenAbcdefGhijklmN" _site --exclude-dir=share &&
grep -rl "violet-harbour-lantern-97" _site --exclude-dir=share   # exit 0 = reproduced
