"""A PDF stream decoded as its dictionary says, the way a viewer decodes it.

A stream names its filters (``/Filter /FlateDecode`` or an array of them, applied
in order) and their parameters (``/DecodeParms``). Guessing is not enough: a
stream whose rows are PNG-predicted (``/DecodeParms << /Predictor 12 /Columns 8
>>``, which every cross-reference stream and some writers' page content use)
inflates to noise, while every viewer undoes the predictor and shows the name on
the page (red team 10, R10-09).

Here every filter a viewer applies to text is undone: ``ASCIIHexDecode``,
``ASCII85Decode``, ``FlateDecode``, ``LZWDecode`` (with either predictor: TIFF 2
and the PNG ones, 10 to 15), ``RunLengthDecode``, and ``Crypt`` with the
``Identity`` filter. A picture's codec (``DCTDecode``, ``JPXDecode``,
``JBIG2Decode``, ``CCITTFaxDecode``) holds pixels, which the audit does not read
in any file (see the README). Any other filter, predictor or parameter the audit
cannot read (an unknown name, a parameter given by a reference that is not found,
a PNG row of an unknown type) refuses the file (``Budget.refuse``): what a stream
holds is never published unread, fail closed.

A stream that does not decode whole (corrupt deflate data) is read as far as it
decodes: no viewer can show more of it.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from .objects import string_end
from .predictors import undone

if TYPE_CHECKING:
    from ..packed import Budget

Resolve = Callable[[int], "bytes | None"]
"""An indirect object's syntax by its number (None when not found)."""

_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_ABBREVIATIONS = {b"AHx": b"ASCIIHexDecode", b"A85": b"ASCII85Decode", b"LZW": b"LZWDecode",
                  b"Fl": b"FlateDecode", b"RL": b"RunLengthDecode", b"CCF": b"CCITTFaxDecode",
                  b"DCT": b"DCTDecode"}
PICTURES = frozenset({b"DCTDecode", b"JPXDecode", b"JBIG2Decode", b"CCITTFaxDecode"})
_REF = re.compile(rb"\s*(\d+)\s+\d+\s+R")
_NAME = re.compile(rb"/([^\s/<>\[\]()%]+)")


class Unread(Exception):
    """A stream the audit cannot decode: why, for the refusal."""


def unescaped(syntax: bytes) -> bytes:
    """PDF names read as a viewer reads them (``/Fl#61teDecode`` is ``/FlateDecode``)."""
    return _NAME_ESCAPE.sub(lambda e: bytes([int(e.group(1), 16)]), syntax)


def decoded(dictionary: bytes, data: bytes, budget: Budget, resolve: Resolve) -> bytes | None:
    """``data`` decoded by the filters ``dictionary`` names (None for a picture's
    pixels); a stream the audit cannot decode refuses the file in ``budget``."""
    dictionary = unescaped(dictionary)
    try:
        filters = [_ABBREVIATIONS.get(f, f) for f in _names(_value(dictionary, b"Filter", resolve))]
        params = _params(_value(dictionary, b"DecodeParms", resolve), len(filters), resolve)
        for name, param in zip(filters, params, strict=True):
            if name in PICTURES:
                return None
            data = _apply(name, param, data, budget)
    except Unread as why:
        budget.refuse(f"a PDF stream the audit cannot decode ({why})")
        return None
    return data


def _apply(name: bytes, param: bytes, data: bytes, budget: Budget) -> bytes:
    if name == b"ASCIIHexDecode":
        digits = re.sub(rb"\s", b"", data.split(b">", 1)[0])
        if re.search(rb"[^0-9A-Fa-f]", digits):
            raise Unread("hex digits that are not hex")
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
    if name == b"ASCII85Decode":
        text = re.sub(rb"\s", b"", data).removeprefix(b"<~").split(b"~>", 1)[0]
        try:
            return base64.a85decode(text)
        except ValueError as e:
            raise Unread("ASCII85 that does not decode") from e
    if name == b"FlateDecode":
        return _predicted(_inflated(data, budget), param, budget)
    if name == b"LZWDecode":
        early = _integer(param, b"EarlyChange", 1)
        return _predicted(_lzw(data, early, budget), param, budget)
    if name == b"RunLengthDecode":
        return _run_length(data, budget)
    if name == b"Crypt" and (_value(param, b"Name", None) or b"/Identity") == b"/Identity":
        return data  # the Identity crypt filter: as it is
    raise Unread(f"/{name.decode('latin-1')}")


def _value(dictionary: bytes, key: bytes, resolve: Resolve | None) -> bytes | None:
    """The value of ``key`` in a dictionary (its first occurrence), an indirect
    one resolved: a name, an array, a dictionary, a number; None when absent."""
    end = _top_level(dictionary, key)
    if end is None:
        return None
    rest = dictionary[end:]
    if (ref := _REF.match(rest)) is not None:
        if resolve is None or (target := resolve(int(ref.group(1)))) is None:
            raise Unread(f"/{key.decode()} given by a reference not found")
        return target.strip()
    rest = rest.lstrip()
    if rest[:2] == b"<<":
        return balanced(rest, b"<<", b">>")
    if rest[:1] == b"[":
        return balanced(rest, b"[", b"]")
    token = re.match(rb"/?[^\s/<>\[\]()%]*", rest)
    return token.group(0) if token else b""


_SYNTAX = re.compile(rb"<<|>>|[(<]|/[^\s/<>\[\]()%]*")


