"""A label set off as code, an inline element or capitals where a line or sentence opens.

ivsite.validate.bodymarkers reads a line's words as text and leaves code out, so a
label set in a code span (`` `PRIVATE` Kestrel … ``) or in an element that carries
no punctuation (``<mark>private</mark> Kestrel …``, ``<small>``) was never read,
and neither was one shouted in emphasis with no colon (``**PRIVATE** Kestrel …``;
red team 15, R15-01). Each sets its word apart from the sentence it leads, as a
badge does. This module finds such a lead-in and says whether it reads as a label:

- an element that is neither emphasis nor code (``<mark>``, ``<small>``,
  ``<span>``, ``<sup>``): a badge, whatever follows;
- written in capitals (four letters or more: ``NDA`` is an abbreviation prose
  uses): a label, whatever sets it off;
- a code span: a label but for one lowercase word, which is code (``private``
  members are a Java keyword's), or an abbreviation (``NDA``);
- and any of them followed by a colon, a dash or the line's end.

Emphasis in small letters that runs on is prose (``**Private** equity is …``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from ..switches.markerwords import label_marker

_EMPHASIS = frozenset({"b", "strong", "em", "i"})
_CODE = frozenset({"code", "kbd", "samp", "tt", "var"})
_OPEN_TAG = re.compile(r"<([A-Za-z][\w-]*)\b[^>]*>\Z")
_CLOSE_TAG = re.compile(r"</([A-Za-z][\w-]*)\s*>\Z")
_BEFORE = re.compile(r"(?:\A|[.!?;][ \t]+)(?:\[[ xX]\][ \t]*)?[^\w\s(\[]*[ \t]*\Z")
"""What may stand before a lead-in on its line: nothing, a sentence's end, a task
box, symbols or an emoji."""
_SEPARATED = re.compile(r"[ \t]*(?:\Z|[:\u2013\u2014\u2192-])")
_WORDS = re.compile(r"[^\W\d_][\w' \t.-]*:?")
"""A code span of words, as a label is written: one holding markup or code
(``<!-- private -->``, ``visibility="private"``) shows syntax."""
_KEYWORD = re.compile(r"[a-z_]+|[A-Z]{2,3}s?")
"""A code span that is one lowercase word, a language's keyword, or an abbreviation
(``NDA``): no label."""


def set_off_labels(children: list[Token]) -> Iterator[tuple[int, str, bool]]:
    """Each lead-in set off where a line or a sentence opens, with the line offset
    and whether it reads as a privacy label (one that does not may still be a
    sector's, beside which "Private" compares: ivsite.switches.markerwords.compared)."""
    at, before = 0, ""
    i = 0
    while i < len(children):
        child = children[i]
        if child.type in ("softbreak", "hardbreak"):
            at, before = at + 1, ""
        elif (end := _lead(children, i)) is not None and _BEFORE.search(before):
            kinds, label = end[1], end[2]
            after = "".join(_text(c) for c in children[end[0]:]).split("\n")[0]
            yield at, label.strip(" \t:"), _reads_as_label(kinds, label.strip(), after)
            before += label
            i = end[0]
            continue
        else:
            before += _text(child)
        i += 1


def _lead(children: list[Token], i: int) -> tuple[int, set[str], str] | None:
    """The set-off that starts at ``children[i]``: (where it ends, what sets it off,
    its text), or None."""
    child = children[i]
    if child.type == "code_inline":
        return i + 1, {"code"}, child.content
    if child.type in ("strong_open", "em_open"):
        close, kinds = child.type.replace("_open", "_close"), {"emphasis"}
    elif child.type == "html_inline" and (m := _OPEN_TAG.match(child.content)):
        name = m.group(1).lower()
        close = name
        kinds = {"emphasis" if name in _EMPHASIS else "code" if name in _CODE else "badge"}
    else:
        return None
    depth, text = 0, ""
    for j in range(i + 1, len(children)):
        c = children[j]
        if c.type in ("softbreak", "hardbreak"):
            return None
        if c.type == child.type and (c.type != "html_inline" or _name(c.content) == close):
            depth += 1
        elif c.type == close or (c.type == "html_inline" and _closes(c.content, close)):
            if depth == 0:
                return j + 1, kinds, text
            depth -= 1
        elif (inner := _lead(children, j)) is not None:
            kinds |= inner[1]
        text += _text(c)
    return None


def _name(tag: str) -> str:
    m = _OPEN_TAG.match(tag)
    return m.group(1).lower() if m else ""


def _closes(tag: str, name: str) -> bool:
    m = _CLOSE_TAG.match(tag)
    return m is not None and m.group(1).lower() == name


def _text(child: Token) -> str:
    if child.type in ("text", "code_inline"):
        return child.content
    return "\n" if child.type in ("softbreak", "hardbreak") else ""


def _reads_as_label(kinds: set[str], label: str, after: str) -> bool:
    if not label or not label_marker(label):
        return False
    if kinds == {"code"} and not _WORDS.fullmatch(label):
        return False  # syntax shown as code ("`<!-- private -->` in code"), no label
    shouted = label.isupper() and sum(ch.isalpha() for ch in label) >= 4
    if "badge" in kinds or shouted or _SEPARATED.match(after) or label.endswith(":"):
        return True
    return "code" in kinds and not _KEYWORD.fullmatch(label)
