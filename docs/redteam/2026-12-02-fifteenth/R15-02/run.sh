#!/usr/bin/env bash
# R15-02: an interview's recording (recording_file, never published) is published
# byte for byte when it is carried as text: a data: URI in a public page's raw
# HTML <audio>, a linked HTML player holding such a URI, a base64 or hex dump.
# The same bytes linked as a file, gzipped, zipped or cut in half are refused.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-red15
TMP=$(mktemp -d /tmp/r15-02.XXXXXX)
any=0
mk() {  # $1 label -> site dir with a public interview that has a recording
  local d="$TMP/$1"; mkdir -p "$d/content/interviews" "$d/content/pages/files" "$d/content/audio"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  head -c 30000 /dev/urandom > "$d/content/audio/rq-call.m4a"   # stands for the recording
  cat > "$d/content/interviews/2026-03-01-zenthor.md" <<'T'
---
date: 2026-03-01
visibility: public
person:
  name: Robert Quinlan
  company: Zenthor
alias: a data analyst at a logistics firm
recording_file: ../audio/rq-call.m4a
consent:
  publish_name: false
  recording: true
---

## What does a typical day look like?

Mostly dashboards and SQL.
T
  echo "$d"
}
run() {  # $1 label, $2 site dir
  local d="$2"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -ne 0 ]; then echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; return; fi
  # look for the recording itself in the output, decoded
  found=$($PY - "$d" <<'P'
import base64, binascii, pathlib, re, sys
d = pathlib.Path(sys.argv[1]); rec = (d / "content/audio/rq-call.m4a").read_bytes()
for f in sorted((d / "_site").rglob("*")):
    if not f.is_file(): continue
    t = f.read_bytes().decode("latin-1")
    for m in re.finditer(r"[A-Za-z0-9+/=\s]{4000,}", t):
        try:
            if base64.b64decode("".join(m.group().split())) == rec: print(f"{f.relative_to(d)}: base64 of the recording ({len(rec)} bytes)")
        except Exception: pass
    for m in re.finditer(r"[0-9a-f\s]{8000,}", t):
        try:
            if binascii.unhexlify("".join(m.group().split())) == rec: print(f"{f.relative_to(d)}: hex of the recording ({len(rec)} bytes)")
        except Exception: pass
P
)
  if [ -n "$found" ]; then echo "LEAKED [$1] exit 0: $found"; any=1; else echo "OK [$1] exit 0, recording not in output"; fi
}
# a) inline data: URI in a public page
d=$(mk inline); B=$(base64 -w0 "$d/content/audio/rq-call.m4a")
printf -- '---\ntitle: Listen\n---\n\nThe call:\n\n<audio controls src="data:audio/mp4;base64,%s"></audio>\n' "$B" > "$d/content/pages/listen.md"
run inline-data-uri "$d"
# b) a linked self-contained HTML player
d=$(mk player); B=$(base64 -w0 "$d/content/audio/rq-call.m4a")
printf '<!doctype html><title>call</title><audio controls src="data:audio/mp4;base64,%s"></audio>\n' "$B" > "$d/content/pages/files/player.html"
printf -- '---\ntitle: Listen\n---\n\n[the player](files/player.html)\n' > "$d/content/pages/listen.md"
run linked-html-player "$d"
# c) a base64 text file
d=$(mk b64); base64 "$d/content/audio/rq-call.m4a" > "$d/content/pages/files/call.b64.txt"
printf -- '---\ntitle: Listen\n---\n\n[the call, base64](files/call.b64.txt)\n' > "$d/content/pages/listen.md"
run base64-file "$d"
# d) a hex dump
d=$(mk hex); xxd -p "$d/content/audio/rq-call.m4a" > "$d/content/pages/files/call.hex.txt"
printf -- '---\ntitle: Listen\n---\n\n[the call, hex](files/call.hex.txt)\n' > "$d/content/pages/listen.md"
run hex-file "$d"
# controls: the file itself and a gzip of it are refused
d=$(mk ctl-file); cp "$d/content/audio/rq-call.m4a" "$d/content/pages/files/talk.m4a"
printf -- '---\ntitle: Listen\n---\n\n[talk](files/talk.m4a)\n' > "$d/content/pages/listen.md"; run control-copy "$d"
d=$(mk ctl-gz); gzip -c "$d/content/audio/rq-call.m4a" > "$d/content/pages/files/talk.m4a.gz"
printf -- '---\ntitle: Listen\n---\n\n[talk](files/talk.m4a.gz)\n' > "$d/content/pages/listen.md"; run control-gzip "$d"
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
