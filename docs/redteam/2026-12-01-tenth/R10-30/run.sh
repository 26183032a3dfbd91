#!/bin/sh
# R10-30: HTML comments (and Obsidian %% comments) are refused in a note's
# front matter and cut from its body ("HTML comments are removed from every
# output"), but a comment in content/questions.yaml's question text, or in
# site.toml's title, is printed on the pages (escaped, so a reader sees it).
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red10} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE '&lt;!-- (ask about the Kroggle|Marrowby)[^&]*--&gt;' _site/questions/index.html _site/index.html
