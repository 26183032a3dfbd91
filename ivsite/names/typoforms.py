"""A full name written wrong, which every reader still reads: with a typo in it
(red team 11, R11-13: "Qeuntin Zabrowski", "Quentn Zabrowski", "Quentin
Zabroswki"), or backwards ("eoD enaJ", R11-09: :func:`backwards`).

Looked for as two neighbouring, capitalised words (ivsite.text.wordpairs): one
word of the name as written and the other one edit from its word (a letter
changed, added or dropped, two swapped), or both words with a letter dropped or
two swapped. Only for words of :data:`MIN_TYPO` letters or more: one edit from
"Anna" or "Lee" is another name or a common word ("Anne", "Ann", "Leo", "See").
The first pairs are found from a word of the name written exactly, which few
texts hold; the second from the set of a word's slips, a dozen or two words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from ..text.wordpairs import WordForms, WordPair

MIN_TYPO = 5


@functools.lru_cache(maxsize=1 << 12)
def typo_pairs(given: str, family: str) -> tuple[WordPair, ...]:
    """The pairs that find ``given family`` (folded words) with a typo in it."""
    if not (given.isalpha() and family.isalpha()):
        return ()
    out: list[WordPair] = []
    if len(family) >= MIN_TYPO:
        out += [WordPair(frozenset({given}), close_to=family),
                WordPair(frozenset({given}), close_to=family, before=True)]
    if len(given) >= MIN_TYPO:
        out += [WordPair(frozenset({family}), close_to=given, before=True),
                WordPair(frozenset({family}), close_to=given)]
    if len(given) >= MIN_TYPO and len(family) >= MIN_TYPO:
        out.append(WordPair(slips(given), WordForms((("", slips(family)),))))
    return tuple(out)


def slips(word: str) -> frozenset[str]:
    """``word`` with one letter dropped or two neighbouring letters swapped."""
    dropped = {word[:i] + word[i + 1:] for i in range(len(word))}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    return frozenset((dropped | swapped) - {word})


def backwards(seqs: Iterable[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """Each word sequence written backwards, "eod enaj" for "jane doe": a name
    written so ("eoD enaJ") reads as the name to anyone."""
    return {tuple(w[::-1] for w in reversed(seq)) for seq in seqs}
