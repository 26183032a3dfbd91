"""Whether a link's target that names no note is a slip for a note's name.

A wiki link written exactly to a withheld note shows "a private note"; written
with a slip (a letter dropped or swapped, a word changed, "and" for "for", a file
name's typo, an alias's plural) it names no note and used to be shown as written:
the private title, almost verbatim (red team 18, R18-07). Both the link check
(ivsite.validate.nearprivate) and the audit (ivsite.audit.nearlinks) ask this one
question of a name; each finds the links and the withheld names on its own.

Close means, on the names as words (:func:`ivsite.text.normalise.words`, so case,
accents, separators and punctuation aside): within one edit (two from ten
letters), a ratio of 0.85 or more, the same words in another order, one word
changed of three or more, or one the other's first words (two or more). Names
shorter than five letters are close only when equal: ``[[cv]]`` is not a slip
for ``ux``.
"""

from __future__ import annotations

import difflib
import functools

from ..switches.lookalike import distance
from .normalise import words

SHORTEST = 5
"""A name of fewer letters is close to no other name."""


@functools.lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """A name as the words it compares by (a path's folders left out)."""
    return tuple(words(name.replace("\\", "/").rsplit("/", 1)[-1]))


def near(written: str, name: str) -> bool:
    """Whether ``written`` (a link's target) is ``name`` or a slip for it."""
    a, b = name_words(written), name_words(name)
    if not a or not b:
        return False
    if a == b:
        return True
    x, y = " ".join(a), " ".join(b)
    if min(len(x), len(y)) < SHORTEST:
        return False
    if sorted(a) == sorted(b):
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 2 and longer[:len(shorter)] == shorter:
        return True
    if len(a) == len(b) >= 3 and sum(p != q for p, q in zip(a, b, strict=True)) == 1:
        return True
    if abs(len(x) - len(y)) > 2 and difflib.SequenceMatcher(None, x, y).quick_ratio() < 0.85:
        return False
    if distance(x, y) <= (1 if min(len(x), len(y)) < 10 else 2):
        return True
    return min(len(x), len(y)) >= 10 and difflib.SequenceMatcher(None, x, y).ratio() >= 0.85
