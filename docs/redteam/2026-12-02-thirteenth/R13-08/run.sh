#!/bin/bash
# R13-08 (false refusal): a private interview whose person is recorded by a
# given name alone that is also an everyday word (met at a career fair: "Mark",
# "May", "Page", "Will") makes every build fail: the audit finds the word in
# ivsite's own files (static/search.js says "mark", the 404 page and filter.js
# "may", the 404 page's "Page not found") and, for "Will", refuses ordinary
# text ("I will apply next year"). Nothing the author can rephrase fixes the
# first three.
for name in Mark May Page Will; do
  site=$(mktemp -d); mkdir -p "$site/content/interviews" "$site/content/pages"
  printf 'title = "Career notes"\nauthor = "Pat Author"\nbase_url = "https://pat.example.org/"\n' > "$site/site.toml"
  cat > "$site/content/interviews/2026-03-18-career-fair.md" <<T
---
visibility: private
date: 2026-03-18
person:
  name: $name
  company: Acme
consent:
  publish_name: false
status: done
---
A short chat at the career fair booth.
T
  printf -- '---\ntitle: About\n---\nI will apply next year.\n' > "$site/content/pages/about.md"
  out=$(PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build 2>&1); rc=$?
  if [ $rc -ne 0 ]; then echo "REFUSED [name: $name] exit $rc:"; echo "$out" | grep error | sed 's/^/    /' | head -4
  elif grep -rqw "$name" "$site/_site"; then echo "BUILT [name: $name] (the word is in the output)"; else echo "OK [name: $name]"; fi
  rm -rf "$site"
done
