#!/bin/sh
# N13: the person's phone (+1 416 555 0142) as people say it: digit pairs as
# numbers ("416 555 01 forty-two", "416 555 oh-one forty-two") and
# "double"/"triple" ("416 triple-five 0142", "four one six, double five five, oh
# one four two"). Digits spelt one by one are refused; each of these builds
# alone with exit 0 (the first two are in this reproducer).
set -e
D=${1:-/tmp/red8/N13}; sh "$(dirname "$0")/base.sh" "$D"
cat >> "$D/content/interviews/2026-03-01-acme.md" <<'T'

Their desk: 416 555 01 forty-two.

Or 416 triple-five 0142.
T
cd "$D" && ivsite build; echo "exit $?"
grep -o 'Their desk[^<]*\|Or 416[^<]*' _site/interviews/2026-03-01-acme/index.html | head -2
