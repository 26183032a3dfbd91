#!/bin/sh
# N5: a full name in a grammatical case other than the nominative (how Russian,
# Polish, Czech, Ukrainian, Finnish ... write every name that is not a sentence's
# subject) is not looked for: "Ивану Петрову" (dative), "Иваном Петровым"
# (instrumental) for Иван Петров, "Quentinem Zabrowskim", "Quentinowi
# Zabrowskiemu" for Quentin Zabrowski. Each line alone builds with exit 0 (the
# nominative "Иван Петров помог." is refused).
set -e
D=${1:-/tmp/red8/N5}; sh "$(dirname "$0")/base.sh" "$D"
cat > "$D/content/interviews/2026-03-02-moscow.md" <<'T'
---
date: 2026-03-02
person:
  name: Иван Петров
alias: an analyst in Moscow
---
Private interview.
T
cat > "$D/content/pages/about.md" <<'T'
---
title: About
---
Спасибо Ивану Петрову за встречу. Встреча с Иваном Петровым прошла хорошо.

Spotkanie z Quentinem Zabrowskim było udane. Dziękuję Quentinowi Zabrowskiemu.
T
cd "$D" && ivsite build; echo "exit $?"
grep -o 'Спасибо[^<]*' _site/about/index.html | head -1
