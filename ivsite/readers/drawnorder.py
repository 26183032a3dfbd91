"""A page rewritten in the order a browser draws it, where that is not the
order it is written in (red team 10, R10-39).

Two ways HTML itself, with no style, draws its parts in another order:

- a declarative shadow root (``<template shadowrootmode="open">`` as an element's
  first child, every current browser): the template's content is drawn in
  place of the element's children, each ``<slot name=…>`` drawing the children
  with that ``slot`` attribute (a ``<slot>`` with no name: the children with
  none; a slot nothing is assigned to: its own content), and children no slot
  takes are not drawn. "Zabrowski … Quentin" in the source is drawn "Quentin
  Zabrowski" by ``<slot name="b"></slot> <slot name="a"></slot>``;
- a table: its ``<caption>`` and first ``<thead>`` are drawn first and its first
  ``<tfoot>`` last, wherever they are written (CSS 2.1, 17.2).

:func:`drawn_orders` gives the page rewritten so (the markup, for ivsite.readers.readable
to read as it reads any page); none where the page has neither. Style-driven
reordering (``order``, ``float``, grid places, ``display: table-footer-group``)
is ivsite.markup.drawntext's over-reading.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"<!--.*?(?:-->|\Z)|<[!?][^>]*>?"
                    r"|<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|[^<]+|<", re.S)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr", "keygen"})
_RAW = frozenset({"script", "style", "textarea", "title", "xmp"})
_SHADOW = re.compile(r"<template\b[^>]*?\sshadowroot(?:mode)?\s*=", re.I)
_TABLE_PARTS = re.compile(r"<(?:thead|tfoot|caption)\b", re.I)
_SLOT_ATTR = re.compile(r"""\sslot\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_NAME_ATTR = re.compile(r"""\sname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_ROUNDS = 8
"""Shadow roots inside slotted content or inside a shadow root, rewritten one a
round: a bound, so a crafted page cannot make the rewriting run long."""

Node = tuple[int, int, str]
"""A child of an element: its start and end in the markup, and its tag name
("" for text)."""


def drawn_orders(markup: str) -> list[str]:
    """The page as drawn where its shadow roots or its tables' header and footer
    groups put parts in another order; empty otherwise."""
    out = []
    page = markup
    for _ in range(_ROUNDS):
        if not (m := _SHADOW.search(page)):
            break
        page = _with_shadow(page, m.start())
    if _TABLE_PARTS.search(page):
        page = _tables(page)
    if page != markup:
        out.append(page)
    return out


def _children(markup: str, start: int, stop: int) -> tuple[list[Node], int]:
    """The children of the element whose content starts at ``start`` (up to its
    end tag, or ``stop``), and where its content ends."""
    nodes: list[Node] = []
    stack: list[str] = []
    at = start
    raw = ""
    for m in _TOKEN.finditer(markup, start, stop):
        closing, name, attrs = m.group(1), (m.group(2) or "").lower(), m.group(3) or ""
        if raw:
            if closing and name == raw:
                raw = ""
                stack.pop()
                if not stack:
                    nodes.append((at, m.end(), name))
            continue
        if not name:
            if not stack:
                nodes.append((m.start(), m.end(), ""))
            continue
        if closing:
            if not stack:
                return nodes, m.start()
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
                if not stack:
                    nodes.append((at, m.end(), name))
            continue
        if not stack:
            at = m.start()
        if name in _VOID or attrs.rstrip().endswith("/"):
            if not stack:
                nodes.append((at, m.end(), name))
            continue
        stack.append(name)
        if name in _RAW:
            raw = name
    return nodes, stop


def _attr(pattern: re.Pattern[str], tag: str) -> str | None:
    m = pattern.search(tag)
    return None if m is None else next(g for g in m.groups() if g is not None)


def _with_shadow(page: str, at: int) -> str:
    """The page with the shadow root at ``at`` drawn into its host."""
    tag_end = page.find(">", at) + 1
    _, end = _children(page, tag_end, len(page))
    close = page.find(">", end) + 1 if end < len(page) else len(page)
    light, host_end = _children(page, close, len(page))
    # The children after the template, by slot; the template's children again,
    # with each slot replaced by what it draws.
    slotted: dict[str, list[str]] = {}
    for start, stop, name in light:
        piece = page[start:stop]
        key = _attr(_SLOT_ATTR, piece[:piece.find(">") + 1]) if name else None
        slotted.setdefault(key or "", []).append(piece)
    drawn = page[tag_end:end]
    for m in reversed(list(re.finditer(r"<slot\b[^>]*>", drawn, re.I))):
        _, inner_end = _children(drawn, m.end(), len(drawn))
        slot_close = drawn.find(">", inner_end) + 1 if inner_end < len(drawn) else len(drawn)
        name = _attr(_NAME_ATTR, m.group(0)) or ""
        fill = "".join(slotted.get(name, [])) or drawn[m.end():inner_end]
        drawn = drawn[:m.start()] + fill + drawn[slot_close:]
    return page[:at] + drawn + page[host_end:]


def _tables(page: str) -> str:
    """Each table's caption and first header group first, first footer group last."""
    out, at = [], 0
    for m in re.finditer(r"<table\b[^>]*>", page, re.I):
        if m.start() < at:
            continue
        nodes, end = _children(page, m.end(), len(page))
        first = {k: next((n for n in nodes if n[2] == k), None) for k in ("thead", "tfoot")}
        order = [n for n in nodes if n[2] == "caption"] + \
            [n for n in (first["thead"],) if n] + \
            [n for n in nodes if n[2] != "caption" and n not in first.values()] + \
            [n for n in (first["tfoot"],) if n]
        out += [page[at:m.end()], *(page[s:e] for s, e, _ in order)]
        at = end
    return "".join(out) + page[at:]
