"""Month names in dates (red team 12, R12-15).

April, May, June and August are given names too, and ivsite prints every note's
date as "12 April 2026", capitalised mid-line, where a name part that is an
everyday word counts (ivsite.text.wordpairs). A month beside a day number or a
year is a date, not a name: "12 April 2026", "April 12", "June 2026", "3rd of
May". "April said", "with June" and "June, my mentor" are still names.
"""

from __future__ import annotations

import re

MONTHS = frozenset((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
))

_SPACE = r"[ \t\u00a0\u202f]"
_DAY_BEFORE = re.compile(
    rf"(?<![^\W\d_])\d{{1,2}}(?:st|nd|rd|th)?\.?{_SPACE}*(?:of{_SPACE}+)?$", re.I)
"""A day number just before the month: "12 ", "3rd of ", "12. " (German style)."""
_NUMBER_AFTER = re.compile(rf"{_SPACE}+(?:\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?)(?![^\W_])",
                           re.I)
"""A day number or a year just after it: " 12", " 3rd", " 2026"."""


def in_date(word: str, cased: str, start: int, end: int) -> bool:
    """Whether ``word`` (folded), standing at ``cased[start:end]``, is a month in a
    date."""
    if word not in MONTHS:
        return False
    return bool(_DAY_BEFORE.search(cased, max(0, start - 16), start)
                or _NUMBER_AFTER.match(cased, end))
