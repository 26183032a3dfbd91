#!/bin/sh
# N3: text a reader skips inside the name (ruby annotations, struck-through
# letters) is read by the filter and the audit as part of the word: the page shows
# "Quentin Zabrowski" (with "first"/"last" above it), "Quentin Zabrow~~sky~~ski"
# (a typo struck out), and 山田太郎 with furigana; exit 0.
set -e
D=${1:-/tmp/red8/N3}; sh "$(dirname "$0")/base.sh" "$D"
cat > "$D/content/pages/about.md" <<'T'
---
title: About
---
We met <ruby>Quentin<rt>first</rt></ruby> <ruby>Zabrowski<rt>last</rt></ruby> at the fair.

Later, Quentin Zabrow~~sky~~ski wrote back.

Kind words from <ruby>山田<rp>(</rp><rt>やまだ</rt><rp>)</rp></ruby><ruby>太郎<rp>(</rp><rt>たろう</rt><rp>)</rp></ruby>.
T
cat > "$D/content/interviews/2026-03-02-tokyo.md" <<'T'
---
date: 2026-03-02
person:
  name: 山田太郎
alias: an engineer in Tokyo
---
Private interview.
T
cd "$D" && ivsite build; echo "exit $?"
grep -o 'We met.*fair\.\|Later.*back\.\|Kind words.*</ruby>' _site/about/index.html
