"""Letters a reader still reads though no folding makes them Latin: text turned
upside down ("ǝoᗡ ǝuɐſ") and Braille ("⠚⠁⠝⠑ ⠙⠕⠑") (red team 11, R11-09).

Braille letters (grade 1, the one letter per cell every Braille reader and
converter knows) fold to the letter they stand for (:data:`BRAILLE`, a table of
:mod:`ivsite.text.normalise`). Upside-down text is written by generators that
turn the string round and put each letter's turned look-alike for it: "Jane Doe"
becomes "ǝoᗡ ǝuɐſ". A text with such a letter (:data:`TURNED`) is also read the
right way up (:func:`right_way_up`): the whole text turned back, each letter the
one it was turned from. Text written backwards ("eoD enaJ") is found by a
name's form written backwards (ivsite.names.nameforms), not here.
"""

from __future__ import annotations

import re

from .readings import around

BRAILLE = {chr(0x2800 + dots): letter for letter, dots in zip(
    "abcdefghijklmnopqrstuvwxyz",
    (0x01, 0x03, 0x09, 0x19, 0x11, 0x0B, 0x1B, 0x13, 0x0A, 0x1A, 0x05, 0x07, 0x0D, 0x1D,
     0x15, 0x0F, 0x1F, 0x17, 0x0E, 0x1E, 0x25, 0x27, 0x3A, 0x2D, 0x3D, 0x35), strict=True)}
BRAILLE["\u2820"] = ""  # the capital sign, before a capital letter
"""Braille cells to the Latin letters they stand for (grade 1)."""

_TURNED = {
    "ɐ": "a", "q": "b", "ɔ": "c", "p": "d", "ǝ": "e", "ɟ": "f", "ƃ": "g", "ɓ": "g",
    "ɥ": "h", "ᴉ": "i", "ı": "i", "ɾ": "j", "ſ": "j", "ʞ": "k", "ꞁ": "l", "ן": "l",
    "ɯ": "m", "u": "n", "d": "p", "b": "q", "ɹ": "r", "ʇ": "t", "n": "u", "ʌ": "v",
    "ʍ": "w", "ʎ": "y",
    "∀": "A", "ᗺ": "B", "Ɔ": "C", "ᗡ": "D", "Ǝ": "E", "Ⅎ": "F", "⅁": "G", "ꓘ": "K",
    "˥": "L", "⅂": "L", "W": "M", "Ԁ": "P", "ᴚ": "R", "⊥": "T", "ꓕ": "T", "∩": "U",
    "Ʌ": "V", "Λ": "V", "M": "W", "⅄": "Y",
}
"""Each letter an upside-down generator writes, and the letter it stands for."""
TURNED = re.compile("[ɐɔǝɟƃɓɥᴉɾʞꞁןɯɹʇʌʍʎ∀ᗺƆᗡƎℲ⅁ꓘ˥⅂ԀᴚꓕɅ⅄]")
"""Letters only an upside-down text has (ordinary ones turned, such as "u" for
"n", are in it too, but say nothing alone)."""
_TABLE = str.maketrans(_TURNED)


def right_way_up(text: str) -> list[str]:
    """The parts of ``text`` around its turned letters (ivsite.text.readings.around),
    each turned back the right way up."""
    if not TURNED.search(text):
        return []
    return [part[::-1].translate(_TABLE)
            for part in around(text, (m.start() for m in TURNED.finditer(text)))]
