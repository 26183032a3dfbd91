"""What a note that does not say its title or date is titled and dated by.

A vault's notes rarely carry a ``title:``: Obsidian shows the file name, and many
start with a ``# heading``. So a reflection, role or page without one is titled by
its first level-one heading, else by its file name, and an interview or
reflection without a ``date:`` is dated by a file name that starts with one
(``2026-03-04 Acme.md``). The heading counts only where every audience of the
note reads it: outside every passage (the private view's tokens hold them all),
and without a link or HTML in it, so a title can never carry withheld text.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.token import Token

from ..markdown.frontmatter import FrontMatter
from ..markdown.passages import Cut

_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})(?!\d)")


def fallbacks(kind: str, key: str, fm: FrontMatter, tokens: list[Token],
              cut: Cut) -> dict[str, Any]:
    """The note's front matter with a title and date filled in where it has none."""
    data = dict(fm.data)
    name = key.rsplit("/", 1)[-1]
    if kind != "interviews" and data.get("title") in (None, ""):
        data["title"] = first_heading(tokens, cut) or name.strip() or None
    if kind in ("interviews", "reflections") and "date" not in data:
        dated = _DATED.match(name)
        if dated:
            data["date"] = dated.group(1)
    return data


def first_heading(tokens: list[Token], cut: Cut) -> str:
    """The text of the first ``# heading`` outside passages, or ""."""
    lines = {line.src: line for line in cut.lines}
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open" or tok.tag != "h1" or not tok.map:
            continue
        line = lines.get(tok.map[0])
        inline = tokens[i + 1] if i + 1 < len(tokens) else None
        if line is None or line.kinds or inline is None or inline.type != "inline":
            return ""
        text = " ".join(inline.content.split())
        if not text or any(mark in text for mark in ("[[", "](", "<", "![")):
            return ""
        return text
    return ""

