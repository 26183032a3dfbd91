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
"O’Brien"). Ideographic, Hangul and kana
runs are not taken from binary data: in random bytes half of all code units
are such characters, so every picture would "spell" Chinese names; see the
README.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MIN_RUN = 4
"""Characters in a run, at least (what ``strings`` reads by default)."""


def _table(members: bytes) -> bytes:
    """A ``bytes.translate`` table: 1 for each byte in ``members``, 0 for any other."""
    return bytes(int(b in members) for b in range(256))


_LATIN1 = _table(b"\t\n\r" + bytes(range(0x20, 0x7F)) + bytes(range(0xA0, 0x100)))
"""Low bytes of the code units U+0000–U+00FF read: printable ASCII and Latin-1."""
_ZERO = _table(b"\0")
_HIGH = _table(bytes([*range(0x01, 0x06), 0x1E, 0x20]))
"""High bytes of the other code units read: U+0100–U+05FF (Latin Extended, IPA,
Greek, Cyrillic), U+1E00–U+1EFF and U+2000–U+20FF."""
_START = b"\x01" * MIN_RUN
_END = re.compile(rb"[^\x01]")


def wide_runs(data: bytes) -> str:
    """The UTF-16LE and UTF-16BE text runs in ``data``, one a line ("" for none).
    Only data with a NUL byte is searched: UTF-16 of Latin text always has one,
    and UTF-8 text (every page of the site) has none.

    Each code unit's class is worked out for all units at once, a whole
    alignment at a time (a byte table per half of the unit, the halves combined
    as big integers): a per-character loop, or a regular expression that
    tries an alternation at every byte, takes seconds on a large picture."""
    if b"\0" not in data:
        return ""
    runs: list[str] = []
    for start in (0, 1):
        n = (len(data) - start) // 2
        first, second = data[start::2][:n], data[start + 1::2][:n]
        for low, high, codec in ((first, second, "utf-16-le"), (second, first, "utf-16-be")):
            units = (_bits(low, _LATIN1) & _bits(high, _ZERO)) | _bits(high, _HIGH)
            mask = units.to_bytes(n, "big")
            runs += [data[start + 2 * a:start + 2 * b].decode(codec, "replace")
                     for a, b in _spans(mask)]
    return "\n".join(dict.fromkeys(runs))  # a run in one byte order shifted is one in the other


def _spans(mask: bytes) -> Iterator[tuple[int, int]]:
    """The runs of at least :data:`MIN_RUN` ones in ``mask``: found with
    ``bytes.find`` (a regular expression's repeat tries every byte, ten times slower)."""
    at = mask.find(_START)
    while at >= 0:
        end = _END.search(mask, at)
        stop = end.start() if end else len(mask)
        yield at, stop
        at = mask.find(_START, stop)


def _bits(half: bytes, table: bytes) -> int:
    return int.from_bytes(half.translate(table), "big")
