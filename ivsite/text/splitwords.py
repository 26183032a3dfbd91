"""A name's words broken into pieces by spaces: "Quen tin Zab row ski" (red team 8,
N12). A reader joins the pieces; the text's words do not.

Letter-spaced words (one letter each) are joined for every text
(ivsite.text.normalise.text_words); pieces of two letters or more cannot be, as
ordinary text is mostly short words ("to the bus at"). So only pieces that make
a word a matcher looks for are joined: each long word of a name is looked for
in every way it breaks into pieces of two letters or more (" quen tin", " qu
entin" …: a few dozen ways for most words), by one Aho-Corasick automaton over
the text's words, as textmatch finds every needle, so most texts cost one pass
in Rust and nothing more. A text with a hit is read again with those pieces
joined (:meth:`SplitWords.reading`), and that reading is searched for sequences
of two words or more only (ivsite.text.textmatch.Matcher): "a new man" in a note
about Paul Newman is not the part "newman" alone, and only a full name written
so is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ahocorasick_rs import AhoCorasick

MIN_JOINED = 6
"""A word shorter than this is not looked for in pieces: short names are made of
short words too often ("Ana" of "an a")."""
MAX_JOINED = 16
"""Nor one longer than this: its ways to break grow as the Fibonacci numbers
(610 at 16 letters)."""


def joinable(word: str) -> bool:
    return MIN_JOINED <= len(word) <= MAX_JOINED and word.isalpha()


def pieces(word: str) -> Iterator[str]:
    """``word`` in two pieces or more of two letters or more, apart by spaces."""
    for first in range(2, len(word) - 1):
        head, rest = word[:first], word[first:]
        yield f"{head} {rest}"
        for more in pieces(rest):
            yield f"{head} {more}"


class SplitWords:
    """Finds words written in pieces in a text's words."""

    def __init__(self, words: Iterable[str]) -> None:
        split = {f" {p}": w for w in sorted(set(filter(joinable, words))) for p in pieces(w)}
        self._joined = [f" {w}" for w in split.values()]
        self._automaton = AhoCorasick(list(split)) if split else None

    def __bool__(self) -> bool:
        return self._automaton is not None

    def reading(self, joined: str) -> str | None:
        """The words ``joined`` (each between single spaces) with each run of pieces
        that makes a word looked for joined; ``None`` when there is none."""
        if self._automaton is None:
            return None
        hits = sorted((a, b, i) for i, a, b in self._automaton.find_matches_as_indexes(
            joined, overlapping=True) if joined.startswith(" ", b))
        if not hits:
            return None
        out, done = [], 0
        for a, b, i in hits:
            if a >= done:
                out += [joined[done:a], self._joined[i]]
                done = b
        return "".join([*out, joined[done:]])
