"""Raw HTML and characters that change what a reader sees from what is written.

A name split by an element the browser hides (``Ja<span style="display:none">x
</span>ne``, nested, shrunk to ``font-size:0``, made transparent, moved away or
clipped), made by CSS (``::before { content: "Jane" }``) or by a script, or
written backwards under a right-to-left override, reads as the name on screen
but as something else in the source. Guessing every way CSS can hide a letter is
a race the check would lose, so in a note an audience reads, such markup is an
error (red-team F8): the author can write what they mean as text. Ordinary
styling (colour, margins, a smaller font) stays allowed. The audit reads the
output under several readings of its own as a second line (ivsite.readers.readable).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from .cssdecl import declarations
from .rawhtml import Tag, tags

_ELEMENTS = {
    "style": "a <style> element (CSS can hide text or write it with 'content')",
    "template": "a <template> element (a browser never shows its content)",
    "noscript": "a <noscript> element (a browser with scripts never shows it)",
    "bdo": "a <bdo> element (it shows letters in another order than they are written)",
}
_OVERRIDES = re.compile("[\u202d\u202e]")
"""Left-to-right and right-to-left overrides: letters shown in reverse order."""
_HIDING_CLASS = re.compile(r"hidden|\bhide\b|invisible|sr-only|screen-?reader|offscreen",
                           re.I)
_NUMBER = re.compile(r"(-?\d*\.?\d+)(px|pt|pc|em|rem|ex|ch|%|vw|vh|cm|mm|in|q)?(?![a-z\d.])",
                     re.I)
_TINY = {"px": 4.0, "pt": 3.0, "pc": 0.25, "em": 0.3, "rem": 0.3, "ex": 0.6, "ch": 0.6,
         "%": 30.0, "vw": 0.3, "vh": 0.3, "cm": 0.1, "mm": 1.0, "in": 0.04, "q": 4.0, "": 0.1}
"""Sizes below which a letter cannot be read (a unitless number: opacity, zoom)."""
_ZERO_FONT = re.compile(r"(?:^|\s)0(?:/|\s|$)")
"""A font shorthand's size of 0 ("font: 0/0 a")."""


_DOCUMENT_ADDRESS = {"script": ("src",), "object": ("data",), "embed": ("src",),
                     "iframe": ("src",), "frame": ("src",)}
"""Elements that run or show what their address holds: with a ``data:`` URL the
code or page is written in the address (red team 4, J9)."""
_CONTROLS = "".join(map(chr, range(0x21)))


def _is_data_url(value: str | None) -> bool:
    """Whether an address is a data: URL as a browser reads it (spaces and control
    characters around and inside the scheme are dropped, case does not count)."""
    if value is None:
        return False
    return value.strip(_CONTROLS).replace("\t", "").replace("\n", "").replace(
        "\r", "")[:5].casefold() == "data:"


def redirecting(content: str) -> bool:
    """Whether raw HTML holds a ``<base>`` element: it changes where every relative
    address on the page leads, the theme's and the live preview's own scripts
    included (red team 4, J1), whoever may read the note."""
    return any(tag.name == "base" and not tag.closing for tag in tags(content))


def _tiny(value: str) -> bool:
    """A size or amount too small to see, or one that cannot be told (a function)."""
    if "(" in value:
        return True
    return any(float(m.group(1)) < _TINY[(m.group(2) or "").casefold()]
               for m in _NUMBER.finditer(value))


def _negative(value: str) -> bool:
    return "(" in value or any(float(m.group(1)) < 0 for m in _NUMBER.finditer(value))


