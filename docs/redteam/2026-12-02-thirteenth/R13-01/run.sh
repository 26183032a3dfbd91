#!/bin/bash
# R13-01: an interview's person record (name, email, phone, referred_by,
# recording_file) on a note filed as a page is ignored with a warning, so no
# consent rule, contact rule or recording rule applies; the build exits 0.
here=$(cd "$(dirname "$0")" && pwd); site=$(mktemp -d); cp -r "$here/site/." "$site/"
PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build; rc=$?
echo "exit status: $rc"
if [ $rc -eq 0 ] && grep -rqE 'Zabrowski|Oyelaran|qz@acme|555 0142|Leeford' "$site/_site" \
   || [ -f "$site/_site/audio/qz.m4a" ]; then
  echo "LEAK:"; grep -rhoE '.{0,30}(Zabrowski|Oyelaran|qz@acme|555 0142|Leeford).{0,20}' "$site/_site" --include=*.html | sort -u | head
  find "$site/_site" -name '*.m4a'
elif [ $rc -ne 0 ]; then echo "REFUSED"; else echo "OK"; fi
rm -rf "$site"
