#!/bin/sh
# F1 (false refusal): the "initial and family name run together" form of a
# private interviewee is looked for in every public text, and for a short family
# name it is an everyday word: "Cara Hance" -> "chance", "Carl Lever" -> "clever",
# "Brian Right" -> "bright", "Sam Parks" -> "sparks". A public role page that says
# "Take every chance to ask questions." is refused (exit 1), while the interview is
# private and the page names no one.
D=${1:-/tmp/red8/F1}; sh "$(dirname "$0")/base.sh" "$D" || exit 1
sed -i 's/name: Quentin Zabrowski/name: Cara Hance/; s/visibility: public/visibility: private/' \
  "$D/content/interviews/2026-03-01-acme.md"
printf -- '---\ntitle: Designer\n---\nTake every chance to ask questions.\n' > "$D/content/roles/designer.md"
cd "$D" && ivsite build; echo "exit $?"
