#!/bin/bash
# Builds ./site (a copy, in a temporary folder) with ivsite at $IVSITE, then looks for the canary.
: "${IVSITE:?set IVSITE to the ivsite repository}"
here=$(cd "$(dirname "$0")" && pwd); w=$(mktemp -d); cp -r "$here/site/." "$w/"
cd "$w"; PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite build > build.log 2>&1; rc=$?
echo "exit $rc"; grep -E 'error' build.log | head -5
leak=0; for f in $(find _site -name 'notes-*.txt'); do
  for enc in cp500 cp037; do
    /work/main/.venv/bin/python -c "import sys; t=open(sys.argv[1],'rb').read().decode(sys.argv[2],'replace'); sys.exit(0 if 'Robert Quinlan' in t or 'zebrafish orchard' in t else 1)" "$f" $enc && { echo "published in $f ($enc): Robert Quinlan / zebrafish orchard"; leak=1; }
  done; done
if [ $rc -eq 0 ] && [ $leak -eq 1 ]; then echo LEAK; elif [ $rc -ne 0 ]; then echo "REFUSED (held)"; else echo OK; fi