def _top_level(dictionary: bytes, key: bytes) -> int | None:
    """Where the value of ``key`` starts among a dictionary's own entries (not a
    dictionary's inside it, nor a string's text): the first dictionary opened
    in ``dictionary`` is the one read; None when it has no such key."""
    depth, at = 0, 0
    while (m := _SYNTAX.search(dictionary, at)) is not None:
        token, at = m.group(0), m.end()
        if token in (b"<<", b">>"):
            depth += 1 if token == b"<<" else -1
            if depth < 0 or (depth == 0 and token == b">>"):
                return None
        elif token in (b"(", b"<"):
            at = string_end(dictionary, m.start())
        elif depth <= 1 and token == b"/" + key:
            return at
    return None


def balanced(text: bytes, opening: bytes, closing: bytes) -> bytes:
    depth = 0
    for m in re.finditer(re.escape(opening) + b"|" + re.escape(closing), text):
        depth += 1 if m.group(0) == opening else -1
        if depth == 0:
            return text[:m.end()]
    raise Unread("a dictionary or array that does not end")


def _names(value: bytes | None) -> list[bytes]:
    if value is None or value == b"null":
        return []
    names = _NAME.findall(value)
    if re.sub(rb"/[^\s/<>\[\]()%]+|[\s\[\]]", b"", value) or not (names or value[:1] == b"["):
        raise Unread("a /Filter that is not names")
    return names  # (an empty array: no filter)


def _params(value: bytes | None, count: int, resolve: Resolve) -> list[bytes]:
    if value is None or value == b"null":
        return [b""] * count
    if value[:1] != b"[":
        return [value] + [b""] * (count - 1)
    items: list[bytes] = []
    inner = value[1:-1]
    at = 0
    while (m := re.compile(rb"\s*(<<|null|\d+\s+\d+\s+R)").match(inner, at)) is not None:
        if m.group(1) == b"<<":
            item = balanced(inner[m.start(1):], b"<<", b">>")
            at = m.start(1) + len(item)
        else:
            item = b"" if m.group(1) == b"null" else \
                _value(b"/P " + m.group(1), b"P", resolve) or b""
            at = m.end()
        items.append(item)
    if inner[at:].strip():
        raise Unread("/DecodeParms that are not dictionaries")
    return (items + [b""] * count)[:count]


def _integer(param: bytes, key: bytes, default: int) -> int:
    value = _value(param, key, None) if param else None
    if value is None:
        return default
    if not re.fullmatch(rb"\d+", value):
        raise Unread(f"/{key.decode()} that is not a number")
    return int(value)


def _inflated(data: bytes, budget: Budget) -> bytes:
    """As much of a zlib stream as decodes (a viewer shows no more), within the budget."""
    d = zlib.decompressobj()
    out = bytearray()
    for at in range(0, len(data), 1 << 16):
        chunk = data[at:at + (1 << 16)]
        try:
            out += d.decompress(chunk, budget.left + 1 - len(out))
        except zlib.error:  # read up to the damage
            return _prefix(data, budget)
        if len(out) > budget.left or d.unconsumed_tail:
            raise Unread(f"a part larger than the {budget.limit >> 20} MB read of one file")
        if d.eof:
            break
    budget.take(len(out))
    return bytes(out)


def _prefix(data: bytes, budget: Budget) -> bytes:
    """What a damaged zlib stream gives before the damage: the longest prefix
    that decompresses without an error (found by halving)."""
    low, high = 0, len(data)
    while low < high:
        middle = (low + high + 1) // 2
        try:
            zlib.decompressobj().decompress(data[:middle], budget.left + 1)
            low = middle
        except zlib.error:
            high = middle - 1
    out = zlib.decompressobj().decompress(data[:low], budget.left + 1)
    if len(out) > budget.left:
        raise Unread(f"a part larger than the {budget.limit >> 20} MB read of one file")
    budget.take(len(out))
    return out


def _lzw(data: bytes, early: int, budget: Budget) -> bytes:
    out = bytearray()
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    width, buffer, bits, previous = 9, 0, 0, b""
    for byte in data:
        buffer, bits = (buffer << 8) | byte, bits + 8
        while bits >= width:
            bits -= width
            code = (buffer >> bits) & ((1 << width) - 1)
            if code == 256:
                table, width, previous = table[:258], 9, b""
                continue
            if code == 257:
                return _taken(out, budget)
            if code < len(table):
                entry = table[code]
                if previous:
                    table.append(previous + entry[:1])
            elif previous and code == len(table):
                entry = previous + previous[:1]
                table.append(entry)
            else:
                raise Unread("LZW codes that are not in its table")
            out += entry
            previous = entry
            if len(out) > budget.left:
                raise Unread(f"a part larger than the {budget.limit >> 20} MB read of one file")
            width = min(12, max(9, (len(table) + early).bit_length()))
    return _taken(out, budget)


def _run_length(data: bytes, budget: Budget) -> bytes:
    out = bytearray()
    at = 0
    while at < len(data) and data[at] != 128:
        n = data[at]
        if n < 128:
            out += data[at + 1:at + 2 + n]
            at += 2 + n
        else:
            out += data[at + 1:at + 2] * (257 - n)
            at += 2
        if len(out) > budget.left:
            raise Unread(f"a part larger than the {budget.limit >> 20} MB read of one file")
    return _taken(out, budget)


def _taken(out: bytearray, budget: Budget) -> bytes:
    budget.take(len(out))
    return bytes(out)


def _predicted(data: bytes, param: bytes, budget: Budget) -> bytes:
    """``data`` with the predictor its parameters name undone (ivsite.readers.pdf.predictors)."""
    predictor = _integer(param, b"Predictor", 1)
    if predictor == 1:
        return data
    try:
        return undone(data, predictor, _integer(param, b"Colors", 1),
                      _integer(param, b"BitsPerComponent", 8), _integer(param, b"Columns", 1))
    except ValueError as why:
        raise Unread(str(why)) from why
