#!/bin/sh
# R11-07: a later 'publish_name: false' under another spelling or short form of the given name (Katharine/Katherine, Stephen/Steven, Muhammad/Mohammed, Alexander/Aleksandr, Gus/Augustin, Evie/Evangeline) does not withhold the earlier consented name
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Katherine Johnson|Steven Clark|Mohammed Ali|Aleksandr Gordeev|Augustin Kerbrat|Evangeline Thorsby' _site/
