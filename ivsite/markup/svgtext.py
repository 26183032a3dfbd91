"""The words an SVG drawing's ``<text>`` elements show, as a browser places them.

Drawing tools (Illustrator, Inkscape) export kerned or hand-placed text as several
``<text>`` elements, each put where it belongs by its coordinates: "Quentin Za"
and "browski" side by side read as one word on screen, whatever the markup says
(red team 4, J-svg). Read as markup, the elements are separate blocks, so the
word is two. Here the drawing's text pieces are read joined with nothing between
them, once in the order they are written and once in the order they are drawn:
each piece where its ``x``/``y``/``dx``/``dy`` (on ``<text>`` or ``<tspan>``; a
list places letter by letter, "iksworbaZ" drawn right to left reads
"Zabrowski"), its ``text-anchor`` and every transform around it put it (its
own, its groups', a nested ``<svg>``'s place, CSS's, from a style attribute or
the drawing's style sheet: ivsite.markup.svgmatrix, ivsite.markup.sheetstyle; red team 9,
R9-31), in lines top to bottom, left to right. A piece whose line a transform
turns right to left (``rotate(180)``, a mirror) is read reversed (R9-32); a piece
on a ``<textPath>``, whose path may run either way, or whose letters a ``rotate``
list turns upside down, is read both ways. Letters
defined once and placed by ``<use href="#id" x=…>`` are read in the order the
uses place them (red team 8, N15). Both the filter (ivsite.markup.rawhtml, a note's
inline ``<svg>``) and the audit (ivsite.readers.readable, any page or copied ``.svg``)
read these.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass

from .sheetstyle import with_sheet
from .svgmatrix import (
    IDENTITY,
    Matrix,
    apply,
    in_reading_order,
    parse,
    parse_parts,
    scale_of,
    times,
)

_TEXT_OPEN = re.compile(r"<text\b", re.I)
_TAG = re.compile(r"<[^>]*>")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_LENGTH = re.compile(r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*"
                     r"(em|rem|ex|ch|px|pt|pc|in|cm|mm|q|%)?", re.I)
_UNITS = {"": 1.0, "px": 1.0, "%": 1.0, "rem": 16.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0,
          "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6}
"""Pixels in a unit; an ``em`` (``ex``, ``ch``: half one) goes by the font's size."""


def svg_texts(markup: str) -> list[str]:
    """The readings of the ``<text>`` elements in a piece of markup (none when it
    has fewer than two and no ``x`` list: one element reads whole already), and
    of what its ``<use>`` elements place (:func:`_used`)."""
    if _TEXT_OPEN.search(markup) is None:
        return []
    return [*_texts(markup), *_used(markup)]


_DEFINED = re.compile(r"<(text|symbol|g)\b([^>]*)>(.*?)</\1\s*>", re.I | re.S)
_ID = re.compile(r"""\sid\s*=\s*["']?([^"'\s>]+)""", re.I)
_USE = re.compile(r"<use\b([^>]*)>", re.I)
_HREF = re.compile(r"""\s(?:xlink:)?href\s*=\s*["']?\s*#([^"'\s>]+)""", re.I)


def _used(markup: str) -> list[str]:
    """The letters ``<use href="#g81" x="10"/>`` places, each the text of the element
    it names (defined once, in ``<defs>`` and in any order, red team 8 N15): read
    in the order the uses are written and in the order they are placed."""
    if _USE.search(markup) is None:
        return []
    defined = {i.group(1): html.unescape(_TAG.sub("", m.group(3)))
               for m in _DEFINED.finditer(markup) if (i := _ID.search(m.group(2)))}
    placed = []
    for matrix, raw in _placed(markup)[1]:
        ref = _HREF.search(raw)
        if ref is None or ref.group(1) not in defined:
            continue
        attrs = _attrs(raw)
        xs, ys = _lengths(attrs.get("x"), 16.0), _lengths(attrs.get("y"), 16.0)
        x, y = apply(matrix, xs[0] if xs else 0.0, ys[0] if ys else 0.0)
        placed.append((y, x, defined[ref.group(1)]))
    written = "".join(text for _, _, text in placed)
    return [written, _spaced(sorted(placed))] if placed else []


def _spaced(placed: list[tuple[float, float, str]]) -> str:
    """Placed pieces in order, a space where the step to the next is wider than
    the usual one (a word's gap drawn by its coordinates)."""
    steps = sorted(b[1] - a[1] for a, b in itertools.pairwise(placed)
                   if a[0] == b[0] and b[1] > a[1])
    usual = steps[len(steps) // 2] if steps else 0.0
    out = placed[0][2] if placed else ""
    for a, b in itertools.pairwise(placed):
        out += (" " if a[0] != b[0] or (usual and b[1] - a[1] > 1.5 * usual) else "") + b[2]
    return out


_PIECE = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[(.*?)(?:\]\]>|\Z)|<[!?][^>]*>?"
                    r"|<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)|<", re.S)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)", re.I)
