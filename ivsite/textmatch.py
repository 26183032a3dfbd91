"""Finding many secret word sequences in much text, fast.

Used by the audience filter (an unconsented name in visible text) and by the
audit (anything withheld in an output file). Text is compared as words, case
folded, so "Jane Doe", "jane-doe" and "JANE DOE" are the same. A sequence of two
or more words is anchored on its rarest pair of neighbouring words, a single word
on itself; a text's words and word pairs are made into sets once, and only where
an anchor is present is the whole sequence looked for — all of it in C-level set
and string operations, so the common case (nothing found) stays cheap.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")
_WORD = re.compile(r"\w+")
SCAN_BUDGET = 20_000_000
"""Candidate sequences × words of a text above which anchors are located first."""


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


class Matcher(Generic[T]):
    """Which of many word sequences occur in a text; each carries a payload."""

    def __init__(self, seqs: Iterable[tuple[tuple[str, ...], T]],
                 common: Counter[str] | None = None) -> None:
        freq = common or Counter()
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
        return bool(self._singles or self._pairs)

    def find(self, text: str) -> list[T]:
        return self.find_words(words(text))

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
        seen: set[int] = set()
        unique: list[T] = []
        for p in found:
            if id(p) not in seen:
                seen.add(id(p))
                unique.append(p)
        return unique
