#!/bin/bash
# R13-07: the private fields referred_by, recording_file and referrals spelt
# a little off (referred-by, recording-file, referals; also referrer,
# referredBy, introduced_by) are unknown-key warnings only: the referrer's
# and the referral's names are published and the recording is copied, exit 0.
here=$(cd "$(dirname "$0")" && pwd); site=$(mktemp -d); cp -r "$here/site/." "$site/"
PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build; rc=$?
echo "exit status: $rc"
if [ $rc -eq 0 ] && { grep -rqE 'Leeford|Parkinson' "$site/_site" || [ -f "$site/_site/audio/q.mp3" ]; }; then
  echo "LEAK:"; grep -rhoE '.{0,20}(Leeford|Parkinson).{0,10}' "$site/_site" --include=*.html | sort -u | head -4
  find "$site/_site" -name '*.mp3'
elif [ $rc -ne 0 ]; then echo "REFUSED"; else echo "OK"; fi
rm -rf "$site"
