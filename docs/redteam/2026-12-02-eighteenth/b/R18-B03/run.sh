#!/bin/bash
# R18-B03: an Apple iWork document (.pages/.key/.numbers: a ZIP of IWA streams,
# Snappy-compressed protobuf) linked from a public page. The audit opens the ZIP
# but reads the Snappy blocks as raw bytes: text rebuilt from a back-reference
# (name, e-mail) is not seen. Pages/Keynote (and any Snappy decoder) show it.
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
D=$(dirname "$(readlink -f "$0")")
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
  printf -- '---\ntitle: Resources\n---\nMy portfolio: [download](../files/portfolio.pages).\n' > $1/content/pages/resources.md
}
T=$(mktemp -d); S=$T/a; mk $S
$PY $D/snappy.py $S/content/files/portfolio.pages
ivs build -C $S > $S.log 2>&1; rc=$?
if [ $rc -ne 0 ]; then echo "iwa back-reference: REFUSED"; else
  txt=$($PY $D/unsnappy.py $S/_site/files/portfolio.pages)
  echo "decoded output file: $txt"
  echo "$txt" | grep -q -e "Quentin Zabrowski" -e "qzab@zenthor.example" && echo "iwa back-reference: LEAKED" || echo "iwa back-reference: OK"
fi
# control: the same text stored (uncompressed literal) in the ZIP member
T=$(mktemp -d); S=$T/b; mk $S
$PY - $S/content/files/portfolio.pages <<'P'
import sys, zipfile
z=zipfile.ZipFile(sys.argv[1],'w'); z.writestr('Index/Document.iwa', b'\x00\x30\x00\x00' + b'Coffee with Quentin Zabrowski, mail qzab@zenthor.example'); z.close()
P
check "control: same text as literal bytes" $S $S/_site "Quentin Zabrowski" "qzab@zenthor.example"
