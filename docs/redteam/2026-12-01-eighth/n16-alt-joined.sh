#!/bin/sh
# N16: a raw-HTML picture whose file is missing shows its alt text in the line,
# and the word goes on after it: "Photo by <img src="missing-photo.png"
# alt="Quentin Zab">rowski." shows "Photo by [icon]Quentin Zabrowski." The alt is
# read apart from the text; a raw <img> to a file that does not exist is not an
# error. Exit 0.
set -e
D=${1:-/tmp/red8/N16}; sh "$(dirname "$0")/base.sh" "$D"
printf -- '---\ntitle: About\n---\nPhoto by <img src="missing-photo.png" alt="Quentin Zab">rowski.\n' > "$D/content/pages/about.md"
cd "$D" && ivsite build; echo "exit $?"
grep -o 'Photo by <img[^>]*>rowski' _site/about/index.html
