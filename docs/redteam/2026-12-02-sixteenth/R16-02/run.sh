#!/usr/bin/env bash
# R16-02: a recording_file that names no file is accepted without a word, so
# nothing is withheld by it: the recording itself, under the name it really
# has, is copied to the public output when a public page links or embeds it.
# The recording protections (recording-link, the audit's hash and near-copy
# windows) all start from the file recording_file resolves to.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
TMP=$(mktemp -d /tmp/r16-02.XXXXXX)
cd "$TMP" || exit 1   # not /work/main: python -m puts the current folder first on sys.path
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
# $1 label, $2 recording_file value, $3 file on disk (under content/), $4 the public page's body,
# $5 (optional) an embed in the interview's own body, the interview being public
case_site() {
  local d="$TMP/$1"; mkdir -p "$d/content/interviews" "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  mkdir -p "$(dirname "$d/content/$3")"
  local vis=private; [ -n "${5:-}" ] && vis=public
  head -c 40000 /dev/urandom > "$d/content/$3"     # stands in for the audio
  cat > "$d/content/interviews/2026-03-01-zenthor.md" <<T
---
date: 2026-03-01
person:
  name: Quentin Zabrowski
  company: Zenthor
alias: a data lead at a software firm
consent:
  publish_name: false
  recording: true
recording_file: "$2"
status: done
visibility: $vis
---

Talked about dashboards.

${5:-}
T
  printf -- '---\ntitle: Media\n---\n\nThings I made this term.\n\n%s\n' "$4" > "$d/content/pages/media.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  hit=$( [ -d "$d/_site" ] && find "$d/_site" -type f -exec cmp -s {} "$d/content/$3" \; -print | sed "s|$d/||" | tr '\n' ' ')
  if [ $rc -eq 0 ] && [ -n "$hit" ]; then
    echo "LEAKED [$1] exit 0: the recording's bytes are published as $hit"
    echo "    diagnostics: $(echo "$out" | grep -cE '(error|warning)\[') (recording_file: $2, file: content/$3)"
    any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, recording not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
# the extension written wrong (the recorder saved .mp4)
case_site wrong-extension '../audio/qz-call.m4a' 'audio/qz-call.mp4' '[Audio](../audio/qz-call.mp4)'
# written before the call; the recorder app named the file itself (Obsidian's recorder)
case_site planned-name '../audio/qz-call.m4a' 'attachments/Recording 20260301101500.webm' '![[Recording 20260301101500.webm]]'
# an Obsidian property link, which Obsidian writes for a file property; the file is the .m4a export
case_site obsidian-link-old-name '[[2026-03-01 qz call.webm]]' 'attachments/2026-03-01 qz call.m4a' '![[2026-03-01 qz call.m4a]]'
# the recorder's embed in a public interview's own body (Obsidian inserts it where you record)
case_site own-note-embed '../audio/qz-call.m4a' 'attachments/Recording 20260301101500.webm' 'Nothing here.' '![[Recording 20260301101500.webm]]'
# a typo in the folder and the name
case_site typo '../recordngs/qz-cal.m4a' 'recordings/qz-call.m4a' '[Listen](../recordings/qz-call.m4a)'
# control: the path resolves, the same link is refused
case_site control-resolves '../audio/qz-call.mp4' 'audio/qz-call.mp4' '[Audio](../audio/qz-call.mp4)'
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
