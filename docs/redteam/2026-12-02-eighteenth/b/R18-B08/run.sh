#!/bin/bash
# R18-B08: a LaTeX source (.tex) linked from a public page is read as plain text:
# a command between the words of a name (Quentin \emph{Zabrowski},
# \textbf{Quentin} \emph{Zabrowski},) hides it,
# though the document (and anyone reading the source) shows "Quentin Zabrowski".
# Controls: plain, "~" and "\ " spellings are refused. Canary: "Quentin".
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
i=0
while IFS='|' read -r lab line; do i=$((i+1))
  T=$(mktemp -d); S=$T/t$i; mk $S
  printf '\\documentclass{article}\n\\begin{document}\n%s\n\\end{document}\n' "$line" > $S/content/files/cv.tex
  printf -- '---\ntitle: Resources\n---\nThe LaTeX source of my CV: [cv.tex](../files/cv.tex).\n' > $S/content/pages/resources.md
  check "$lab: $line" $S $S/_site "Quentin"
done <<'L'
case|Thanks to Quentin \emph{Zabrowski} for the talk.
case|Thanks to \textbf{Quentin} \emph{Zabrowski} for the talk.
control|Thanks to Quentin Zabrowski for the talk.
control|Thanks to Quentin~Zabrowski for the talk.
control|Thanks to Quentin\ Zabrowski for the talk.
L
