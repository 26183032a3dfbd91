#!/usr/bin/env bash
# R16-03: text of a withheld note that Markdown does not hold as a paragraph
# (a raw HTML block, a picture's alt text, a link's title) is no secret for the
# audit, so an attachment carrying it (an export of the note) is published.
# The same sentence written as a Markdown paragraph is refused by the audit
# ("withheld note would be published in files/journal.txt").
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
CANARY="Kestrel offer comes through next spring"
SENT="I would leave marketing if the Kestrel offer comes through next spring for sure."
TMP=$(mktemp -d /tmp/r16-03.XXXXXX)
cd "$TMP" || exit 1   # not /work/main: python -m puts the current folder first on sys.path
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
# $1 label, $2 the private reflection's body (printf %b), $3 the attachment's name,
# $4 (optional) a front-matter line of the reflection
case_site() {
  local d="$TMP/$1"; mkdir -p "$d/content/reflections" "$d/content/pages" "$d/content/files"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#246"/></svg>\n' > "$d/content/files/pic.svg"
  # a private reflection (reflections are private by default)
  printf -- '---\ntitle: Honest thoughts\ndate: 2026-03-02\n%b---\n\n%b\n' "${4:+$4\n}" "$2" > "$d/content/reflections/2026-03-02-thoughts.md"
  # the journal exported to a file, linked from a public page
  case "$3" in
    *.txt)  printf 'Journal export\n\n%s\n' "$SENT" > "$d/content/files/$3";;
    *.html) printf '<!doctype html><title>Journal</title><p>%s</p>\n' "$SENT" > "$d/content/files/$3";;
    *.csv)  printf 'date,entry\n2026-03-02,"%s"\n' "$SENT" > "$d/content/files/$3";;
  esac
  printf -- '---\ntitle: Downloads\n---\n\nMy term journal: [download](../files/%s).\n' "$3" > "$d/content/pages/downloads.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$CANARY" "$d/_site"; then
    echo "LEAKED [$1] exit 0: the private note's sentence is in $(grep -rlF "$CANARY" "$d/_site" | sed "s|$d/||" | tr '\n' ' ')"
    any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, canary not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\][^:]*: [^\n]*' | head -1)"; fi
}
case_site html-paragraph "<p>$SENT</p>" journal.txt
case_site html-div       "<div>\n$SENT\n</div>" journal.txt
case_site html-table     "<table><tr><td>$SENT</td></tr></table>" journal.html
case_site image-alt      "![$SENT](../files/pic.svg)" journal.txt
case_site link-title     "Read [this](https://example.com \"$SENT\") later." journal.csv
# a mentor note (withheld from the public view) written in HTML
case_site mentor-note-html "<p>$SENT</p>" journal.txt 'visibility: mentor'
# control: the sentence as Markdown text
case_site control-markdown "$SENT" journal.txt
case_site control-markdown-html-file "$SENT" journal.html
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
