"""A PDF's page text read through its fonts, as a viewer shows it.

Chromium's "Print to PDF", Word, LibreOffice and most PDF writers embed a subset
font with ``/Encoding /Identity-H``: a page's strings are two-byte glyph ids
(``<0037004B0044…> Tj``), and the letters they stand for are only in the font's
``/ToUnicode`` CMap. Read as bytes such a page names no one, while every viewer
and ``pdftotext`` show "Thank-you letter to Jane Doe" (red team 9, R9-26). So
the strings each font shows are mapped to letters the way a viewer maps them:

- through the font's ``ToUnicode`` CMap (``bfchar`` and ``bfrange``), any font;
- a composite (``Type0``) font with no such map, through its predefined CMap
  where that is an encoding (UCS-2/UTF-16, Shift-JIS, GBK, Big5, EUC-KR/JP);
- a simple font, through its ``/Differences`` glyph names (``/J``, ``/uni004A``,
  ``/eacute``) over the encoding it names (WinAnsi, MacRoman, Standard,
  MacExpert: ivsite.readers.pdf.encodings), or, naming none, over Adobe's standard one
  (a Type 1 font) and windows-1252 both (ivsite.readers.packed reads every string as
  windows-1252 too).

A composite font whose codes are glyph ids with no map back to letters (an
``Identity`` or unknown CMap and no ``ToUnicode``) is text the audit cannot
read: the file is refused (``Budget.refuse``), never published unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .encodings import SIMPLE, STANDARD, WIN_ANSI, Table, differences
from .encodings import glyph as glyph  # (read here by the tests of red team 9)

if TYPE_CHECKING:
    from ..packed import Budget
    from .placed import Forms

STRING = re.compile(rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<([0-9A-Fa-f\s]*)>", re.S)
"""A PDF string: ``(literal)`` or ``<hex>``."""
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"\n": b"",
            b"\r": b""}


def raw_string(m: re.Match[bytes]) -> bytes:
    """A :data:`STRING` match's bytes (hex digits or escapes decoded)."""
    if m.group(1) is not None:
        digits = re.sub(rb"\s", b"", m.group(1))
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
    return _ESCAPE.sub(lambda e: _unescape(e.group(1)), m.group(0)[1:-1])


def _unescape(code: bytes) -> bytes:
    if code[0] in b"01234567":  # an octal code (``\\351``); any other is the letter
        return bytes([int(code, 8) & 0xFF])
    return _ESCAPES.get(code, code)


_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b(.*?)endobj", re.S)
_REF = r"\s+(\d+)\s+\d+\s+R"
_FONT = re.compile(rb"/Type\s*/Font\b|/Subtype\s*/(?:Type0|Type1|Type3|TrueType|MMType1)\b")
_SUBTYPE = re.compile(rb"/Subtype\s*/(\w+)")
_TO_UNICODE = re.compile(rb"/ToUnicode" + _REF.encode())
_ENCODING = re.compile(rb"/Encoding\s*(?:/([^\s/<>\[\]()]+)|" + _REF.encode() + rb")")
_DIFFERENCES = re.compile(rb"/Differences\s*\[([^\]]*)\]")
_FONT_NAMES = re.compile(rb"/Font\s*(?:<<(.*?)>>|" + _REF.encode() + rb")", re.S)
_NAMED_REF = re.compile(rb"/([^\s/<>\[\]()]+)" + _REF.encode())
_FIRST = re.compile(rb"/First\s+(\d+)")


def objects(syntax: bytes, object_streams: list[tuple[bytes, bytes]]) -> dict[int, bytes]:
    """A PDF's objects by number (their streams left out): the file's own
    (``syntax``, streams already cut out) and those packed in object streams
    (each a dictionary and its decoded data)."""
    found = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(syntax)}
    for dictionary, data in object_streams:
        first = _FIRST.search(dictionary)
        if first is None:
            continue
        at = int(first.group(1))
        head = [int(n) for n in re.findall(rb"\d+", data[:at])]
        pairs = list(zip(head[::2], head[1::2], strict=False))
        for i, (number, offset) in enumerate(pairs):
            end = at + pairs[i + 1][1] if i + 1 < len(pairs) else len(data)
            found.setdefault(number, data[at + offset:end])
    return found


