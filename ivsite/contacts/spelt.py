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

import functools
import re
import unicodedata
from collections import Counter

from ..text.normalise import fold_cased
from .keypad import keypad_digits
from .otherdigits import VOCABULARY, other_digits
from .shape import phone_numbers, spelt_addresses
from .skeleton import PHONE_DIGITS
from .spokendigits import DIGITS, REPEATS, TEENS, TENS, spoken_digits
from .symbolwords import spell_symbols, words_for

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


def read_digits(text: str, *, in_groups: bool = True) -> str:
    """``text`` folded, with the words that spell symbols as the symbols and every
    number the skeleton reads (said in words of any language, in numerals, in
    keypad letters, in digits of any script, "O" for 0 against a digit) as ASCII
    digits, its words still apart; ``in_groups``: a comma between number words
    as a space (see the module's docstring)."""
    cased = fold_cased(text)
    dialled = keypad_digits(cased)
    folded = dialled.lower() if dialled.isascii() else dialled.casefold()
    if in_groups and ("," in folded or ";" in folded):
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
    if not _may_hold_number(text):
        return []
    figures = _FIGURES.findall(text)
    quick = read_digits(text, in_groups=False)  # what reads no digit needs no more
    digits = sum(map(len, _FIGURES.findall(quick)))
    if digits < PHONE_DIGITS or digits == sum(map(len, figures)):
        return []
    read = read_digits(text) if "," in quick or ";" in quick else quick
    written = Counter(figures)
    return [n for n in phone_numbers(read) if _read_digits(n, written) >= MIN_READ]


_TOKEN = re.compile(r"[^\W\d_]+|[0-9]")
_MOST_OF_A_WORD = 3
"""The most digits one word reads as ("triple" five, "forty-two" …)."""


def _may_hold_number(text: str) -> bool:
    """Whether ``text`` may hold a phone number read from words: a cheap bound on
    its digits (each digit written, and as many as a number word can give), so
    that the reading runs on few of a long withheld text's lines. A text in
    another script, or with keypad letters, always may."""
    if not text.isascii() or keypad_digits(text) is not text:
        return True
    bound = 0
    for token in _TOKEN.findall(text.lower()):
        bound += 1 if token.isdigit() or token in ("o", "l") else \
            _MOST_OF_A_WORD if token in NUMBER_WORDS else 0
        if bound >= PHONE_DIGITS:
            return True
    return False


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


@functools.lru_cache(maxsize=1 << 14)
def spelt_details(text: str) -> tuple[tuple[str, str], ...]:
    """("email", address) and ("phone", number) for each address in ``text`` in
    any spelling the skeleton reads, the plain ones among them, and each number
    only its reading finds. Cached: the filter and the audit read the same
    withheld texts for each audience."""
    addresses = spelt_addresses(_HANDLE_AT.sub(" ", text)) if _may_hold_address(text) else []
    return (*(("email", a) for a in addresses), *(("phone", n) for n in spelt_numbers(text)))


_HANDLE_AT = re.compile(r"(?<![^\s(\[{<\"'])@(?=[^\W_])")
"""The "@" of a handle ("his Instagram is @qz.studio.nyc"), which the reading of
an address would join to the word before it ("is@qz.studio.nyc"); a handle is
read as one elsewhere (ivsite.contacts.bodyprofiles)."""
_DOT_WORDS = re.compile("(?<![a-z])(?:" + "|".join(
    re.escape(w).replace(r"\ ", "[ _-]?") for w in words_for(".") if w.isascii()) + ")(?![a-z])")


def _may_hold_address(text: str) -> bool:
    """Whether ``text`` may hold an address (ivsite.contacts.shape.spelt_addresses
    needs an "@", a bracketed "at" or a spelt "dot"): a cheap test first."""
    return not text.isascii() or "@" in text or any(b in text for b in "([{<") or \
        _DOT_WORDS.search(text.lower()) is not None
