#!/bin/sh
# R11-10: privacy words known in one place but not another: a page in a 'sensitive/', 'restricted/', 'local-only/' or 'just-for-me/' folder, tagged 'sensitive' or 'local-only', or with 'classified: true', 'just_for_me: true', 'exclude_from_site: true' or 'show: false' is published (sensitive/restricted are privacy keys, local_only and for_my_eyes_only too)
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'QQ[A-Z0-9]+[^<]*' _site/
