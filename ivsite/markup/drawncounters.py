"""Letters a style sheet draws from numbers (red team 12, R12-06).

``counter-reset: c0 17`` with ``content: counter(c0, upper-alpha)`` draws "Q":
a style sheet can spell any name this way while no letter of it is in its bytes,
so no check that reads text can find it. An ``@counter-style`` draws whatever
symbols it lists, for any counter and any list; a list style in letters draws
them from the ``list-item`` counter a rule sets. A theme, a linked SVG's or HTML
page's own ``<style>`` need none of these to number things: ``decimal`` (and
bullets) stay allowed, so a numbered list or "Step 3" still is.

:func:`counter_drawing` names each in a style sheet; :func:`page_counters` in a
page's or drawing's style sheets and style attributes. The filter refuses a
linked file with one (ivsite.readers.activefiles, ``drawn-markup``; a note's raw
HTML may hold no style sheet, and its counters are ``drawn-markup`` already:
ivsite.markup.drawnhtml); the audit refuses any written file with one as unsafe
markup (ivsite.audit.markupchecks), a theme's included.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from .rawhtml import Tag, tags

_PLAIN = frozenset({"decimal", "decimal-leading-zero", "disc", "circle", "square",
                    "disclosure-open", "disclosure-closed", "none"})
"""Counter styles that draw digits or bullets, never letters."""
_KEYWORDS = frozenset({"inside", "outside", "initial", "inherit", "unset", "revert",
                       "revert-layer"})
_LIST_ITEM = re.compile(r"counter-(?:reset|set|increment)\s*:[^;{}]*(?<![\w-])list-item\b", re.I)
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([^;{}]*)", re.I)
_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_AT_RULE = re.compile(r"@counter-style\b\s*([^\s{;]*)", re.I)
_COUNTER = re.compile(r"(?<![\w-])(counters?)\(((?:[^()]|\([^()]*\))*)\)", re.I)
_STRING = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""", re.S)
_STYLE_SHEET = re.compile(r"<style\b[^>]*>(.*?)(?:</style\s*>|\Z)", re.I | re.S)


def counter_drawing(css: str) -> Iterator[str]:
    """Each ``@counter-style`` rule and each ``counter()``/``counters()`` in a
    style other than digits or bullets, as a phrase (escapes and comments read as
    a browser reads them)."""
    css = _ESCAPE.sub(_char, _COMMENT.sub("", css))
    for m in _AT_RULE.finditer(css):
        yield (f"an @counter-style rule ({m.group(1) or 'unnamed'}), which draws the "
               "symbols it lists")
    for m in _COUNTER.finditer(css):
        args = [a.strip() for a in _STRING.sub('""', m.group(2)).split(",")]
        style = args[2 if m.group(1).casefold() == "counters" else 1] \
            if len(args) > (2 if m.group(1).casefold() == "counters" else 1) else "decimal"
        if style.casefold() not in _PLAIN:
            yield (f"the counter '{' '.join(m.group(0).split())}', which draws letters from "
                   "numbers (only decimal counters are published)")
    if _LIST_ITEM.search(css):  # a list's markers, numbered by the sheet: the same
        for m in _LIST_STYLE.finditer(css):
            if any(w.casefold() not in _PLAIN | _KEYWORDS for w in m.group(1).split()):
                yield (f"the list style '{m.group(1).strip()}' with the list-item counter "
                       "set, which draws letters from numbers")


def page_counters(page: str, walked: Iterable[Tag] | None = None) -> Iterator[str]:
    """As :func:`counter_drawing`, for a page's or drawing's ``<style>`` elements
    and ``style`` attributes (a page's prose about CSS is not read); ``walked``:
    the page's tags, where the caller has them."""
    probe = page.casefold()
    if "counter" not in probe and "\\" not in probe and "&" not in probe:
        return  # no counter, nor an escape or a reference that could spell one
    for m in _STYLE_SHEET.finditer(page):
        yield from counter_drawing(html.unescape(m.group(1)))
    for tag in tags(page) if walked is None else walked:
        style = tag.get("style")
        if style:
            yield from counter_drawing(style)


def _char(m: re.Match[str]) -> str:
    if m.group(1):
        code = int(m.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
    return m.group(2)
