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
one reading among several (ivsite.readers.readable); what it drops is in the others,
so on a page without a style sheet of its own only the words around what it
drops are given (the rest of the page reads as in the tag-free reading), once
with it dropped and once with it kept and every tag taken out without a space:
a style may as well put blocks side by side (``display:inline``, red-team H3).
"""

from __future__ import annotations

import functools
import html
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick

PIECE = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^>]*>?|<\?[^>]*>?"
    r"|<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|[^<]+|<", re.S)
ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
RAW = frozenset({"script", "style", "textarea", "title", "xmp"})
"""Elements whose content is text up to their closing tag, never markup."""
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr"})
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "tspan", "textpath", "wbr", "label", "output", "big", "tt", "nobr", "slot",
    "acronym", "button"})
"""Elements that sit inside a word as easily as between words (and any custom
element, a name with a dash: inline unless a style says otherwise)."""
_HIDING_CLASS = re.compile(r"hid|invisible|sr-only|visually|offscreen|off-screen|clip", re.I)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_PSEUDO = re.compile(r"::?(before|after|marker)\b", re.I)
"""A ``::marker`` draws its content before the item's text as ``::before`` does."""
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


def on_screen(page: str, hidden: frozenset[str] = frozenset()) -> str:
    """The page's text as a browser shows it (see the module's docstring), where it
    differs from the text with its tags taken out: around each element left out.

    A page with a style sheet of its own is read element by element (its rules may
    hide or write text anywhere); any other page only where something is hidden,
    which is found with a pattern (a theme's pages are mostly plain markup, and the
    audit reads every one of them).

    ``hidden``: the '.class' and '#id' names the site's style sheets hide (see
    ivsite.audit.sheethiding): left out as a class that says it hides is (red team 4,
    J10)."""
    styles = [m.group(1) for m in _STYLE_SHEET.finditer(page)]
    if styles:
        generated, styled = _rules(_CSS_ESCAPE.sub(_css_char, re.sub(
            r"/\*.*?(?:\*/|\Z)", "", "\n".join(styles), flags=re.S)))
        return html.unescape("".join(_shown(page, generated, styled | hidden)))
    return html.unescape(_around(page, list(_hidden_spans(page, hidden))))


_STYLE_SHEET = re.compile(r"<style\b[^>]*>(.*?)(?:</style\s*>|\Z)", re.I | re.S)
_HINT_WORDS = ["<!--", "<![cdata[", "<template", "<noscript", "hid", "style", "invisible",
               "sr-only", "visually", "offscreen", "off-screen", "clip"]
"""Where a comment or an element that may be hidden could start, found in one pass
(a theme's pages are long, and a regular expression with these alternatives
reads them at a few megabytes a second)."""
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
"""Lower case that keeps every index (str.lower() may not: 'İ' becomes two),
for the rare page where str.lower() does not (str.translate is slow)."""
_HIDING_TAG = (
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<(template|noscript)\b[^>]*>"
    r"|<([A-Za-z][\w:.-]*)\b(?=[^>]*?(?:\s(?:hidden|style)\b|\sclass\s*=\s*[\"']?[^\"'>]*?"
    r"(?:hid|invisible|sr-only|visually|offscreen|off-screen|clip){sheet}))[^>]*>")
"""A comment, or an element that may be hidden: what the reading leaves out."""


@functools.lru_cache(maxsize=8)
def _finders(hidden: frozenset[str]) -> tuple[AhoCorasick, re.Pattern[str]]:
    """The hints and the pattern of elements that may be hidden, with the classes
    and ids a style sheet hides (one pair per site's sheets)."""
    classes = sorted(n[1:] for n in hidden if n.startswith("."))
    ids = sorted(n[1:] for n in hidden if n.startswith("#"))
    sheet = "".join(
        rf"|\s{attr}\s*=\s*[\"']?(?:[^\"'>]*?\s)?(?:{'|'.join(map(re.escape, names))})(?![\w-])"
        for attr, names in (("class", classes), ("id", ids)) if names)
    return (AhoCorasick([*_HINT_WORDS, *(n.lower() for n in (*classes, *ids))]),
            re.compile(_HIDING_TAG.format(sheet=sheet), re.I | re.S))
_SEAM = "\x00"
_TAGS = re.compile(r"<[^>]*>")
_INLINE_TAGS = re.compile(r"</?(?:(?:" + "|".join(sorted(_INLINE)) + r")\b|[A-Za-z][\w.]*-)[^>]*>",
                          re.I)
_WINDOW = 120
"""Characters of text read on each side of a place where something was left out,
widened to the tags that end the text there (see :func:`_words_around`)."""
_EDGE = "\x02"
"""Stands where a tag other than an inline one stood: a window of text ends at
one, never inside a run of text, where it could cut a name in two ("Conversation
with Priya" of "… Priya Suzuki": the given name alone, which the consented full
name no longer excused, failed a build of 4,000 generated notes)."""
_BLOCK_TAG = re.compile(r"<(?!/?(?:(?:" + "|".join(sorted(_INLINE)) + r")\b|[A-Za-z][\w.]*-))",
                        re.I)


