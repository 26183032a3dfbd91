"""A PDF stream's predictor undone: the rows of a ``/FlateDecode`` or
``/LZWDecode`` stream that a writer made smaller to compress by storing each byte
as its difference from its neighbours (TIFF predictor 2, PNG predictors 10 to
15). Read without this, a predicted content stream is noise where a viewer shows
the page's text (red team 10, R10-09). Used by ivsite.readers.pdf.filters, which refuses
the file for a predictor this module does not undo (a ValueError).
"""

from __future__ import annotations

from itertools import accumulate


def undone(data: bytes, predictor: int, colors: int, bits: int, columns: int) -> bytes:
    """``data`` with its predictor undone (PDF 32000-1, 7.4.4.4); ValueError for
    one the audit does not undo."""
    if not 1 <= colors <= 32 or bits not in (1, 2, 4, 8, 16) or not 1 <= columns <= 1 << 24:
        raise ValueError("predictor parameters out of range")
    row = (colors * bits * columns + 7) // 8
    step = max(1, colors * bits // 8)
    if predictor == 2:
        if bits != 8:
            raise ValueError("a TIFF predictor of other than 8 bits a component")
        return b"".join(_sub(data[at:at + row], step) for at in range(0, len(data), row))
    if not 10 <= predictor <= 15:
        raise ValueError(f"/Predictor {predictor}")
    return _png(data, row, step)


def _png(data: bytes, row: int, step: int) -> bytes:
    out: list[bytes] = []
    previous = bytes(row)
    for at in range(0, len(data), row + 1):
        kind, line = data[at], data[at + 1:at + 1 + row]
        line += bytes(row - len(line)) if len(line) < row else b""
        if kind == 0:
            current = line
        elif kind == 1:
            current = _sub(line, step)
        elif kind == 2:
            current = _up(line, previous)
        elif kind in (3, 4):
            current = _average_or_paeth(line, previous, step, kind == 4)
        else:
            raise ValueError(f"a PNG predictor row of type {kind}")
        out.append(current)
        previous = current
    return b"".join(out)


def _sub(line: bytes, step: int) -> bytes:
    """Each byte plus the one ``step`` before it, already undone (sums per lane)."""
    result = bytearray(len(line))
    for lane in range(step):
        result[lane::step] = bytes(b & 0xFF for b in accumulate(line[lane::step]))
    return bytes(result)


def _up(line: bytes, previous: bytes) -> bytes:
    """Each byte plus the one above it, modulo 256, all at once (no carry between bytes)."""
    n = len(line)
    low = int.from_bytes(b"\x7f" * n, "big")
    a, b = int.from_bytes(line, "big"), int.from_bytes(previous, "big")
    return (((a & low) + (b & low)) ^ ((a ^ b) & ~low & ((1 << 8 * n) - 1))).to_bytes(n, "big")


def _average_or_paeth(line: bytes, previous: bytes, step: int, paeth: bool) -> bytes:
    out = bytearray(line)
    for i in range(len(out)):
        left = out[i - step] if i >= step else 0
        up = previous[i]
        if paeth:
            corner = previous[i - step] if i >= step else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
        else:
            guess = (left + up) >> 1
        out[i] = (out[i] + guess) & 0xFF
    return bytes(out)
