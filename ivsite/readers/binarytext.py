"""The text a binary file carries, read as ``strings`` reads it: runs of printable
characters, not every byte decoded to some letter (red team 11, R11-27).

A photo's entropy-coded data is as good as random. Decoded whole as text, a
megabyte of it spells every short word in some reading the matcher makes
(look-alike letters, leetspeak, letters spaced out, camelCase split), and a
private interviewee called Kim Lee, or one at IBM, failed every build that
published a photo, depending on its bytes. What such a file can show a reader is
what its program writes as text: metadata fields and text chunks (read field by
field where the format is known: :mod:`.photometa`, :mod:`.packed`), and strings
among the binary data. So a binary file is read as its runs of at least
:data:`MIN_RUN` printable characters, each run apart from the next (no name is
read across two), and in each run a short word cased as no word is ("nG",
"LWu"), of letters and digits ("n6") or in two scripts, and the symbols of code
between words, are taken as the noise they are: word boundaries.

Measured on 160 MB of random bytes: no run spells "Kim Lee" in any of its forms;
"Ali Ng", "Amy Ho" and "Li Wu" together, by an initial and the two-letter
family name ("wu L", "Ӓ&Ho"), three times. A name written in a binary file's own
strings ("Kim Lee", "Copyright 2026 Quentin Zabrowski", "kim.lee@example.com") is
a run of its own and found as before; a name of five characters or fewer
standing alone among binary data is not (see README, "What the audit reads").
"""

from __future__ import annotations

import re

from ..text.normalise import MARK
from .cborstrings import APART

MIN_RUN = 6
"""Printable characters in a run, at least: ``strings`` reads four, which random
data holds some ten thousand of a megabyte."""

SHORT_WORD = 4
"""Letters in a word, at most, that must be cased as a word is (small letters,
capitals, or a capital and small letters) to be read: a longer word cased
otherwise is read in small letters, not split at its capitals (a name written
"qUeNtIn" or "JaneDoe" is still found as "quentin" or "janedoe", and "aHoErP"
is not "a Ho Er P"), and random data does not spell a long one."""

_RUN = re.compile(rf"[^\x00-\x08\x0a-\x1f\x7f-\x9f\ufffd]{{{MIN_RUN},}}")
"""Printable characters: anything but control characters and the replacement
character a broken byte sequence decodes to (a tab is printable, a line break ends a
run)."""
_WORD = re.compile(rf"(?:[^\W_]|{MARK})+")
"""Letters and digits, and the marks on them (a mark between two words joins them
to the normaliser: ivsite.text.normalise)."""
_NOISE = re.compile(r"[\\=`{}<>|^~\[\];\"*$%!?#]+")
"""Symbols that stand between words of markup or code, not of a name: in a run
they keep the words on either side apart ("L\\WU" is no "L. Wu"), as a line
break does. What a name, an address or a number is written with (spaces, ``. , '
- _ @ & ( ) / : +``) joins as in any text."""
_LATIN_END = 0x250
"""Where the Latin letters end (Basic Latin to Latin Extended-B)."""


def text_runs(text: str) -> str:
    """The runs of printable text in ``text`` (a binary file's bytes decoded), each
    apart from the next; within a run, short words cased as no text is cased, and
    symbols of code, are word boundaries. "" for none."""
    return APART.join(_NOISE.sub(APART, _WORD.sub(_as_text, run)) for run in _RUN.findall(text))


def _as_text(m: re.Match[str]) -> str:
    """A word of a run (letters, digits and marks) as text would hold it: a short
    one of letters and digits ("n6", which leetspeak reads "ng"), in two scripts,
    or cased as no word is ("nG") is noise, a boundary; a long one is read in
    small letters."""
    word = m.group(0)
    letters = "".join(c for c in word if c.isalpha())
    if not letters or (not any(c.isdigit() for c in word) and _one_script(letters) and (
            letters.islower() or letters.isupper() or letters.istitle()
            or letters.lower() == letters.upper())):  # a script without case: 王小明
        return word
    return APART if len(letters) <= SHORT_WORD else word.lower()


def _one_script(word: str) -> bool:
    """Latin letters (accented ones too) alone, or none: with Greek or Cyrillic
    letters, a short word is random bytes."""
    latin = [ord(c) < _LATIN_END for c in word]
    return all(latin) or not any(latin)
