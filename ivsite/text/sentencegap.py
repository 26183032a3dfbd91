"""A name's words that stand on either side of a sentence's end (red team 14, R14-01).

Words are matched folded, with the text's punctuation gone, so "I got a good
mark. Green energy jobs are growing." held " mark green " and was refused for
an unconsented Mark Green, and "as I always will. Young graduates …" for Will
Young. Where the word before the full stop is an everyday word
(ivsite.names.wordnames) written in small letters and the next sentence opens
with a capital, the two words are the end of one sentence and the start of the
next, not a name, as a name part that is an everyday word is read alone
(ivsite.text.wordpairs ``_capitalised_alone``).

Only every place of the sequence so explained excuses it: "Mark. Green" (both
capitalised), "mark green" (no stop), "mark.Green", or one plain place beside
an excused one are still a name. The cased text is matched strictly (single
spaces or tabs between the other words); anything it does not read so counts,
so a text this cannot follow is refused, as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TypeVar

from .normalise import text_words

T = TypeVar("T")

_BOUNDARY_BEFORE = r"(?<![^\W_])"
_BOUNDARY_AFTER = r"(?![^\W_])"
_STOP = r"\.(?:[ \t]*\n[ \t]*|[ \t]+)"
_SPACE = r"[ \t]+"


@functools.lru_cache(maxsize=4096)
def _pattern(seq: tuple[str, ...], gap: int) -> re.Pattern[str]:
    """``seq``'s words as written, a full stop after word ``gap``, spaces elsewhere."""
    parts = [_BOUNDARY_BEFORE]
    for i, word in enumerate(seq):
        parts.append(f"(?P<w{i}>{re.escape(word)})")
        if i < len(seq) - 1:
            parts.append(_STOP if i == gap else _SPACE)
    parts.append(_BOUNDARY_AFTER)
    return re.compile("".join(parts), re.I)


_STAND_IN = "qzxq"
"""Written over the everyday word at each such place before the text is read
again: no reading of it (leetspeak, look-alikes …) is a word of a name."""


def across_sentences(seq: tuple[str, ...], text: str) -> bool:
    """Whether the name ``seq`` (two to four folded words) stands in ``text`` only
    where one sentence ends on an everyday word in small letters and the next
    opens with a capital: with each such word written over, the text, read again
    in all its readings (ivsite.text.normalise.text_words), no longer holds it."""
    from ..names.everydaywords import WORD_NAMES as everyday  # here: ivsite.names imports text

    if not 1 < len(seq) <= 4 or not text:
        return False
    spans: set[tuple[int, int]] = set()
    for gap in (i for i in range(len(seq) - 1) if seq[i] in everyday):
        for m in _pattern(seq, gap).finditer(text):
            before, after = m.group(f"w{gap}"), m.group(f"w{gap + 1}")
            if before.islower() and after[:1].isupper():
                spans.add(m.span(f"w{gap}"))
    if not spans:
        return False
    out, at = [], 0
    for start, end in sorted(spans):
        out += [text[at:start], _STAND_IN]
        at = end
    out.append(text[at:])
    return " " + " ".join(seq) + " " not in text_words("".join(out))[1]


def name_needles(seqs: Iterable[tuple[tuple[str, ...], T]],
                 names: Iterable[tuple[tuple[str, ...], T]]) -> dict[str, tuple[str, ...]]:
    """The needles (" mark green ") of the sequences that are only ever a person's
    name among ``seqs`` (the same words as a withheld passage are looked for
    wherever they stand), of two to four words, each with its words."""
    named = {(seq, id(p)) for seq, p in names if 1 < len(seq) <= 4}
    out: dict[str, tuple[str, ...]] = {}
    other: set[str] = set()
    for seq, p in seqs:
        needle = " " + " ".join(seq) + " "
        if (seq, id(p)) in named:
            out[needle] = seq
        else:
            other.add(needle)
    return {needle: seq for needle, seq in out.items() if needle not in other}
