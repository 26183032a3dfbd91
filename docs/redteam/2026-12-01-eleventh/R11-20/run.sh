#!/bin/sh
# R11-20: an interviewee's contact addresses other than e-mail and phone written in a private note (personal site, Instagram handle, Telegram, Calendly link) are published when a public page repeats them; e-mails and phones from withheld text are refused
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'qz-studio\.example/about|@qz\.studio\.nyc|calendly\.com/qz-studio/30min|t\.me/qzstudio_nyc' _site/
