#!/bin/bash
# R17-04: path conventions that keep a file out of publishing, not read as privacy
PY=/work/main/.venv/bin/python
IVSITE_SRC=/work/main
T=$(mktemp -d); cd "$T"
run_case() { # relative path under content/pages/
  local f=$1 s="$T/case$((++N))"
  mkdir -p "$(dirname "$s/content/pages/$f")"
  printf 'title = "T"\nauthor = "Ana Silva"\nbase_url = "https://ana.example.org/"\n' > "$s/site.toml"
  printf -- '---\ntitle: Notes\n---\nFilecanary words about my salary negotiation plans.\n' > "$s/content/pages/$f"
  PYTHONPATH=$IVSITE_SRC $PY -m ivsite build -C "$s" > "$s.log" 2>&1; rc=$?
  if [ $rc -ne 0 ]; then echo "$f: REFUSED (rc=$rc) $(grep -m1 error "$s.log" | cut -c1-140)"
  elif hits=$(grep -rli Filecanary "$s/_site" | sed "s#$s/##" | head -2 | tr '\n' ' '); [ -n "$hits" ]; then echo "$f: LEAKED in $hits"
  else echo "$f: OK"; fi
}
N=0
run_case "_notes/notes.md"        # underscore folder (an underscore file is private)
run_case "a/_b/notes.md"
run_case "notes.local.md"         # dotenv/Vite *.local.* = never committed
run_case "notes.noexport.md"      # Org-mode's :noexport:
run_case "notes.hide.md"
run_case "notes.ignore.md"
echo "controls:"
run_case "_notes.md"
run_case "notes.hidden.md"
run_case "notes.private.md"
