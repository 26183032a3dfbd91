#!/bin/sh
# R11-24: a link to an interviewee's own domain written in punycode (xn--jrgenmller-9dbf.de for jürgenmüller.de, xn--80adblm6aigkt.xn--p1ai for иванпетров.рф) publishes the unconsented name the browser shows in the address bar
# Builds a copy of this site and greps the decoded host names; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
python3 "$here/decode_idna.py" _site/about/index.html | grep -E "jürgenmüller|иванпетров|françoislefèvre"
