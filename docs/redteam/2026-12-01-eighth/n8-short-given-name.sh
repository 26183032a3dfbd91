#!/bin/sh
# N8: one person, refused in one note ("Alexandra Quennell", private) and
# written with the short form of her given name in a later note that says yes
# ("Alex Quennell", same company and role): the notes are not tied into one
# person, so "Alex Quennell" is published on every list page, although "when in
# doubt, two spellings are one person" and "Q. Quennell" there is tied and refused.
# Exit 0.
set -e
D=${1:-/tmp/red8/N8}; sh "$(dirname "$0")/base.sh" "$D"
cat > "$D/content/interviews/2026-03-03-globex.md" <<'T'
---
date: 2026-03-03
visibility: private
person:
  name: Alexandra Quennell
  role: Art Director
  company: Globex
consent:
  publish_name: false
alias: an art director at Globex
---
She asked not to be named.
T
cat > "$D/content/interviews/2026-04-03-globex.md" <<'T'
---
date: 2026-04-03
visibility: public
person:
  name: Alex Quennell
  role: Art Director
  company: Globex
consent:
  publish_name: true
---
Second chat.
T
cd "$D" && ivsite build; echo "exit $?"
grep -o 'with Alex Quennell' _site/people/index.html _site/interviews/index.html _site/feed.xml 2>/dev/null; grep -o '<h2 class="card-title">[^<]*' _site/people/index.html
