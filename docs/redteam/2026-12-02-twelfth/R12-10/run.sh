#!/bin/sh
# R12-10: hidden text labelled "do not publish" in linked files is published: Word w:vanish and comments, a PDF annotation, SVG display=none, HTML hidden/display:none (hidden-in-file reads comments only)
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
grep -a -o "Do not share: the agency[^)]*" _site/files/portfolio.pdf &&
grep -o -e "Private: rejected[^<]*" _site/files/chart.svg &&
grep -o -e "Private notes, do not publish[^<]*" -e "Off the record[^<]*" _site/files/portfolio.html &&
grep -e "^Private:" -e "Do not publish" _site/files/prep.txt   # exit 0 = reproduced
