"""Markup read as a browser draws it, where the drawing holds other letters than
the text (red team 8).

A reading with tags taken out sees the page's characters; a browser draws more
and less. More: an ordered list typed as letters draws its markers from numbers
(``<ol type="A"><li value="17">`` draws "Q.", N14), a string list marker draws
its string (``list-style-type:'Quentin Zab'`` before "rowski"), a broken
picture draws its alt text in the line (``<img alt="Quentin Zab">rowski``,
N16), as a read-only input draws its value. Less: a reader skips a ruby
annotation (``<rt>``, ``<rp>``) and struck-out letters (``<del>``, ``<s>``:
``Zabrow<s>sky</s>ski``, N3). Layout can reorder boxes (``dir="rtl"``,
``row-reverse``, ``order``, ``float``, grid placement, N2): where a page uses
it, its text pieces are read in reverse order and sorted by their
``order``/grid place, an over-reading that keeps each piece whole.

Both the filter (ivsite.audience.namecheck, a note's raw HTML and struck text) and the
audit (ivsite.readers.readable, every page) search these readings.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from .cssdecl import declarations
from .sheetstyle import with_sheet
from .svgmatrix import in_reading_order, parse, parse_parts, times

_PIECE = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*>?"
                    r"|<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|[^<]+|<", re.S)
"""A comment (and what a browser hides as one: ``<?…>``, ``<!X…>``), a tag or text;
a comment is the audit's other readings' to read (ivsite.readers.readable)."""
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_SKIPPED = frozenset({"rt", "rp", "del", "s", "strike"})
"""Elements whose text a reader skips inside a word: an annotation, struck letters."""
_JOINED = frozenset({
    "a", "abbr", "b", "bdi", "cite", "code", "data", "dfn", "em", "font", "i", "ins", "kbd",
    "mark", "q", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    "big", "tt", "nobr", "ruby", "rb", "li", "ol", "ul"})
"""Tags taken out without a space: inline ones, and a list's (its markers may stand
in a row: ``display:flex``)."""
_WITH_ATTRS = frozenset({"ol", "ul", "li", "img", "input"})
"""The elements whose attributes decide what is drawn (markers, alt text, values)."""
_HINT = re.compile(r"<(?:li|img|input|rt|rp|del|s|strike)\b", re.I)
_LAYOUT = re.compile(r"""\sdir\s*=\s*["']?\s*(?:rtl|auto)|\sstyle\s*=\s*(?:"[^"]*|'[^']*)"""
                     r"(?:reverse|order\s*:|float\s*:|grid-|direction\s*:|writing-mode"
                     r"|(?<![\w-])(?:left|right|top|bottom|inset|transform|translate|rotate|scale"
                     r"|position|margin-left|margin-inline-start)"
                     r"\s*:)", re.I)
"""Attributes and styles that can draw boxes in another order than written (a
page's style sheet's too, written into its elements: ivsite.markup.sheetstyle)."""
_STRING = re.compile(r"""list-style(?:-type)?\s*:[^;"']*(?:"([^"]*)"|'([^']*)')""", re.I)
_STYLE_TYPE = re.compile(r"list-style(?:-type)?\s*:\s*([^;]*)", re.I)
_KEY = re.compile(r"(?:\border|grid-(?:column|row|area)(?:-start)?)\s*:\s*(-?\d+)", re.I)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def drawn_readings(markup: str) -> list[str]:
    """The readings of ``markup`` as drawn (see the module's docstring), where they
    may differ from the text with its tags taken out; none where nothing is drawn
    otherwise."""
    out = []
    markup = with_sheet(markup)
    if _HINT.search(markup):
        out.append(html.unescape("".join(_drawn(markup))))
    if _LAYOUT.search(markup):
        out += _reordered(markup)
    return out


def _attrs(raw: str) -> dict[str, str]:
    return {a.group(1).casefold(): html.unescape(a.group(2) or a.group(3) or a.group(4) or "")
            for a in _ATTR.finditer(raw)}


def _drawn(markup: str) -> Iterator[str]:
    """The text with markers and alt texts drawn in and skipped text left out; the
    tags of a list and inline tags are taken out without a space (a list's markers
    may stand in a row), any other tag with one."""
    lists: list[tuple[str, int, int]] = []  # (marker type, next number, step) per list
    skip: tuple[str, int] | None = None
    for m in _PIECE.finditer(markup):
        name = (m.group(2) or "").casefold()
        if not name:
            if skip is None and not m.group(0).startswith("<"):
                yield m.group(0)
            continue
        closing = bool(m.group(1))
        if skip is not None:
            if name == skip[0]:
                depth = skip[1] + (-1 if closing else 1)
                skip = None if depth == 0 else (name, depth)
            continue
        attrs = _attrs(m.group(3)) if not closing and name in _WITH_ATTRS else {}
        if name in _SKIPPED and not closing:
            skip = (name, 1)
        elif name in ("ol", "ul") and closing:
            lists = lists[:-1]
        elif name in ("ol", "ul"):
            kind = _kind(attrs) or ("1" if name == "ol" else "")
            step = -1 if "reversed" in attrs else 1
            lists.append((kind, _int(attrs.get("start"), 1), step))
        elif name == "li" and not closing:
            kind, number, step = lists[-1] if lists else ("", 1, 1)
            number = _int(attrs.get("value"), number)
            if lists:
                lists[-1] = (kind, number + step, step)
            yield _marker(_kind(attrs) or kind, number)
        elif name == "img" and not closing:
            yield attrs.get("alt", "")
        elif name == "input" and not closing:
            yield attrs.get("value", "") or attrs.get("placeholder", "")
        elif name not in _JOINED:
            yield " "


def _kind(attrs: dict[str, str]) -> str:
    """A list's or item's marker: a ``type`` letter, a CSS type name, or a string
    (written as '"string')."""
    style = attrs.get("style", "")
    if s := _STRING.search(style):
        return '"' + (s.group(1) if s.group(1) is not None else s.group(2))
    if t := _STYLE_TYPE.search(style):
        words = t.group(1).casefold()
        for kind, says in (("a", "lower-alpha"), ("a", "lower-latin"), ("A", "upper-alpha"),
                           ("A", "upper-latin"), ("i", "lower-roman"), ("I", "upper-roman")):
            if says in words:
                return kind
    return attrs.get("type", "")


def _marker(kind: str, number: int) -> str:
    """The letters a marker draws (its dot left out: "Q" for 17 in type A)."""
    if kind.startswith('"'):
        return kind[1:]
    if kind in ("a", "A") and number > 0:
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if kind == "A" else letters
    if kind in ("i", "I") and 0 < number < 4000:
        roman = ""
        for value, says in _ROMAN:
            while number >= value:
                roman, number = roman + says, number - value
        return roman.upper() if kind == "I" else roman
    return ""


def _int(value: str | None, default: int) -> int:
    if not value or not value.strip():  # most items have no value= (no exception raised)
        return default
    try:
        return int(value.strip())
    except ValueError:
        return default


Frame = tuple[int, float, float, bool, bool]
"""What a piece inherits from the boxes around it: its ``order`` (or grid place),
how far its box is moved (``y``, ``x``), whether it is drawn mirrored, and
whether the box is taken out of the flow (``position: absolute|fixed``)."""
_TEMPLATE = re.compile(r"grid-template-areas\s*:\s*([^;}>]*)", re.I)
_QUOTED = re.compile(r"\"([^\"]*)\"|'([^']*)'")
_TOP: Frame = (0, 0.0, 0.0, False, False)
_EM = 8.0
"""A letter's width in pixels, near enough to tell where a piece in the flow ends."""


def _areas(markup: str) -> dict[str, int]:
    """The page's named grid areas, each by its first cell in reading order
    (``grid-template-areas: "c a b"``; a box put in one by ``grid-area: c``)."""
    out: dict[str, int] = {}
    for m in _TEMPLATE.finditer(markup):
        for name in " ".join(a or b for a, b in _QUOTED.findall(m.group(1))).split():
            out.setdefault(name.casefold(), len(out) + 1)
    return out


def _frame(parent: Frame, style: str, areas: dict[str, int]) -> Frame:
    """A box's frame: its own ``order``/grid place (else its parent's), its parent's
    shift moved by its ``left``/``right``/``top``/``bottom``/``inset``, a margin
    and its transform's shift, mirrored where its transform turns its line right
    to left."""
    order, y, x, mirrored, _ = parent
    if not style:
        return (*parent[:4], False)
    if key := _KEY.search(style):
        order = int(key.group(1))
    said = dict(declarations(style))  # the last of each property wins
    order = areas.get(said.get("grid-area", "").split("/")[0].strip(), order)
    x += _first(said.get("left") or said.get("inset-inline-start") or "")
    x -= _first(said.get("right") or said.get("inset-inline-end") or "")
    x += _first(said.get("margin-left") or said.get("margin-inline-start") or "")
    y += _first(said.get("top") or said.get("inset-block-start") or said.get("inset") or "")
    y -= _first(said.get("bottom") or said.get("inset-block-end") or "")
    moved = times(parse_parts(said.get("translate", ""), said.get("rotate", ""),
                              said.get("scale", "")), parse(said.get("transform", "")))
    return (order, y + moved[5], x + moved[4], mirrored != (moved[0] < 0),
            said.get("position", "") in ("absolute", "fixed"))


def _first(value: str) -> float:
    number = _NUMBER.search(value)
    return float(number.group(0)) if number else 0.0


def _reordered(markup: str) -> list[str]:
    """The page's text pieces (between tags) in reverse order, sorted by the
    ``order`` or grid place of the element each stands in, and as placed: each
    piece where the flow puts it (a box taken out of the flow starts its own),
    moved by its boxes' offsets, margins and transforms (top to bottom, left to
    right; a mirrored box's letters reversed): boxes a layout draws right to left
    or places (R9-33; each piece stays whole)."""
    pieces: list[tuple[Frame, float, str]] = []
    frames: list[Frame] = [_TOP]
    flows = [0.0]  # where the next letter goes: the page's, and each taken-out box's
    areas = _areas(html.unescape(markup)) if "grid-template-areas" in markup else {}
    for m in _PIECE.finditer(markup):
        name = (m.group(2) or "").casefold()
        if not name:
            if not m.group(0).startswith("<"):
                text = html.unescape(m.group(0)) if m.group(0).strip() else " "
                pieces.append((frames[-1], flows[-1], text))
                flows[-1] += _EM * len(text)
            continue
        if m.group(1):
            if len(frames) > 1 and frames.pop()[4] and len(flows) > 1:
                flows.pop()
        elif not m.group(3).rstrip().endswith("/") and name not in ("br", "img", "input", "wbr"):
            style = _attrs(m.group(3)).get("style", "") if "style" in m.group(3).casefold() \
                else ""
            frames.append(_frame(frames[-1], style, areas))
            if frames[-1][4]:
                flows.append(0.0)
    out = ["".join(t for _, _, t in reversed(pieces))]
    if any(f[0] for f, _, _ in pieces):
        out.append("".join(t for _, _, t in sorted(pieces, key=lambda p: p[0][0])))
    if any(f[1:4] != (0.0, 0.0, False) or f[4] for f, _, _ in pieces):
        # A mirrored box's pieces run right to left, each reversed: later ones first.
        out.append("".join(in_reading_order([
            (y, x - i * 1e-6, 16.0, t[::-1]) if mirrored else (y, x + flow, 16.0, t)
            for i, ((_, y, x, mirrored, _), flow, t) in enumerate(pieces)])))
    return out
