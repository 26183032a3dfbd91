#!/bin/bash
# R13-02: a raw-HTML link to a private note's page written with backslashes
# (which every browser reads as '/' in an http(s) address) is neither taken out
# by the filter nor found by the audit: the withheld note's address
# (reflections/quit-acme-in-may/, its slug) is published, exit 0.
here=$(cd "$(dirname "$0")" && pwd); site=$(mktemp -d); cp -r "$here/site/." "$site/"
PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build; rc=$?
echo "exit status: $rc"
if [ $rc -eq 0 ] && grep -rq 'quit-acme-in-may' "$site/_site"; then
  echo "LEAK:"; grep -rhoE '.{0,30}quit-acme-in-may.{0,5}' "$site/_site" | sort -u
elif [ $rc -ne 0 ]; then echo "REFUSED"; else echo "OK"; fi
rm -rf "$site"
