#!/usr/bin/env bash
# R15-04: recording_file given as a web address (a cloud recording's share link)
# is accepted without a word, and the same address in a public page is published:
# the private fields' values are looked for as contact details (e-mail, phone,
# LinkedIn) and names, but a recording's address is looked for only as a site file.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-red15
TMP=$(mktemp -d /tmp/r15-04.XXXXXX)
any=0; n=0
URL="https://zenthor.zoom.example/rec/share/Xq7-rq-call-8841?pwd=Hk29aa"
site() {  # $1 label, $2 line in a public page, $3 recording_file, $4 grep needle
  n=$((n+1)); local d="$TMP/$1"; mkdir -p "$d/content/interviews" "$d/content/pages" "$d/content/audio"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  head -c 5000 /dev/urandom > "$d/content/audio/rq-call.m4a"
  printf -- '---\ndate: 2026-03-01\nvisibility: private\nperson:\n  name: Robert Quinlan\n  company: Zenthor\nalias: a data analyst\nrecording_file: "%s"\nconsent:\n  publish_name: false\n  recording: true\n---\n\nWe talked about dashboards.\n' "$3" > "$d/content/interviews/2026-03-01-zenthor.md"
  printf -- '---\ntitle: Listening back\n---\n\n%s\n' "$2" > "$d/content/pages/listen.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$4" "$d/_site"; then
    echo "LEAKED [$1] exit 0:"; grep -rnoF "$4" "$d/_site" | sed "s|$d/||" | head -3 | sed 's/^/    /'
    echo "    build said: $(echo "$out" | grep -o '\(warning\|error\)\[[a-z-]*\]' | sort -u | tr '\n' ' ')"
    (cd "$d" && PYTHONPATH=$IVSITE_SRC $PY -m ivsite audit _site >/dev/null 2>&1; echo "    ivsite audit _site: exit $?")
    any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1]"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
site url-link  "The call is [here]($URL) if you want to listen." "$URL" "$URL"
site url-text  "Recording: $URL" "$URL" "rq-call-8841"
# control: a recording in the site, linked from a public page, is refused
site control-local "The call is [here](../audio/rq-call.m4a)." "../audio/rq-call.m4a" "rq-call.m4a"
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
