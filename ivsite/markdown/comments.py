"""Comments cut out of a note's source, line by line, before any parser.

Two kinds: HTML comments, ``<!--`` to the next ``-->``, and Obsidian comments,
``%%`` to the next ``%%`` (inline or over several lines). Both are what the
author wrote for themselves, so they are a privacy boundary: they are removed
from the text before Markdown reads it, whatever Markdown would make of them
(past a blank line, in alt text or a link title), and never left to a renderer
to hide. Code (code spans, fenced and indented code) and a backslash before the
opener keep them literal. A comment never closed, or one that runs into a code
block, is an error at its line (the note is then not published).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import unquote

from markdown_it.token import Token

_TICKS = re.compile(r"`+")


@dataclass(frozen=True)
class Marker:
    """One kind of comment: how it opens and closes, and what it is called."""

    opener: str
    closer: str
    name: str


HTML = Marker("<!--", "-->", "HTML comment")
OBSIDIAN = Marker("%%", "%%", "%% comment")
MARKERS: tuple[Marker, ...] = (HTML, OBSIDIAN)
"""The comments the cutter removes (a test switches one off to show the audit
catches what it would let through)."""


class Report(Protocol):
    """How the cutter is told of a problem (ivsite.markdown.passages keeps them)."""

    def __call__(self, line: int, code: str, message: str, hint: str) -> None: ...


def spans(text: str) -> list[tuple[int, int]]:
    """Code spans on one line (a run of n backticks closed by the next run of n)."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        size = end - start
        j = next((k for k in range(i + 1, len(runs)) if runs[k][1] - runs[k][0] == size), None)
        if j is None:
            i += 1
            continue
        out.append((start, runs[j][1]))
        i = j + 1
    return out


def any_marker(body: str) -> bool:
    """Whether a body may hold a comment at all (the cutter's fast path)."""
    return any(m.opener in body for m in MARKERS)


def _opening(text: str, pos: int, code: list[tuple[int, int]]) -> tuple[int, Marker | None]:
    """Where the next comment opens on this line, from ``pos``, and its kind
    ((-1, None): none); an escaped opener or one in a code span is literal text."""
    best, kind = -1, None
    for marker in MARKERS:
        at = pos
        while True:
            k = text.find(marker.opener, at)
            if k < 0 or (best >= 0 and k >= best):
                break
            slashes = len(text[:k]) - len(text[:k].rstrip("\\"))
            if slashes % 2 == 0 and not any(a <= k < b for a, b in code):
                best, kind = k, marker
                break
            at = k + len(marker.opener)
    return best, kind


SAID_MAX = 4000
"""The longest comment whose text is kept for ivsite.validate.bodyprivacy: a marker is a
word or a few, but a comment may hold settings too (front matter commented out,
red team 9, R9-24b), which it reads line by line; a longer one is a note to oneself."""


def without_comments(raw: Sequence[str], code: dict[int, str], problem: Report,
                     said: list[tuple[int, str]] | None = None) -> list[tuple[int, str]]:
    """The body's lines with every comment taken out; a comment over several lines
    leaves what stood before it and after it on its first line. ``code``: the
    lines of fenced and indented code (literal); ``problem(line, code, message,
    hint)`` reports what cannot be read for sure; ``said`` gets each closed
    comment of up to SAID_MAX characters as (its first line, its text)."""
    out: list[tuple[int, str]] = []
    inside: list[str] = []  # the text of the comment open now
    inside_line = 0  # the line it opened on
    opened: tuple[int, str, Marker] | None = None  # (line it opened on, text before, kind)
    for i, text in enumerate(raw):
        if i in code:
            if opened is not None:
                problem(opened[0], "comment-unclosed",
                        f"this {opened[2].name} runs into a code block before it is closed",
                        f"close it with '{opened[2].closer}' before the code block")
                out.append((opened[0], opened[1]))
                opened = None
            out.append((i, text))
            continue
        pos = 0
        kept = opened[1] if opened is not None else ""
        start = opened[0] if opened is not None else i
        code_spans = spans(text) if "`" in text else []
        while True:
            if opened is not None:
                end = text.find(opened[2].closer, pos)
                if end < 0:
                    inside.append(text[pos:])
                    break
                inside.append(text[pos:end])
                if said is not None and len(comment := "\n".join(inside)) <= SAID_MAX:
                    said.append((inside_line, comment))
                pos, opened = end + len(opened[2].closer), None
                continue
            k, marker = _opening(text, pos, code_spans)
            if marker is None:
                kept += text[pos:]
                break
            kept += text[pos:k]
            opened, pos = (start, "", marker), k + len(marker.opener)
            inside, inside_line = [], i
        if opened is not None:
            opened = (start, kept, opened[2])
        else:
            out.append((start, kept))
    if opened is not None:
        problem(opened[0], "comment-unclosed", f"this {opened[2].name} is never closed",
                f"close it with '{opened[2].closer}'")
        out.append((opened[0], opened[1]))
    return out


def shown_openers(tok: Token) -> Marker | None:
    """A comment opener Markdown would print in this inline token (outside code
    and raw HTML, in text or in an attribute) that the cut did not take out: the
    cut read the line otherwise than the parser (a code span over two lines)."""
    if tok.children is None:
        return None
    for marker in MARKERS:
        if marker.opener not in tok.content:
            continue
        shown = sum(c.content.count(marker.opener) + sum(
            unquote(str(v)).count(marker.opener) for v in c.attrs.values())
            for c in tok.children if c.type not in ("code_inline", "html_inline"))
        if shown > tok.content.count("\\" + marker.opener):
            return marker
    return None
