"""Words of a text that are base64 or hex, read decoded (red team 12, R12-08).

A hostile author can write a name as ``UXVlbnRpbiBaYWJyb3dza2k=`` (base64) or
``5175656e74696e205a6162726f77736b69`` (hex) in a page or a summary: any reader
decodes it in a second. The audit reads base64 in files
(ivsite.readers.encodedtext) and in addresses (ivsite.text.urlpayloads); this
reads the words of any text that way: a token of :data:`MIN_TOKEN` characters or
more of either alphabet that decodes to text (UTF-8, nine in ten characters
printable) is a reading of its own. A hash, an identifier or a fingerprint
decodes to bytes that are no text, and is dropped.

ROT13 is not read: every text would be read twice over for it.
"""

from __future__ import annotations

import base64
import binascii
import re

MIN_TOKEN = 16
"""The shortest token tried: twelve bytes of base64, eight of hex (a short name)."""
MAX_TOKENS = 2000
"""Tokens tried in one text at most: a page of minified code has thousands of
long identifiers, none of them text."""
_TOKEN = re.compile(r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2}){8,}")


def encoded_readings(text: str) -> list[str]:
    """The texts the base64 and hex tokens of ``text`` decode to, in order."""
    found: list[str] = []
    for n, m in enumerate(_TOKEN.finditer(text)):
        if n >= MAX_TOKENS:
            break
        token = m.group(0)
        hexed = _HEX.fullmatch(token)
        raw = _hex(token) if hexed else _base64(token)
        if raw is not None and (decoded := _text(raw)):
            found.append(decoded)
    return found


def _hex(token: str) -> bytes | None:
    try:
        return binascii.unhexlify(token)
    except (binascii.Error, ValueError):
        return None


def _base64(token: str) -> bytes | None:
    token = token.rstrip("=")
    if len(token) % 4 == 1:
        return None
    alt = "-" in token or "_" in token
    try:
        return (base64.urlsafe_b64decode if alt else base64.b64decode)(
            token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None


def _text(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    shown = sum(1 for c in text if c.isprintable() or c in "\n\t")
    return text if shown >= 0.9 * len(text) else ""
