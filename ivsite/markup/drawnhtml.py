"""Raw HTML that makes the browser draw letters the page does not hold, or draw
the page's letters in another order than they are written (red team 8).

An ordered list typed as letters or numerals draws its markers from numbers
(``<ol type="A"><li value="17">`` draws "Q.", N14); a string list marker draws
its string; an SVG ``<use>`` draws letters defined elsewhere wherever it is put
(N15); layout draws boxes right to left or where it places them
(``dir="rtl"`` around Latin letters, ``flex-direction: row-reverse``,
``order``, ``float``, grid placement, ``direction``, ``writing-mode``, N2),
moves them (``left``, ``top`` …, R9-33) or turns them round (``rotate``, R9-32).
The checks read the page's characters in their written order, so a name drawn
this way is a name they cannot see. An interview note needs none of these in
its raw HTML (a Markdown list numbers itself, right-to-left scripts run right
to left without ``dir``), so in a note an audience reads each is an error
(``drawn-markup``); the audit reads such pages as drawn as a second line
(ivsite.markup.drawntext, ivsite.markup.svgtext). A theme's own CSS is not a note's text and
is not read here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .cssdecl import declarations
from .hidinghtml import hiding_style
from .rawhtml import Tag, tags

DRAWN_HINT = ("write the words in the note as plain text, in the order they are read "
              "(a Markdown list numbers itself)")
_PLAIN_MARKERS = frozenset({"disc", "circle", "square", "decimal", "decimal-leading-zero",
                            "none", "inside", "outside", "initial", "inherit", "unset",
                            "revert", "revert-layer"})
"""Markers that draw no letters: bullets and the item's own number."""


def _letters_marker(value: str) -> bool:
    """A list-style that draws something other than a bullet or a number: a string,
    letters, numerals of another system, a counter style or an image."""
    return any(word not in _PLAIN_MARKERS for word in value.replace(",", " ").split())


_STYLE: dict[str, Callable[[str], bool]] = {
    "list-style": _letters_marker, "list-style-type": _letters_marker,
    "counter-reset": lambda v: True, "counter-set": lambda v: True,
    "counter-increment": lambda v: True,
    "flex-direction": lambda v: "reverse" in v, "flex-flow": lambda v: "reverse" in v,
    "-webkit-box-direction": lambda v: "reverse" in v, "box-direction": lambda v: "reverse" in v,
    "order": lambda v: True, "-webkit-box-ordinal-group": lambda v: True,
    "float": lambda v: v != "none", "direction": lambda v: v != "ltr",
    "writing-mode": lambda v: v not in ("horizontal-tb", "lr", "lr-tb"),
    "unicode-bidi": lambda v: v != "normal",
    "left": lambda v: True, "right": lambda v: True, "inset": lambda v: True,
    "inset-inline": lambda v: True, "inset-inline-start": lambda v: True,
    "inset-inline-end": lambda v: True,
    "top": lambda v: True, "bottom": lambda v: True, "inset-block": lambda v: True,
    "inset-block-start": lambda v: True, "inset-block-end": lambda v: True,
    "rotate": lambda v: v != "none",
}
"""CSS properties, each with when its value draws letters or reorders boxes;
every ``grid-`` placement property also does (see :func:`_drawing_style`)."""
_GRID_PLACES = re.compile(r"grid-(?:column|row|area|template-areas|auto-flow)", re.I)
_PICTURES = frozenset({"img", "picture", "video", "audio", "iframe", "svg", "canvas"})
"""Elements a float may place beside the text (a photo): no letters of their own to
reorder."""
_LIST_TYPE = frozenset({"ol", "ul", "li", "menu"})
_LATIN = re.compile(r"[A-Za-z0-9]")
_TAG = re.compile(r"<[^>]*>")


def drawing(content: str) -> Iterator[str]:
    """What in a piece of raw HTML draws letters it does not hold or reorders them:
    each a phrase for the error message."""
    letters = _LATIN.search(_TAG.sub("", content)) is not None
    inline = content.lstrip().startswith("<") and _TAG.sub("", content).strip() == ""
    for tag in tags(content):
        if not tag.closing:
            yield from _tag_draws(tag, letters or inline)


def _tag_draws(tag: Tag, latin: bool) -> Iterator[str]:
    if tag.name in _LIST_TYPE and (tag.get("type") or "1") != "1":
        yield (f"the list type '{tag.get('type')}' on <{tag.name}> (the browser draws "
               "letters or numerals the page does not hold as its markers)")
    if tag.name == "use":
        yield "an SVG <use> element (it draws letters defined elsewhere, in any order)"
    if tag.name == "bdo":
        return  # a bidi override: ivsite.markup.hidinghtml's to report
    if latin and (tag.get("dir") or "").strip().casefold() in ("rtl", "auto"):
        yield (f"dir=\"{tag.get('dir')}\" on <{tag.name}> around Latin letters or digits "
               "(its boxes are drawn right to left)")
    if (style := tag.get("style")) and (decl := _drawing_style(style)) and not (
            decl == "float" and tag.name in _PICTURES):
        yield f"the style property '{decl}' on <{tag.name}>"


def _drawing_style(style: str) -> str | None:
    """The first declaration of a style attribute that draws or reorders letters
    (none where the style hides or overrides: ivsite.markup.hidinghtml's to report)."""
    if hiding_style(style) is not None:
        return None
    for prop, value in declarations(style):
        test = _STYLE.get(prop)
        if (test is not None and test(value)) or _GRID_PLACES.match(prop):
            return prop  # the property alone: one error for a row of letters
    return None
