"""A PDF page's text in the order a viewer places it, not the order it is written.

A content stream may draw one line from pieces written in any order, each put in
its place by the text position operators (``Td``, ``TD``, ``Tm``, ``T*``) or the
transformation matrix (``cm``): ``(Zabrowski.)`` at x 250, then ``(Notes from my
chat with)`` at 72, then ``(Quentin)`` at 204.5 shows "Notes from my chat with
Quentin Zabrowski." on the page, which design tools and some converters write.
Read in stream order, the name's two words stand apart (red team 10, R10-26), as
in SVG text placed out of order (red team 4).

:func:`readings` follows where each shown string is put (the text and line
matrices, the transformation matrix with ``q``/``Q``) and gives the page's text
line by line: pieces on one baseline (within half their height) from left to
right, lines from top to bottom, once with a space between pieces and once glued
(a word drawn in two pieces). Where a piece ends is not known without the font's
widths, so a piece shown after another without a new position is kept after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .fonts import STRING, raw_string

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_TOKEN = re.compile(rb"(?P<string>" + STRING.pattern + rb")|(?P<inline>\bBI\b.*?\bID\s.*?\bEI\b)"
                    rb"|(?P<number>[-+]?(?:\d+\.?\d*|\.\d+))|(?P<name>/[^\s/<>\[\]()%{}]*)"
                    rb"|(?P<open>\[)|(?P<close>\])|(?P<op>[A-Za-z'\"*]+\d?)|%[^\r\n]*", re.S)
_STRING_ONLY = re.compile(STRING.pattern, re.S)
MAX_PIECES = 200_000
"""Pieces placed per content stream, at most (the rest are read in stream order)."""

Piece = tuple[float, float, int, float, str]
Forms = Callable[[bytes], "tuple[bytes, Matrix] | None"]
_FORMS_DRAWN = 256
"""Forms drawn into one page's placed text, at most, nested or not (a form that
draws itself ends there; the text of any form is read in stream order as well)."""
Show = Callable[[bytes | None, bytes], str]
"""The letters a string shows in a font (by its resource name)."""


def _times(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def _matrix(values: list[float]) -> Matrix:
    a, b, c, d, e, f = values
    return (a, b, c, d, e, f)


def readings(content: bytes, show: Show, forms: Forms | None = None) -> list[str]:
    """The page text of ``content`` line by line as placed: spaced and glued.
    ``forms``: a form XObject's content and matrix by its resource name, drawn
    where ``Do`` draws it (text in a form placed among the page's own)."""
    pieces: list[Piece] = []
    drawn = _pieces(content, show, forms, _IDENTITY, pieces, [_FORMS_DRAWN])
    if len(pieces) < 2:
        return []
    lines: list[list[tuple[float, int, str]]] = []
    last_y, last_height = None, 0.0
    for y, x, order, height, text in sorted(pieces, key=lambda p: (-p[0], p[1], p[2])):
        if last_y is None or last_y - y > max(0.5 * max(height, last_height), 0.01):
            lines.append([])
            last_y, last_height = y, height
        lines[-1].append((x, order, text))
    ordered_lines = [sorted(line) for line in lines]
    orders = [order for line in ordered_lines for _, order, _ in line]
    if not drawn and orders == sorted(orders):  # as written: stream order reads it
        return []
    ordered = [[t for _, _, t in line] for line in ordered_lines]
    return ["\n".join(" ".join(line) for line in ordered),
            "\n".join("".join(line) for line in ordered)]


def _pieces(content: bytes, show: Show, forms: Forms | None, ctm: Matrix, out: list[Piece],
            draws: list[int]) -> bool:
    """Put each string shown into ``out``: its baseline y, its x, its place in
    the stream, its height on the page, and its letters; whether a form was drawn."""
    stack = list[Matrix]()
    drawn = False
    tm = tlm = _IDENTITY
    font: bytes | None = None
    size = leading = 0.0
    operands: list[bytes | list[bytes]] = []
    array: list[bytes] | None = None

    def number(i: int, default: float = 0.0) -> float:
        try:
            value = operands[i]
            return float(value) if isinstance(value, bytes) else default
        except (IndexError, ValueError):
            return default

    def put(items: list[bytes]) -> None:
        """Place each run of a TJ array: a kerning of more than a fifth of a
        character (a space, or a move back) starts a run of its own."""
        nonlocal tm
        text, start = "", tm
        for item in items:
            if item[:1] in (b"(", b"<"):
                m = _STRING_ONLY.match(item)
                raw = raw_string(m) if m else b""
                start = start if text else tm
                text += show(font, raw)
                tm = _times((1.0, 0.0, 0.0, 1.0, 0.5 * len(raw) * size, 0.0), tm)
                continue
            kern = float(item)
            if abs(kern) > 200 and text:
                placed(text, start)
                text = ""
            tm = _times((1.0, 0.0, 0.0, 1.0, -kern / 1000 * size, 0.0), tm)
        if text:
            placed(text, start)

    def placed(text: str, at: Matrix) -> None:
        place = _times(at, ctm)
        height = abs(size) * (abs(place[1]) + abs(place[3])) or abs(size)
        if len(out) < MAX_PIECES:
            out.append((place[5], place[4], len(out), height, text))

    def moved(tx: float, ty: float) -> None:
        nonlocal tm, tlm
        tlm = tm = _times((1.0, 0.0, 0.0, 1.0, tx, ty), tlm)

    for m in _TOKEN.finditer(content):
        kind = m.lastgroup
        token = m.group(0)
        if kind in ("string", "number"):
            (array if array is not None else operands).append(token)
            continue
        if kind == "name":
            operands.append(token)
        elif kind == "open":
            array = []
        elif kind == "close":
            operands.append(array or [])
            array = None
        elif kind == "op":
            if token == b"q":
                stack.append(ctm)
            elif token == b"Q":
                ctm = stack.pop() if stack else _IDENTITY
            elif token == b"cm" and len(operands) >= 6:
                ctm = _times(_matrix([number(i) for i in range(-6, 0)]), ctm)
            elif token == b"Do" and operands and isinstance(operands[-1], bytes) and forms \
                    and draws[0] > 0 and (form := forms(operands[-1][1:])) is not None:
                drawn, draws[0] = True, draws[0] - 1
                _pieces(form[0], show, forms, _times(form[1], ctm), out, draws)
            elif token == b"BT":
                tm = tlm = _IDENTITY
            elif token == b"Tf" and len(operands) >= 2:
                name = operands[-2]
                font = name[1:] if isinstance(name, bytes) else None
                size = number(-1)
            elif token in (b"Td", b"TD") and len(operands) >= 2:
                leading = -number(-1) if token == b"TD" else leading
                moved(number(-2), number(-1))
            elif token == b"Tm" and len(operands) >= 6:
                tlm = tm = _matrix([number(i) for i in range(-6, 0)])
            elif token == b"TL" and operands:
                leading = number(-1)
            elif token in (b"T*", b"'", b'"'):
                moved(0.0, -leading)
            if token in (b"Tj", b"'", b'"') and operands and isinstance(operands[-1], bytes):
                put([operands[-1]])
            elif token == b"TJ" and operands and isinstance(operands[-1], list):
                put(operands[-1])
            operands = []
    return drawn


_XOBJECTS = re.compile(rb"/XObject\s*(?:<<(.*?)>>|\s(\d+)\s+\d+\s+R)", re.S)
_NAMED_REF = re.compile(rb"/([^\s/<>\[\]()%]+)\s+(\d+)\s+\d+\s+R")
_FORM = re.compile(rb"/Subtype\s*/Form\b")
_MATRIX = re.compile(rb"/Matrix\s*\[\s*" + rb"\s+".join([rb"([-+]?(?:\d+\.?\d*|\.\d+))"] * 6))


def forms_of(found: dict[int, bytes], numbered: dict[int, bytes]) -> Forms:
    """The form XObjects of a PDF by the names its resources give them (any
    page's: a name is looked up file-wide), for :func:`readings`. ``found``: the
    objects by number (their dictionaries); ``numbered``: the decoded streams."""
    names: dict[bytes, int] = {}
    for body in found.values():
        for m in _XOBJECTS.finditer(body):
            inner = m.group(1) if m.group(1) is not None else found.get(int(m.group(2)), b"")
            for name, ref in _NAMED_REF.findall(inner):
                names.setdefault(name, int(ref))

    def form(name: bytes) -> tuple[bytes, Matrix] | None:
        number = names.get(name)
        if number is None or number not in numbered or not _FORM.search(found.get(number, b"")):
            return None
        matrix = _MATRIX.search(found.get(number, b""))
        return numbered[number], _matrix([float(v) for v in matrix.groups()]) if matrix \
            else _IDENTITY

    return form


_CONTENTS = re.compile(rb"/Contents\s*\[([^\]]*)\]")


def pages_of(found: dict[int, bytes], numbered: dict[int, bytes]) -> list[bytes]:
    """The content of each page drawn by more than one stream (``/Contents [4 0 R
    6 0 R]``), joined in order: a viewer reads them as one."""
    joined = []
    for body in found.values():
        for m in _CONTENTS.finditer(body):
            refs = [int(n) for n in re.findall(rb"(\d+)\s+\d+\s+R", m.group(1))]
            if len(refs) > 1:
                joined.append(b"\n".join(numbered.get(n, b"") for n in refs))
    return joined
