#!/bin/sh
# R10-28: an email address and phone number written in a private note's
# front matter (summary; also title) are not taken as contact details: the
# public page gives them in another spelling and builds. Written in the private
# note's body, or in a private passage, the same details are refused however
# they are spelt (contact-in-text).
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'dana.r at northwind dot example|647-555-0199' _site/about/index.html
