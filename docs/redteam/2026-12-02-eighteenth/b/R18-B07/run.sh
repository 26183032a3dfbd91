#!/bin/bash
# R18-B07: a reader of ivsite's output that stops early (`| head -1`, a pager
# quit, `| grep -q`) makes ivsite print "internal error ... this is a bug" and a
# Python traceback (BrokenPipeError), for share, share --rotate, schema, todo,
# check --format json. Control: the same commands into a pipe read to the end.
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
T=$(mktemp -d); S=$T/site; newsite $S
printf '\n[share]\nenabled = true\nfeedback_email = "maya@example.org"\n' >> $S/site.toml
for c in "schema" "share" "todo" "check --format json" "share --rotate"; do
  (cd $(mktemp -d) && PYTHONPATH=$WT $PY -m ivsite $c -C $S 2>$T/err | head -c 1 >/dev/null)
  r1=$(grep -c Traceback $T/err)
  (cd $(mktemp -d) && PYTHONPATH=$WT $PY -m ivsite $c -C $S 2>$T/err | (exec 0<&-; true))
  r2=$(grep -c Traceback $T/err)
  (cd $(mktemp -d) && PYTHONPATH=$WT $PY -m ivsite $c -C $S 2>$T/err | cat >/dev/null)
  r3=$(grep -c Traceback $T/err)
  echo "ivsite $c: traceback with '| head -c1': $r1, with reader closed at once: $r2, control '| cat': $r3"
done
grep -m1 'internal error' $T/err || true
