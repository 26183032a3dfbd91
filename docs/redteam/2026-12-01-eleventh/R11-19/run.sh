#!/bin/sh
# R11-19: a shared-diagram link whose address carries the diagram compressed (mermaid.live
# '#pako:' zlib+base64url JSON, app.diagrams.net '#R' raw deflate+base64) publishes the
# unconsented name and phone number written in the diagram; anyone who follows the link
# sees them. decode_links.py reads the links as those editors do.
# Builds a copy of this site and greps the decoded output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
python3 "$here/decode_links.py" _site/portfolio/index.html | grep -E 'Quentin Zabrowski|416 555 0199'
