#!/bin/sh
# N12: ASCII look-alikes the readings miss: a lower-case "l" for a capital "I"
# in capitals ("QUENTlN ZABROWSKl", even one: "Quentin ZABROWSKl"; in most sans
# fonts l and I are drawn alike, and Unicode's confusables map both to "l"), and
# "!" or "|" for i ("Quent!n Zabrowsk!", "Quent|n Zabrowsk|"). Each line alone
# builds with exit 0; "Qu3nt1n", "Z@browski" and "Zabrow$ki" are refused.
# Also: "vv" for w ("Zabrovvski"), apostrophes inside the words ("Quen'tin
# Zab'rowski") and syllables split by spaces ("Quen tin Zab row ski"), while
# dots, dashes and single letters spaced out are refused; and a lower-case
# aside between the given and family name ("Quentin (the designer) Zabrowski";
# "Quentin (Quen) Zabrowski" is refused).
set -e
D=${1:-/tmp/red8/N12}; sh "$(dirname "$0")/base.sh" "$D"
cat > "$D/content/pages/about.md" <<'T'
---
title: About
---
THANKS TO QUENTlN ZABROWSKl.

Thanks to Quentin ZABROWSKl.

Thanks to Quent!n Zabrowsk! and Quent|n Zabrowsk|.

Thanks to Quentin Zabrovvski.

Thanks to Quen'tin Zab'rowski.

Thanks to Quen tin Zab row ski.

Thanks to Quentin (the designer) Zabrowski.
T
cd "$D" && ivsite build; echo "exit $?"
grep -o 'THANKS TO[^<]*\|Thanks to Quen[^<]*' _site/about/index.html
