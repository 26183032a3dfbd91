"""A spreadsheet's rows as a spreadsheet program shows them: what the audit reads
of an attached ``.xlsx`` (or ``.xlsm``, ``.xltx``: SpreadsheetML in a ZIP).

Excel keeps a cell's text once, in the shared strings part
(``xl/sharedStrings.xml``), in the order it was first typed, and the sheet's
cells point at it by number. A contact list typed column by column (all first
names, then all family names) keeps the two halves of each name apart in the
file, while the reader sees the row ``Quentin | Zabrowski`` (red team 10,
R10-16). :func:`sheet_rows` gives each worksheet's rows with every cell resolved
(a shared string by its number, an inline string, a formula's cached text or a
number), the cells of a row in column order and between spaces, one row a line;
:func:`binary_rows` does the same for Excel's binary workbook (``.xlsb``), whose
parts hold the same shared strings and cells in BIFF12 records. (A legacy
``.xls``: ivsite.readers.biffsheet.)

An OpenDocument sheet (``.ods``) writes its cells' text in place, row by row, and
is read as markup already (ivsite.readers.packed); a CSV is text.
"""

from __future__ import annotations

import html
import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .charsets import xml_text

if TYPE_CHECKING:
    from .packed import Budget, Part

_SST = re.compile(rb"<(?:\w+:)?sst\b")
_SHEET = re.compile(rb"<(?:\w+:)?sheetData\b")
_REF = re.compile(r"""\br\s*=\s*["']\$?([A-Za-z]{1,3})\$?\d""")
_TYPE = re.compile(r"""\bt\s*=\s*["'](\w+)["']""")
_TAG = re.compile(r"<[^>]*>")


def _elements(xml: str, tag: str) -> list[tuple[str, str]]:
    """Each ``tag`` element's attributes and content (up to its end tag, or the
    next such element): the text is split where each starts, so a part of many
    elements left open is read in one pass, never searched again from each."""
    pieces = re.split(rf"<(?:\w+:)?{tag}(?=[\s/>])", xml)[1:]
    end = re.compile(rf"</(?:\w+:)?{tag}\s*>")
    out = []
    for piece in pieces:
        attributes, _, rest = piece.partition(">")
        if attributes.endswith("/"):
            rest = ""
        elif m := end.search(rest):
            rest = rest[:m.start()]
        out.append((attributes, rest))
    return out


def sheet_rows(parts: list[Part], budget: Budget) -> list[Part]:
    """For each worksheet among a ZIP's ``parts``, its rows as read (see the
    module): one part named after the sheet, with ``.rows.txt`` added. The rows
    are within the budget (a sheet of many cells pointing at one long string would
    be a decompression bomb of its own); past it, the archive is refused."""
    strings = [s for _, body in parts if _SST.search(body[:4096]) for s in _shared(body)]
    found: list[Part] = []
    for name, body in parts:
        if b"sheetData" in body and _SHEET.search(body):
            rows = _rows(body, strings, budget.left)
            if rows is None:
                budget.refuse(f"a spreadsheet whose cells read past the {budget.limit >> 20} MB "
                              "read of one file")
                return found
            budget.take(len(rows))
            found.append((PurePosixPath(f"{name}.rows.txt"), rows.encode()))
    return found


def _text(xml: str) -> str:
    """The text of a string item: its ``<t>`` runs joined (a rich text's runs are
    one word on screen: "Quen" "tin"; a phonetic guide's follow)."""
    return html.unescape("".join(_TAG.sub("", t) for _, t in _elements(xml, "t")))


def _shared(body: bytes) -> list[str]:
    return [_text(inner) for _, inner in _elements(xml_text(body), "si")]


def _column(ref: str) -> int:
    n = 0
    for letter in ref.upper():
        n = n * 26 + ord(letter) - 64
    return n


def _cell(attributes: str, inner: str, strings: list[str]) -> str:
    kind = m.group(1) if (m := _TYPE.search(attributes)) else "n"
    if kind == "inlineStr":
        return _text(inner)
    values = _elements(inner, "v")
    value = html.unescape(_TAG.sub("", values[0][1])) if values else ""
    if kind == "s":
        index = value.strip()
        return strings[int(index)] if index.isdigit() and int(index) < len(strings) else ""
    return value


def _rows(body: bytes, strings: list[str], most: int) -> str | None:
    """A sheet's rows, each cell's text in column order (a cell with no column
    reference after the one before it), between spaces; None past ``most``
    characters."""
    lines = []
    size = 0
    for _, row in _elements(xml_text(body), "row"):
        cells: list[tuple[int, str]] = []
        for attributes, inner in _elements(row, "c"):
            ref = _REF.search(attributes)
            column = _column(ref.group(1)) if ref else (cells[-1][0] + 1 if cells else 1)
            cells.append((column, _cell(attributes, inner, strings)))
            size += len(cells[-1][1]) + 1
            if size > most:
                return None
        lines.append(" ".join(text for _, text in sorted(cells, key=lambda c: c[0]) if text))
    return "\n".join(lines)


# Excel's binary workbook (.xlsb): the same shared strings, in BIFF12 records.
_SST_ITEM, _ROW_HEADER, _CELL_SST, _CELL_STRING = 19, 0, 7, 6


def _records(body: bytes) -> list[tuple[int, bytes]]:
    """A BIFF12 part's records: a type and a size, each a little-endian 7-bit
    varint (at most 2 and 4 bytes), then the data."""
    out: list[tuple[int, bytes]] = []
    at = 0
    while at < len(body):
        values = []
        for most in (2, 4):
            value = shift = 0
            for _ in range(most):
                if at >= len(body):
                    return out
                byte = body[at]
                at += 1
                value |= (byte & 0x7F) << shift
                shift += 7
                if not byte & 0x80:
                    break
            values.append(value)
        kind, size = values
        out.append((kind, body[at:at + size]))
        at += size
    return out


def _wide(data: bytes, at: int) -> str:
    """An XLWideString at ``at``: a 32-bit count of UTF-16 characters, then them."""
    count = int.from_bytes(data[at:at + 4], "little")
    return data[at + 4:at + 4 + 2 * count].decode("utf-16-le", "replace")


def binary_rows(parts: list[Part], budget: Budget) -> list[Part]:
    """As :func:`sheet_rows`, for an .xlsb's ``xl/sharedStrings.bin`` and
    ``xl/worksheets/*.bin``."""
    strings = [_wide(d, 1) for name, body in parts if name.name == "sharedStrings.bin"
               for kind, d in _records(body) if kind == _SST_ITEM]
    found: list[Part] = []
    for name, body in parts:
        if not (name.suffix == ".bin" and "worksheets" in name.parts):
            continue
        lines: list[list[tuple[int, str]]] = []
        size = 0
        for kind, d in _records(body):
            if kind == _ROW_HEADER:
                lines.append([])
            elif kind in (_CELL_SST, _CELL_STRING) and len(d) >= 12:
                column = int.from_bytes(d[:4], "little")
                if kind == _CELL_SST:
                    index = int.from_bytes(d[8:12], "little")
                    text = strings[index] if index < len(strings) else ""
                else:
                    text = _wide(d, 8)
                if not lines:
                    lines.append([])
                lines[-1].append((column, text))
                size += len(text) + 1
                if size > budget.left:
                    budget.refuse(f"a spreadsheet whose cells read past the "
                                  f"{budget.limit >> 20} MB read of one file")
                    return found
        rows = "\n".join(" ".join(t for _, t in sorted(line) if t) for line in lines)
        budget.take(len(rows))
        found.append((PurePosixPath(f"{name}.rows.txt"), rows.encode()))
    return found
