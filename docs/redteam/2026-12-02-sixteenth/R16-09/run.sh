#!/usr/bin/env bash
# R16-09: one note file reached as two notes through a hard link (the same
# inode in reflections/, private by default, and in pages/, public by
# default) is published as a page with exit 0. The same through a symbolic
# link is refused (`note-link`: "one text would be read twice"). (A plain
# copy publishes too: the audit excuses the private note's text because a
# visible note says it; a hard link is one file, as the symlink is.)
set -u
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
CANARY="Kestrelmarmalade"
TMP=$(mktemp -d /tmp/r16-09.XXXXXX)
cd "$TMP" || exit 1
PYTHONPATH=$IVSITE_SRC $PY -c 'import ivsite, sys; sys.exit(not ivsite.__file__.startswith(sys.argv[1]))' "$IVSITE_SRC" || { echo "ivsite is not imported from $IVSITE_SRC"; exit 2; }
any=0
case_site() {  # $1 label, $2 folder of the private note (under content/), $3 how the page is made: hard|sym, $4 page folder
  local d="$TMP/$1"; mkdir -p "$d/content/$2" "$d/content/$4"
  printf 'title = "Career notes"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$d/site.toml"
  printf -- '---\ntitle: Honest thoughts\ndate: 2026-03-02\n---\n\nKestrelmarmalade: I am not sure I want this field at all.\n' > "$d/content/$2/2026-03-02-thoughts.md"
  if [ "$3" = hard ]; then ln "$d/content/$2/2026-03-02-thoughts.md" "$d/content/$4/thoughts.md"
  else ln -s "$(realpath --relative-to="$d/content/$4" "$d/content/$2")/2026-03-02-thoughts.md" "$d/content/$4/thoughts.md"; fi
  out=$(PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$d" 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rqF "$CANARY" "$d/_site"; then
    echo "LEAKED [$1] exit 0: $(grep -rlF "$CANARY" "$d/_site" | sed "s|$d/||" | grep -v pagefind | tr '\n' ' ')"; any=1
  elif [ $rc -eq 0 ]; then echo "OK [$1] (exit 0, canary not in output)"
  else echo "REFUSED [$1] exit $rc: $(echo "$out" | grep -o 'error\[[a-z-]*\]' | sort -u | tr '\n' ' ')"; fi
}
case_site hardlink-reflection-to-pages reflections hard pages
case_site hardlink-private-folder       pages/private hard pages
case_site hardlink-drafts-folder        pages/drafts  hard pages
case_site control-symlink              reflections sym  pages
case_site control-symlink-private      pages/private sym  pages
echo "sites in $TMP"
[ $any -eq 1 ] && echo "RESULT: LEAKED" || echo "RESULT: REFUSED/OK"
