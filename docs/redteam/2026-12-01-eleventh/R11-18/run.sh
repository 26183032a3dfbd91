#!/bin/sh
# R11-18: diagram exports carry their source file compressed, and it is published as is:
# an Excalidraw .svg/.png with "Embed scene" holds the whole scene, deleted elements
# included, deflated inside a JSON byte string (base64 in the SVG); a diagrams.net .svg
# ("Include a copy of my diagram") holds every page of the diagram, raw-deflated and
# base64 in its content attribute. A deleted note and a second page name an unconsented
# interviewee with his phone number. A PlantUML .svg carries its source (raw deflate in
# PlantUML's base64 alphabet) in a <?plantuml-src?> instruction, with a commented-out line. make_*.py write the files; decode_*.py read them back
# as Excalidraw and diagrams.net do.
# Builds a copy of this site and greps the decoded output; grep exit 0 = leak reproduced.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cp -r "$here/site.toml" "$here/content" "$tmp/"
mkdir -p "$tmp/content/files"
python3 "$here/make_excalidraw.py" "$tmp/content/files"
python3 "$here/make_drawio.py" "$tmp/content/files"
python3 "$here/make_plantuml.py" "$tmp/content/files"
cd "$tmp" || exit 2
PYTHONPATH=${IVSITE:-/work/wt-red11} ${PY:-/work/main/.venv/bin/python} -m ivsite build
echo "build exit status: $?"
{ python3 "$here/decode_excalidraw.py" _site/files/journey.svg _site/files/journey.png
  python3 "$here/decode_drawio.py" _site/files/flow.drawio.svg
  python3 "$here/decode_plantuml.py" _site/files/stakeholders.svg; } | grep -E 'Quentin Zabrowski|416 555 0199'
