"""A phone number spelt in keypad letters, read as the digits dialled (red team 12,
R12-11).

Vanity numbers are dialled as written: "647-EVA-CARE" is 647 382 2273, since
every phone keypad has the letters (ABC on 2 … WXYZ on 9). A run of digit groups
and groups of capitals, apart by dashes, dots or spaces or meeting each other
("1-800-FLOWERS", "647EVACARE"), that starts with digits (as a number is
written after its country and area codes; "ISO 8601" is no number), with a
group of three digits or more and seven characters or more in all, is read with
its capitals as digits. Lower-case words and runs of capitals alone are prose,
not a number, and stay as they are.
"""

from __future__ import annotations

import re

_KEYS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")
_RUN = re.compile(r"(?<![\w])[0-9]+(?:[-. ]?(?:[0-9]+|[A-Z]{2,7}))+(?!\w)")
_HAS_BOTH = re.compile(r"[0-9][-. ]?[A-Z]{2}")
"""A cheap test first: digits followed by capitals, without which there is no run."""
_THREE_DIGITS = re.compile("[0-9]{3}")
MIN_CHARACTERS = 7
"""Digits and letters a run needs: a phone number's local part."""


def keypad_digits(cased: str) -> str:
    """``cased`` (folded but for case) with the capitals of each vanity number as
    the digits they are on a keypad; ``cased`` itself when it has none."""
    if not _HAS_BOTH.search(cased):
        return cased
    dialled = _RUN.sub(_dialled, cased)
    return cased if dialled == cased else dialled


def _dialled(m: re.Match[str]) -> str:
    run = m.group(0)
    letters = sum(c.isalpha() for c in run)
    if not letters or not _THREE_DIGITS.search(run) or sum(c.isalnum() for c in run) < \
            MIN_CHARACTERS:
        return run
    return run.translate(_KEYS)