_ANCHOR = re.compile(r"text-anchor\s*:\s*(start|middle|end)", re.I)
_CSS = re.compile(r"(?:^|;)\s*(transform|translate|rotate|scale)\s*:\s*([^;]*)", re.I)
_SPACES = re.compile(r"\s+")
_ADVANCE = 0.6
_PATH = re.compile(r"<path\b[^>]*>", re.I)
_START = re.compile(r"""\sd\s*=\s*["']\s*[Mm]\s*([-+]?(?:\d+\.?\d*|\.\d+))[\s,]*"""
                    r"([-+]?(?:\d+\.?\d*|\.\d+))")
"""A path's first point: where the text on it starts (the way it runs is not read)."""
_DRAWING = frozenset({"svg", "g", "text", "tspan", "textpath", "use", "a", "symbol", "defs",
                      "switch"})
"""The elements a drawing's text stands in (a note's paragraph may hold ``<text>``
without its ``<svg>``): inside them any element counts; a page's others are left."""
"""A letter's width in ems, near enough to tell which piece ends where."""


@dataclass
class _Chunk:
    """Letters drawn from one start point on: where it is, which way it runs."""
    matrix: Matrix
    x: float
    y: float
    size: float
    anchor: str
    both_ways: bool
    text: str = ""


@dataclass
class _Frame:
    """An open element: what its text inherits, and its ``x``/``y``/``dx``/``dy``
    lists, which place the letters of its ``<text>`` from the ``start``-th on."""
    name: str
    matrix: Matrix
    size: float
    anchor: str
    both_ways: bool
    lists: tuple[list[float], ...] = ()
    start: int = 0


@dataclass
class _Cursor:
    """Where the next letter of a ``<text>`` goes, and which letter it is."""
    at: list[float]
    n: int = 0
    fresh: bool = True


def _attrs(raw: str) -> dict[str, str]:
    return {a.group(1).casefold(): html.unescape(a.group(2) or a.group(3) or a.group(4) or "")
            for a in _ATTR.finditer(raw)}


def _transform(attrs: dict[str, str], nested_svg: bool) -> Matrix:
    """An element's own transform: CSS's (its style, or a sheet's: ivsite.markup.sheetstyle)
    wins over the attribute; a nested ``<svg>`` is moved by its ``x``/``y``."""
    css = {k.casefold(): v for k, v in _CSS.findall(attrs.get("style", ""))}
    own = parse_parts(css.get("translate", ""), css.get("rotate", ""), css.get("scale", ""))
    if "transform" in css or attrs.get("transform"):
        own = times(own, parse(css.get("transform") or attrs.get("transform", "")))
    if nested_svg:
        own = times((1.0, 0.0, 0.0, 1.0, _first(attrs.get("x")), _first(attrs.get("y"))), own)
    return own


def _first(value: str | None) -> float:
    found = _NUMBER.findall(value or "")
    return float(found[0]) if found else 0.0


def _placed(markup: str) -> tuple[list[_Chunk], list[tuple[Matrix, str]]]:
    """The text pieces of a drawing, each where its transforms (its own, its
    groups', a nested ``<svg>``'s ``x``/``y``) and its ``x``/``y``/``dx``/``dy``
    (on ``<text>`` or ``<tspan>``, a list placing letter by letter) put it; and
    its ``<use>`` elements, each with its transform and its attributes."""
    stack = [_Frame("", IDENTITY, 16.0, "start", False)]
    chunks: list[_Chunk] = []
    uses: list[tuple[Matrix, str]] = []
    cursor = _Cursor([0.0, 0.0])
    paths = {i.group(1): (float(d.group(1)), float(d.group(2)))
             for p in _PATH.finditer(markup) if (i := _ID.search(p.group(0)))
             and (d := _START.search(p.group(0)))} if "textpath" in markup.casefold() else {}
    for m in _PIECE.finditer(with_sheet(markup)):
        text = m.group(5) if m.group(5) is not None else m.group(1)
        if text is not None:
            if any(f.name == "text" for f in stack):
                _flow(_SPACES.sub(" ", html.unescape(text) if m.group(5) else text),
                      stack, chunks, cursor)
            continue
        name = (m.group(3) or "").casefold()
        if not name or (len(stack) == 1 and name not in _DRAWING):  # a page's own: not read
            continue
        if m.group(2):
            if any(f.name == name for f in stack[1:]):
                while stack.pop().name != name:
                    pass
            continue
        attrs = _attrs(m.group(4))
        top = stack[-1]
        anchor = (attrs.get("text-anchor") or (a.group(1) if (a := _ANCHOR.search(
            attrs.get("style", ""))) else "") or top.anchor).casefold()
        nested = name == "svg" and len(stack) > 1
        # Inside a <text>, a transform moves nothing (a tspan is not transformable).
        own = IDENTITY if any(f.name == "text" for f in stack) else _transform(attrs, nested)
        frame = _Frame(name, times(top.matrix, own), _size(attrs, top.size),
                       anchor, top.both_ways or name == "textpath" or _upside_down(attrs))
        if name == "use":
            uses.append((frame.matrix, m.group(4)))
        if name == "text":
            cursor = _Cursor([0.0, 0.0])
        if name in ("text", "tspan", "textpath"):
            raw = m.group(4)
            frame.lists = tuple(_lengths(attrs.get(k), frame.size) for k in ("x", "y", "dx", "dy"))
            frame.start = cursor.n
            if name == "textpath":  # its letters start where its path does
                ref = _HREF.search(raw)
                cursor.at[:] = list(paths.get(ref.group(1), cursor.at) if ref else cursor.at)
                cursor.fresh = True
        if not m.group(4).rstrip().endswith("/"):
            stack.append(frame)
    return [c for c in chunks if c.text.strip()], uses


