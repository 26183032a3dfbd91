"""Passages fenced in a front matter's text, as the audit reads them (red team
10, R10-11): ``summary: >-`` folding ``::: private`` … ``:::`` into one line.

The filter refuses such a fence (ivsite.validate.frontmarkers); the audit reads it with
a pattern of its own, so that it does not share the filter's blind spot: what a
fence in a front-matter string holds is withheld from an audience that may not
read that kind of passage, and is not excused as the note's summary or title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCED = re.compile(r"(?:^|(?<=\s)):{3,}[ \t]*\{?[ \t]*\.?(private|mentor)\b\}?"
                     r"(.*?)(?:(?<=\s):{3,}(?=\s|$)|\Z)", re.S | re.I)


def fenced(text: str) -> Iterator[tuple[str, str]]:
    """Each fenced passage in ``text``: (its kind, what it holds, spaces joined)."""
    if ":::" not in text:
        return
    for m in _FENCED.finditer(text):
        said = " ".join(m.group(2).split())
        if said:
            yield m.group(1).casefold(), said


def unfenced(text: str) -> str:
    """``text`` without its fenced passages: what the audit may excuse as shown."""
    return _FENCED.sub(" ", text) if ":::" in text else text
