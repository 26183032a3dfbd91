"""The PDF standard encodings: how a viewer reads the bytes of a simple font's
strings and of a text string (PDF 32000-1, Annex D).

A simple font names the encoding its one-byte codes are in: ``/WinAnsiEncoding``
(windows-1252), ``/MacRomanEncoding`` (older Mac software: ``\\211`` is ë),
``/StandardEncoding`` (Adobe's, the built-in encoding of a Type 1 font that
names none: ``\\350`` is Ł), ``/MacExpertEncoding`` (small capitals), each with
``/Differences`` on top (ivsite.readers.pdf.fonts). A *text string* (the document
information's ``/Author`` and ``/Title``, a bookmark's title, an annotation's
text) is UTF-16BE after a byte-order mark and else PDFDocEncoding, which has Ž
at 0x99 and Š at 0x97 where windows-1252 has ™ and —. Read as windows-1252
alone, "Zo\\211 M\\237ller" and "\\231aneta \\227olc" name no one, while every
viewer shows "Zoë Müller" and "Žaneta Šolc" (red team 10, R10-36).

Each encoding is a table of 256 strings ("" for a code it leaves undefined).
A font's ``/Differences`` name glyphs, read as the letters the names stand for
(:func:`glyph`).
"""

from __future__ import annotations

import re
import unicodedata

Table = tuple[str, ...]


def _codec(codec: str) -> Table:
    return tuple(bytes([b]).decode(codec, "ignore") for b in range(256))


def _over(base: Table, changes: dict[int, str]) -> Table:
    return tuple(changes.get(b, base[b]) for b in range(256))


WIN_ANSI = _codec("cp1252")
MAC_ROMAN = _codec("mac_roman")
_ASCII = tuple(chr(b) if 0x20 <= b < 0x7F else "" for b in range(256))
STANDARD = _over(_ASCII, {
    0x27: "\u2019", 0x60: "\u2018", 0xA1: "¡", 0xA2: "¢", 0xA3: "£", 0xA4: "\u2044",
    0xA5: "¥", 0xA6: "ƒ", 0xA7: "§", 0xA8: "¤", 0xA9: "'", 0xAA: "\u201c", 0xAB: "«",
    0xAC: "\u2039", 0xAD: "\u203a", 0xAE: "\ufb01", 0xAF: "\ufb02", 0xB1: "\u2013",
    0xB2: "\u2020", 0xB3: "\u2021", 0xB4: "·", 0xB6: "¶", 0xB7: "\u2022", 0xB8: "\u201a",
    0xB9: "\u201e", 0xBA: "\u201d", 0xBB: "»", 0xBC: "\u2026", 0xBD: "\u2030", 0xBF: "¿",
    0xC1: "`", 0xC2: "´", 0xC3: "ˆ", 0xC4: "˜", 0xC5: "¯", 0xC6: "˘", 0xC7: "˙", 0xC8: "¨",
    0xCA: "˚", 0xCB: "¸", 0xCD: "˝", 0xCE: "˛", 0xCF: "ˇ", 0xD0: "\u2014", 0xE1: "Æ",
    0xE3: "ª", 0xE8: "Ł", 0xE9: "Ø", 0xEA: "Œ", 0xEB: "º", 0xF1: "æ", 0xF5: "ı", 0xF8: "ł",
    0xF9: "ø", 0xFA: "œ", 0xFB: "ß"})
"""Adobe's StandardEncoding: ASCII with typographic quotes, and above 0xA0 a few
letters (Æ Ł Ø Œ æ ı ł ø œ ß), punctuation and spacing accents."""
MAC_EXPERT = _over(tuple("" for _ in range(256)), {
    0x20: " ", 0x2C: ",", 0x2D: "-", 0x2E: ".", 0x3A: ":", 0x3B: ";", 0x44: "ð",
    **{b: chr(b) for b in range(0x61, 0x7B)},
    **{b: MAC_ROMAN[b] for b in range(0x87, 0xA0)},
    0xA7: "š", 0xB4: "ý", 0xB9: "þ", 0xBD: "ž", 0xBE: "æ", 0xBF: "ø", 0xC2: "ł", 0xCF: "œ",
    0xD8: "ÿ"})
