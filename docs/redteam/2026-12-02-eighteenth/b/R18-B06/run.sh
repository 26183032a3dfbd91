#!/bin/bash
# R18-B06: privacy words a path (folder, file name) or a tag does not know.
# "non-public"/"nonpublic" is refused as a callout type ([!non-public]) but not as
# a folder, a file name or a tag, though the README says the one list serves all
# of them; "not-public" is the control (refused/withheld everywhere). A homoglyph
# "prіvate" (Cyrillic і) and the phrases "unreleased", "only-for-me", "me-only"
# are read nowhere. The note is a page (public by default) and is published.
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
for w in not-public non-public nonpublic "prіvate" unreleased only-for-me me-only; do
  c=""; [ "$w" = not-public ] && c="control: "
  T=$(mktemp -d); S=$T/s; newsite $S; mkdir -p "$S/content/pages/$w"
  printf -- '---\ntitle: Salary notes\n---\nFOLDERCANARY what they told me about pay.\n' > "$S/content/pages/$w/salary.md"
  check "${c}[folder pages/$w/]" $S $S/_site FOLDERCANARY
  T=$(mktemp -d); S=$T/s; newsite $S
  printf -- '---\ntitle: Salary notes\n---\nFOLDERCANARY what they told me about pay.\n' > "$S/content/pages/salary ($w).md"
  check "${c}[file 'salary ($w).md']" $S $S/_site FOLDERCANARY
  T=$(mktemp -d); S=$T/s; newsite $S
  printf -- '---\ntitle: Salary notes\ntags: [%s]\n---\nFOLDERCANARY what they told me about pay.\n' "$w" > "$S/content/pages/salary.md"
  check "${c}[tags: [$w]]" $S $S/_site FOLDERCANARY
  T=$(mktemp -d); S=$T/s; newsite $S
  printf -- '---\ntitle: Salary notes\n---\n> [!%s]\n> FOLDERCANARY what they told me about pay.\n' "$w" > "$S/content/pages/salary.md"
  check "${c}[callout [!$w]]" $S $S/_site FOLDERCANARY
done
