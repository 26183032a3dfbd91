"""A text's base32 words, uuencoded and Ascii85 blocks, octal escapes, ROT13 and
Morse, read decoded (red team 14, R14-04 and R14-05).

ivsite.text.encodedtokens reads base64 and hex words; a hostile author has more
encodings a reader decodes in a second: ``KJXWEZLSOQQFC5LJNZWGC3Q=`` (base32),
a ``begin 644`` block (uuencode, what old mail writes), ``<~…~>`` or a bare run of
Ascii85 (PostScript and PDF tools), ``\\122obert`` (a C string's octal escapes),
"Ebore Dhvayna" (ROT13) and ``.-. --- -...`` (Morse). Each is a reading of its
own beside the text, with encodedtokens' guard against false refusals: a decoded
token is kept only when it is text (UTF-8, nine in ten characters printable),
and at most :data:`MAX_TOKENS` tokens of a text are tried.

ROT13 is one ``str.translate`` of the text (a few milliseconds a megabyte) and
only of a text with letters; Morse is read only where a run of its symbols is.
"""

from __future__ import annotations

import base64
import binascii
import re

from .encodedtokens import MAX_TOKENS

_BASE32 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Z2-7]{16,}={0,6}(?![A-Za-z0-9+/])")
"""An upper-case word of base32's alphabet: ten bytes or more (a name)."""
_UU_BLOCK = re.compile(r"^begin(?:-base64)? [0-7]{3,4} [^\n]*\n(.*?)^end\s*$", re.M | re.S)
_UU_LINE = re.compile(r"^[!-`][ -`]*$", re.M)
"""A uuencoded line: its length letter, then letters of the 64 from space to backquote;
outside a ``begin`` block a run of full lines (``M`` then 60 letters) is read too."""
_UU_BARE = re.compile(r"(?:^M[ -`]{60}\r?\n){1,}(?:^[!-`][ -`]*$)?", re.M)
_A85 = re.compile(r"<~(.*?)~>|(?<![!-u])[!-uz]{20,}(?![!-u])", re.S)
"""Ascii85: between ``<~`` and ``~>``, or a run of 20 of its letters with no space (a
name of sixteen bytes); words of prose are shorter, and the rest decode to no text."""
_OCTAL = re.compile(r"\\([0-7]{1,3})")
_MORSE = re.compile(r"(?<![.\w-])[.\u00b7\u2022-]{1,7}"
                    r"(?:(?: {1,3}|\s*/\s*)[.\u00b7\u2022-]{1,7}){3,}")
"""Four Morse letters or more, split by spaces (three or a slash between words)."""
_MORSE_CODE = {
    ".-": "A", "-...": "B", "-.-.": "C", "-..": "D", ".": "E", "..-.": "F", "--.": "G",
    "....": "H", "..": "I", ".---": "J", "-.-": "K", ".-..": "L", "--": "M", "-.": "N",
    "---": "O", ".--.": "P", "--.-": "Q", ".-.": "R", "...": "S", "-": "T", "..-": "U",
    "...-": "V", ".--": "W", "-..-": "X", "-.--": "Y", "--..": "Z", "-----": "0",
    ".----": "1", "..---": "2", "...--": "3", "....-": "4", ".....": "5", "-....": "6",
    "--...": "7", "---..": "8", "----.": "9"}
_ROT13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                       "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
_LETTER = re.compile(r"[A-Za-z]{4}")


def token_readings(text: str) -> list[str]:
    """The texts ``text``'s base32, uuencoded and Ascii85 tokens and its octal
    escapes decode to."""
    found = list(dict.fromkeys(d for d in (*_base32s(text), *_uus(text), *_a85s(text)) if d))
    if "\\" in text and (octal := _octal(text)):
        found.append(octal)
    return found


def cipher_readings(text: str) -> list[str]:
    """``text`` in ROT13 and its Morse runs as letters: for a text file's or a
    page's texts only (ivsite.readers.morereadings), not a binary file's runs of
    text, where a turned letter would only add noise to match names in."""
    found = [morse] if ("." in text or "-" in text) and (morse := _morse(text)) else []
    if _LETTER.search(text):
        found.append(rot13(text))
    return found


def rot13(text: str) -> str:
    """``text`` with its Latin letters turned thirteen places (its own inverse)."""
    return text.translate(_ROT13)


def _base32s(text: str) -> list[str]:
    found = []
    for n, m in enumerate(_BASE32.finditer(text)):
        if n >= MAX_TOKENS:
            break
        token = m.group(0).rstrip("=")
        token = token[:len(token) - len(token) % 8] if len(token) % 8 in (1, 3, 6) else token
        try:
            found.append(_text(base64.b32decode(token + "=" * (-len(token) % 8))))
        except (binascii.Error, ValueError):
            continue
    return found


def _uus(text: str) -> list[str]:
    if "begin " not in text and "\nM" not in text:
        return []
    blocks = [m.group(1) for m in _UU_BLOCK.finditer(text)]
    blocks += [m.group(0) for m in _UU_BARE.finditer(text)]
    found = []
    for block in blocks[:MAX_TOKENS]:
        raw = b""
        for line in _UU_LINE.findall(block):
            try:
                raw += binascii.a2b_uu(line)
            except binascii.Error:
                continue
        found.append(_text(raw))
    return found


def _a85s(text: str) -> list[str]:
    found = []
    for n, m in enumerate(_A85.finditer(text)):
        if n >= MAX_TOKENS:
            break
        token = re.sub(r"\s", "", m.group(1) if m.group(1) is not None else m.group(0))
        try:
            found.append(_text(base64.a85decode(token)))
        except (binascii.Error, ValueError):
            continue
    return found


def _octal(text: str) -> str:
    """``text`` with its octal escapes as the bytes they are, read as UTF-8 (so
    ``\\303\\251`` is "é"), or "" when it holds none."""
    parts = _OCTAL.split(text)
    if len(parts) == 1:
        return ""
    raw = b"".join(p.encode("utf-8", "surrogatepass") if i % 2 == 0
                   else bytes([int(p, 8) & 0xFF]) for i, p in enumerate(parts))
    return raw.decode("utf-8", "replace")


def _morse(text: str) -> str:
    """The Morse runs of ``text`` as letters (a word gap as a space), or ""."""
    words = []
    for m in _MORSE.finditer(text):
        run = m.group(0).replace("\u00b7", ".").replace("\u2022", ".")
        words.append(" ".join("".join(_MORSE_CODE.get(c, "") for c in w.split())
                              for w in re.split(r"\s*/\s*| {3}", run)))
    return "\n".join(w for w in words if w.strip())


def _text(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    shown = sum(1 for c in text if c.isprintable() or c in "\n\t")
    return text if text and shown >= 0.9 * len(text) else ""

