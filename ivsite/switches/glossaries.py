"""Where a note's body is a glossary: terms that are defined, not labels.

A definition list's term and a lead-in label opening a list item are where an
author labels a passage (``Private`` / ``: she is leaving in March``), so
ivsite.validate.bodymarkers reads them as labels. A glossary has the same shape
and defines the words of a trade (red team 16, R16-06): ``NDA`` / ``: a
non-disclosure agreement``, ``- **Embargo:** the time before which a release may
not be reported``, ``Public``, ``Internal``, ``Confidential`` as a classification's
levels. There the privacy word is a topic, not a switch.

This module finds glossaries by shape: a definition list with at least
:data:`MIN_TERMS` terms, where at least one term is no privacy label (a list of
nothing but "Private", "Secret", "Confidential" labels passages). Not a list
whose items open with a term and a colon: that is also how interview notes are
written as fields ("- Role: analyst / - Salary: 60k / - Off the record: she is
leaving"), and there the label withholds; such a glossary stays refused.
ivsite.validate.bodyprivacy then judges a privacy word among its terms as a
term (a warning, ``glossary-term``), and the audit holds no definition of one
withheld (ivsite.audit.labelled), unless the term says more than a word of the trade can (see
ivsite.switches.markerwords.glossary_term: "Do not publish", "Mentor only",
"Private" stay errors).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from ..markdown.dialect import with_lines
from .markerwords import label_marker

GLOSSARIES = True
"""Whether glossaries are told from labels (tests switch it off to show that the
glossary is then refused)."""
MIN_TERMS = 3
"""A glossary defines this many terms or more: two are as often a label and a field."""

_EMPHASIS = r"(?:\*\*|__|\*|_)?"
_LEAD_TERM = re.compile(
    r"\A[ \t]*" + _EMPHASIS + r"(?P<term>[^\W\d_][^:*_\n\u2013\u2014]{0,58}?)[ \t]*"
    + r"(?::[ \t]*" + _EMPHASIS + r"|" + _EMPHASIS + r"[ \t]*(?::|[\u2013\u2014]|-(?=[ \t])))"
    + r"[ \t]*\S")
"""An item that opens with a term, a colon or a dash, and its definition: ``**NDA:**
a non-disclosure agreement``, ``Retainer: a monthly fee``, ``**Pitch** — a proposal``."""


def glossary_terms(tokens: list[Token]) -> dict[int, str]:
    """The terms of every glossary in ``tokens``, by body line (0-based, as
    ivsite.markdown.dialect.with_lines gives them). The filter
    (ivsite.validate.bodymarkers) and the audit (ivsite.audit.labelled) both ask."""
    if not GLOSSARIES:
        return {}
    out: dict[int, str] = {}
    for terms in _term_groups(tokens):
        if len(terms) >= MIN_TERMS and not all(label_marker(t) for _, t in terms):
            out.update(terms)
    return out


def _term_groups(tokens: list[Token]) -> Iterator[list[tuple[int, str]]]:
    """For each definition list and each list whose every item opens with a term:
    its terms as (body line, term). Nested lists are lists of their own."""
    stack: list[tuple[list[tuple[int, str]], list[bool], bool]] = []  # (terms, items, dl)
    pending: str | None = None  # what opened the token before this inline
    for tok, src in with_lines(tokens):
        if tok.type in ("dl_open", "bullet_list_open", "ordered_list_open"):
            stack.append(([], [], tok.type == "dl_open"))
        elif tok.type in ("dl_close", "bullet_list_close", "ordered_list_close") and stack:
            terms, items, defined = stack.pop()
            if items and all(items) and defined:  # a field list labels (see above)
                yield terms
        elif tok.type in ("dt_open", "list_item_open") and stack:
            stack[-1][1].append(False)
            pending = tok.type
            continue
        elif tok.type == "inline" and stack and pending is not None:
            terms, items, _ = stack[-1]
            term = tok.content.strip() if pending == "dt_open" else _lead_term(tok.content)
            if term:
                terms.append((src, term))
                items[-1] = True
        if tok.type not in ("paragraph_open",):
            pending = None


def _lead_term(content: str) -> str:
    """The term an item's first line opens with, or "" when it opens with none."""
    m = _LEAD_TERM.match(content.split("\n", 1)[0])
    return m.group("term").strip() if m else ""
