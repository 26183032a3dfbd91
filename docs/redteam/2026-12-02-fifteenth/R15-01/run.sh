#!/usr/bin/env bash
# R15-01: a privacy marker written where ivsite's marker reader does not look
# (a code fence's info string, a code-span or inline-HTML lead-in, an HTML
# attribute's name) leaves the text it marks in the public output.
# Each case is its own site (one refusal would hide the others).
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-red15
CANARY="Kestrel marmalade quota halved"
TMP=$(mktemp -d /tmp/r15-01.XXXXXX)
any=0
case_site() {  # $1 label, $2 body (printf %b)
  local d="$TMP/$1"; mkdir -p "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ntitle: Budget notes\n---\n\nWhat I learned this week.\n\n%b\n\nMore public text.\n' "$2" > "$d/content/pages/notes.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$CANARY" "$d/_site"; then
    echo "LEAKED [$1] exit 0:"; grep -rnoF "$CANARY" "$d/_site" | head -2 | sed 's/^/    /'
    grep -rho ".\{0,40\}$CANARY" "$d/_site/notes/index.html" | head -1 | sed 's/^/    /'
    any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, canary not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
case_site fence-private     '```private\nKestrel marmalade quota halved for Q3, says the CFO.\n```'
case_site fence-do-not-pub  '~~~ do-not-publish\nKestrel marmalade quota halved for Q3, says the CFO.\n~~~'
case_site fence-attr        '```{.private}\nKestrel marmalade quota halved for Q3, says the CFO.\n```'
case_site fence-mentor      '```mentor\nKestrel marmalade quota halved for Q3, says the CFO.\n```'
case_site codespan-label    '`PRIVATE` Kestrel marmalade quota halved for Q3, says the CFO.'
case_site mark-label        '<mark>private</mark> Kestrel marmalade quota halved for Q3, says the CFO.'
case_site attr-name         '<div data-private>\n\nKestrel marmalade quota halved for Q3, says the CFO.\n\n</div>'
case_site attr-draft        '<div data-draft="true">\n\nKestrel marmalade quota halved for Q3, says the CFO.\n\n</div>'
# controls: the same text under markers ivsite does read
case_site control-container '::: private\nKestrel marmalade quota halved for Q3, says the CFO.\n:::'
case_site control-label     '**Private:** Kestrel marmalade quota halved for Q3, says the CFO.'
case_site control-attrvalue '<div data-visibility="private">\n\nKestrel marmalade quota halved for Q3, says the CFO.\n\n</div>'
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
