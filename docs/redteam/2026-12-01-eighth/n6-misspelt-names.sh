#!/bin/sh
# N6 (low): a name misspelt by one letter (transposed, dropped, or the common
# -sky/-ski swap) is not looked for; a reader still knows who it is. Exit 0.
set -e
D=${1:-/tmp/red8/N6}; sh "$(dirname "$0")/base.sh" "$D"
cat > "$D/content/pages/about.md" <<'T'
---
title: About
---
Thanks to Quentin Zabrowksi, Qentin Zabrowski and Quentin Zabrowsky.
T
cd "$D" && ivsite build; echo "exit $?"
grep -o 'Thanks to[^<]*' _site/about/index.html | head -1
