"""UTF-16 text inside a binary file, found the way ``strings -el`` and ``-eb`` do.

Windows writes an image's EXIF "Comments", "Authors", "Title", "Subject" and
"Keywords" (``XPComment`` and its kin) as UTF-16LE, ID3v2 writes an MP3's text
frames as UTF-16, and Office files keep UTF-16 strings among their binary
records. Read as UTF-8, such a name is ``Q\\0u\\0e\\0…`` and never matches; a
file is read as UTF-16 as a whole only when its start says so, and these runs
come anywhere, after any amount of other data (red team 6, L1). So every run of
at least :data:`MIN_RUN` UTF-16 characters in either byte order is read too.

A "character" here is one a name or a sentence about one is written in: Latin
(ASCII, Latin-1, Latin Extended A and B, Latin Extended Additional), IPA,
Greek, Cyrillic, and general punctuation (the typographic apostrophe of
"O’Brien"). One bytes-level regular expression per byte order, so a large
picture is read at the speed of the regex engine. Ideographic, Hangul and kana
runs are not taken from binary data: in random bytes half of all code units
are such characters, so every picture would "spell" Chinese names; see the
README.
"""

from __future__ import annotations

import re

MIN_RUN = 4
"""Characters in a run, at least (what ``strings`` reads by default)."""

_LATIN1 = rb"[\t\n\r\x20-\x7e\xa0-\xff]"
_HIGH = rb"[\x01-\x05\x1e\x20]"
"""High bytes of the code units read besides Latin-1: U+0100–U+05FF (Latin
Extended, IPA, Greek, Cyrillic), U+1E00–U+1EFF and U+2000–U+20FF."""
_LE = re.compile(rb"(?:" + _LATIN1 + rb"\x00|[\x00-\xff]" + _HIGH + rb"){%d,}" % MIN_RUN)
_BE = re.compile(rb"(?:\x00" + _LATIN1 + rb"|" + _HIGH + rb"[\x00-\xff]){%d,}" % MIN_RUN)


def wide_runs(data: bytes) -> str:
    """The UTF-16LE and UTF-16BE text runs in ``data``, one a line ("" for none).
    Only data with a NUL byte is searched: UTF-16 of Latin text always has one,
    and UTF-8 text (every page of the site) has none."""
    if b"\0" not in data:
        return ""
    runs = [m.group().decode("utf-16-le", "replace") for m in _LE.finditer(data)]
    runs += [m.group().decode("utf-16-be", "replace") for m in _BE.finditer(data)]
    return "\n".join(runs)
