#!/usr/bin/env bash
# R16-13: a clip of the recording, its bytes cut straight out of the recorded
# file (as `dd`, `mp3splt` or any lossless cutter of MP3/ADTS audio does), is
# published with exit 0 when it is shorter than about a quarter of the call.
# The near-copy check (R9-20) looks for 16 windows of 32 bytes spread over the
# recording and wants a quarter of them. A clip of 20% holds three. The README
# says "a copy trimmed, re-tagged or cut to an excerpt fails the build".
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
TMP=$(mktemp -d /tmp/r16-13.XXXXXX)
cd "$TMP" || exit 1
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
SIZE=600000   # stands in for the call (random bytes: no two windows alike)
head -c $SIZE /dev/urandom > "$TMP/call.mp3"
case_site() {  # $1 label, $2 first byte of the clip, $3 its length in bytes
  local d="$TMP/$1"; mkdir -p "$d/content/interviews" "$d/content/pages" "$d/content/audio" "$d/content/files"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  cp "$TMP/call.mp3" "$d/content/audio/qz-call.mp3"
  printf -- '---\ndate: 2026-03-01\nperson:\n  name: Quentin Zabrowski\nalias: a data lead at a software firm\nconsent:\n  publish_name: false\n  recording: true\nrecording_file: ../audio/qz-call.mp3\nstatus: done\n---\n\nTalked about dashboards.\n' \
    > "$d/content/interviews/2026-03-01-zenthor.md"
  dd if="$TMP/call.mp3" of="$d/content/files/best-bit.mp3" bs=1000 skip=$(($2/1000)) count=$(($3/1000)) 2>/dev/null
  printf -- '---\ntitle: Listen\n---\n\nThe best advice I got this term, in one clip: [listen](../files/best-bit.mp3).\n' > "$d/content/pages/listen.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && [ -f "$d/_site/files/best-bit.mp3" ] && cmp -s "$d/_site/files/best-bit.mp3" "$d/content/files/best-bit.mp3"; then
    echo "LEAKED [$1] exit 0: _site/files/best-bit.mp3 holds bytes $2..$(($2+$3)) of the recording ($((100*$3/SIZE))% of it)"; any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, clip not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]: [a-z ]*' | sort -u | head -1)"; fi
}
case_site clip-2pct   240000  12000
case_site clip-5pct   120000  30000
case_site clip-10pct  300000  60000
case_site clip-20pct  150000 120000
# controls
case_site control-clip-35pct 100000 210000
case_site control-whole      0      600000
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