@dataclass
class _Font:
    composite: bool
    cmap: dict[bytes, str] = field(default_factory=dict)
    codec: str | None = None  # a composite font's predefined CMap, as a Python codec
    differences: dict[int, str] = field(default_factory=dict)
    base: Table = WIN_ANSI  # a simple font's encoding (ivsite.readers.pdf.encodings)
    implied: bool = False  # its encoding not named: the font program's own

    def text(self, raw: bytes, base: Table | None = None) -> str:
        if self.cmap:
            return _mapped(raw, self.cmap, 2 if self.composite else 1)
        if self.codec:
            return raw.decode(self.codec, "ignore")
        table = base or self.base
        return "".join(self.differences.get(b) or table[b] for b in raw)

    def other(self, raw: bytes) -> str | None:
        """A second reading, where the font names no encoding and its program's
        own is taken to be Adobe's standard one: the same codes over
        windows-1252, as most writers mean them (None where there is none)."""
        if not self.implied or self.base is WIN_ANSI or self.cmap or self.codec:
            return None
        return self.text(raw, WIN_ANSI)


def font_texts(found: dict[int, bytes], streams: dict[int, bytes], contents: list[bytes],
               budget: Budget, pages: list[bytes] | None = None,
               forms: Forms | None = None) -> list[bytes]:
    """The page text of ``contents`` (content streams) mapped to letters through
    the fonts they name, joined as a viewer shows it and each string apart, and
    the text of ``pages`` as placed (ivsite.readers.pdf.placed); a font whose letters
    cannot be known refuses the file in ``budget``."""
    fonts: dict[int, _Font] = {}
    for number, body in found.items():
        if _FONT.search(body) and (font := _font(body, found, streams, budget)):
            fonts[number] = font
    if not fonts:
        return []
    names: dict[bytes, list[_Font]] = {}
    for body in found.values():
        for m in _FONT_NAMES.finditer(body):
            inner = m.group(1) if m.group(1) is not None else found.get(int(m.group(2)), b"")
            for name, ref in _NAMED_REF.findall(inner):
                if int(ref) in fonts:
                    names.setdefault(name, []).append(fonts[int(ref)])
    every = list(fonts.values())
    glued: list[str] = []
    other: list[str] = []  # glued, in a font's second reading where it has one
    spaced: list[str] = []
    for stream in contents:
        current = every
        for m in _SHOWN.finditer(stream):
            if m.group("font") is not None:
                current = names.get(m.group("font"), every)
            elif m.group("kern") is not None:
                glued.append(" " if abs(float(m.group("kern"))) > 200 else "")
                other.append(glued[-1])
            else:
                raw = raw_string(_STRING_ONLY.match(m.group(0)))  # type: ignore[arg-type]
                readings = [f.text(raw) for f in current]
                seconds = [t for f in current if (t := f.other(raw)) is not None]
                glued.append(readings[0])
                other.append(current[0].other(raw) or readings[0])
                spaced.extend(readings + seconds)
    from .placed import readings as placed_readings  # (it imports this module)

    placed = [t for page in pages or [] for t in placed_readings(
        page, lambda font, raw: names.get(font or b"", every)[0].text(raw), forms)]
    if any(f.other(b"") is not None for f in every):  # and in a font's second reading
        placed += [t for page in pages or [] for t in placed_readings(
            page, lambda font, raw: _second(names.get(font or b"", every)[0], raw), forms)]
    return [t.encode("utf-8", "replace") for t in dict.fromkeys(
        ("".join(glued), "".join(other), " ".join(spaced), *placed))]


def _second(font: _Font, raw: bytes) -> str:
    other = font.other(raw)
    return font.text(raw) if other is None else other


_SHOWN = re.compile(rb"/(?P<font>[^\s/<>\[\]()%]+)\s+[-+\d.]+\s+Tf\b"
                    rb"|(?<=[)>])\s*(?P<kern>-?\d+(?:\.\d*)?)(?=\s*[(<])|" + STRING.pattern, re.S)
_STRING_ONLY = re.compile(STRING.pattern, re.S)


