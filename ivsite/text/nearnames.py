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

from .normalise import words

SHORTEST = 5
"""A name of fewer letters is close to no other name."""


@functools.lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """A name as the words it compares by (a path's folders left out)."""
    return tuple(words(name.replace("\\", "/").rsplit("/", 1)[-1]))


@functools.lru_cache(maxsize=8192)
def _joined(name: str) -> str:
    return " ".join(name_words(name))


def near(written: str, name: str) -> bool:
    """Whether ``written`` (a link's target) is ``name`` or a slip for it."""
    x, y = _joined(written), _joined(name)
    if not x or not y:
        return False
    if x == y:
        return True
    short = min(len(x), len(y))
    if short < SHORTEST:
        return False
    a, b = name_words(written), name_words(name)
    if len(a) == len(b):
        if len(x) == len(y) and sorted(a) == sorted(b):
            return True
        if len(a) >= 3 and sum(p != q for p, q in zip(a, b, strict=True)) == 1:
            return True
    elif min(len(a), len(b)) >= 2 and (a[:len(b)] == b if len(a) > len(b) else b[:len(a)] == a):
        return True
    if _within(x, y, 1 if short < 10 else 2):
        return True
    if short < 10 or 2 * short < 0.85 * (len(x) + len(y)):
        return False  # too short, or too far apart in length, for the ratio
    bx, by = _pairs(x), _pairs(y)
    if 2 * len(bx & by) < len(bx) + len(by):
        return False  # half their letter pairs apart: far below the ratio (a quick gate)
    return difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.85


@functools.lru_cache(maxsize=8192)
def _pairs(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def _within(a: str, b: str, k: int) -> bool:
    """Whether ``a`` and ``b`` are at most ``k`` edits apart (an adjacent swap is
    one): the edit distance in a band ``k`` wide, given up once a row is past ``k``,
    since every link to no note is compared with every withheld note's names."""
    if abs(len(a) - len(b)) > k:
        return False
    big = k + 1
    prev2: list[int] = []
    prev = [j if j <= k else big for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        cur = [big] * (len(b) + 1)
        cur[0] = i if i <= k else big
        for j in range(max(1, i - k), min(len(b), i + k) + 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = min(v, big)
        if min(cur) > k:
            return False
        prev2, prev = prev, cur
    return prev[-1] <= k
