#!/bin/sh
# R10-40 (false refusal): a private reflection mentions the careers centre's
# public address and front-desk number ("I emailed careers@uni.example …"); the
# public About page gives the same public contact for readers and is refused
# (contact-in-text), with the hint "contact details are never published". Any
# public address (a careers office, a company's switchboard, the author's own
# email) once written in a private note can never be published.
# Builds a copy of this site; grep exit 0 = the false refusal reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
grep 'error\[contact-in-text\]: the email at content/reflections/r1.md' build.log
