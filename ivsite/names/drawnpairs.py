"""Two letters drawn like one: "rn" like "m", "cl" like "d" (red team 9, R9-03:
"VVilliam Rnoore" reads as William Moore in most fonts).

Unicode's confusables (UTS #39) list these pairs; ivsite.text.lookalike_letters takes
one character for one letter only, and ivsite.text.asciireadings reads "vv" as "w" in
the text. "rn" and "cl" are too common in English ("turn", "clear") to read the
text again wherever they stand: the same cost on almost every page. So the pair
is spelt into the name instead: each word of a name with an "m" or a "d" is also
looked for with the pair in its place ("rnoore" for "moore", "clean" for "dean"),
each letter one way or the other. A name's words are few and short, and each
spelling is one more needle of the automaton (ivsite.text.textmatch), which costs
nothing per page. Both lines look for a name through ivsite.names.nameforms, so both
find these spellings.
"""

from __future__ import annotations

import itertools

PAIRS = {"m": "rn", "d": "cl"}
"""A letter and the two letters drawn like it (UTS #39 confusables)."""
MAX_SPELT = 3
"""At most this many such letters in a word are spelt each way apart (2**3
spellings); past that, all one way or all the other."""


def drawn_spellings(word: str) -> list[str]:
    """``word`` (folded) with each of its letters in :data:`PAIRS` written as the
    pair or as itself, every mix but ``word`` itself; none when it has none."""
    at = [i for i, c in enumerate(word) if c in PAIRS]
    if not at:
        return []
    if len(at) > MAX_SPELT:
        return ["".join(PAIRS.get(c, c) for c in word)]
    out: list[str] = []
    for choice in itertools.product((False, True), repeat=len(at)):
        if any(choice):
            swap = {i for i, on in zip(at, choice, strict=True) if on}
            out.append("".join(PAIRS[c] if i in swap else c for i, c in enumerate(word)))
    return out


def drawn_seqs(seqs: tuple[tuple[str, ...], ...]) -> set[tuple[str, ...]]:
    """Each word sequence with its words in every such spelling (see
    :func:`drawn_spellings`), but as given."""
    out: set[tuple[str, ...]] = set()
    for seq in seqs:
        each = [[w, *drawn_spellings(w)] for w in seq]
        if any(len(e) > 1 for e in each):
            out.update(itertools.islice(itertools.product(*each), 1, None))
    return out