def _transparent(value: str) -> bool:
    """A colour that shows nothing: transparent, or an alpha of (nearly) zero."""
    v = value.casefold().replace(" ", "")
    if "transparent" in v:
        return True
    hexa = re.search(r"#([0-9a-f]{4}|[0-9a-f]{8})(?![0-9a-f])", v)
    if hexa:
        digits = hexa.group(1)
        last = digits[-2:] if len(digits) == 8 else digits[-1]
        if int(last, 16) / (255 if len(last) == 2 else 15) < 0.1:
            return True
    alpha = re.search(r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(.*[,/]([-\d.]+%?)\)", v)
    if alpha:
        a = alpha.group(1)
        return float(a.rstrip("%")) / (100 if a.endswith("%") else 1) < 0.1
    return False


_STYLE: dict[str, Callable[[str], bool]] = {
    "display": lambda v: "none" in v,
    "visibility": lambda v: "hidden" in v or "collapse" in v,
    "content": lambda v: True,
    "opacity": _tiny, "fill-opacity": _tiny, "zoom": _tiny,
    "font-size": _tiny, "font": lambda v: _ZERO_FONT.search(v) is not None or "(" in v or any(
        _tiny(m.group(0)) for m in _NUMBER.finditer(v) if m.group(2)),
    "width": _tiny, "height": _tiny, "max-width": _tiny, "max-height": _tiny,
    "clip": lambda v: True, "clip-path": lambda v: True,
    "position": lambda v: "absolute" in v or "fixed" in v,
    "transform": lambda v: True, "scale": lambda v: True, "translate": lambda v: True,
    "text-indent": lambda v: True,
    "letter-spacing": _negative, "word-spacing": _negative,
    "margin": _negative, "margin-left": _negative, "margin-right": _negative,
    "margin-inline-start": _negative, "margin-inline-end": _negative,
    "color": _transparent, "-webkit-text-fill-color": _transparent,
    "filter": lambda v: "opacity" in v or "blur" in v,
    "unicode-bidi": lambda v: "override" in v,
}
"""CSS properties, each with when its value can hide or rewrite letters."""


def hiding_style(style: str) -> str | None:
    """The first declaration of a style attribute that can hide text, or None."""
    for prop, value in declarations(style):
        test = _STYLE.get(prop)
        if test is not None and test(value):
            return f"{prop}: {value}"
    return None


def hiding(content: str) -> Iterator[str]:
    """What in a piece of raw HTML can make a reader see other letters than are
    written: each a phrase for the error message."""
    for tag in tags(content):
        if tag.closing:
            continue
        yield from _tag_hides(tag)


def theme_hiding(content: str, sheet: Mapping[str, str]) -> Iterator[str]:
    """The classes and ids in raw HTML that the theme's style sheets hide or move
    off screen (``sheet``: see ivsite.audit.sheethiding), each a phrase for the error
    message (red team 4, J10)."""
    if not sheet or ("class" not in content.casefold() and "id" not in content.casefold()):
        return
    for tag in tags(content):
        if tag.closing:
            continue
        names = [f".{c}" for c in (tag.get("class") or "").split()]
        names += [f"#{i}" for i in (tag.get("id") or "").split()[:1]]
        for name in names:
            if name in sheet:
                yield (f"the {'class' if name[0] == '.' else 'id'} '{name[1:]}' on "
                       f"<{tag.name}> (the theme's style sheet hides it: {sheet[name]})")


def _tag_hides(tag: Tag) -> Iterator[str]:
    if tag.name in _ELEMENTS:
        yield _ELEMENTS[tag.name]
    if tag.name == "script" and tag.get("src") is None:
        yield "a <script> element with code (a script can write any text)"
    for attr in _DOCUMENT_ADDRESS.get(tag.name, ()):
        if _is_data_url(tag.get(attr)):
            yield (f"a <{tag.name}> whose '{attr}' is a data: URL (the address carries "
                   "the code or page itself, which can write any text)")
    if tag.name == "link" and "stylesheet" in (tag.get("rel") or "").casefold():
        yield "a stylesheet link (CSS can hide text or write it with 'content')"
    for name, value in tag.attrs:
        if name == "hidden":
            yield f"the 'hidden' attribute on <{tag.name}>"
        elif name == "style" and (decl := hiding_style(value)):
            yield f"the style '{decl}' on <{tag.name}>"
        elif name == "class" and _HIDING_CLASS.search(value):
            yield f"the class '{value}' on <{tag.name}> (a class that hides text)"
        elif name.startswith("on"):
            yield f"the script attribute '{name}' on <{tag.name}>"


def reversing(text: str) -> bool:
    """Whether text holds a bidi override, which shows letters in reverse order."""
    return _OVERRIDES.search(text) is not None
