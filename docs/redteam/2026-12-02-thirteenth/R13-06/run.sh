#!/bin/bash
# R13-06: an interview note saved with an extension ivsite does not read as a
# note (Windows' hidden ".txt": 2026-03-18-acme.md.txt; .mdx; .txt) in
# content/interviews/ is skipped without a word, so its person record
# (publish_name: false, email) protects nothing: a public page that names the
# person and gives the email builds, exit 0, no warning.
for ext in md.txt mdx txt; do
  site=$(mktemp -d); mkdir -p "$site/content/interviews" "$site/content/pages"
  printf 'title = "Career notes"\nauthor = "Pat Author"\nbase_url = "https://pat.example.org/"\n' > "$site/site.toml"
  cat > "$site/content/interviews/2026-03-18-acme.$ext" <<'T'
---
visibility: private
date: 2026-03-18
person:
  name: Quentin Zabrowski
  company: Acme
  email: qz@acme.example
consent:
  publish_name: false
status: done
---
We talked about the agency.
T
  printf -- '---\ntitle: About\n---\nI had coffee with Quentin Zabrowski (qz@acme.example) this spring.\n' > "$site/content/pages/about.md"
  out=$(PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build 2>&1); rc=$?
  if [ $rc -eq 0 ] && grep -rq 'Zabrowski' "$site/_site"; then
    echo "LEAK  [.$ext] exit 0, name and email in about/index.html; diagnostics: $(echo "$out" | grep -c -E 'warning|error') lines"
  elif [ $rc -ne 0 ]; then echo "REFUSED [.$ext] exit $rc"; else echo "OK [.$ext]"; fi
  rm -rf "$site"
done
