#!/bin/bash
# Builds ./site (a copy, in a temporary folder) with ivsite at $IVSITE, then looks for the canary.
: "${IVSITE:?set IVSITE to the ivsite repository}"
here=$(cd "$(dirname "$0")" && pwd); w=$(mktemp -d); cp -r "$here/site/." "$w/"
cd "$w"; PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite build > build.log 2>&1; rc=$?
echo "exit $rc"; grep -E 'error' build.log | head -5
leak=0
grep -rl 'Teodora Lindqvist is leaving the lab in May' _site | head -3 | sed 's/^/private note body + third-party name published in: /' ; grep -rq 'Teodora Lindqvist' _site && leak=1
grep -rl 'zebrafish orchard budget' _site | head -3 | sed 's/^/::: private sentence published in: /'; grep -rq 'zebrafish orchard budget' _site && leak=1
grep -iE 'warning' build.log | head -3
if [ $rc -eq 0 ] && [ $leak -eq 1 ]; then echo LEAK; elif [ $rc -ne 0 ]; then echo "REFUSED (held)"; else echo OK; fi
