"""The YAML comments of a note's front matter, and what they say about a setting.

PyYAML drops comments, so ``visibility: public  # NO: keep private until she
replies`` reads as public, and ``# visibility: private`` under it as nothing. An
author writes both: a doubt beside a setting, or a setting switched off by
commenting it out. Neither is a setting ivsite can follow, and both say the
note may not be ready for the audience the setting names (red teams 9, 15 and
16). Used by the filter (ivsite.validate.frontcomments) and, with its own
narrower reading, by the audit (ivsite.audit.saidsettings).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .lookalike import normalise
from .markerwords import marker_word


class Comment(NamedTuple):
    line: int
    """1-based line of the file."""
    col: int
    """1-based column of the ``#``."""
    before: str
    """What the line holds before the comment (empty for a comment line)."""
    text: str
    """The comment without its ``#``."""


_BLOCK = re.compile(r"(?:^|:|-)\s*[|>][+-]?[0-9]?[+-]?\s*(?:#.*)?$")
"""A line that opens a block scalar (``key: |``, ``- >-``): the lines indented
under it are text, where a ``#`` is no comment."""


def yaml_comments(text: str, body_line: int) -> Iterator[Comment]:
    """The comments of the front matter of ``text`` (a whole note, its body from
    ``body_line``): a ``#`` at a line's start or after a space, outside quotes
    and block scalars."""
    lines = text.split("\n")[1:max(body_line - 2, 1)]
    block_indent = -1
    for number, line in enumerate(lines, start=2):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent >= 0:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = -1
        at = _comment_at(line)
        if at >= 0:
            yield Comment(number, at + 1, line[:at].rstrip(), line[at + 1:].strip())
        if _BLOCK.search(line[:at] if at >= 0 else line):
            block_indent = indent


def _comment_at(line: str) -> int:
    """Where a YAML comment starts on ``line``, or -1."""
    quote = ""
    i = 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                if quote == "'" and line[i + 1:i + 2] == "'":
                    i += 1
                else:
                    quote = ""
        elif ch in "\"'" and (i == 0 or line[i - 1] in " \t:-[{,"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
        i += 1
    return -1


_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
DOUBTS = frozenset({
    "no", "not", "never", "dont", "don't", "until", "till", "pending", "wait", "waiting",
    "tbd", "tbc", "later", "ask", "asking", "check", "unsure", "maybe", "yet", "hold",
    "revert", "undo", "temporary", "temp", "remove", "nope", "careful",
})
"""Words that put a setting in doubt (``# not yet``, ``# TBD``, ``# ask her first``)."""


def says_withheld(comment: str) -> str | None:
    """The words of ``comment`` that say the note is not for everyone or the
    setting not settled (a privacy word or phrase of up to four words, a word of
    doubt, a question mark), or None."""
    words: list[str] = [w.lower() for w in _WORD.findall(comment)]
    for i in range(len(words)):
        for j in range(i + 1, min(i + 4, len(words)) + 1):
            if marker_word(normalise("".join(words[i:j]))):
                return " ".join(words[i:j])
    doubt = next((w for w in words if w.replace("\u2019", "'") in DOUBTS), None)
    if doubt is not None:
        return doubt
    return "?" if "?" in comment else None


_SETTING = re.compile(r"^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:\s*(.*?)\s*$")


def setting_of(text: str) -> tuple[str, str] | None:
    """A ``key: value`` line's key and value (``visibility: private`` in a
    comment), or None."""
    m = _SETTING.match(text)
    return (m.group(1).strip().strip("\"'"), m.group(2).strip().strip("\"'")) if m else None
