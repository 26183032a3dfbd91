"""The classes and ids a theme's style sheets hide or move off screen.

The default theme hides its skip link above the page (``.skip-link``: absolute,
``top: -10rem``), its menu button on wide screens (``.menu-toggle``: display
none) and its screen-reader labels. Written in a note's raw HTML, such a class
splits a name the reader sees whole (``Quen<span class="skip-link">ch</span>tin``,
red team 4, J10), as a ``style`` attribute would. A list of hiding class names
cannot know a theme's own, so they are read from its style sheets: the filter
refuses them in a note (ivsite.markup.hidinghtml) and the audit leaves them out of its
on-screen reading (ivsite.readers.onscreen), each reading the sheets on its own.

What counts hides or moves content on some screen, at some width, on print:
display none, visibility hidden, absolute or fixed position (the element leaves
the line), clip and clip-path, a zero or tiny font size, opacity, width or
height, a negative text indent, a transform and a transparent colour. Only the
classes and ids of a selector's last compound count (``.note-side .toc-side``
hides ``.toc-side``); a pseudo-element's rule (``::before``) hides no content.
A size given by a custom property (``var(--x)``) is not resolved.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from ..markup.hidinghtml import _NUMBER, _TINY, _ZERO_FONT, _transparent

_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COMBINATOR = re.compile(r"\s*[\s>+~]\s*")
_ARGUMENTS = re.compile(r"\([^()]*\)")
_NAMES = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")


def _tiny(value: str) -> bool:
    """A size too small to read (numbers only: a custom property is not resolved)."""
    return any(float(m.group(1)) < _TINY[(m.group(2) or "").casefold()]
               for m in _NUMBER.finditer(value))


def _negative(value: str) -> bool:
    return any(float(m.group(1)) < 0 for m in _NUMBER.finditer(value))


_HIDES: dict[str, Callable[[str], bool]] = {
    "display": lambda v: "none" in v,
    "visibility": lambda v: "hidden" in v or "collapse" in v,
    "position": lambda v: "absolute" in v or "fixed" in v,
    "clip": lambda v: v not in ("auto", "initial", "unset", "inherit"),
    "clip-path": lambda v: v not in ("none", "initial", "unset", "inherit"),
    "opacity": _tiny, "font-size": _tiny, "width": _tiny, "height": _tiny,
    "max-width": _tiny, "max-height": _tiny, "zoom": _tiny,
    "font": lambda v: _ZERO_FONT.search(v) is not None,
    "text-indent": _negative,
    "transform": lambda v: v not in ("none", "initial", "unset", "inherit"),
    "scale": lambda v: _tiny(v), "translate": _negative,
    "color": _transparent, "-webkit-text-fill-color": _transparent,
}


def hiding_rule(declarations: str) -> str | None:
    """The first declaration of a rule that hides or moves its element, or None."""
    for decl in declarations.split(";"):
        prop, colon, value = decl.partition(":")
        test = _HIDES.get(prop.strip().casefold())
        value = value.casefold().replace("!important", "").strip()
        if colon and test is not None and value and test(value):
            return f"{prop.strip().casefold()}: {value}"
    return None


def hiding_names(css: str) -> dict[str, str]:
    """'.class' and '#id' → the declaration that hides it, for every rule of a style
    sheet that hides (see the module's docstring)."""
    return dict(_hiding_names(css))


@functools.lru_cache(maxsize=64)
def _hiding_names(css: str) -> tuple[tuple[str, str], ...]:
    """As :func:`hiding_names`, kept for the style sheets read again: every build
    reads the theme's own, and the preview and a test run build many times."""
    out: dict[str, str] = {}
    for rule in _RULE.finditer(_COMMENT.sub("", css)):
        why = hiding_rule(rule.group(2))
        if why is None:
            continue
        for selector in rule.group(1).split(","):
            last = _COMBINATOR.split(_ARGUMENTS.sub("", selector.strip()))[-1]
            if "::" in last or re.search(r":(?:before|after)\b", last, re.I):
                continue
            for kind, name in _NAMES.findall(last):
                out.setdefault(kind + name, why)
    return tuple(out.items())


def sheets_hiding(sheets: Iterable[tuple[str, bytes]]) -> dict[str, str]:
    """The hiding names of every ``.css`` file among (path, bytes)."""
    out: dict[str, str] = {}
    for rel, data in sheets:
        if rel.casefold().endswith(".css"):
            for name, why in hiding_names(data.decode("utf-8", errors="ignore")).items():
                out.setdefault(name, why)
    return dict(sorted(out.items()))
