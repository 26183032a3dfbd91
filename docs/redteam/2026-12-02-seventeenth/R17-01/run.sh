#!/bin/bash
# R17-01: an export of the withheld recording in another format (same stem, other suffix)
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
T=$(mktemp -d); cd "$T"
run_case() { # name linkpath
  local name=$1 link=$2 s="$T/$1"
  mkdir -p "$s/content/interviews" "$s/content/reflections" "$s/content/audio" "$s/content/files"
  printf 'title = "T"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$s/site.toml"
  head -c 40000 /dev/urandom > "$s/content/audio/call-0105.m4a"     # the recording
  head -c 40000 /dev/urandom > "$s/content/${link#../}"               # its export, re-encoded (shares no bytes)
  cat > "$s/content/interviews/quint.md" <<'MD'
---
date: 2026-01-05
person:
  name: Zorblax Quint
alias: an analyst
consent:
  publish_name: false
  recording: true
recording_file: ../audio/call-0105.m4a
---
We talked.
MD
  printf -- '---\ntitle: Thoughts\ndate: 2026-01-06\nvisibility: public\n---\nListen to [the call](%s).\n' "$link" > "$s/content/reflections/r.md"
  PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$s" > "$s.log" 2>&1; rc=$?
  base=$(basename "$link")
  if [ $rc -ne 0 ]; then echo "$name: REFUSED (rc=$rc) $(grep -m1 error "$s.log")"
  elif found=$(find "$s/_site" -name "$base" | head -1); [ -n "$found" ] && cmp -s "$found" "$s/content/${link#../}"; then echo "$name: LEAKED ${found#$s/}"
  else echo "$name: OK"; fi
}
run_case same-folder-mp3 ../audio/call-0105.mp3
run_case same-folder-wav ../audio/call-0105.wav
run_case same-folder-ogg ../audio/call-0105.ogg
run_case other-folder-mp3 ../files/call-0105.mp3
echo "control (the recording itself):"; run_case control ../audio/call-0105.m4a
