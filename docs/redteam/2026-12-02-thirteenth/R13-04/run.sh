#!/bin/bash
# R13-04: a group conversation recorded with both people in person.name
# ("A / B", "A, B", "A - B", "A | B", "A (with B)") and publish_name false:
# only the first name is looked for, the second person's full name is
# published by a public page, exit 0. ("A and B", "A & B", "A; B" are refused.)
leaks=0
for name in "Quentin Zabrowski / Maria Oyelaran" "Quentin Zabrowski, Maria Oyelaran" \
            "Quentin Zabrowski - Maria Oyelaran" "Quentin Zabrowski | Maria Oyelaran" \
            "Quentin Zabrowski (with Maria Oyelaran)"; do
  site=$(mktemp -d); mkdir -p "$site/content/interviews" "$site/content/pages"
  printf 'title = "Career notes"\nauthor = "Pat Author"\nbase_url = "https://pat.example.org/"\n' > "$site/site.toml"
  cat > "$site/content/interviews/2026-03-18-acme.md" <<T
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
A group conversation at the agency.
T
  printf -- '---\ntitle: About\n---\nI learned a lot from Maria Oyelaran this spring.\n' > "$site/content/pages/about.md"
  PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build >/dev/null 2>&1; rc=$?
  if [ $rc -eq 0 ] && grep -rq 'Maria Oyelaran' "$site/_site"; then echo "LEAK  [name: $name] exit 0, 'Maria Oyelaran' in about/index.html"; leaks=1
  elif [ $rc -ne 0 ]; then echo "REFUSED [name: $name] exit $rc"; else echo "OK [name: $name]"; fi
  rm -rf "$site"
done
# The same for referred_by (the referrer is private in every view).
for rb in "Sam Leeford / Ana Ruizabal" "Sam Leeford, Ana Ruizabal" "Sam Leeford (and Ana Ruizabal)"; do
  site=$(mktemp -d); mkdir -p "$site/content/interviews" "$site/content/pages"
  printf 'title = "Career notes"\nauthor = "Pat Author"\nbase_url = "https://pat.example.org/"\n' > "$site/site.toml"
  cat > "$site/content/interviews/2026-03-18-acme.md" <<T
---
visibility: public
date: 2026-03-18
person:
  name: Daniel Osei
  company: Acme
consent:
  publish_name: true
referred_by: $rb
status: done
---
We talked about the agency.
T
  printf -- '---\ntitle: About\n---\nThanks to Ana Ruizabal for the help.\n' > "$site/content/pages/about.md"
  PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build >/dev/null 2>&1; rc=$?
  if [ $rc -eq 0 ] && grep -rq 'Ana Ruizabal' "$site/_site"; then echo "LEAK  [referred_by: $rb] exit 0, 'Ana Ruizabal' in about/index.html"
  elif [ $rc -ne 0 ]; then echo "REFUSED [referred_by: $rb] exit $rc"; else echo "OK [referred_by: $rb]"; fi
  rm -rf "$site"
done
