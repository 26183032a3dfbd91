#!/bin/sh
# R12-10: a Word file's and a PDF's hidden text (w:vanish, comments, a sticky-note annotation), labelled "do not publish", are published; hidden-in-file reads only HTML, SVG, XML and text files
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
cd "$tmp" || exit 2
${PY:-/work/main/.venv/bin/python} "$here/make_docx.py" "$tmp"
${PY:-/work/main/.venv/bin/python} "$here/make_pdf.py" "$tmp"
PYTHONPATH=${IVSITE:-/work/wt-red12} ${PY:-/work/main/.venv/bin/python} -m ivsite build > build.log 2>&1
echo "build exit status: $?"
cat build.log
unzip -p _site/files/cv.docx word/document.xml word/comments.xml | grep -o -e "Private: do not publish[^<]*" -e "Do not share[^<]*" &&
grep -a -o "Do not share: the agency[^)]*" _site/files/portfolio.pdf   # exit 0 = reproduced
