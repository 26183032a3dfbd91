"""Forms of a name that count only where the text's capitals confirm them.

"Quentin R. Zabrowski" has a middle word the recorded name lacks, "Zabrowski,
Q." an initial; "Quentin met Zabrowski" and "Park a car" have neither. Such a
form is found first by its words, as every needle is (:mod:`.textmatch`), and
then confirmed by a pattern run on the text as cased, near the words, only where
they stand (:mod:`.literalstart`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .literalstart import literal_start, matches

if TYPE_CHECKING:
    from .textmatch import Searchable


@dataclass(frozen=True)
class Confirmed:
    """A form of a name that counts where ``pattern`` (case-insensitive) matches the
    text as cased with every word of its group ``capital`` capitalised; looked for
    only where the word sequence ``anchor`` is in the text."""

    anchor: tuple[str, ...]
    pattern: str
    near: tuple[str, tuple[str, ...]] = ("", ())
    """Words the text's words (:attr:`Searchable.joined`) must have first: a word,
    then one to :data:`NEAR_GAP` words, then a sequence of words (a given name, a
    middle word, a family name). Most texts lack them, and the costly pattern then
    never runs; found through the text's word positions (:attr:`Searchable.places`),
    not a search of the text per form: a long page names many people, and a search
    per form of each made the audit grow with the square of the site."""
    gate: frozenset[str] = frozenset()
    """Words one of which the text's words must have first (a title before a family
    name: "senor", "pan"), for a pattern that starts with no word of its own, which
    the regular expression engine would try at every place of the text."""
    between: frozenset[str] = frozenset()
    """For a pattern with a group ``between`` (words between a given and a family
    name: ivsite.names.gapforms), the words in small letters it may hold: each of its
    words is one of them, a letter alone or capitalised ("Quentin van Zabrowski",
    "Quentin v Zabrowski", not "Quentin met Zabrowski")."""


@functools.lru_cache(maxsize=1 << 15)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A form's pattern, compiled once per process. Kept for 32,768 patterns (about
    3 KB each, a third of a millisecond to compile): a long page that names many
    people asks for the forms of everyone sharing their words, several thousand on
    the 10,000-note bench site, and a cache of 4,096 compiled them again for every
    reading of every page."""
    return re.compile(pattern, re.I)


NEAR_GAP = 6
"""At most this many words between the two ends of :attr:`Confirmed.near`."""


def confirmed_in(form: Confirmed, text: Searchable) -> bool:
    if form.gate and form.gate.isdisjoint(text.word_set):
        return False
    if form.near[0] and not _has_near(form.near, text):
        return False
    compiled, start = _compiled(form.pattern), literal_start(form.pattern)
    found = matches(compiled, start, text.cased, text.case_keyed) if start else \
        compiled.finditer(text.cased)
    return any(all(w[:1].isupper() for w in _CAPITAL_WORDS.findall(m.group("capital")))
               and _read_past(form.between, m) for m in found)


def _read_past(small: frozenset[str], found: re.Match[str]) -> bool:
    """Whether the words of ``found``'s group ``between`` (where it has one) are each
    a letter, capitalised or one of ``small``."""
    if not small or not found.group("between"):
        return True
    return all(len(w) == 1 or w[:1].isupper() or w.lower() in small
               for w in _CAPITAL_WORDS.findall(found.group("between")))


def _has_near(near: tuple[str, tuple[str, ...]], text: Searchable) -> bool:
    first, then = near
    if first not in text.word_set or then[0] not in text.word_set:
        return False  # (a set made in C: most texts lack one, and need no places)
    places = text.places
    starts, ends = places.get(first), places.get(then[0])
    if not starts or not ends:
        return False
    words = text.words
    gaps = range(2, NEAR_GAP + 2)
    if len(starts) <= len(ends):  # from the rarer end
        at_end = set(ends)
        hits = (i + k for i in starts for k in gaps if i + k in at_end)
    else:
        at_start = set(starts)
        hits = (j for j in ends if any(j - k in at_start for k in gaps))
    return any(tuple(words[j:j + len(then)]) == then for j in hits)


_CAPITAL_WORDS = re.compile(r"[^\W\d_]+")
