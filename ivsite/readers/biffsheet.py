"""A legacy Excel workbook's rows (``.xls``, BIFF8) as Excel shows them.

As in an ``.xlsx`` (ivsite.readers.sheetcells), a BIFF8 workbook keeps its cells' text
once, in a shared string table (the ``SST`` record and its ``CONTINUE``
records) in the order it was typed, and each cell (``LABELSST``) points at it
by number: a list typed column by column keeps a name's two halves apart in the
file (red team 10, R10-16). :func:`biff_rows` reads the ``Workbook`` stream
(ivsite.readers.compound) and gives each sheet's rows, every cell resolved (a shared
string, or a ``LABEL``'s own text), in column order between spaces.
"""

from __future__ import annotations

import struct
from collections import defaultdict

_BOF, _SST, _CONTINUE, _LABELSST, _LABEL = 0x0809, 0x00FC, 0x003C, 0x00FD, 0x0204


class _Segments:
    """The SST record's data and its CONTINUE records', read across their edges;
    a string's characters that go on in the next record start with a new flags
    byte there (BIFF8's rule)."""

    def __init__(self, segments: list[bytes]) -> None:
        self.segments, self.i, self.at = segments, 0, 0

    def take(self, n: int) -> bytes:
        out = b""
        while len(out) < n:
            if self.i >= len(self.segments):
                raise ValueError("past the string table")
            seg = self.segments[self.i]
            piece = seg[self.at:self.at + n - len(out)]
            out += piece
            self.at += len(piece)
            if self.at >= len(seg):
                self.i, self.at = self.i + 1, 0
        return out

    def chars(self, count: int, wide: bool) -> str:
        text = ""
        while count:
            if self.i >= len(self.segments):
                raise ValueError("past the string table")
            if self.at == 0 and text:  # characters go on in a CONTINUE: a new flags byte
                wide = bool(self.take(1)[0] & 1)
            left = (len(self.segments[self.i]) - self.at) // (2 if wide else 1)
            n = min(count, max(left, 1))
            raw = self.take(n * (2 if wide else 1))
            text += raw.decode("utf-16-le" if wide else "latin-1", "replace")
            count -= n
        return text


def _strings(segments: list[bytes], most: int) -> list[str]:
    reader = _Segments(segments)
    _, unique = struct.unpack("<II", reader.take(8))
    out: list[str] = []
    size = 0
    for _ in range(min(unique, 1 << 20)):
        count, flags = struct.unpack("<HB", reader.take(3))
        runs = struct.unpack("<H", reader.take(2))[0] if flags & 0x08 else 0
        ext = struct.unpack("<I", reader.take(4))[0] if flags & 0x04 else 0
        out.append(reader.chars(count, bool(flags & 1)))
        reader.take(4 * runs + ext)
        size += count
        if size > most:
            raise ValueError("past the read's bound")
    return out


def _label(body: bytes) -> str:
    count, flags = struct.unpack("<HB", body[6:9])
    raw = body[9:]
    return raw[:count * 2].decode("utf-16-le", "replace") if flags & 1 else \
        raw[:count].decode("latin-1")


def biff_rows(workbook: bytes, most: int) -> str:
    """Each sheet's rows, one a line (ValueError where the records do not hold or
    the text would pass ``most`` characters)."""
    records: list[tuple[int, bytes]] = []
    at = 0
    while at + 4 <= len(workbook):
        kind, length = struct.unpack("<HH", workbook[at:at + 4])
        records.append((kind, workbook[at + 4:at + 4 + length]))
        at += 4 + length
    strings: list[str] = []
    for i, (kind, body) in enumerate(records):
        if kind == _SST:
            segments = [body]
            for k, b in records[i + 1:]:
                if k != _CONTINUE:
                    break
                segments.append(b)
            strings = _strings(segments, most)
            break
    sheet = 0
    cells: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)
    size = 0
    for kind, body in records:
        if kind == _BOF:
            sheet += 1
        elif kind in (_LABELSST, _LABEL) and len(body) >= 10:
            row, column = struct.unpack("<HH", body[:4])
            if kind == _LABELSST:
                index, = struct.unpack("<I", body[6:10])
                text = strings[index] if index < len(strings) else ""
            else:
                text = _label(body)
            cells[sheet, row].append((column, text))
            size += len(text) + 1
            if size > most:
                raise ValueError("past the read's bound")
    return "\n".join(" ".join(t for _, t in sorted(cells[key]) if t) for key in sorted(cells))