"""MacExpertEncoding's letters: small capitals (``/Asmall``, ``/Eacutesmall``),
read as the letters they are (the accented ones at MacRoman's codes for them)."""
PDF_DOC = _over(_codec("latin-1"), {
    **{b: "" for b in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x18), 0x7F, 0x9F, 0xAD)},
    0x18: "˘", 0x19: "ˇ", 0x1A: "ˆ", 0x1B: "˙", 0x1C: "˝", 0x1D: "˛", 0x1E: "˚", 0x1F: "˜",
    0x80: "\u2022", 0x81: "\u2020", 0x82: "\u2021", 0x83: "\u2026", 0x84: "\u2014",
    0x85: "\u2013", 0x86: "ƒ", 0x87: "\u2044", 0x88: "\u2039", 0x89: "\u203a", 0x8A: "\u2212",
    0x8B: "\u2030", 0x8C: "\u201e", 0x8D: "\u201c", 0x8E: "\u201d", 0x8F: "\u2018",
    0x90: "\u2019", 0x91: "\u201a", 0x92: "\u2122", 0x93: "\ufb01", 0x94: "\ufb02",
    0x95: "Ł", 0x96: "Œ", 0x97: "Š", 0x98: "Ÿ", 0x99: "Ž", 0x9A: "ı", 0x9B: "ł", 0x9C: "œ",
    0x9D: "š", 0x9E: "ž", 0xA0: "€"})
"""PDFDocEncoding: Latin-1 with spacing accents below the space and, from 0x80,
punctuation and the letters Ł Œ Š Ÿ Ž ı ł œ š ž."""

SIMPLE = {b"WinAnsiEncoding": WIN_ANSI, b"MacRomanEncoding": MAC_ROMAN,
          b"StandardEncoding": STANDARD, b"MacExpertEncoding": MAC_EXPERT}
"""A simple font's base encodings by name."""


def decoded(raw: bytes, table: Table) -> str:
    return "".join(table[b] for b in raw)


def text_string(raw: bytes) -> str:
    """A PDF text string as a viewer shows it: UTF-16BE (or, as viewers read it
    too, UTF-16LE) after its byte-order mark, UTF-8 after one (PDF 2.0), else
    PDFDocEncoding."""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "ignore")
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le", "ignore")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return decoded(raw, PDF_DOC)


_ACCENTS = {"acute": "ACUTE", "grave": "GRAVE", "circumflex": "CIRCUMFLEX",
            "dieresis": "DIAERESIS", "tilde": "TILDE", "ring": "RING ABOVE",
            "cedilla": "CEDILLA", "caron": "CARON", "macron": "MACRON", "breve": "BREVE",
            "ogonek": "OGONEK", "dotaccent": "DOT ABOVE", "hungarumlaut": "DOUBLE ACUTE",
            "slash": "STROKE"}
_NAMED = {"space": " ", "hyphen": "-", "period": ".", "comma": ",", "quoteright": "'",
          "germandbls": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "dotlessi": "ı",
          "at": "@"}


def glyph(name: str) -> str:
    """The letters a glyph name stands for (Adobe's conventions): ``J``, ``uni004A``,
    ``u1F600``, ``eacute``, ``space``; "" for a name that says none. As the Adobe
    Glyph List specification reads a name, a variant's suffix is dropped
    (``a.sc``, ``J.alt``) and a ligature is its parts (``f_f_i``); and a small
    capital (``Asmall``, ``Eacutesmall``: MacExpertEncoding's) is its letter."""
    name = name.split(".", 1)[0]
    if "_" in name:
        return "".join(map(glyph, name.split("_")))
    if len(name) > 5 and name.endswith("small"):
        return glyph(name[:-5]).lower()
    return _glyph(name)


def _glyph(name: str) -> str:
    if len(name) <= 1:
        return name
    if m := re.fullmatch(r"uni((?:[0-9A-F]{4})+)", name):
        return "".join(chr(int(m.group(1)[i:i + 4], 16)) for i in range(0, len(m.group(1)), 4))
    if m := re.fullmatch(r"u([0-9A-F]{4,6})", name):
        return chr(int(m.group(1), 16)) if int(m.group(1), 16) <= 0x10FFFF else ""
    if name in _NAMED:
        return _NAMED[name]
    if name[0].isalpha() and name[1:] in _ACCENTS:
        case = "CAPITAL" if name[0].isupper() else "SMALL"
        try:
            return unicodedata.lookup(f"LATIN {case} LETTER {name[0].upper()} WITH "
                                      f"{_ACCENTS[name[1:]]}")
        except KeyError:
            return ""
    return ""


def differences(array: bytes) -> dict[int, str]:
    """A ``/Differences`` array's codes and the letters their glyphs stand for."""
    out: dict[int, str] = {}
    code = 0
    for token in re.findall(rb"\d+|/[^\s/\[\]]+", array):
        if token[:1] == b"/":
            out[code & 0xFF] = glyph(token[1:].decode("latin-1"))
            code += 1
        else:
            code = int(token)
    return out
