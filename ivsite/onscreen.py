"""A page's text as a browser puts it on screen, for the audit to read.

The text with its tags taken out is what a search engine reads; a screen shows
less and more. Less: an element hidden by an attribute (``hidden``), by a style
(any ``style`` attribute may hide: ``display:none``, ``font-size:0``, a zero
width, a transparent colour, a position off screen …), by a class a style sheet
names or by a class such as ``visually-hidden``, and ``<template>``/``<noscript>``
content, however deeply nested. More: CSS generated content (``::before``/
``::after`` with ``content: "…"`` or ``attr(…)``). A name split by any of these
("Ja<span style="font-size:0">xq</span>ne") meets again in this reading
(red-team F8). It is an over-reading on purpose: it drops every element a
style *could* hide, so that no way of hiding has to be known in advance. It is
one reading among several (ivsite.readable); what it drops is in the others.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

_PIECE = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^>]*>?|<\?[^>]*>?"
    r"|<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|[^<]+|<", re.S)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_RAW = frozenset({"script", "style", "textarea", "title", "xmp"})
"""Elements whose content is text up to their closing tag, never markup."""
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr"})
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "tspan", "textpath", "wbr", "label", "output", "big", "tt", "nobr", "slot"})
"""Elements that sit inside a word as easily as between words."""
_HIDING_CLASS = re.compile(r"hid|invisible|sr-only|visually|offscreen|off-screen|clip", re.I)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_PSEUDO = re.compile(r"::?(before|after)\b", re.I)
_CONTENT = re.compile(r"(?:^|;)\s*content\s*:([^;]*)", re.I)
_CSS_STRING = re.compile(r""""((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|attr\(\s*([\w-]+)\s*\)""",
                         re.I | re.S)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_COMPOUND = re.compile(r"([\w-]+|\*)?((?:[.#][\w-]+|\[[^\]]*\]|:[\w-]+(?:\([^)]*\))?)*)$")
_NAMES = re.compile(r"([.#])([\w-]+)")


@dataclass(frozen=True)
class _Generated:
    """A ``::before``/``::after`` rule: on which elements, where, and what it says."""

    tag: str
    names: frozenset[str]
    """'.class' and '#id' the element must carry."""
    after: bool
    parts: tuple[tuple[bool, str], ...]
    """(is an attribute name, text) in order."""

    def matches(self, tag: str, names: set[str]) -> bool:
        return self.tag in ("", "*", tag) and self.names <= names


def on_screen(page: str) -> str:
    """The page's text as a browser shows it (see the module's docstring)."""
    styles = [m.group(1) for m in re.finditer(
        r"<style\b[^>]*>(.*?)(?:</style\s*>|\Z)", page, re.I | re.S)]
    generated, styled = _rules(_CSS_ESCAPE.sub(_css_char, re.sub(
        r"/\*.*?(?:\*/|\Z)", "", "\n".join(styles), flags=re.S)))
    return html.unescape("".join(_shown(page, generated, styled)))


def _shown(page: str, generated: list[_Generated], styled: set[str]) -> Iterator[str]:
    skip: tuple[str, int] | None = None  # the hidden element being left out, its depth
    raw_end = 0
    for m in _PIECE.finditer(page):
        if m.start() < raw_end:
            continue
        name = (m.group(2) or "").casefold()
        if not name:
            if skip is None and not m.group(0).startswith("<"):
                yield m.group(0)
            continue
        closing = bool(m.group(1))
        if name in _RAW and not closing:
            end = re.compile(rf"</{name}\s*>", re.I).search(page, m.end())
            raw_end = end.end() if end else len(page)
            if skip is None and name in ("textarea", "title"):
                yield " " + page[m.end():end.start() if end else len(page)] + " "
            continue
        if skip is not None:
            if name == skip[0] and not m.group(3).rstrip().endswith("/"):
                depth = skip[1] + (-1 if closing else 1)
                skip = None if depth == 0 else (name, depth)
            continue
        attrs = {a.group(1).casefold(): html.unescape(a.group(2) or a.group(3) or a.group(4)
                                                      or "")
                 for a in _ATTR.finditer(m.group(3) or "")}
        joined = name in _INLINE or "style" in attrs
        if closing:
            yield "" if joined else " "
            continue
        names = {f".{c}" for c in attrs.get("class", "").split()}
        if attrs.get("id"):
            names.add(f"#{attrs['id']}")
        before = [_text(g, attrs) for g in generated if not g.after and g.matches(name, names)]
        after = [_text(g, attrs) for g in generated if g.after and g.matches(name, names)]
        hidden = ("hidden" in attrs or "style" in attrs or name in ("template", "noscript")
                  or bool(names & styled) or _HIDING_CLASS.search(attrs.get("class", ""))
                  is not None)
        # A hidden element takes no room: the letters around it meet.
        yield ("" if joined or hidden else " ") + "".join(before)
        if name in _VOID or m.group(3).rstrip().endswith("/"):
            yield "".join(after)
        elif hidden:
            yield "".join(after)  # as if the element were there, but empty
            skip = (name, 1)
        elif after:
            yield "".join(after)  # close enough: the element's end is not tracked


def _text(rule: _Generated, attrs: dict[str, str]) -> str:
    return "".join(attrs.get(text, "") if is_attr else text for is_attr, text in rule.parts)


def _css_char(m: re.Match[str]) -> str:
    if m.group(1):
        code = int(m.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF else ""
    return "\\" + m.group(2) if m.group(2) in "\"'\\" else m.group(2)


def _rules(css: str) -> tuple[list[_Generated], set[str]]:
    """The generated-content rules of a page's style sheets, and the classes and ids
    named by its other rules (which may hide them)."""
    generated: list[_Generated] = []
    styled: set[str] = set()
    for rule in _RULE.finditer(css):
        content = _CONTENT.search(rule.group(2))
        for selector in rule.group(1).split(","):
            pseudo = _PSEUDO.search(selector)
            last = selector[:pseudo.start()] if pseudo else selector
            compound = _COMPOUND.search(last.strip().split()[-1] if last.split() else "")
            if compound is None:
                continue
            names = frozenset(m.group(1) + m.group(2) for m in _NAMES.finditer(
                compound.group(2)))
            if pseudo and content:
                parts = tuple((bool(s.group(3)), s.group(3) or (s.group(1) if s.group(1)
                              is not None else s.group(2)).replace("\\", ""))
                              for s in _CSS_STRING.finditer(content.group(1)))
                generated.append(_Generated((compound.group(1) or "").casefold(), names,
                                            pseudo.group(1).casefold() == "after", parts))
            elif not pseudo:
                styled |= names
    return generated, styled
