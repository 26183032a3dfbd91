#!/bin/sh
# N4: a public note loads one of the site's own files as a script (<script src>
# of a file the note also links, so it is copied). The script writes an
# unconsented name on the page and asks another host for a picture; its address
# is in base64, so no literal address is in any written file. Exit 0.
set -e
D=${1:-/tmp/red8/N4}; sh "$(dirname "$0")/base.sh" "$D"
B=$(printf 'https://evil.example/p.gif' | base64)
cat > "$D/content/pages/widget.js" <<T
new Image().src = atob("$B");
document.querySelector(".prose p").textContent = ["Quentin", "iksworbaZ".split("").reverse().join("")].join(" ");
T
cat > "$D/content/pages/about.md" <<'T'
---
title: About
---
Hello there.

<script src="../pages/widget.js"></script>

[the widget's source](widget.js)
T
cd "$D" && ivsite build; echo "exit $?"
grep -o '<script src="../pages/widget.js">' _site/about/index.html; ls _site/pages/