def _hidden_spans(page: str, hidden: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Where the comments and the elements that may be hidden stand, outermost only."""
    hints, hiding_tag = _finders(hidden)
    end = 0
    lower = page.lower()
    if len(lower) != len(page):  # a letter whose lower case is longer: keep the indexes
        lower = page.translate(_ASCII_LOWER)
    for _, at, _ in hints.find_matches_as_indexes(lower):
        if at < end:
            continue  # inside one already left out
        m = hiding_tag.match(page, page.rfind("<", 0, at + 1))
        if m is None or m.end() <= at or m.start() < end:
            continue  # a word in the text, or an attribute of a tag that hides nothing
        name = (m.group(1) or m.group(2) or "").casefold()
        end = m.end()
        if name and name not in VOID and not m.group(0).endswith("/>"):
            depth = 1
            for t in re.compile(rf"<(/?){re.escape(name)}\b[^>]*>", re.I).finditer(page, end):
                depth += -1 if t.group(1) else 0 if t.group(0).endswith("/>") else 1
                if depth == 0:
                    end = t.end()
                    break
            else:
                end = len(page)
        yield m.start(), end


def _around(page: str, spans: list[tuple[int, int]]) -> str:
    """The text around each span once the spans are left out (letters on both
    sides meet), in stretches of whole words: spans near each other make one
    stretch, read from the markup a little way around them (not the whole page)."""
    out: list[str] = []
    i = 0
    while i < len(spans):
        group = [spans[i]]
        while i + 1 < len(spans) and spans[i + 1][0] - group[-1][1] < 2 * _RAW_WINDOW:
            i += 1
            group.append(spans[i])
        i += 1
        first = _block_start(page, max(group[0][0] - _RAW_WINDOW, 0))
        found = _BLOCK_TAG.search(page, min(group[-1][1] + _RAW_WINDOW, len(page)))
        last = found.start() if found else len(page)
        kept, at = [], first
        for start, end in group:
            kept += [page[at:start], _SEAM]
            at = end
        kept.append(page[at:last])
        out.append(_words_around(_TAGS.sub(f" {_EDGE} ", _INLINE_TAGS.sub("", "".join(kept)))))
        out.append(_joined(page[first:last], [start - first for start, _ in group]))
    return " \n ".join(out)


def _block_start(page: str, at: int) -> int:
    """Where the text before ``at`` begins: just after the nearest tag before it
    that is not an inline one (``at`` may stand inside a tag or a text)."""
    start = page.rfind("<", 0, at + 1)
    while start > 0 and not _BLOCK_TAG.match(page, start):
        start = page.rfind("<", 0, start)
    if start < 0:
        return 0
    end = page.find(">", start)
    return len(page) if end < 0 else end + 1


def _joined(markup: str, starts: list[int]) -> str:
    """The words around each start with the elements kept and every tag taken out
    without a space: a style may as well put blocks side by side (display:inline,
    flex, float), so ``<div style=…>Ja</div><div>ne</div>`` reads "Jane" (red-team H3)."""
    for start in reversed(starts):
        markup = markup[:start] + _SEAM + markup[start:]
    return _words_around(_TAGS.sub(_EDGE, _INLINE_TAGS.sub("", markup)))


_RAW_WINDOW = 600
"""Characters of markup read on each side of what was left out."""


def _words_around(text: str) -> str:
    """The text within _WINDOW characters of each seam, widened to the tags
    (:data:`_EDGE`) around it, seams and edges taken out."""
    pieces = text.split(_SEAM)
    text = "".join(pieces)
    out, stop, at = [], 0, 0
    for piece in pieces[:-1]:
        at += len(piece)  # where the seam stood, once the seams are gone
        begin = max(at - _WINDOW, stop)
        begin = max(text.rfind(_EDGE, 0, begin) + 1, stop) if begin > stop else begin
        stop_at = text.find(_EDGE, at + _WINDOW)
        stop = len(text) if stop_at < 0 else stop_at
        out.append(text[begin:stop])
    return " \n ".join(out).replace(_EDGE, "")


def _shown(page: str, generated: list[_Generated], styled: set[str]) -> Iterator[str]:
    skip: tuple[str, int] | None = None  # the hidden element being left out, its depth
    raw_end = 0
    for m in PIECE.finditer(page):
        if m.start() < raw_end:
            continue
        name = (m.group(2) or "").casefold()
        if not name:
            if skip is None and not m.group(0).startswith("<"):
                yield m.group(0)
            continue
        closing = bool(m.group(1))
        if name in RAW and not closing:
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
                 for a in ATTR.finditer(m.group(3) or "")}
        joined = name in _INLINE or "-" in name or "style" in attrs
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
        if name in VOID or m.group(3).rstrip().endswith("/"):
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
