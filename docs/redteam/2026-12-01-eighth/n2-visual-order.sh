#!/bin/sh
# N2: letters written backwards, each its own box, laid out in reverse by CSS or
# by bidi: the page shows "Quentin Zabrowski"; the filter and the audit read the
# source order ("iksworbaZ nitneuQ"). Three spellings, one per page: flex
# row-reverse, dir="rtl" with inline-blocks, the CSS order property, and a
# table with dir="rtl" (no style attribute at all).
set -e
D=${1:-/tmp/red8/N2}; sh "$(dirname "$0")/base.sh" "$D"
python3 - "$D" <<'PY'
import sys
name = "Quentin Zabrowski"; c = lambda ch: "&nbsp;" if ch == " " else ch
flex = "".join(f"<b>{c(ch)}</b>" for ch in name[::-1])
rtl = "".join(f'<span style="display:inline-block">{c(ch)}</span>' for ch in name[::-1])
table = "".join(f"<td>{c(ch)}</td>" for ch in name[::-1])
order = "".join(f'<span style="order:{len(name) - i}">{c(ch)}</span>' for i, ch in enumerate(name[::-1]))
pages = {
    "flex": f'<span style="display:inline-flex;flex-direction:row-reverse">{flex}</span>\n',
    "rtl": f'<p dir="rtl" style="text-align:left">{rtl}</p>\n',
    "order": f'<p style="display:flex">{order}</p>\n',
    "table": f'<table dir="rtl"><tr>{table}</tr></table>\n',
}
for slug, body in pages.items():
    open(f"{sys.argv[1]}/content/pages/{slug}.md", "w").write(f"---\ntitle: Thanks {slug}\n---\nThanks to:\n\n{body}")
PY
cd "$D" && ivsite build; echo "exit $?"
for p in flex rtl order table; do
  chromium --headless --no-sandbox --disable-gpu --screenshot="$D/$p.png" --window-size=700,400 "file://$D/_site/$p/index.html" 2>/dev/null || true
done
