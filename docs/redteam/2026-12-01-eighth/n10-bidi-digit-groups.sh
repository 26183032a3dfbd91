#!/bin/sh
# N10: the person's phone, its digit groups written last-first, shown first-last
# by the ordinary bidi algorithm (no override character, no style): after Arabic
# text in plain Markdown ("رقم الهاتف: 0142 555 416" shows "416 555 0142"), or in
# a paragraph with dir="rtl" ("0142 555 416 1+" shows "+1 416 555 0142").
# The contact check reads the digits in stored order. Exit 0.
set -e
D=${1:-/tmp/red8/N10}; sh "$(dirname "$0")/base.sh" "$D"
cat >> "$D/content/interviews/2026-03-01-acme.md" <<'T'

رقم الهاتف: 0142 555 416

<p dir="rtl">0142 555 416 1+</p>
T
cd "$D" && ivsite build; echo "exit $?"
grep -o 'رقم الهاتف: 0142 555 416\|<p dir="rtl">0142 555 416 1+</p>' _site/interviews/2026-03-01-acme/index.html
