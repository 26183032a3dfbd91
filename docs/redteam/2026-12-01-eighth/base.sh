#!/bin/sh
# Shared by the reproducers: a small site in $1 with one public interview whose
# person did not consent (Quentin Zabrowski), a private and a mentor passage.
set -e
D=$1; rm -rf "$D"; mkdir -p "$D/content/interviews" "$D/content/roles" "$D/content/pages"
cat > "$D/site.toml" <<'T'
title = "Research"
author = "Ana Silva"
base_url = "https://example.org/"
language = "en"
T
cat > "$D/content/interviews/2026-03-01-acme.md" <<'T'
---
date: 2026-03-01
visibility: public
person:
  name: Quentin Zabrowski
  role: Designer
  company: Acme
  email: qz@acme.example
  phone: "+1 416 555 0142"
alias: a designer at Acme
consent:
  publish_name: false
referred_by: Priscilla Vandermeer
---
## What is a typical day?

Lots of meetings.

::: private
Hush: the merger with Globex closes in May.
:::

::: mentor
Mentorword: ask about the salary band.
:::
T
printf -- '---\ntitle: Designer\n---\nA role.\n' > "$D/content/roles/designer.md"
printf -- '---\ntitle: Home\n---\nWelcome.\n' > "$D/content/pages/index.md"
