"""Contact details cut out of a text in every spelling the contact skeleton reads
(red team 13, R13-10).

The filter's check and the audit find a withheld detail in a visible text
however it is spelt there: both texts are read by the skeleton's readers
(ivsite.contacts.skeleton: the words for symbols, ivsite.contacts.symbolwords;
digits said in words, ivsite.contacts.spokendigits and
ivsite.contacts.otherdigits; keypad letters, ivsite.contacts.keypad; digits of
any script). But which details are withheld is read from the withheld text, and
that side cut out only the plain spellings: "dana.r [at] recruit.example",
"dana.r(at)recruit.example", "dana.r at recruit dot example" and "mobile four
one six five five five zero one four two" in a private note withheld nothing,
so a public page giving the same address or number was published. Here a
withheld text is read by the same readers, its words kept apart (the skeleton
runs them together, which would make a number of "room 1204 on floor 3"), and
the addresses and numbers in that reading are cut out as the plain ones are:
an address by its shape once its spelt symbols are symbols
(ivsite.contacts.shape.spelt_addresses: a bare "at" counts with a spelt "dot"
only, so "I met Dana at Acme." holds none), a number by the shape of a phone
(ivsite.contacts.shape.phone_numbers: seven digits or more in a run, dates and
thousands left out, so "in twenty twenty-four" holds none).

A number said in groups is written with commas between them ("four one six,
five five five, zero one four two"), which the skeleton reads through; here a
comma between two number words is read as the space it stands for, and one
between two figures is not ("in 2019, 2020 and 2021" is three years).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..text.normalise import fold_cased
from .keypad import keypad_digits
from .otherdigits import VOCABULARY, other_digits
from .shape import phone_numbers, spelt_addresses
from .spokendigits import DIGITS, REPEATS, TEENS, TENS, spoken_digits
from .symbolwords import spell_symbols

NUMBER_WORDS = frozenset({*DIGITS, *TEENS, *TENS, *REPEATS, *VOCABULARY})
"""The words the skeleton reads as digits (or as a digit said again)."""
_LISTED = re.compile(r"(?<![^\W\d_])(?P<word>[^\W\d_]+)\s*[,;]\s*(?=(?P<next>[^\W\d_]+))")
"""A word, a comma or semicolon, and the word after it."""
_LOOKALIKE = re.compile(
    r"(?<=[0-9])[ol](?![^\W\d_])"             # glued after a digit: "019O"
    r"|(?<![^\W\d_])[ol](?=[0-9])"            # glued before one: "O199"
    r"|(?<![0-9][0-9])(?<=[0-9])(?P<gap>[\s.\-]{1,3})[ol](?=[\s.\-]{1,3}[0-9])"
    r"|(?<=[0-9])(?P<gap2>[\s.\-]{1,3})[ol](?=[\s.\-]{1,3}[0-9](?![0-9]))")
"""An "o" or "l" against a digit, or alone between two digits one of which is
said alone, read as the digit it is drawn like ("555 O199", "five five O one"); not between
two figures ("2019 o 2020" is Spanish for "or")."""
_RANGE = re.compile(r"(?<=[0-9])(?P<gap>\s+)to(?=\s+[0-9])")
"""A "to" between two figures ("pages 120 to 135"): a range, not the Danish two."""


def read_digits(text: str) -> str:
    """``text`` folded, with the words that spell symbols as the symbols and every
    number the skeleton reads (said in words of any language, in numerals, in
    keypad letters, in digits of any script, "O" for 0 against a digit) as ASCII
    digits, its words still apart."""
    cased = fold_cased(text)
    dialled = keypad_digits(cased)
    folded = dialled.lower() if dialled.isascii() else dialled.casefold()
    if "," in folded or ";" in folded:
        folded = _LISTED.sub(_said_in_groups, folded)
    if " to " in folded:
        folded = _RANGE.sub(r"\g<gap>;", folded)
    read = other_digits(spoken_digits(spell_symbols(folded)))
    if not read.isascii():
        read = "".join(str(d) if (d := unicodedata.digit(ch, None)) is not None else ch
                       for ch in read)
    return _LOOKALIKE.sub(_as_digit, read)


def _as_digit(m: re.Match[str]) -> str:
    gap = m.group("gap") or m.group("gap2") or ""
    return gap + ("0" if m.group(0)[-1] == "o" else "1")


def _said_in_groups(m: re.Match[str]) -> str:
    if m.group("word") in NUMBER_WORDS and m.group("next") in NUMBER_WORDS:
        return m.group("word") + " "
    return m.group(0)


_FIGURES = re.compile("[0-9]+")
MIN_READ = 1
"""Digits a number needs beyond the figures written in the text for it to be one
only the reading finds ("416 555 zero 142"); the others are the plain ones."""


def spelt_numbers(text: str) -> list[str]:
    """The phone numbers in ``text`` that only its reading finds (see the
    module's docstring; the plain ones are ivsite.contacts.shape.phone_numbers),
    each as its digits read ("4 1 6 5 5 5 0 1 4 2")."""
    figures = Counter(_FIGURES.findall(text))
    return [n for n in phone_numbers(read_digits(text)) if _read_digits(n, figures) >= MIN_READ]


def _read_digits(number: str, figures: Counter[str]) -> int:
    """How many digits of a number read from a text are not figures written there."""
    left = figures.copy()
    read = 0
    for group in _FIGURES.findall(number):
        if left[group] > 0:
            left[group] -= 1
        else:
            read += len(group)
    return read


def spelt_details(text: str) -> list[tuple[str, str]]:
    """("email", address) and ("phone", number) for each address in ``text`` in
    any spelling the skeleton reads, the plain ones among them, and each number
    only its reading finds."""
    return [*(("email", a) for a in spelt_addresses(text)),
            *(("phone", n) for n in spelt_numbers(text))]