def _font(body: bytes, found: dict[int, bytes], streams: dict[int, bytes],
          budget: Budget) -> _Font | None:
    subtype = _SUBTYPE.search(body)
    kind = subtype.group(1) if subtype else b""
    if kind.startswith(b"CIDFont"):  # a Type0 font's descendant: the Type0 maps it
        return None
    font = _Font(composite=kind == b"Type0")
    if (to_unicode := _TO_UNICODE.search(body)) is not None:
        table = cmap(streams.get(int(to_unicode.group(1)), b""))
        if table is None:
            budget.refuse(f"a PDF font map of more than {_MAX_CODES} codes")
        font.cmap = table or {}
    encoding = _ENCODING.search(body)
    name = encoding.group(1) if encoding and encoding.group(1) else b""
    if font.composite and not font.cmap:
        font.codec = _predefined(name.decode("latin-1"))
        if font.codec is None:
            budget.refuse("a PDF font whose glyphs have no map back to letters (no ToUnicode)")
    elif not font.composite:
        where = body if encoding is None or encoding.group(2) is None else \
            found.get(int(encoding.group(2)), b"")
        if (d := _DIFFERENCES.search(where)) is not None:
            font.differences = differences(d.group(1))
        base = _BASE.search(where)
        named = base.group(1) if base else name  # (an encoding dictionary's base)
        font.base = SIMPLE.get(named, WIN_ANSI)
        # No encoding named: a Type 1 font's own, Adobe's standard one (PDF
        # 32000-1, 9.6.6.2) for all but the symbol fonts; a TrueType font's, as
        # viewers read it, windows-1252.
        font.implied = named not in SIMPLE
        if font.implied and kind in (b"Type1", b"MMType1") and not _SYMBOLIC.search(body):
            font.base = STANDARD
    return font


_BASE = re.compile(rb"/BaseEncoding\s*/(\w+)")
_SYMBOLIC = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?(?:Symbol|ZapfDingbats)\b")


def _predefined(name: str) -> str | None:
    """The Python codec of a predefined CMap that is a character encoding."""
    for part, codec in (("UCS2", "utf-16-be"), ("UTF16", "utf-16-be"), ("UTF8", "utf-8"),
                        ("RKSJ", "cp932"), ("GBK", "gbk"), ("GB-EUC", "gbk"), ("B5", "big5"),
                        ("KSC", "cp949"), ("UHC", "cp949"), ("EUC", "euc_jp")):
        if part in name and "Identity" not in name:
            return codec
    return None


_BF = re.compile(rb"begin(bfchar|bfrange)(.*?)endbf(?:char|range)", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[([^\]]*)\]")


_MAX_CODES = 1 << 17
"""Codes one ToUnicode map may give (a font has at most 65,536 glyphs): a map
with more is crafted to take the audit's time, and refuses the file."""


def cmap(data: bytes) -> dict[bytes, str] | None:
    """A ToUnicode CMap: each code (as its bytes) and the letters it shows (None
    for one past :data:`_MAX_CODES`)."""
    out: dict[bytes, str] = {}
    for kind, block in _BF.findall(data):
        items = _HEX.findall(block)
        step = 2 if kind == b"bfchar" else 3
        for group in zip(*(items[i::step] for i in range(step)), strict=False):
            if kind == b"bfchar":
                out[_hex(group[0][0])] = _utf16(_hex(group[1][0]))
                continue
            low, high, dst = _hex(group[0][0]), _hex(group[1][0]), group[2]
            start, end = int.from_bytes(low, "big"), int.from_bytes(high, "big")
            if not low or len(high) != len(low):  # not a range a reader maps
                continue
            if len(out) + end - start > _MAX_CODES:
                return None
            targets = [_utf16(_hex(h)) for h in re.findall(rb"<([0-9A-Fa-f\s]*)>", dst[1])] \
                if dst[1] else None
            first = _hex(dst[0])
            for i, code in enumerate(range(start, end + 1)):
                key = code.to_bytes(len(low), "big")
                if targets is not None:
                    if i < len(targets):
                        out[key] = targets[i]
                elif first:  # the last byte counts up (PDF 32000, 9.10.3)
                    out[key] = _utf16(first[:-1] + bytes([(first[-1] + i) & 0xFF]))
    return out


def _hex(digits: bytes) -> bytes:
    digits = re.sub(rb"\s", b"", digits)
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())


def _utf16(data: bytes) -> str:
    return data.decode("utf-16-be", "ignore")


def _mapped(raw: bytes, table: dict[bytes, str], width: int) -> str:
    """``raw`` read code by code through ``table``, the longest code first."""
    lengths = sorted({len(k) for k in table}, reverse=True) or [width]
    out: list[str] = []
    at = 0
    while at < len(raw):
        for n in lengths:
            if (hit := table.get(raw[at:at + n])) is not None:
                out.append(hit)
                at += n
                break
        else:
            at += width
    return "".join(out)
