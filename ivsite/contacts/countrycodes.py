"""A phone number's national part, which its owner's neighbours write alone
(red team 16, R16-10): "+298 31 45 67" is "31 45 67" in the Faroe Islands.

A number is compared by its last seven digits (ivsite.contacts.skeleton), which
a number written without its country code still has where the national part
has seven digits or more. Some numbering plans are shorter: the Faroe Islands,
Greenland and Luxembourg's fixed lines have six digits, the Falklands, St Helena
and the Cook Islands five. Written nationally, such a number has no seven digits
to compare; its key is its national part instead, whatever its length from
:data:`SHORT_DIGITS`, and a text's runs of digits are read for windows of that
length too, where a site records such a number (ivsite.contacts.skeleton.
phone_windows; a site that records none reads none).

Which digits are the country code follows from the code itself: the ITU gives
codes of one digit to zones 1 and 7, of two to the countries below, of three to
every other (E.164 codes are prefix-free). Four digits are too few to be a
number: a national part shorter than :data:`SHORT_DIGITS` keys nothing short.
"""

from __future__ import annotations

import re

SHORT_DIGITS = 5
"""The fewest digits a national number is compared by alone."""
LONG_DIGITS = 7
"""A national part of this many digits is compared by its last seven as before."""

_TWO_DIGIT_CODES = frozenset(
    f"{zone}{n}" for zone, ns in (("2", "07"), ("3", "0123469"), ("4", "013456789"),
                                  ("5", "12345678"), ("6", "0123456"), ("8", "1246"),
                                  ("9", "0123458")) for n in ns)
"""The two-digit country codes (ITU-T E.164); 1 and 7 are of one digit, the rest
of three."""
_PLUS = re.compile(r"\+[\s(]*\Z")
"""What stands before a number's first digit written with its country code."""


def national_part(value: str, digits: str) -> str:
    """The national significant number of a phone number written ``value`` whose
    digits are ``digits``, when it is short (from :data:`SHORT_DIGITS` to six
    digits), else "". Written with "+" or "00", its country code is taken off;
    written without, all its digits are the national part."""
    first = re.search(r"[0-9]", value)
    if first and _PLUS.search(value[:first.start()]):
        national = digits[_code_length(digits):]
    elif digits.startswith("00") and digits[2:3] != "0":
        national = digits[2 + _code_length(digits[2:]):]
    else:
        national = digits
    return national if SHORT_DIGITS <= len(national) < LONG_DIGITS else ""


def _code_length(digits: str) -> int:
    if digits[:1] in ("1", "7"):
        return 1
    return 2 if digits[:2] in _TWO_DIGIT_CODES else 3
