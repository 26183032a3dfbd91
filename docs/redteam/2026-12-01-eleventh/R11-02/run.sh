#!/bin/sh
# R11-02: an interviewee's e-mail spelt out with hyphen-joined words, with the Spanish 'guión' for its hyphen, or with Dutch, Polish, Russian, Swedish, Czech, Hungarian, Japanese or Chinese words for '@' and '.' is published
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'jane-dot-doe-at-acme-corp-dot-example|jane punto doe arroba acme guión corp punto example|studio.lead.north [^ ]+ acme-corp [^ ]+ example' _site/
