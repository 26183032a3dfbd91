"""Privacy switches written in a note's body, the way Obsidian users write them.

A vault marks a note or passage private with an inline tag (``#draft``), a
callout type (``> [!private]``) or a Dataview field (``visibility:: private``).
ivsite reads none of them as a switch, so each one, where an audience would see
it, fails closed: an error, the same rule as the front matter's look-alikes.
Lines inside a ``::: private`` passage are the author's alone and do not count;
for the public's tags, neither do lines in a ``::: mentor`` passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from .diagnostics import Diagnostics
from .lookalike import privacy_callout, privacy_tag, privacy_word
from .passages import Cut
from .syntax.inlinetags import TOKEN as TAG_TOKEN

_FIELD = re.compile(r"(?:^|(?<=[\[(]))[ \t]*([^\W\d][\w \t-]*?)[ \t]*::", re.MULTILINE)
"""A Dataview field's key: at a line's start, or just after ``[`` or ``(``."""
_PASSAGE_HINT = ("to keep it out, put it in a '::: private' passage (or '::: mentor' for "
                 "your mentor only), or set 'visibility' in the front matter")


def body_privacy(path: str, body_line: int, tokens: list[Token], cut: Cut,
                 visibility: str, diags: Diagnostics) -> bool:
    """Report the body's privacy switches an audience would see; whether any was found."""
    if visibility == "private":
        return False
    kinds = {line.src: line.kinds for line in cut.lines}
    found = False
    for tok, src in _with_lines(tokens):
        where = kinds.get(src, ())
        if "private" in where:
            continue
        line = src + body_line
        if tok.type == "callout_open" and privacy_callout(str(tok.meta["kind"])):
            found = True
            diags.error(path, line, 1, "privacy-callout",
                        f"the callout type '[!{tok.meta['kind']}]' says this passage is not "
                        "for everyone, but ivsite shows a callout to every reader of the note",
                        "use a '::: private' (or '::: mentor') passage instead of the callout")
        elif (tok.type == TAG_TOKEN and visibility == "public" and not where
              and privacy_tag(str(tok.meta["tag"]))):
            found = True
            diags.error(path, line, 1, "privacy-tag",
                        f"the tag '{tok.content}' says this note is not for the public, but "
                        "it is public; ivsite will not guess",
                        "set 'visibility: private' (or 'visibility: mentor' for your mentor "
                        "only) to keep it out, or rename the tag if the note may be published")
        elif tok.type == "inline":
            for offset, key in _privacy_fields(tok):
                found = True
                diags.error(path, line + offset, 1, "privacy-field",
                            f"the inline field '{key}::' looks like a privacy switch, but "
                            "ivsite does not read inline fields and would publish it as text",
                            _PASSAGE_HINT)
    return found


def _with_lines(tokens: list[Token]) -> Iterator[tuple[Token, int]]:
    """Every token with its 0-based body line (a child: its parent's line plus the
    line breaks before it)."""
    for tok in tokens:
        start = tok.map[0] if tok.map else 0
        yield tok, start
        breaks = 0
        for child in tok.children or ():
            if child.type in ("softbreak", "hardbreak"):
                breaks += 1
            yield child, start + breaks


def _privacy_fields(inline: Token) -> Iterator[tuple[int, str]]:
    """Dataview fields with a privacy key in an inline token's text (code is not
    text), with the line offset of each."""
    text = "".join("\n" if c.type in ("softbreak", "hardbreak") else
                   c.content if c.type == "text" else " " for c in inline.children or ())
    for m in _FIELD.finditer(text):
        key = m.group(1)
        if privacy_word(key) is not None:
            yield text.count("\n", 0, m.start()), key.strip()
