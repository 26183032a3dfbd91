"""The streams of an OLE2 compound file (``.xls``, ``.doc``, ``.ppt``, ``.msg``):
what the audit reads of such a file besides its bytes.

A compound file is a small file system: each stream is a chain of sectors
(512 or 4096 bytes, or 64-byte mini sectors for small streams) that need not
lie in order or side by side. Read as bytes, a stream whose sectors are out of
order splits its text at a sector's edge ("Quen" … "tin"); read as a file's
streams, each is whole. :func:`streams` gives each stream by its name (so the
legacy Excel reader, ivsite.readers.biffsheet, finds its ``Workbook``).

A file that is not a compound file, or whose tables do not hold, gives nothing
here (its bytes are read as they are, as before); what is read is bounded by
the file's own size for each stream (a chain that loops is cut at as many sectors
as the file has) and by the read's budget for all.
"""

from __future__ import annotations

import struct
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .biffsheet import biff_rows

if TYPE_CHECKING:
    from .packed import Budget, Part

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_MAX_STREAMS = 4096


def compound_parts(data: bytes, budget: Budget) -> list[Part]:
    """An OLE2 compound file's streams, each whole (:func:`streams`), and a legacy
    Excel workbook's rows with its shared strings resolved (ivsite.readers.biffsheet); a
    workbook whose records do not read is refused."""
    try:
        found = streams(data, budget.left)
    except TooLarge:
        budget.refuse(f"a compound file's streams larger than the {budget.limit >> 20} MB "
                      "read of one file")
        return []
    parts: list[Part] = []
    for name, body in found:
        budget.take(len(body))
        parts.append((PurePosixPath(name.replace("/", "_") or "stream"), body))
        if name in ("Workbook", "Book"):
            try:
                rows = biff_rows(body, budget.left)
            except (ValueError, struct.error, UnicodeDecodeError):
                budget.refuse("a legacy Excel workbook whose records cannot be read")
                continue
            budget.take(len(rows))
            parts.append((PurePosixPath(f"{name}.rows.txt"), rows.encode()))
    return parts


class _Broken(Exception):
    """A table that does not hold: the file is read as bytes alone."""


class TooLarge(Exception):
    """The streams, all together, are past the bound they are read within."""


def streams(data: bytes, most: int) -> list[tuple[str, bytes]]:
    """Each stream of a compound file, by name (none for any other file).
    :class:`TooLarge` past ``most`` bytes, all streams together (many directory
    entries may name one long chain)."""
    if not data.startswith(MAGIC) or len(data) < 512:
        return []
    try:
        return _streams(data, most)
    except (_Broken, struct.error, IndexError, ValueError):
        return []


def _streams(data: bytes, most: int) -> list[tuple[str, bytes]]:
    shift, mini_shift = struct.unpack("<HH", data[30:34])
    if shift not in (9, 12) or mini_shift != 6:
        raise _Broken
    size = 1 << shift
    first_dir, = struct.unpack("<I", data[48:52])
    cutoff, first_mini_fat, _, first_difat, difat_count = struct.unpack("<IIIII", data[56:76])
    sectors = (len(data) - size) // size + 1

    def sector(n: int) -> bytes:
        if n >= sectors:
            raise _Broken
        return data[size + n * size:size + (n + 1) * size]

    fat_sectors = [s for s in struct.unpack("<109I", data[76:512]) if s < _FREE - 1]
    at, seen = first_difat, 0
    while at < _FREE - 1 and seen < difat_count and seen <= sectors:
        block = struct.unpack(f"<{size // 4}I", sector(at))
        fat_sectors += [s for s in block[:-1] if s < _FREE - 1]
        at, seen = block[-1], seen + 1
    fat = [n for s in fat_sectors[:sectors] for n in struct.unpack(f"<{size // 4}I", sector(s))]

    def chain(start: int, table: list[int], limit: int) -> list[int]:
        out: list[int] = []
        while start not in (_END, _FREE) and len(out) <= limit:
            if start >= len(table):
                raise _Broken
            out.append(start)
            start = table[start]
        return out

    def read(start: int) -> bytes:
        return b"".join(sector(s) for s in chain(start, fat, sectors))

    directory = read(first_dir)
    entries = [directory[i:i + 128] for i in range(0, len(directory) - 127, 128)]
    entries = entries[:_MAX_STREAMS]
    if not entries:
        raise _Broken
    root_start, = struct.unpack("<I", entries[0][116:120])
    ministream = read(root_start)
    minifat_bytes = read(first_mini_fat) if first_mini_fat < _FREE - 1 else b""
    minifat = list(struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes))
    found: list[tuple[str, bytes]] = []
    for e in entries[1:]:
        name_len, kind = struct.unpack("<HB", e[64:67])
        if kind != 2:  # a stream (1: a storage, 5: the root)
            continue
        name = e[:max(0, min(name_len, 64) - 2)].decode("utf-16-le", "replace")
        start, length = struct.unpack("<II", e[116:124])
        if length < cutoff:
            body = b"".join(ministream[s * 64:(s + 1) * 64]
                            for s in chain(start, minifat, len(ministream) // 64))
        else:
            body = read(start)
        found.append((name, body[:length]))
        most -= min(length, len(body))
        if most < 0:
            raise TooLarge
    return found
