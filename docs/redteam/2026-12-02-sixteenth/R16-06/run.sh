#!/usr/bin/env bash
# R16-06 (false refusal): a glossary of the trade's words, written as a
# definition list or as a list of bold lead-ins, is refused when one of its
# terms is a privacy word ("NDA", "Embargo", "Off the record", "Confidential"):
# the vocabulary of the PR and communications careers the example site is
# about. Each term is one of several siblings, as in R15-07's sector lists,
# and the same glossary as a table builds. REFUSED is the bug here.
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
TMP=$(mktemp -d /tmp/r16-06.XXXXXX)
cd "$TMP" || exit 1   # not /work/main: python -m puts the current folder first on sys.path
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
case_site() {  # $1 label, $2 body (printf %b)
  local d="$TMP/$1"; mkdir -p "$d/content/pages"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ntitle: PR glossary\n---\n\nWords I kept hearing in my conversations with PR people.\n\n%b\n' "$2" > "$d/content/pages/glossary.md"
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ]; then echo "OK [$1] (exit 0)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]: the [a-z]* '"'"'[^'"'"']*'"'"'' | head -2 | tr '\n' ' ')"; fi
}
case_site deflist-nda 'NDA\n: a non-disclosure agreement; agencies ask freelancers to sign one.\n\nRetainer\n: a monthly fee for a set amount of work.\n\nPitch\n: a proposal for a story or a campaign.'
case_site deflist-embargo 'Embargo\n: the date and time before which a press release may not be reported.\n\nExclusive\n: a story offered to one outlet first.\n\nWire\n: a service that sends releases to newsrooms.'
case_site deflist-off-the-record 'On background\n: may be used, but not attributed by name.\n\nOff the record\n: may not be used at all; ask before the interview, not after.\n\nOn the record\n: may be quoted by name.'
case_site bold-list 'Terms:\n\n- **Embargo:** the time before which a release may not be reported.\n- **NDA:** a non-disclosure agreement.\n- **Retainer:** a monthly fee.'
case_site deflist-confidential 'Public\n: anyone may read it.\n\nInternal\n: staff only.\n\nConfidential\n: named people only; agencies label client plans this way.'
# controls: the same glossary as a table, and a definition list without such a word
case_site control-table '| Term | Meaning |\n|---|---|\n| NDA | a non-disclosure agreement |\n| Embargo | the time before which a release may not be reported |\n| Off the record | may not be used at all |'
case_site control-deflist 'Retainer\n: a monthly fee.\n\nPitch\n: a proposal for a story.'
echo "sites in $TMP"
