#!/bin/bash
# R13-05: a phone number written in person.email (alone, or beside the address:
# "qzab@acme.example / +1 416 555 0142") is not taken as a contact detail: no
# warning, and a public page that gives the number builds, exit 0. (An email in
# person.phone, or a number in linkedin or an unknown person key, is refused.)
for email in '"+1 416 555 0142"' '"qzab@acme.example / +1 416 555 0142"' '"qzab@acme.example (work), 416 555 0142 (mobile)"'; do
  site=$(mktemp -d); mkdir -p "$site/content/interviews" "$site/content/pages"
  printf 'title = "Career notes"\nauthor = "Pat Author"\nbase_url = "https://pat.example.org/"\n' > "$site/site.toml"
  cat > "$site/content/interviews/2026-03-18-acme.md" <<T
---
visibility: private
date: 2026-03-18
person:
  name: Quentin Zabrowski
  company: Acme
  email: $email
consent:
  publish_name: false
status: done
---
We talked.
T
  printf -- '---\ntitle: About\n---\nCall the design desk at 416 555 0142 any time.\n' > "$site/content/pages/about.md"
  PYTHONPATH=$IVSITE /work/main/.venv/bin/python -m ivsite -C "$site" build >/dev/null 2>&1; rc=$?
  if [ $rc -eq 0 ] && grep -rq '416 555 0142' "$site/_site"; then echo "LEAK  [email: $email] exit 0, the number in about/index.html"
  elif [ $rc -ne 0 ]; then echo "REFUSED [email: $email] exit $rc"; else echo "OK [email: $email]"; fi
  rm -rf "$site"
done
