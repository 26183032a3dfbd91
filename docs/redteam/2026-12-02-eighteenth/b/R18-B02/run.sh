#!/bin/bash
# R18-B02: subtitle/caption files (.vtt/.srt/.ass) linked from a public page are
# read as plain text: a name split over two consecutive cues, or with the format's
# own markup between its words (YouTube word-timing tags <00:00:02.120><c>, <i>,
# <font>, ASS \\N line breaks and {\\i1} override tags) is not found, while a player
# shows 'Quentin Zabrowski'. Canary: 'Quentin' (the output file holds the given
# name; the family name follows it on screen). Control: the name plain in one cue.
# ---- helpers (inlined lib.sh) ----
# shared helpers for R18-B reproducers
PY=/work/main/.venv/bin/python
WT=/work/main
ivs() { ( cd "$(mktemp -d)" && PYTHONPATH=$WT $PY -m ivsite "$@" ); }
# newsite DIR : minimal site with one public role note
newsite() {
  mkdir -p "$1/content/roles" "$1/content/pages" "$1/content/interviews"
  cat > "$1/site.toml" <<'T'
title = "Career notes"
author = "Maya Okafor"
base_url = "https://example.org/"
T
  cat > "$1/content/pages/index.md" <<'T'
---
title: Home
---
Welcome to my research.
T
}
# grepout DIR CANARY... : search output (incl. gzip) for canaries; prints hits
grepout() {
  $PY - "$@" <<'P'
import sys, os, gzip, zlib
d=sys.argv[1]; cans=[c.encode() for c in sys.argv[2:]]
hits=[]
for root,_,files in os.walk(d):
  for f in files:
    p=os.path.join(root,f); b=open(p,'rb').read()
    blobs=[b]
    try: blobs.append(gzip.decompress(b))
    except Exception: pass
    for bl in blobs:
      low=bl.lower()
      for c in cans:
        if c.lower() in low: hits.append((p,c.decode()))
for h in sorted(set(hits)): print("HIT",*h)
P
}
# verdict LABEL SITE OUT CANARY... : build rc + grep
check() {
  label=$1; shift; site=$1; shift; out=$1; shift
  ivs build -C "$site" "${BUILDARGS[@]}" > "$site.log" 2>&1; rc=$?
  if [ $rc -ne 0 ]; then echo "$label: REFUSED (rc=$rc) $(grep -m2 -E 'error|Traceback' $site.log | tr '\n' ' ' | cut -c1-200)"; return; fi
  h=$(grepout "$out" "$@")
  if [ -n "$h" ]; then echo "$label: LEAKED"; echo "$h" | head -5; else echo "$label: OK"; fi
  grep -q Traceback "$site.log" && echo "  (traceback in log)"
}
# ---- end helpers ----
mk() {
  newsite $1
  cat > $1/content/interviews/2026-02-10-acme.md <<'T'
---
visibility: public
date: 2026-02-10
person:
  name: Quentin Zabrowski
  email: qzab@zenthor.example
  company: Acme Corp
alias: a designer at Acme
consent:
  publish_name: false
---
We talked about design jobs.
T
  mkdir -p $1/content/files
}
case_() { # label file
  printf -- '---\ntitle: Resources\n---\nCaptions of the panel: [captions](../files/%s).\n' "$2" > $S/content/pages/resources.md
  check "$1" $S $S/_site "Quentin"
}
T=$(mktemp -d); S=$T/a; mk $S
printf 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nThanks for coming, Quentin\n\n2\n00:00:02.000 --> 00:00:03.000\nZabrowski, to our panel.\n' > $S/content/files/panel.vtt
case_ "vtt, name split over two cues" panel.vtt
T=$(mktemp -d); S=$T/b; mk $S
printf '1\r\n00:00:01,000 --> 00:00:02,000\r\nThanks for coming, Quentin\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nZabrowski, to our panel.\r\n' > $S/content/files/panel.srt
case_ "srt, name split over two cues" panel.srt
T=$(mktemp -d); S=$T/d; mk $S
printf 'WEBVTT\nKind: captions\nLanguage: en\n\n00:00:01.000 --> 00:00:03.000 align:start position:0%%\nthanks for coming<00:00:01.500><c> Quentin</c><00:00:02.120><c> Zabrowski</c>\n' > $S/content/files/panel.vtt
case_ "vtt, YouTube-style word timing tags inside one cue" panel.vtt
T=$(mktemp -d); S=$T/e; mk $S
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nThanks, <c.yellow>Quentin</c> <i>Zabrowski</i>.\n' > $S/content/files/panel.vtt
case_ "vtt, cue class/italic tags" panel.vtt
T=$(mktemp -d); S=$T/f; mk $S
printf '1\r\n00:00:01,000 --> 00:00:03,000\r\nThanks, <font color="#ffff00">Quentin</font> <i>Zabrowski</i>.\r\n' > $S/content/files/panel.srt
case_ "srt, font/italic tags" panel.srt
T=$(mktemp -d); S=$T/g; mk $S
printf '[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,Thanks for coming,\\NQuentin\\NZabrowski.\n' > $S/content/files/panel.ass
case_ "ass, \\N line breaks" panel.ass
T=$(mktemp -d); S=$T/h; mk $S
printf '[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,Thanks, {\\i1}Quentin{\\i0} Zabrowski.\n' > $S/content/files/panel.ass
case_ "ass, override tags" panel.ass
T=$(mktemp -d); S=$T/c; mk $S
printf 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nThanks for coming, Quentin Zabrowski, to our panel.\n' > $S/content/files/panel.vtt
case_ "control: vtt, name in one cue" panel.vtt
