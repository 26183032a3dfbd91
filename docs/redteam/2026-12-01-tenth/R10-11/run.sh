#!/bin/sh
# R10-11: a `::: private` passage, or a privacy label ("Do not publish:",
# "PRIVATE:", "(off the record)", [private]…[/private], {% private %}), written
# inside a front-matter text field (summary) is published in the page's meta
# description, the search index and the feed. In the body each of these is an
# error (passage-fence-placement, privacy-label, privacy-markup).
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '.{0,40}(Kroggle|Blenheimer).{0,40}' _site/about/index.html _site/plan/index.html
