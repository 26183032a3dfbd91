"""Passages and comments cut out of a note's source, line by line, before any parser.

Withholding in the token stream trusts the parser to see every passage as the
author meant it; it does not, inside raw HTML, tables or odd spellings, and a
reference definition or footnote inside a passage acts on the whole note. So a
note's body is cut here first: each audience's text holds only the lines it may
see, and a withheld line never reaches a Markdown parser at all.

What counts as a fence is decided on a normalised copy of each line (Unicode
spaces, zero-width and other format characters, full-width and look-alike colons,
container prefixes such as ``>`` and list markers), so anything that looks like a
fence is one. Only fenced and indented code keep ``:::`` literal; which lines are
code is asked of the parser itself (block level only, no passages), and every
audience's parse is checked against this cut afterwards (:func:`check_tokens`).
A fence that is misspelt, unclosed, stray or in a place the parser cannot read
it is an error at its line, and the cut still withholds what it enclosed.

HTML and ``%%`` comments are removed here as well, before the passages are
read (see ivsite.markdown.comments); code keeps them literal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from . import comments
from .passagefences import (
    ATTEMPT,
    KINDS,
    MAYBE_CODE,
    PREFIX,
    Line,
    Problem,
    Withheld,
    code_lines,
    normal,
    passage_lines,
)

__all__ = ["KINDS", "Cut", "Line", "Problem", "Withheld", "check_tokens", "cut", "remap"]


@dataclass(frozen=True)
class Cut:
    """A body as lines that know which passages they stand in."""

    lines: tuple[Line, ...]
    problems: tuple[Problem, ...]
    withheld: tuple[Withheld, ...]
    """Passage bodies, by the passages they stand in."""
    said: tuple[tuple[int, str], ...] = ()
    """Short comments cut out, as (body line, text): a comment may be meant as a
    privacy marker (see ivsite.validate.bodyprivacy)."""

    def hides(self, sees: Iterable[str]) -> bool:
        """Whether an audience that sees ``sees`` misses any line."""
        allowed = frozenset(sees)
        return any(not allowed.issuperset(line.kinds) for line in self.lines if line.kinds)

    def text(self, sees: Iterable[str]) -> tuple[str, tuple[int, ...]]:
        """The text an audience that sees ``sees`` may read, and for each of its
        lines the body line it came from. A withheld passage leaves one line with
        its fence's container prefix, so the blocks around it stay apart."""
        allowed = frozenset(sees)
        out: list[str] = []
        where: list[int] = []
        hidden = False
        for line in self.lines:
            if not line.kinds or allowed.issuperset(line.kinds):
                out.append(line.text)
                where.append(line.src)
                hidden = False
            elif not hidden:
                hidden = True
                prefix = PREFIX.match(line.text)
                out.append(line.text[:prefix.end()].rstrip() if prefix else "")
                where.append(line.src)
        return "\n".join(out), tuple(where)


def cut(body: str) -> Cut:
    """Cut a body into lines with their passages; problems are errors."""
    raw = body.split("\n")
    norm = normal(body)
    if not comments.any_marker(body) and ":::" not in norm and not ATTEMPT.search(norm):
        return Cut(tuple(Line(i, t, ()) for i, t in enumerate(raw)), (), ())
    code = code_lines(body, len(raw)) if MAYBE_CODE.search(body) else {}
    problems: list[Problem] = []
    secrets: list[Withheld] = []
    said: list[tuple[int, str]] = []

    def report(line: int, code: str, message: str, hint: str) -> None:
        problems.append(Problem(line, code, message, hint))

    lines = passage_lines(comments.without_comments(raw, code, report, said), code, problems,
                      secrets)
    problems.sort(key=lambda p: p.line)
    return Cut(tuple(lines), tuple(problems), tuple(secrets), tuple(said))


# ---- the parser's tokens, checked against the cut --------------------------------

def check_tokens(tokens: Sequence[Token], cut_: Cut, sees: Iterable[str]) -> list[Problem]:
    """Problems where the parser read an audience's text otherwise than the cut:
    a kept fence that opened no passage, or a literal ':::' line outside code.
    Token maps are already body lines (see :func:`remap`)."""
    opened: set[int] = set()
    coded: set[int] = set()
    for t in tokens:
        if not t.map:
            continue
        if t.type in ("fence", "code_block"):
            coded.update(range(t.map[0], t.map[1]))
        elif t.nesting == 1 and t.type.startswith("container_"):
            opened.add(t.map[0])
    allowed = frozenset(sees)
    out: list[Problem] = []
    fences = [line for line in cut_.lines if line.fence and allowed.issuperset(line.kinds)]
    kept_opens = {line.src for line in fences if line.fence == "open"}
    for src in sorted(opened - kept_opens):
        out.append(Problem(
            src, "passage-context",
            "Markdown reads a passage here that ivsite did not cut as one",
            "put '::: private' or '::: mentor' at the start of a line of its own"))
    for t in tokens:
        marker = comments.shown_openers(t) if t.type == "inline" else None
        if marker is not None:
            out.append(Problem(
                t.map[0] if t.map else 0, "comment-unclosed",
                f"Markdown would print this {marker.name} as text",
                f"start the comment outside code spans, and close it with '{marker.closer}'"))
    for line in fences:
        src = line.src
        if line.fence == "open" and src not in opened:
            out.append(Problem(
                src, "passage-context",
                f"this '{line.kinds[-1]}' passage stands where Markdown cannot read a "
                "passage (inside raw HTML, a table or a paragraph it continues)",
                "put the passage on lines of its own, outside HTML blocks and tables, "
                "with a blank line before it"))
        elif line.fence == "literal" and src not in coded and line.kinds == ():
            out.append(Problem(
                src, "passage-in-code",
                "this ':::' line was read as code when the passages were cut, but "
                "Markdown does not read it as code here",
                "put code that shows ':::' in a closed ``` block of its own"))
    return out


def remap(tokens: Sequence[Token], where: tuple[int, ...]) -> None:
    """Token maps from lines of an audience's text to lines of the body."""
    last = len(where) - 1
    for t in tokens:
        if t.map:
            a, b = t.map
            t.map = [where[min(a, last)], where[min(max(b - 1, a), last)] + 1] if where \
                else [a, b]
