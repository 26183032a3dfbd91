#!/bin/bash
# Builds ./site (a copy, in a temporary folder) with ivsite at $IVSITE, then looks for the canary.
: "${IVSITE:?set IVSITE to the ivsite repository}"
here=$(cd "$(dirname "$0")" && pwd); w=$(mktemp -d); cp -r "$here/site/." "$w/"
cd "$w"; PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite build > build.log 2>&1; rc=$?
echo "exit $rc"; grep -E 'error' build.log | head -5
if [ $rc -eq 0 ]; then echo OK; else echo REFUSED; fi
