"""Finding many secret word sequences in much text, fast.

Used by the audience filter (an unconsented name in visible text) and by the
audit (anything withheld in an output file). Text is compared as words, case
folded, so "Jane Doe", "jane-doe" and "JANE DOE" are the same. Each sequence is
anchored on its rarest word; a text is split into words once and intersected
with the anchors as sets, so the common case — nothing found — costs little
more than the split.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


class Matcher(Generic[T]):
    """Which of many word sequences occur in a text; each carries a payload."""

    def __init__(self, seqs: Iterable[tuple[tuple[str, ...], T]],
                 common: Counter[str] | None = None) -> None:
        freq = common or Counter()
        self._by_anchor: dict[str, list[tuple[int, tuple[str, ...], T]]] = {}
        for seq, payload in seqs:
            if not seq:
                continue
            k = min(range(len(seq)), key=lambda i: (freq[seq[i]], -len(seq[i]), i))
            self._by_anchor.setdefault(seq[k], []).append((k, seq, payload))
        self._anchors = frozenset(self._by_anchor)

    def __bool__(self) -> bool:
        return bool(self._anchors)

    def find(self, text: str) -> list[T]:
        return self.find_words(words(text))

    def find_words(self, ws: list[str]) -> list[T]:
        present = self._anchors.intersection(ws)
        if not present:
            return []
        found: list[T] = []
        seen: set[int] = set()
        positions: dict[str, list[int]] = {w: [] for w in present}
        if len(present) <= 4:  # a few C-level scans beat one Python-level pass
            for anchor in present:
                i = -1
                try:
                    while True:
                        i = ws.index(anchor, i + 1)
                        positions[anchor].append(i)
                except ValueError:
                    pass
        else:
            for i, w in enumerate(ws):
                if w in present:
                    positions[w].append(i)
        for anchor, places in positions.items():
            for k, seq, payload in self._by_anchor[anchor]:
                if id(payload) in seen:
                    continue
                n = len(seq)
                for i in places:
                    start = i - k
                    if start >= 0 and tuple(ws[start:start + n]) == seq:
                        seen.add(id(payload))
                        found.append(payload)
                        break
        return found
