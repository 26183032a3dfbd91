#!/bin/sh
# R11-14: an interviewee's given name alone is published on the role page that lists their interview (role:) and shows it under 'Linked from': the given-name rule covers only the person's own note and notes linking to it
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'Quentin[^<"]*' _site/
