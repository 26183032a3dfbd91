"""Writes the theme's style sheet (the default one plus a rule) and content/files/thanks.svg:
both draw an unconsented name with CSS counters (standard library only).
Usage: make_files.py SITE_DIR DEFAULT_THEME_STYLE_CSS"""
import sys
from pathlib import Path

site, default_css = Path(sys.argv[1]), Path(sys.argv[2])
name = "QUENTIN ZABROWSKI"
resets, parts = [], []
for i, c in enumerate(name):
    if c == " ":
        parts.append('" "')
        continue
    resets.append(f"c{i} {ord(c) - 64}")           # upper-alpha: 1 = A ... 26 = Z
    parts.append(f"counter(c{i}, upper-alpha)")
reset, content = " ".join(resets), " ".join(parts)

theme = site / "themes" / "mine" / "static"
theme.mkdir(parents=True, exist_ok=True)
(theme / "style.css").write_text(
    default_css.read_text("utf-8")
    + f"\n.colophon {{ counter-reset: {reset}; }}\n"
    + f'.colophon::after {{ content: " \\00B7  thanks to " {content}; }}\n', "utf-8")

files = site / "content" / "files"
files.mkdir(parents=True, exist_ok=True)
(files / "thanks.svg").write_text(f"""<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60" viewBox="0 0 400 60">
<style>.t {{ counter-reset: {reset}; font: 20px sans-serif; }}
.t::after {{ content: {content}; }}</style>
<foreignObject x="0" y="0" width="400" height="60"><div xmlns="http://www.w3.org/1999/xhtml" class="t">Thanks to </div></foreignObject>
</svg>
""", "utf-8")
