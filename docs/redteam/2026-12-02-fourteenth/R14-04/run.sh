#!/bin/bash
# Builds ./site (a copy, in a temporary folder) with ivsite at $IVSITE, then looks for the canary.
: "${IVSITE:?set IVSITE to the ivsite repository}"
here=$(cd "$(dirname "$0")" && pwd); w=$(mktemp -d); cp -r "$here/site/." "$w/"
cd "$w"; PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite build > build.log 2>&1; rc=$?
echo "exit $rc"; grep -E 'error' build.log | head -5
leak=0; grep -rq 'Ebore Dhvayna' _site && { echo "published: 'Ebore Dhvayna' (ROT13 of Robert Quinlan) and the ROT13 of the private passage"; leak=1; }
grep -rqF -- '.-. --- -... . .-. -' _site && { echo "published: Robert Quinlan in Morse"; leak=1; }
if [ $rc -eq 0 ] && [ $leak -eq 1 ]; then echo LEAK; elif [ $rc -ne 0 ]; then echo "REFUSED (held)"; else echo OK; fi
