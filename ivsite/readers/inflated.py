"""Compressed parts inside fonts, sound files, colour profiles and icons (red team
12, R12-07), for ivsite.readers.packed.

The audit reads a binary file as text runs, which a zlib stream hides: a WOFF
font compresses each table (its ``name`` table holds the designer and a
description: a typeface an interviewee drew for a student), an MP3's ID3 tag may
compress a frame (a comment), a PNG's colour profile (``iCCP``) is compressed and
holds a description, and a Windows icon (or any container) may hold a whole PNG,
whose text chunks are compressed. Each is given here as a part of its own, read
within the file's decompression budget (:class:`ivsite.readers.packed.Budget`):

- a WOFF 1.0 font: every table inflated, and its ``name`` table's strings as text;
  a WOFF2 font's tables are Brotli-compressed, which ivsite does not read: it is
  refused as not read whole (fail closed);
- an ID3v2.3/2.4 tag (at the start of a file or anywhere in it): each compressed
  frame inflated;
- an ICC profile: its description, copyright and other text tags as text;
- a PNG that stands at an offset in another file: read as a PNG (by the caller's
  reader, ivsite.readers.packed).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .packed import Budget

Part = tuple[PurePosixPath, bytes]
_PNG = b"\x89PNG\r\n\x1a\n"
_MAX_FOUND = 64
"""Embedded PNGs and ID3 tags read, at most, in one file (a crafted file may hold
thousands; one past this is refused, never skipped)."""


def inner_parts(data: bytes, budget: Budget,
                png: Callable[[bytes, Budget], list[Part]]) -> list[Part]:
    """The compressed parts of a font, a sound file or a container of PNGs (see the
    module's docstring); ``png`` reads a PNG's chunks."""
    parts: list[Part] = []
    if data[:4] == b"wOFF":
        parts += _woff(data, budget)
    elif data[:4] == b"wOF2":
        budget.refuse("a WOFF2 font, whose Brotli-compressed tables ivsite cannot read")
    tags = [at for at in _each(data, b"ID3") if _id3_head(data[at:at + 10])]
    for n, at in enumerate(tags):
        if n >= _MAX_FOUND:
            budget.refuse(f"more than {_MAX_FOUND} ID3 tags")
            break
        parts += _id3(data, at, budget)
    for n, at in enumerate(_each(data, _PNG, start=1)):
        if n >= _MAX_FOUND:
            budget.refuse(f"more than {_MAX_FOUND} embedded PNG pictures")
            break
        parts += png(data[at:], budget)
    return parts


def _each(data: bytes, magic: bytes, start: int = 0) -> list[int]:
    found: list[int] = []
    at = data.find(magic, start)
    while at >= 0 and len(found) <= 16 * _MAX_FOUND:
        found.append(at)
        at = data.find(magic, at + 1)
    return found


def _id3_head(head: bytes) -> bool:
    """Whether ten bytes open an ID3v2.3/2.4 tag (a version, a syncsafe size)."""
    return len(head) == 10 and head[3] in (3, 4) and not any(b & 0x80 for b in head[6:10])


def _woff(data: bytes, budget: Budget) -> list[Part]:
    parts: list[Part] = []
    if len(data) < 44:
        return parts
    count = struct.unpack(">H", data[12:14])[0]
    for i in range(count):
        entry = data[44 + 20 * i:64 + 20 * i]
        if len(entry) < 20:
            budget.refuse("a WOFF font whose table directory is cut short")
            break
        tag, offset, length, original, _ = struct.unpack(">4sIIII", entry)
        body = data[offset:offset + length]
        table = budget.inflate(body) if length < original else body
        if length < original and len(table) != original and not budget.refused:
            budget.refuse(f"a WOFF font table ({tag!r}) that does not inflate")
        parts.append((PurePosixPath(f"{tag.decode('latin-1').strip()}.table"), table))
        if tag == b"name":
            parts.append((PurePosixPath("name.txt"), name_strings(table).encode()))
    return parts


def name_strings(table: bytes) -> str:
    """A font's ``name`` table's strings: UTF-16BE for the Unicode and Windows
    platforms, Mac Roman for the Macintosh one."""
    if len(table) < 6:
        return ""
    count, storage = struct.unpack(">HH", table[2:6])
    out = []
    for i in range(count):
        record = table[6 + 12 * i:18 + 12 * i]
        if len(record) < 12:
            break
        platform, _, _, _, length, offset = struct.unpack(">HHHHHH", record)
        raw = table[storage + offset:storage + offset + length]
        out.append(raw.decode("mac-roman" if platform == 1 else "utf-16-be", "replace"))
    return "\n".join(out)


def _id3(data: bytes, at: int, budget: Budget) -> list[Part]:
    """The compressed frames of an ID3v2.3/2.4 tag, inflated."""
    head = data[at:at + 10]
    version = head[3]
    end = at + 10 + _syncsafe(head[6:10])
    parts: list[Part] = []
    pos = at + 10
    while pos + 10 <= min(end, len(data)):
        frame, size_bytes, flags = data[pos:pos + 4], data[pos + 4:pos + 8], data[pos + 8:pos + 10]
        if not frame.strip(b"\0"):
            break
        size = _syncsafe(size_bytes) if version == 4 else struct.unpack(">I", size_bytes)[0]
        body = data[pos + 10:pos + 10 + size]
        pos += 10 + size
        low = flags[1]
        compressed = low & (0x80 if version == 3 else 0x08)
        if not compressed:
            continue
        # v2.3: the size before compression, 4 bytes; v2.4: a data length indicator.
        skip = 4 if version == 3 or low & 0x01 else 0
        parts.append((PurePosixPath(f"{frame.decode('latin-1')}.frame"),
                      budget.inflate(body[skip:])))
    return parts


def _syncsafe(four: bytes) -> int:
    return (four[0] << 21) | (four[1] << 14) | (four[2] << 7) | four[3]


def icc_text(profile: bytes) -> bytes:
    """An ICC profile's text tags (``desc``, ``mluc``, ``text``) as UTF-8 lines."""
    if len(profile) < 132:
        return b""
    count = struct.unpack(">I", profile[128:132])[0]
    out: list[str] = []
    for i in range(min(count, 256)):
        entry = profile[132 + 12 * i:144 + 12 * i]
        if len(entry) < 12:
            break
        _, offset, size = struct.unpack(">4sII", entry)
        body = profile[offset:offset + size]
        kind = body[:4]
        if kind == b"desc" and len(body) >= 12:
            n = struct.unpack(">I", body[8:12])[0]
            out.append(body[12:12 + n].decode("latin-1").rstrip("\0"))
        elif kind == b"text":
            out.append(body[8:].decode("latin-1").rstrip("\0"))
        elif kind == b"mluc" and len(body) >= 16:
            records, width = struct.unpack(">II", body[8:16])
            for r in range(min(records, 256)):
                rec = body[16 + width * r:16 + width * r + 12]
                if len(rec) < 12:
                    break
                length, where = struct.unpack(">II", rec[4:12])
                out.append(body[where:where + length].decode("utf-16-be", "replace"))
    return "\n".join(out).encode()
