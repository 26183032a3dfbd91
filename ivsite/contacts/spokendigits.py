"""Numbers as people say them, read as digits for the contact skeleton
(ivsite.contacts.skeleton, step 4).

A phone number is written down from a call as it was said: digit by digit
("four one six, five five five, zero one nine nine", "oh" for 0; red team 4,
J-spelled), but also in pairs ("oh-one forty-two", "01 forty-two") and with
"double" and "triple" ("double five", "416 triple-five 0142"; red team 8, N13).
Each of those reads here as its digits, so that the phone's last digits are found
in the skeleton however they were said.

Only words standing apart are read (no letter or digit beside them: "often",
"someone" and "tension" hold none), and a run of words reads as a phone only
where seven digits or more follow one another with nothing but spaces and
punctuation between them; "forty-two people came in twenty nineteen" stops at
"people", so ordinary prose with numbers in it holds no phone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

DIGITS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
          "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
"""Digits spelt as English words."""
TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
         "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
         "nineteen": "19"}
TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fourty": "4", "fifty": "5",
        "sixty": "6", "seventy": "7", "eighty": "8", "ninety": "9"}
"""The tens, by their first digit: "forty-two" is 42, "forty" alone 40."""
REPEATS = {"double": 2, "triple": 3, "treble": 3}
"""A word that says the next digit is said twice or three times ("double five")."""


def _apart(words: Mapping[str, object]) -> str:
    """One of ``words`` (longest first), standing apart (see the module's
    docstring). Written word first, the look-behind after it: the regular
    expression engine then scans for the words' first letters."""
    return "|".join(rf"{w}(?<![^\W\d_]{w})(?![^\W\d_])"
                    for w in sorted(words, key=len, reverse=True))


_SEP = r"[\s\-]+"
_DIGIT_WORD = re.compile(_apart(DIGITS))
_TEENS = re.compile(_apart(TEENS))
_TENS = re.compile(rf"(?P<tens>{_apart(TENS)})(?:{_SEP}(?P<unit>{_apart(DIGITS)}))?")
_REPEAT = re.compile(rf"(?P<times>{_apart(REPEATS)}){_SEP}(?P<digit>[0-9](?![0-9])"
                     rf"|{_apart(DIGITS)})")


def spoken_digits(text: str) -> str:
    """``text`` (case-folded) with each number word standing apart as its digits:
    "416 triple-five oh-one forty-two" is "416 555 0-1 42"."""
    # Each pattern only where its words' letters are (a C search of the text):
    # most texts hold no teen, no tens and no "double", and the alternations try
    # every place of the text.
    if any(part in text for part in ("ten", "teen", "eleven", "twelve")):
        text = _TEENS.sub(lambda m: TEENS[m.group(0)], text)
    if "ty" in text:
        text = _TENS.sub(_tens, text)
    if any(word in text for word in REPEATS):
        text = _REPEAT.sub(_repeat, text)
    return _DIGIT_WORD.sub(lambda m: DIGITS[m.group(0)], text)


def _tens(m: re.Match[str]) -> str:
    unit = m.group("unit")
    return TENS[m.group("tens")] + (DIGITS[unit] if unit else "0")


def _repeat(m: re.Match[str]) -> str:
    digit = m.group("digit")
    return " ".join([digit] * REPEATS[m.group("times")])
