#!/bin/bash
# Builds ./site (a copy, in a temporary folder) with ivsite at $IVSITE, then looks for the canary.
: "${IVSITE:?set IVSITE to the ivsite repository}"
here=$(cd "$(dirname "$0")" && pwd); w=$(mktemp -d); cp -r "$here/site/." "$w/"
cd "$w"; PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite build > build.log 2>&1; rc=$?
echo "exit $rc"; grep -E 'error' build.log | head -5
# The theme's theme.js (an override of the default theme's, with one line added at
# its end) writes "Thanks to Robert Quinlan" into every page from character codes.
leak=0
f=_site/static/theme.js
if [ -f "$f" ] && grep -q 'String.fromCharCode(84,104,97,110,107,115,32,116,111,32,82,111,98,101,114,116' "$f"; then
  echo "published $f, which draws 'Thanks to Robert Quinlan' on every page that loads it:"
  grep -l 'static/theme.js' -r _site --include=index.html | head -3
  leak=1; fi
if [ $rc -eq 0 ] && [ $leak -eq 1 ]; then echo LEAK; elif [ $rc -ne 0 ]; then echo "REFUSED (held)"; else echo OK; fi
