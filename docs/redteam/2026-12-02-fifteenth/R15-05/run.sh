#!/usr/bin/env bash
# R15-05: gaps in the enumerated lists of "do not publish" markers: journalists'
# abbreviations as lead-in labels (OTR, DNP, NFP, FYEO), note-to-self labels, a
# lock emoji; other tools' comment syntaxes (FreeMarker, Smarty, JSP, LaTeX
# \iffalse); front-matter keys that retire a note (deleted, trash, expired).
# Each case is its own site; the marked text is published with exit 0.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/wt-red15
CANARY="Kestrel marmalade quota halved"
TMP=$(mktemp -d /tmp/r15-05.XXXXXX)
any=0; n=0
site() {  # $1 label, $2 extra front matter (may be empty), $3 body (printf %b)
  n=$((n+1)); local d="$TMP/$1"; mkdir -p "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ntitle: Budget notes\n%b---\n\nWhat I learned this week.\n\n%b\n\nMore public text.\n' "$2" "$3" > "$d/content/pages/notes.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$CANARY" "$d/_site"; then
    echo "LEAKED [$1] exit 0: $(grep -rlF "$CANARY" "$d/_site" | sed "s|$d/||" | head -2 | tr '\n' ' ') $(echo "$out" | grep -o 'warning\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1]"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
S="Kestrel marmalade quota halved for Q3, says the CFO."
site label-OTR      "" "OTR: $S"
site label-DNP      "" "DNP: $S"
site label-FYEO     "" "FYEO: $S"
site label-memo     "" "Memo to self: $S"
site label-lock     "" "🔒 $S"
site freemarker     "" "<#-- $S -->"
site smarty         "" "{* $S *}"
site jsp            "" "<%-- $S --%>"
site latex-iffalse  "" "\\\\iffalse\n$S\n\\\\fi"
site key-deleted    "deleted: true\n" "$S"
site key-trash      "trash: true\n" "$S"
site key-expired    "expired: true\n" "$S"
# folders: a page in a folder named with a lock emoji or "not-ready" is public
folder_site() {  # $1 label, $2 folder under content/pages
  local d="$TMP/$1"; mkdir -p "$d/content/pages/$2"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ntitle: Budget notes\n---\n\n%s\n' "$S" > "$d/content/pages/$2/notes.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$CANARY" "$d/_site"; then
    echo "LEAKED [$1] exit 0: $(grep -rlF "$CANARY" "$d/_site" | sed "s|$d/||" | head -2 | tr '\n' ' ')"; any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (withheld)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
folder_site folder-lock "🔒"
folder_site folder-not-ready "not-ready"
folder_site control-folder-wip "wip"
# controls, refused today
site control-label   "" "Off the record: $S"
site control-jinja   "" "{# $S #}"
site control-latex   "" "\\\\begin{comment}\n$S\n\\\\end{comment}"
site control-key     "draft: true\n" "$S"
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
