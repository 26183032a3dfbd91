"""Finding many secret word sequences in much text, fast.

Used by the audience filter (an unconsented name in visible text) and by the
audit (anything withheld in an output file). Text is compared as words after
:func:`ivsite.normalise.fold`, so "Jane Doe", "jane-doe", "JANE DOE", "JaneDoe"
and "Jane%20D&shy;oe" are the same. A sequence of two
or more words is anchored on its rarest pair of neighbouring words, a single word
on itself; a text's words and word pairs are made into sets once, and only where
an anchor is present is the whole sequence looked for — all of it in C-level set
and string operations, so the common case (nothing found) stays cheap.

Two kinds of needle are not word sequences: a name in a script written without
spaces (Han, kana, Hangul, Thai …) is looked for as a substring of the text's
words run together, and a phone number by its last seven digits in any run of
digits and phone punctuation, so "+1 416 555 0199" is found as "(416) 555-0199".

Why not an Aho-Corasick automaton (``pyahocorasick``)? The needles are word
sequences, not strings: one automaton over raw text would need word boundaries
checked at every hit and would still leave normalisation to Python. Here the
text is folded once by C-level passes (``str`` methods, ``re``, ``unicodedata``)
and the word and pair sets are intersected in C, so matching costs little next to
reading and folding the text. So no new dependency.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from typing import Generic, TypeVar

from .normalise import SEPARATOR, compact, fold, text_words
from .normalise import words as words

T = TypeVar("T")
_DIGITS = re.compile(
    r"[0-9][0-9\s().\-/\u2010-\u2015\u2212\u00b7\u30fb\ufe58\ufe63\uff0d]{5,}[0-9]")
"""A run of digits and what a phone number is written with (any dash or dot)."""
_NOT_DIGIT = re.compile(r"[^0-9]")
PHONE_DIGITS = 7
"""A phone number is compared by its last seven (national) digits."""
SCAN_BUDGET = 20_000_000
"""Candidate sequences × words of a text above which anchors are located first."""


def phone_key(value: str) -> str:
    """The digits a phone number is compared by ('' when it has too few)."""
    digits = re.sub(r"[^0-9]", "", fold(value))
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else ""


class Matcher(Generic[T]):
    """Which of many word sequences occur in a text; each carries a payload."""

    def __init__(self, seqs: Iterable[tuple[tuple[str, ...], T]],
                 common: Counter[str] | None = None, *,
                 substrings: Iterable[tuple[str, T]] = (),
                 phones: Iterable[tuple[str, T]] = ()) -> None:
        freq = common or Counter()
        self._substrings = [(s, p) for s, p in substrings if s]
        self._phones: dict[str, list[T]] = {}
        for d, p in phones:
            if len(d) >= PHONE_DIGITS:
                self._phones.setdefault(d, []).append(p)
        self._singles: dict[str, list[T]] = {}
        self._pairs: dict[tuple[str, str], list[tuple[str, T]]] = {}
        for seq, payload in seqs:
            if not seq:
                continue
            if len(seq) == 1:
                self._singles.setdefault(seq[0], []).append(payload)
                continue
            k = min(range(len(seq) - 1),
                    key=lambda i: (freq[seq[i]] + freq[seq[i + 1]], i))
            self._pairs.setdefault((seq[k], seq[k + 1]), []).append(
                (" " + " ".join(seq) + " ", payload))
        self._single_keys = frozenset(self._singles)
        self._pair_keys = frozenset(self._pairs)

    def __bool__(self) -> bool:
        return bool(self._singles or self._pairs or self._substrings or self._phones)

    def find(self, text: str) -> list[T]:
        folded, ws = text_words(text)
        found = self.find_words(ws)
        if self._substrings:
            run = compact([w for w in ws if w != SEPARATOR])
            found += [p for s, p in self._substrings if s in run]
        if self._phones:
            windows: set[str] = set()
            for m in set(_DIGITS.findall(folded)):  # pages repeat their dates
                run = _NOT_DIGIT.sub("", m)
                windows.update(run[i:i + PHONE_DIGITS]
                               for i in range(len(run) - PHONE_DIGITS + 1))
            if windows:
                found += [p for d in windows.intersection(self._phones)
                          for p in self._phones[d]]
        return _unique(found) if self._substrings or self._phones else found

    def find_words(self, ws: list[str]) -> list[T]:
        found: list[T] = []
        if self._single_keys:
            for w in self._single_keys.intersection(ws):
                found.extend(self._singles[w])
        if self._pair_keys and len(ws) > 1:
            present = self._pair_keys.intersection(itertools.pairwise(ws))
            candidates = sum(len(self._pairs[p]) for p in present)
            if candidates * len(ws) <= SCAN_BUDGET:
                # Few candidates: a C-level substring search each is cheapest.
                joined = " " + " ".join(ws) + " " if present else ""
                for pair in present:
                    for needle, payload in self._pairs[pair]:
                        if needle in joined:
                            found.append(payload)
            else:
                # A long text with many candidates (a listing page): find where each
                # anchor stands in one pass, then compare only there.
                places: dict[tuple[str, str], list[int]] = {p: [] for p in present}
                for i, pair in enumerate(itertools.pairwise(ws)):
                    if pair in present:
                        places[pair].append(i)
                for pair, starts in places.items():
                    for needle, payload in self._pairs[pair]:
                        seq = needle.split()
                        k = next(j for j in range(len(seq) - 1)
                                 if (seq[j], seq[j + 1]) == pair)
                        n = len(seq)
                        if any(ws[i - k:i - k + n] == seq for i in starts if i >= k):
                            found.append(payload)
        return _unique(found)


def _unique(found: list[T]) -> list[T]:
    seen: set[int] = set()
    unique: list[T] = []
    for p in found:
        if id(p) not in seen:
            seen.add(id(p))
            unique.append(p)
    return unique
