#!/bin/bash
# R18-B05: image metadata text split over the container's own framing. A JPEG's
# Extended XMP (several APP1 "http://ns.adobe.com/xmp/extension/" segments that a
# reader joins by offset) and a GIF comment extension (255-byte sub-blocks, each
# after a length byte) hold one text in pieces; the audit reads the raw bytes and
# the first XMP segment only (and the ICC profile of a JPEG, split over
# ICC_PROFILE APP2 segments by sequence number, not joined at all), so a name/e-mail cut at a piece boundary is not
# found. exiftool, Lightroom, Photoshop (XMP) and any GIF reader (comment) join
# the pieces.
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
}
joined_jpeg() { $PY - "$1" <<'P'
import sys,struct
d=open(sys.argv[1],'rb').read(); i=2; parts={}
while d[i]==0xFF and d[i+1]!=0xDA:
    n=struct.unpack('>H',d[i+2:i+4])[0]; b=d[i+4:i+2+n]
    if b.startswith(b'http://ns.adobe.com/xmp/extension/\0'):
        off=struct.unpack('>I',b[35+32+4:35+40])[0]; parts[off]=b[35+40:]
    i+=2+n
print(b''.join(parts[k] for k in sorted(parts)).decode())
P
}
joined_gif() { $PY - "$1" <<'P'
import sys
d=open(sys.argv[1],'rb').read(); i=d.index(b'\x21\xfe')+2; out=b''
while d[i]: out+=d[i+1:i+1+d[i]]; i+=1+d[i]
print(out.decode())
P
}
joined_icc() { $PY - "$1" <<'P'
import sys,struct
d=open(sys.argv[1],'rb').read(); i=2; parts={}
while d[i]==0xFF and d[i+1]!=0xDA:
    n=struct.unpack('>H',d[i+2:i+4])[0]; b=d[i+4:i+2+n]
    if b.startswith(b'ICC_PROFILE\0'): parts[b[12]]=b[14:]
    i+=2+n
print(b''.join(parts[k] for k in sorted(parts)).decode('latin-1'))
P
}
for kind in jpeg icc gif; do for mode in split one; do
  T=$(mktemp -d); S=$T/s; mk $S
  if [ $kind = jpeg ]; then f=headshot.jpg; $PY $D/extxmp.py $D/base.jpg $S/content/files/$f $([ $mode = one ] && echo one)
  elif [ $kind = icc ]; then f=photo.jpg; $PY $D/icc.py $D/base.jpg $S/content/files/$f $([ $mode = one ] && echo one)
  else f=team.gif; $PY $D/gif.py $S/content/files/$f $([ $mode = one ] && echo one); fi
  printf -- '---\ntitle: Team\n---\nOur team photo:\n\n![[%s]]\n' $f > $S/content/pages/team.md
  lab="$([ $kind = jpeg ] && echo 'jpeg Extended XMP' || { [ $kind = icc ] && echo 'jpeg ICC profile (APP2)' || echo 'gif comment'; }) $([ $mode = one ] && echo 'control: one piece' || echo 'cut at piece boundaries')"
  ivs build -C $S > $S.log 2>&1; rc=$?
  if [ $rc -ne 0 ]; then echo "$lab: REFUSED ($(grep -m1 error $S.log | cut -c1-120))"; continue; fi
  shown=$(joined_$kind $S/_site/files/$f | tr -d '\000')
  if echo "$shown" | grep -q -e "Quentin Zabrowski" -e "qzab@zenthor.example"; then
    echo "$lab: LEAKED (exit 0; _site/files/$f, as a reader joins it: $(echo "$shown" | grep -o -e 'Quentin Zabrowski' -e 'qzab@zenthor.example' | sort -u | tr '\n' ' '))"
  else echo "$lab: OK"; fi
done; done
