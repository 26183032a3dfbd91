"""The text a page or drawing holds in elements a browser does not draw (red team
12, R12-10), for ivsite.readers.hiddentext.

ivsite copies a linked HTML page or SVG drawing as it is written, so an element
its author hid (``<div hidden>Private notes, do not publish …</div>``) goes out
with it: a browser does not show it, anyone who saves the file or reads its
source does. ivsite.readers.onscreen reads a page as a screen shows it, over-reading
on purpose (any element with a ``style`` may hide); this module gives the other
side, and only what is certainly hidden, so that a page's ordinary styling is no
error:

- an element with the ``hidden`` attribute, and ``<template>`` content (but a
  declarative shadow root's, which is drawn; in a
  page with a script, the attribute is not read: a script shows such an
  element, as the theme's shows its buttons; a linked file with a script is
  refused for that, ivsite.readers.activefiles);
- an element whose inline style, or an SVG presentation attribute, says
  ``display: none``, ``visibility: hidden``/``collapse``, ``opacity: 0``,
  ``font-size: 0``, a transparent colour or a zero ``clip-path``/size;
- an element a style sheet in the file hides so, by its tag, class or id (the
  last compound of the rule's selector: a descendant rule is read as hiding the
  element wherever it stands, an over-reading).

Each is given with the text of the page once every hidden element is taken out,
so that the caller judges what it hides against what it shows.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from .onscreen import ATTR, PIECE, RAW, VOID

_HIDES = (
    r"(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)"
    r"|(?:fill-)?opacity\s*:\s*0*(?:\.0*)?\s*%?\s*(?:!important\s*)?(?:[;}\"']|$)"
    r"|font-size\s*:\s*0*(?:\.0*)?\s*(?:px|em|rem|pt|%)?\s*(?:!important\s*)?(?:[;}\"']|$)"
    r"|(?:color|fill)\s*:\s*transparent|clip-path\s*:\s*inset\(\s*50%"
    r"|(?:max-)?(?:width|height)\s*:\s*0*(?:\.0*)?\s*(?:px|em|rem|%)?\s*(?:!important\s*)?(?:[;}\"']|$))")
_HIDING = re.compile(r"(?:^|[;{\s])" + _HIDES, re.I)
"""A declaration that keeps an element's text off the screen."""
_PRESENTATION = {"display": "none", "visibility": ("hidden", "collapse"),
                 "opacity": "0", "fill-opacity": "0", "font-size": "0"}
"""SVG presentation attributes that hide, and the values that do."""
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_STYLE_SHEET = re.compile(r"<style\b[^>]*>(.*?)(?:</style\s*>|\Z)", re.I | re.S)
_LAST = re.compile(r"([\w-]+|\*)?((?:[.#][\w-]+|\[[^\]]*\]|:[\w-]+(?:\([^)]*\))?)*)\s*$")
_NAMES = re.compile(r"([.#])([\w-]+)")
_SCRIPT = re.compile(r"<script\b", re.I)
_HINT = re.compile(r"<(?:template|style)\b|\s(?:display|visibility|(?:fill-)?opacity|font-size)"
                   r"\s*=|[;{\s\"']" + _HIDES, re.I)
"""What any way of hiding but the ``hidden`` attribute needs (most pages have none)."""
_HIDDEN = re.compile(r"\shidden\b", re.I)

Hidden = tuple[str, str]
"""(how it is hidden, its text)."""


