#!/bin/bash
# R13-03: a second interviewee recorded under a key ivsite does not know
# (second_person: {name, email, phone}) is only an unknown-key warning; her
# name and contact details in the body are published, exit 0.
here=$(cd "$(dirname "$0")" && pwd); site=$(mktemp -d); cp -r "$here/site/." "$site/"
PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build; rc=$?
echo "exit status: $rc"
if [ $rc -eq 0 ] && grep -rqE 'Oyelaran|maria.o@|555 0177' "$site/_site"; then
  echo "LEAK:"; grep -rhoE '.{0,30}(Oyelaran|maria.o@|555 0177).{0,10}' "$site/_site" --include=*.html | sort -u | head -5
elif [ $rc -ne 0 ]; then echo "REFUSED"; else echo "OK"; fi
rm -rf "$site"
