#!/bin/sh
# N9: a folder name that runs a privacy word into another word in one case
# ("privatenotes", "mydrafts", "secretstuff", "keepprivate", "PRIVATENOTES") says
# nothing to the path rule, while "PrivateNotes" (camelCase), "private_notes",
# "notpublic" and "donotpublish" do. Pages kept there are published. Exit 0.
set -e
D=${1:-/tmp/red8/N9}; sh "$(dirname "$0")/base.sh" "$D"
mkdir -p "$D/content/pages/privatenotes" "$D/content/pages/mydrafts"
printf -- '---\ntitle: Salary talk\n---\nGlobex offered 105k; I will ask for 120k.\n' > "$D/content/pages/privatenotes/salary.md"
printf -- '---\ntitle: Cover letter draft\n---\nDear Globex, I am leaving Initech because of the layoffs.\n' > "$D/content/pages/mydrafts/letter.md"
cd "$D" && ivsite build; echo "exit $?"
grep -o 'Globex offered[^<]*' _site/salary/index.html | head -1; grep -o 'Dear Globex[^<]*' _site/letter/index.html | head -1
