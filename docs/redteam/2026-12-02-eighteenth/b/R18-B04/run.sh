#!/bin/bash
# R18-B04: [privacy] public_contacts accepts a contact detail recorded for a person
# under any person key other than email/phone/linkedin (person.personal_email,
# email2, work_phone, website ...). The listing is refused (public-contact-recorded)
# for person.phone, and the detail stays refused for person.mobile/whatsapp/cell,
# but for these keys it is then published. The contact-in-text hint itself says
# "list it in site.toml under [privacy] public_contacts".
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
for list in yes no; do
for kv in "phone: '+1 416 555 0199'" "mobile: '+1 416 555 0199'" "work_phone: '+1 416 555 0199'" "personal_email: 'qz.home@zenthor.example'" "email2: 'qz.home@zenthor.example'" "website: 'https://qz-studio.example/'"; do
  T=$(mktemp -d); S=$T/s; newsite $S
  val=$(echo "$kv" | sed "s/^[a-z_0-9]*: '//; s/'$//")
  [ $list = yes ] && printf '\n[privacy]\npublic_contacts = ["%s"]\n' "$val" >> $S/site.toml
  cat > $S/content/interviews/2026-02-10-acme.md <<T
---
date: 2026-02-10
person:
  name: Quentin Zabrowski
  company: Acme Corp
  $kv
alias: a designer at Acme
---
Private interview.
T
  printf -- '---\ntitle: Contact\n---\nReach the studio at %s.\n' "$val" > $S/content/pages/contact.md
  lab="[person.$kv] listed in public_contacts=$list"; [ $list = no ] && lab="control: $lab"
  check "$lab" $S $S/_site "$val"
done; done
