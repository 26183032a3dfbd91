"""Finding many secret word sequences in much text, fast.

Used by the audience filter (an unconsented name in visible text) and by the
audit (anything withheld in an output file). Text is compared as words after
:func:`ivsite.normalise.fold`, so "Jane Doe", "jane-doe", "JANE DOE", "JaneDoe"
and "Jane%20D&shy;oe" are the same.

A text's words are joined into one string with a space before and after each
(" met jane doe today "), and each word sequence looked for is written the same
way (" jane doe "): a word is letters and digits only, so one of these strings
is inside the other exactly where the sequence stands in the text as whole
words. That turns matching by words into plain substring search, which an
Aho-Corasick automaton does for every needle at once, in one pass over the text,
however many needles there are (an audit looks for thousands: every name in all
its forms, every withheld sentence). The automaton is ``ahocorasick_rs``, a thin
binding of the Rust ``aho-corasick`` crate (the one the Rust regex engine and
ripgrep search with); it reports overlapping matches, so " jane doe " and
" doe " are both found in " jane doe ", and it is typed for mypy.

Two kinds of needle are not word sequences: a name in a script written without
spaces (Han, kana, Hangul, Thai …) is looked for as a substring of the text's
words run together (an automaton of its own), and a phone number by its last
seven digits in any run of digits and phone punctuation, so "+1 416 555 0199" is
found as "(416) 555-0199".

A few forms of a name are word sequences only where the text's capitals say so
(:class:`Confirmed`): "Quentin R. Zabrowski" has a middle word the recorded name
lacks, and "Zabrowski, Q." an initial, where "Quentin met Zabrowski" and "Park a
car" have none. Their words are found as above, then confirmed by a pattern in
the text as cased.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ahocorasick_rs import AhoCorasick

from .normalise import SEPARATOR, fold, text_words
from .normalise import words as words

T = TypeVar("T")
_DIGITS = re.compile(
    r"[0-9][0-9\s().\-/\u2010-\u2015\u2212\u00b7\u30fb\ufe58\ufe63\uff0d]{5,}[0-9]")
"""A run of digits and what a phone number is written with (any dash or dot)."""
_NOT_DIGIT = re.compile(r"[^0-9]")
PHONE_DIGITS = 7
"""A phone number is compared by its last seven (national) digits."""


def phone_key(value: str) -> str:
    """The digits a phone number is compared by ('' when it has too few)."""
    digits = re.sub(r"[^0-9]", "", fold(value))
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else ""


@dataclass(frozen=True)
class Searchable:
    """A text folded once, for any number of matchers (see :func:`searchable`)."""

    cased: str
    """The text decoded and folded but for case, in which phone numbers are read
    (case folding changes no digit or phone punctuation, nor makes one)."""
    joined: str
    """Its words, case-folded, each between single spaces (see normalise.text_words)."""


def searchable(text: str) -> Searchable:
    return Searchable(*text_words(text))


@dataclass(frozen=True)
class Confirmed:
    """A form of a name that counts where ``pattern`` (case-insensitive) matches the
    text as cased with every word of its group ``capital`` capitalised; looked for
    only where the word sequence ``anchor`` is in the text."""

    anchor: tuple[str, ...]
    pattern: str


@functools.lru_cache(maxsize=1 << 12)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def confirmed_in(form: Confirmed, cased: str) -> bool:
    return any(all(w[:1].isupper() for w in _CAPITAL_WORDS.findall(m.group("capital")))
               for m in _compiled(form.pattern).finditer(cased))


_CAPITAL_WORDS = re.compile(r"[^\W\d_]+")


class _Needles(Generic[T]):
    """Strings to find as substrings, each with the payloads it stands for."""

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        payloads: dict[str, list[T]] = {}
        for needle, payload in items:
            payloads.setdefault(needle, []).append(payload)
        self._payloads = list(payloads.values())
        self._automaton = AhoCorasick(payloads) if payloads else None

    def __bool__(self) -> bool:
        return self._automaton is not None

    def find(self, haystack: str) -> list[T]:
        if self._automaton is None:
            return []
        hits = {i for i, _, _ in self._automaton.find_matches_as_indexes(
            haystack, overlapping=True)}
        return [p for i in sorted(hits) for p in self._payloads[i]]


class Matcher(Generic[T]):
    """Which of many word sequences occur in a text; each carries a payload."""

    def __init__(self, seqs: Iterable[tuple[tuple[str, ...], T]], *,
                 substrings: Iterable[tuple[str, T]] = (),
                 phones: Iterable[tuple[str, T]] = (),
                 confirmed: Iterable[tuple[Confirmed, T]] = ()) -> None:
        self._seqs = _Needles((" " + " ".join(seq) + " ", p) for seq, p in seqs if seq)
        self._confirmed = _Needles((" " + " ".join(c.anchor) + " ", (c, p))
                                   for c, p in confirmed if c.anchor)
        self._substrings = _Needles((s, p) for s, p in substrings if s)
        self._phones: dict[str, list[T]] = {}
        for d, p in phones:
            if len(d) >= PHONE_DIGITS:
                self._phones.setdefault(d, []).append(p)

    def __bool__(self) -> bool:
        return bool(self._seqs or self._substrings or self._phones or self._confirmed)

    def find(self, text: str) -> list[T]:
        return self.find_in(searchable(text))

    def find_in(self, text: Searchable) -> list[T]:
        """As :meth:`find`, in a text already folded."""
        found = self._seqs.find(text.joined)
        if self._confirmed:
            found += [p for c, p in self._confirmed.find(text.joined)
                      if confirmed_in(c, text.cased)]
        if self._substrings:
            found += self._substrings.find(
                text.joined.replace(" ", "").replace(SEPARATOR, ""))
        if self._phones:
            windows: set[str] = set()
            for m in set(_DIGITS.findall(text.cased)):  # pages repeat their dates
                run = _NOT_DIGIT.sub("", m)
                windows.update(run[i:i + PHONE_DIGITS]
                               for i in range(len(run) - PHONE_DIGITS + 1))
            found += [p for d in sorted(windows.intersection(self._phones))
                      for p in self._phones[d]]
        return _unique(found)

    def find_words(self, ws: list[str]) -> list[T]:
        """The word sequences alone, in words already folded."""
        return _unique(self._seqs.find(" " + " ".join(ws) + " "))


def _unique(found: list[T]) -> list[T]:
    seen: set[int] = set()
    unique: list[T] = []
    for p in found:
        if id(p) not in seen:
            seen.add(id(p))
            unique.append(p)
    return unique
