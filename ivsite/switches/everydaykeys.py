"""Everyday keys that merely contain a privacy word (red team 14, R14-07).

``publisher`` holds ``publish``, ``accessibility`` holds ``access`` and
``audience_size`` holds ``audience``, so the look-alike reading
(ivsite.switches.lookalike) took each for a privacy switch and failed the build
of an ordinary book, venue or talk note. Each is another word, not a switch
misspelt, so such a key is excused; but only when every privacy word the whole
key looks like is explained by the everyday word (``un_publisher`` is a typo of
``unpublished``, ``publisher_private`` holds ``private``: both still count), and a
``true``/``false`` value still reads as a switch (ivsite.switches.fmchecks).
"""

from __future__ import annotations

import re
from collections.abc import Callable

EVERYDAY = frozenset({
    "publisher", "publishers", "publication", "publications", "publicity", "publicist",
    "accessibility", "shareholder", "shareholders", "mentorship", "mentorships",
})
"""Normalised everyday words that contain a privacy word (or are a typo away from
one: ``publisher`` from ``published``) and name something else: a book's
publisher, a venue's accessibility, a company's shareholders, a mentorship."""

MEASURES = frozenset({"size", "count", "number", "num", "total", "max", "min"})
"""Words that, after a switch word, make the key a quantity (``audience_size``,
``share_count``): a number, not who may see the note."""

_PARTS = re.compile(r"[A-Z]?[a-z0-9\u00c0-\uffff]+|[A-Z]+(?![a-z])")


def key_parts(key: str, normalise: Callable[[str], str]) -> list[str]:
    """The words of a key, split at anything not a letter or digit and at a
    camelCase step (``audienceSize``, ``audience_size``, ``Audience Size``)."""
    out = [normalise(p) for p in _PARTS.findall(key)]
    return [p for p in out if p]


def excused(key: str, matches: Callable[[str], frozenset[str]],
            normalise: Callable[[str], str], switches: frozenset[str]) -> bool:
    """Whether every privacy word ``key`` looks like is explained by an everyday
    word among its parts, or by a switch word followed by a measure, and what is
    left of the key looks like none. ``matches`` gives every privacy word a
    normalised text looks like."""
    parts = key_parts(key, normalise)
    whole = matches("".join(parts))
    explained: set[str] = set()
    rest: list[str] = []
    for i, part in enumerate(parts):
        if part in EVERYDAY:
            explained |= matches(part)
        elif (part in MEASURES and i > 0 and parts[i - 1] not in EVERYDAY
              and matches(parts[i - 1]) and matches(parts[i - 1]) <= switches):
            explained |= matches(parts[i - 1])
            if rest and rest[-1] == parts[i - 1]:
                rest.pop()
        else:
            rest.append(part)
    if not explained or not whole <= explained:
        return False
    return not any(matches(part) for part in rest) and not matches("".join(rest))
