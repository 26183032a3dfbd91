"""A text read again as what it encodes for a reader who decodes it: the text its
invisible characters spell (ivsite.text.invisibletext, red team 12 R12-02) and
its base64 and hex words decoded (ivsite.text.encodedtokens, R12-08), and its
base32, uuencode, Ascii85, octal escapes, ROT13 and Morse (ivsite.text.moretokens,
R14-04/05).

Each reading is a text of its own for the audit, beside the texts of
ivsite.readers.readable; a long invisible run that no reading decodes is given
as unread, which the audit refuses (fail closed).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..text.encodedtokens import encoded_readings
from ..text.invisibletext import invisible_readings, unread_runs
from ..text.moretokens import cipher_readings, token_readings


def more_readings(texts: Iterable[str], prose: bool = False) -> tuple[list[str], list[str]]:
    """The readings of ``texts`` decoded, and why parts of them are refused;
    ``prose``: the texts are a text file's or a page's, read in ROT13 and Morse too."""
    readings: list[str] = []
    refused: list[str] = []
    for text in texts:
        readings += invisible_readings(text)
        readings += encoded_readings(text)
        readings += token_readings(text)
        readings += cipher_readings(text) if prose else []
        refused += unread_runs(text)
    return readings, refused
