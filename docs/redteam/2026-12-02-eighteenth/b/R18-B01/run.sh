#!/bin/bash
# R18-B01: whole-build cache (.ivsite/cache/last-build-*.json) keys files the loader
# skips (outside content/, hidden, backups) by NAME only; editing such a file to hold
# a person record with publish_name:false is not seen by the next build, which exits 0
# and keeps the page naming the person.
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
REC='---
person:
  name: Jane Doe
  email: jane@acme.example
consent:
  publish_name: false
---
Notes from our call.'
for stray in old/jane.md interviews/jane.md content/interviews/.jane.md "content/interviews/jane.md~" content/people/jane.md notes.txt; do
  T=$(mktemp -d); S=$T/site; newsite $S
  printf -- '---\ntitle: About\n---\nLast week I had coffee with Jane Doe from Acme Corp.\n' > $S/content/pages/about.md
  mkdir -p "$(dirname "$S/$stray")"; echo "todo: write up" > "$S/$stray"
  ivs build -C $S >/dev/null 2>&1 || { echo "$stray: first build refused"; continue; }
  printf '%s\n' "$REC" > "$S/$stray"
  check "[$stray] rebuild after record added (cache)" $S $S/_site "Jane Doe"
  rm -f $S/.ivsite/cache/last-build-*.json
  check "[$stray] control: same site, no last-build record" $S $S/_site "Jane Doe"
done
# vault layout: an unmapped Markdown file (a daily note) gets a person record
T=$(mktemp -d); S=$T/v; mkdir -p $S/Pages $S/Daily $S/People/Interviews
printf 'title = "Career notes"\nauthor = "Maya Okafor"\nbase_url = "https://example.org/"\n[content]\n"People/Interviews" = "interviews"\n"Pages" = "pages"\n' > $S/site.toml
printf -- '---\ntitle: Home\n---\nWelcome.\n' > $S/Pages/index.md
printf -- '---\ntitle: About\n---\nLast week I had coffee with Jane Doe from Acme Corp.\n' > $S/Pages/about.md
echo "met someone at the fair" > $S/Daily/2026-03-01.md
ivs build -C $S >/dev/null 2>&1 || echo "vault: first build refused"
printf '%s\n' "$REC" > $S/Daily/2026-03-01.md
check "[vault Daily/2026-03-01.md] rebuild after record added (cache)" $S $S/_site "Jane Doe"
rm -f $S/.ivsite/cache/last-build-*.json
check "[vault Daily/2026-03-01.md] control: no last-build record" $S $S/_site "Jane Doe"
# folder settings kept in a dot-file (mkdocs-awesome-pages' .pages, a .meta.yml):
# edited to hide the folder after a build; _metadata.yml (not a dot-file) is the control
for f in .pages .meta.yml _metadata.yml; do
  T=$(mktemp -d); S=$T/s; newsite $S; mkdir -p $S/content/pages/salary
  printf -- '---\ntitle: Salary talks\n---\nSALARYCANARY what they told me about pay.\n' > $S/content/pages/salary/notes.md
  echo 'title: Salary' > $S/content/pages/salary/$f
  ivs build -C $S > /dev/null 2>&1 || echo "$f: first build refused"
  if [ $f = .pages ]; then echo 'hide: true' > $S/content/pages/salary/$f; else echo 'visibility: private' > $S/content/pages/salary/$f; fi
  lab="[content/pages/salary/$f edited to hide the folder] rebuild (cache)"; [ $f = _metadata.yml ] && lab="control: $lab"
  check "$lab" $S $S/_site SALARYCANARY
  rm -f $S/.ivsite/cache/last-build-*.json
  check "[$f] control: no last-build record" $S $S/_site SALARYCANARY
done
