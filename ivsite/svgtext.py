"""The words an SVG drawing's ``<text>`` elements show, as a browser places them.

Drawing tools (Illustrator, Inkscape) export kerned or hand-placed text as several
``<text>`` elements, each put where it belongs by its coordinates: "Quentin Za"
and "browski" side by side read as one word on screen, whatever the markup says
(red team 4, J-svg). Read as markup, the elements are separate blocks, so the
word is two. Here the elements' texts are read joined with nothing between them,
once in the order they are written and once in the order they are placed (top
to bottom, left to right, by ``y``/``x`` or a ``translate``), and an ``x`` list,
which places each letter on its own, puts the letters in the order of their
coordinates ("iksworbaZ" drawn right to left reads "Zabrowski"). Letters defined
once and placed by ``<use href="#id" x=…>`` are read in the order the uses
place them (red team 8, N15). Both the filter
(ivsite.rawhtml, a note's inline ``<svg>``) and the audit (ivsite.readable, any
page or copied ``.svg``) read these.
"""

from __future__ import annotations

import html
import itertools
import re

_TEXT_OPEN = re.compile(r"<text\b", re.I)
_TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_COORD = {name: re.compile(rf"""\s{name}\s*=\s*["']([^"']*)["']""", re.I) for name in "xy"}
_TRANSLATE = re.compile(r"translate\s*\(\s*([^)]*)\)", re.I)


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
    for m in _USE.finditer(markup):
        ref = _HREF.search(m.group(1))
        if ref is None or ref.group(1) not in defined:
            continue
        xs, ys = _numbers(_COORD["x"], m.group(1)), _numbers(_COORD["y"], m.group(1))
        shift = _NUMBER.findall(t.group(1)) if (t := _TRANSLATE.search(m.group(1))) else []
        dx, dy = (float(shift[0]) if shift else 0.0), (float(shift[1]) if len(shift) > 1 else 0.0)
        placed.append(((ys[0] if ys else 0.0) + dy, (xs[0] if xs else 0.0) + dx,
                       defined[ref.group(1)]))
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


def _texts(markup: str) -> list[str]:
    placed = []
    lists = False
    for m in _TEXT.finditer(markup):
        attrs, content = m.group(1), html.unescape(_TAG.sub("", m.group(2)))
        xs = _numbers(_COORD["x"], attrs)
        ys = _numbers(_COORD["y"], attrs)
        shift = _NUMBER.findall(t.group(1)) if (t := _TRANSLATE.search(attrs)) else []
        dx, dy = (float(shift[0]) if shift else 0.0), (float(shift[1]) if len(shift) > 1 else 0.0)
        if len(xs) > 1 and len(content) > 1:  # each letter placed on its own
            lists = True
            at = xs + [xs[-1]] * (len(content) - len(xs))
            content = "".join(ch for _, _, ch in sorted(zip(at, range(len(content)), content,
                                                            strict=False)))
        placed.append(((ys[0] if ys else 0.0) + dy, (xs[0] if xs else 0.0) + dx, content))
    if len(placed) < 2 and not lists:
        return []
    written = "".join(text for _, _, text in placed)
    by_place = "".join(text for _, _, text in sorted(placed, key=lambda p: (p[0], p[1])))
    return [written] if by_place == written else [written, by_place]


def _numbers(pattern: re.Pattern[str], attrs: str) -> list[float]:
    m = pattern.search(attrs)
    return [float(n) for n in _NUMBER.findall(m.group(1))] if m else []
