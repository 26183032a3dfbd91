"""Other ways a reader reads the same letters: a word broken into syllables by
dashes ("Quen-tin Za-brow-ski"), a word with digits or symbols drawn like letters
("Qu3nt1n Z4br0wsk1", "Z@browski") and fancy-text letters standing in for a
letter Unicode lacks (small-caps generators write Q as ``ǫ``, an o with an
ogonek, which folds to "o").

:func:`ivsite.text.normalise.text_words` searches these readings too, after a
separator, as it searches camelCase split: only what a text spells this way is
read again, and each reading is made only when a cheap test finds such a word,
so the audit, which reads every page, pays nothing for the many texts without
one. Only the words around each such word are read again (:data:`REACH`): a
page of code or markup has digits beside letters everywhere ("h1", "3px", a
file's hash), and reading all of it again made folding four times as slow. A
reading only adds words to search; the text's own words stay, so no name found
before is lost.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

REACH = 6
"""How many spaces on either side of a word read again are read with it: more than
any name's words (a name with titles, middle names and suffixes), and more than
the runs of five words withheld sentences are looked for in."""


def around(text: str, hits: Iterable[int]) -> list[str]:
    """The parts of ``text`` within :data:`REACH` spaces of each place in ``hits``
    (in order), parts that overlap made one. Each starts and ends at a space or an
    end of the text, so no word is cut."""
    spans: list[list[int]] = []
    for at in hits:
        start = end = at
        if spans and at < spans[-1][1]:
            start = spans[-1][0]
        else:
            for _ in range(REACH):
                start = text.rfind(" ", 0, start)
                if start < 0:
                    break
            start += 1
        for _ in range(REACH):
            end = text.find(" ", end + 1)
            if end < 0:
                end = len(text)
                break
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [text[a:b] for a, b in spans]


DASHES = "\\-\u00b7\u2010-\u2015\u2027\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
"""Hyphen-minus, middle dot and hyphenation point (dictionary syllables), the
Unicode hyphens and dashes, hyphen bullet, minus, two- and three-em dashes and
their small and full-width forms (NFKC has made most of those last a "-")."""
_BREAK = "(?:[ \\t]*\\n[ \\t]*)?"
_DASHED = re.compile(f"[{DASHES}](?:(?<=[^\\W\\d_].){_BREAK}(?=[^\\W_])"
                     f"|(?<=[^\\W_].){_BREAK}(?=[^\\W\\d_]))")
"""A dash with a letter on one side and a letter or digit on the other: inside a
word ("Quen-tin", "Z4-br0w") or a word hyphenated at a line's end ("Quen-" and
"tin" on the next line), not in a date or a phone number ("2026-03-01")."""


def undashed(cased: str) -> list[str]:
    """The parts of ``cased`` around dashes inside words, with those dashes taken
    out ("Quentin Zabrowski"); none when it has none."""
    return [_DASHED.sub("", part)
            for part in around(cased, (m.start() for m in _DASHED.finditer(cased)))]


_SYMBOLS = "@$€£|!"
_AS_DIGIT = str.maketrans({"@": "4", "$": "5", "€": "3", "£": "1", "|": "1", "!": "1"})
"""Symbols drawn like letters, written as the digit read as that letter (see
:data:`_AS_LETTERS`), so one table reads both: "Z@browski" is "Z4browski"."""
_SYMBOL_IN_WORD = re.compile(f"[{re.escape(_SYMBOLS)}](?<=[^\\W_].)(?=[^\\W_])"
                             "|[!|](?<=[^\\W\\d_]{2}.)(?![^\\W_])")
"""A symbol between two letters or digits: inside a word ("Z@browski"; an
address's "@" too, read again beside its words), not a price's "$" before the
digits alone; and a "!" or "|" that ends a word of letters, drawn as its last
"i" ("Zabrowsk!", red team 8 N12; "Thanks!" is read as "thanks1" too, and
that adds no word a name has)."""


def symbols_as_digits(cased: str) -> list[str]:
    """The parts of ``cased`` around symbols inside words, with those symbols
    written as digits; none when it has none."""
    return [_SYMBOL_IN_WORD.sub(lambda m: m.group(0).translate(_AS_DIGIT), part)
            for part in around(cased, (m.start() for m in _SYMBOL_IN_WORD.finditer(cased)))]


_MIXED = re.compile(r"[0-9](?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
"""A digit next to a letter: a word with both (a word is letters and digits, so
any such word has one). Written to start with the digit, which is rare in text,
so the regular expression engine scans for it fast."""
_AS_LETTERS = (
    str.maketrans("0123456789", "oizeasgtbg"),
    str.maketrans("0123456789", "olzeasgtbg"),
)
"""Digits as the letters they are drawn like, the two readings of "1" apart
("Qu3nt1n", "Ph1l"): 0 o, 1 i or l, 2 z, 3 e, 4 a, 5 s, 6 and 9 g, 7 t, 8 b."""


def as_letters(joined: str, separator: str) -> list[str]:
    """The parts of words joined by spaces (readings apart by ``separator``) around
    each word with letters and digits, with the digits of every such word read as
    letters; none when no word mixes them. "1" is "i" or "l": a part is read once
    for each choice per word with a "1" (see :data:`ONES`; else "i" in all, then
    "l" in all). Words of digits alone stay as they are: a year or a
    phone number is not a word ("2026", "416")."""
    readings = []
    parts = around(joined, (m.start() for m in _MIXED.finditer(joined)))
    for part in (p for ps in parts for p in ps.split(f" {separator} ")):
        words = part.split(" ")
        mixed = {i for i, w in enumerate(words) if not (w.isalpha() or w.isdigit())}
        if not mixed:
            continue
        ones = sorted(i for i in mixed if "1" in words[i])
        choices = itertools.product(_AS_LETTERS, repeat=len(ones)) \
            if len(ones) <= ONES and len(words) <= 4 * REACH \
            else ((table,) * len(ones) for table in _AS_LETTERS)
        for choice in choices:
            read = [w.translate(_AS_LETTERS[0]) if i in mixed else w
                    for i, w in enumerate(words)]
            for i, table in zip(ones, choice, strict=True):
                read[i] = words[i].translate(table)
            readings.append(" ".join(read))
    return readings


ONES = 3
"""Words with a "1" in one part read with each choice of "i" or "l" (2**3 readings
of that part at most), in a part of up to 4 * :data:`REACH` words: a longer one
(parts near each other made one, in code or a list of numbers) is read twice."""


_FANCY_LETTERS = {
    # ǫ Ǫ ǭ Ǭ: small caps, faux Cyrillic
    "\u01eb": "q", "\u01ea": "Q", "\u01ed": "q", "\u01ec": "Q",
    "o\u0328": "q", "O\u0328": "Q",  # the same taken apart (NFD)
    "\u146b": "q",  # ᑫ (Canadian syllabics): superscript ("tiny") text
    "\u1d60": "q",  # ᵠ (modifier phi, NFKC φ): superscript text
}
"""Letters fancy-text generators draw a letter with where Unicode has no small
capital or superscript of it. Each is a letter of its own to Unicode (``ǫ`` is
Navajo and Old Norse, folded to "o"), so it is read as both."""
_FANCY = re.compile("[\u01ea-\u01ed\u146b\u1d60]|[oO]\u0328")
_FANCY_CHAR = re.compile("[\u01ea-\u01ed\u146b\u1d60\u0328]")
"""A cheap test first: :data:`_FANCY` starts at every "o"."""


def fancy(decoded: str) -> list[str]:
    """The parts of ``decoded`` (not yet folded: folding takes the ogonek off)
    around fancy-text letters, with those as the letter they stand for; none when
    it has none."""
    if decoded.isascii() or not _FANCY_CHAR.search(decoded):
        return []
    return [_FANCY.sub(lambda m: _FANCY_LETTERS[m.group(0)], part)
            for part in around(decoded, (m.start() for m in _FANCY.finditer(decoded)))]