def unshown(page: str) -> tuple[list[Hidden], str]:
    """Each element of a page or drawing a browser certainly does not draw, with
    its text, outermost only; and the page's text with all of them taken out."""
    scripted = _SCRIPT.search(page) is not None
    sheets = _sheet_hiding(" ".join(m.group(1) for m in _STYLE_SHEET.finditer(page)))
    found: list[Hidden] = []
    shown: list[str] = []
    skip: list[str] = []  # the hidden element's name, once per open element of that name
    how = ""
    text: list[str] = []
    raw_end = 0
    for m in PIECE.finditer(page):
        if m.start() < raw_end:
            continue
        name = (m.group(2) or "").casefold()
        if not name:
            if not m.group(0).startswith("<"):
                (text if skip else shown).append(m.group(0))
            continue
        closing = bool(m.group(1))
        if name in RAW and not closing:
            end = re.compile(rf"</{name}\s*>", re.I).search(page, m.end())
            raw_end = end.end() if end else len(page)
            if name in ("title", "textarea"):
                (text if skip else shown).append(" " + page[m.end():end.start() if end
                                                            else len(page)] + " ")
            continue
        selfclosed = name in VOID or (m.group(3) or "").rstrip().endswith("/")
        if skip:
            if name == skip[0] and not selfclosed:
                if closing:
                    skip.pop()
                else:
                    skip.append(name)
                if not skip:
                    found.append((how, html.unescape(" ".join(text))))
                    text = []
                    continue
            text.append(" ")
            continue
        shown.append(" ")
        if closing or selfclosed:
            continue
        attrs = {a.group(1).casefold(): html.unescape(a.group(2) or a.group(3) or a.group(4)
                                                      or "")
                 for a in ATTR.finditer(m.group(3) or "")}
        why = _hides(name, attrs, sheets, scripted)
        if why:
            how, skip = f"<{name} {why}>", [name]
    if skip and text:  # an element left open to the end of the page
        found.append((how, html.unescape(" ".join(text))))
    return found, html.unescape("".join(shown))


def _hides(name: str, attrs: dict[str, str], sheets: frozenset[str], scripted: bool) -> str:
    """How an element is hidden ("" when it is not certainly hidden)."""
    if "hidden" in attrs and not scripted:
        return "hidden"
    if name == "template" and not ({"shadowrootmode", "shadowroot"} & attrs.keys()):
        return "(a template)"  # a declarative shadow root's is drawn
    style = attrs.get("style", "")
    if _HIDING.search(style):
        return f"style={style.strip()!r}"
    for attr, values in _PRESENTATION.items():
        value = attrs.get(attr, "").strip().casefold()
        if value and (value in values if isinstance(values, tuple) else
                      value == values or (values == "0" and _zero(value))):
            return f"{attr}={value!r}"
    names = {name} | {f".{c}" for c in attrs.get("class", "").split()}
    if attrs.get("id"):
        names.add(f"#{attrs['id']}")
    hit = sorted(names & sheets)
    return f"hidden by the file's style sheet ({hit[0]})" if hit else ""


def _zero(value: str) -> bool:
    try:
        return float(value.rstrip("%px")) == 0
    except ValueError:
        return False


def _sheet_hiding(css: str) -> frozenset[str]:
    """The tags, '.class' and '#id' names a style sheet's hiding rules apply to."""
    names: set[str] = set()
    css = re.sub(r"/\*.*?(?:\*/|\Z)", "", css, flags=re.S)
    for rule in _RULE.finditer(css):
        if not _HIDING.search(rule.group(2)):
            continue
        for selector in rule.group(1).split(","):
            if "::" in selector or re.search(r":(?:before|after|hover|focus|active)\b",
                                             selector, re.I):
                continue  # a pseudo-element or a state: not the element's own text
            last = _LAST.search(selector.strip())
            if last is None:
                continue
            found = {n.group(1) + n.group(2) for n in _NAMES.finditer(last.group(2))}
            if not found and last.group(1) and last.group(1) != "*":
                found = {last.group(1).casefold()}
            names |= found
    return frozenset(names)


def hidden_phrases(page: str) -> Iterator[tuple[str, str]]:
    """(how, text) for each hidden element whose words the page does not show
    elsewhere (an element a menu repeats for small screens hides nothing)."""
    if _HINT.search(page) is None and (_HIDDEN.search(page) is None
                                       or _SCRIPT.search(page) is not None):
        return  # nothing that can hide (the audit reads every page: most have none)
    found, shown = unshown(page)
    if not found:
        return
    words = set(_WORD.findall(shown.casefold()))
    for how, text in found:
        said = set(_WORD.findall(text.casefold()))
        if said and not said <= words:
            yield how, text


_WORD = re.compile(r"[^\W\d_]+")
