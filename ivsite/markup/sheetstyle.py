"""A page's own ``<style>`` sheet applied to its elements, for the readings that
need an element's style: where a box is placed, in which order, turned how.

An attached HTML page or SVG drawing can place its pieces from its style sheet
(``.c{position:absolute;left:0}``, ``.a{order:2}``, ``.t{transform:…}``: red
team 9, R9-33) instead of ``style`` attributes. ivsite.markup.drawntext and
ivsite.markup.svgtext read the ``style`` attribute; here each rule of the page's
sheets whose selector may match an element (its last compound selector,
``tag``, ``.class``, ``#id``, ``*``; what comes before it is not checked, an
over-reading) is written into that element's ``style`` attribute, ahead of the
attribute's own declarations (which win, as in a browser). Only the properties
that place or order boxes are carried, and only pages whose sheets hold one are
rewritten: a theme page without such a sheet is returned as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from .cssdecl import declarations, decoded

_STYLE_OPEN = re.compile(r"<style\b", re.I)
_SHEET = re.compile(r"<style\b[^>]*>(.*?)(?:</style\s*>|\Z)", re.I | re.S)
_PLACING = re.compile(
    r"(?<![\w-])(?:order|left|right|top|bottom|inset[\w-]*|transform|translate|rotate|scale"
    r"|position|margin-left|margin-inline-start"
    r"|grid-[\w-]+|float|direction|flex-direction|flex-flow|box-ordinal-group"
    r"|box-direction|writing-mode)\s*:", re.I)
_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
_COMPOUND = re.compile(r"([\w*-]+)?((?:[.#][\w-]+|\[[^\]]*\]|::?[\w-]+(?:\([^)]*\))?)*)\s*$")
_PART = re.compile(r"([.#])([\w-]+)")
_TAG = re.compile(r"<([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"""\s(class|id|style)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)

Rule = tuple[str, frozenset[str], str, str, bool]
"""(tag or "", classes, id or "", declarations, exact) of one selector of a sheet's
rule; exact where the selector is that tag, classes and id alone (no combinator,
pseudo-class or attribute: what these do not check)."""


_ON_ACTION = re.compile(r":(?:hover|focus|focus-within|focus-visible|active|visited|target)\b",
                        re.I)
"""A rule that applies only while the reader points, clicks or follows a link: not
how the page is drawn when opened (every saved page moves a link on hover)."""


def _rules(markup: str) -> list[Rule]:
    rules: list[Rule] = []
    for sheet in _SHEET.finditer(markup):
        for m in _RULE.finditer(decoded(sheet.group(1))):
            placing = ";".join(d for d in m.group(2).split(";") if _PLACING.search(d))
            if not placing:
                continue
            for selector in m.group(1).split(","):
                if _ON_ACTION.search(selector) or (c := _COMPOUND.search(selector.strip())) \
                        is None:
                    continue
                parts = _PART.findall(c.group(2))
                exact = (c.start() == 0 and "[" not in c.group(2) and ":" not in c.group(2)
                         and "important" not in placing.casefold())
                rules.append(((c.group(1) or "").casefold().strip("*"),
                              frozenset(n for k, n in parts if k == "."),
                              next((n for k, n in parts if k == "#"), ""), placing, exact))
    return rules


def _matched(markup: str) -> Iterator[tuple[re.Match[str], dict[str, str], list[Rule]]]:
    """Each element of ``markup`` that a placing rule may match: the tag, its
    attributes and those rules, in the sheets' order."""
    rules = _rules(markup) if _STYLE_OPEN.search(markup) is not None else []
    if not rules:
        return
    for m in _TAG.finditer(markup):
        attrs = {a.group(1).casefold(): html.unescape(a.group(2) or a.group(3) or a.group(4)
                                                      or "") for a in _ATTR.finditer(m.group(2))}
        classes = set(attrs.get("class", "").split())
        name = m.group(1).casefold()
        found = [r for r in rules if (not r[0] or r[0] == name) and r[1] <= classes
                 and (not r[2] or r[2] == attrs.get("id"))]
        if found:  # the more specific rule wins, then the later (an id, classes, a tag)
            yield m, attrs, sorted(found, key=lambda r: (bool(r[2]), len(r[1]), bool(r[0])))


def with_sheet(markup: str) -> str:
    """``markup`` with its sheets' placing rules written into the ``style``
    attributes of the elements they may match (unchanged where there are none)."""
    out, end = [], 0
    for m, attrs, found in _matched(markup):
        style = html.escape(";".join([*(r[3] for r in found), attrs.get("style", "")]),
                            quote=True)
        rest = _ATTR.sub(lambda a: a.group(0) if a.group(1).casefold() != "style" else "",
                         m.group(2)).rstrip()
        closing = "/" if rest.endswith("/") else ""
        out += [markup[end:m.start()], f'<{m.group(1)}{rest.rstrip("/")} style="{style}"{closing}>']
        end = m.end()
    return "".join(out) + markup[end:] if out else markup


def unplaced(markup: str) -> str | None:
    """Why the places of ``markup``'s boxes cannot be known, if they cannot: its
    sheets give one element two values of a placing property where a rule that
    gives one is matched only by its last part (``.r1 span{left:0}`` and ``.r2
    span{left:50px}``, ``:nth-child``, ``[data-i]``) or ``!important``: which one
    wins depends on what these do not check."""
    for m, attrs, found in _matched(markup):
        values: dict[str, tuple[str, bool]] = {}
        for rule in [*found, ("", frozenset(), "", attrs.get("style", ""), True)]:
            for prop, value in declarations(rule[3]):
                seen = values.get(prop)
                if seen is not None and seen[0] != value and not (seen[1] and rule[4]):
                    return (f"its style sheet gives <{m.group(1)}> more than one '{prop}' by "
                            "selectors the audit cannot match, so where its text is drawn "
                            "cannot be known")
                values[prop] = (value, seen[1] and rule[4] if seen else rule[4])
    return None