def _upside_down(attrs: dict[str, str]) -> bool:
    """Whether a ``rotate`` list turns the letters upside down: a reader who turns
    the picture round reads them right to left."""
    turns = _NUMBER.findall(attrs.get("rotate", ""))
    return any(90 < float(t) % 360 < 270 for t in turns[:1])


def _size(attrs: dict[str, str], inherited: float) -> float:
    said = attrs.get("font-size") or (s.group(1) if (s := _SIZE.search(
        attrs.get("style", ""))) else "")
    found = _NUMBER.findall(said)
    return float(found[0]) if found and float(found[0]) > 0 else inherited


def _given(stack: list[_Frame], n: int, k: int) -> float | None:
    """The ``n``-th letter's value in the ``k``-th list (x, y, dx, dy) of the
    innermost element that gives it one."""
    for f in reversed(stack):
        if f.lists and 0 <= n - f.start < len(f.lists[k]):
            return f.lists[k][n - f.start]
    return None


def _flow(text: str, stack: list[_Frame], chunks: list[_Chunk], cursor: _Cursor) -> None:
    """Letters into pieces: the first letter of a ``<text>`` or of a path, and a
    letter given a place or a shift by a list (its own element's or an
    ancestor's), starts a new piece there; the others follow the piece before."""
    frame, at = stack[-1], cursor.at
    for ch in text:
        if cursor.fresh and ch == " ":
            continue
        x, y, dx, dy = (_given(stack, cursor.n, k) for k in range(4))
        cursor.n += 1
        if cursor.fresh or (x, y, dx, dy) != (None,) * 4 or chunks[-1].matrix != frame.matrix:
            at[0] = (at[0] if x is None else x) + (dx or 0.0)
            at[1] = (at[1] if y is None else y) + (dy or 0.0)
            chunks.append(_Chunk(frame.matrix, at[0], at[1], frame.size, frame.anchor,
                                 frame.both_ways))
            cursor.fresh = False
        chunks[-1].text += ch
        at[0] += _ADVANCE * frame.size


def _texts(markup: str) -> list[str]:
    """The drawing's text as written, and as placed: its pieces in lines top to
    bottom, left to right, each piece whose line runs right to left (turned or
    mirrored: R9-32) reversed; a piece on a path (which may run either way) or
    whose letters a ``rotate`` list turns upside down is read both ways."""
    placed = []
    alone = True  # one piece, drawn as written, reads whole already
    chunks = _placed(markup)[0]
    for c in chunks:
        width = _ADVANCE * c.size * len(c.text)
        start = c.x - {"end": width, "middle": width / 2}.get(c.anchor, 0.0)
        (x0, y0), (x1, y1) = apply(c.matrix, start, c.y), apply(c.matrix, start + width, c.y)
        turned = x1 < x0 - 1e-6
        alone = alone and not turned and not c.both_ways
        placed.append(((y0 + y1) / 2, min(x0, x1), c.size * scale_of(c.matrix),
                       c.text[::-1] if turned else c.text, c.both_ways))
    if len(placed) < 2 and alone:
        return []
    out = ["".join(c.text for c in chunks), "".join(in_reading_order([p[:4] for p in placed]))]
    if not alone:
        out.append("".join(in_reading_order([(y, x, h, t[::-1] if path else t)
                                             for y, x, h, t, path in placed])))
    return list(dict.fromkeys(out))


def _lengths(value: str | None, size: float) -> list[float]:
    """A list of lengths in user units (an ``em`` is the font's size: "3em" and
    "48" are one place); a percentage is read as its number."""
    return [float(n) * _UNITS.get(unit.casefold(), size / 2 if unit.casefold() in ("ex", "ch")
                                  else size) for n, unit in _LENGTH.findall(value or "")]
