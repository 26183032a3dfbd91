#!/bin/sh
# R11-23: an unconsented name written with LaTeX accent commands in a linked .bib or .tex file (M{\"u}ller, Fran{\c{c}}ois Lef{\`e}vre) is published; BibTeX and LaTeX print it as Jürgen Müller, François Lefèvre
# Builds a copy of this site and greps the output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
grep -HraoE 'M\{\\"u\}ller, J\{\\"u\}rgen|Fran\{\\c\{c\}\}ois Lef\{\\`e\}vre' _site/
