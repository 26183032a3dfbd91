"""The free words Markdown and HTML give an author to label a block, read for privacy.

A code fence's info string names its block (```` ```mermaid ````, ```` ```note ````),
and an author who has seen those writes ```` ```private ````, ``~~~ do-not-publish``,
```` ```{.private} ```` or ```` ```text private ```` to keep a block out (red team 15,
R15-01). An HTML attribute can say the same by its name alone (``<div
data-private>``, ``data-draft="true"``). ivsite reads none of them as a switch and
would print the block, so each is judged here with the words of every other
marker (ivsite.switches.markerwords) and refused by ivsite.validate.bodyprivacy.
A language's name is no privacy word, so ordinary code (```` ```python ````,
```` ```text ````) is not read as one.
"""

from __future__ import annotations

import re

from .lookalike import normalise, privacy_tag, privacy_value, privacy_word
from .markerwords import comment_marker, marker_word

_BRACES = re.compile(r"\{([^{}]*)\}")
"""A fence's attribute list, Pandoc's and kramdown's ``{.class #id key=value}``."""
COMMENT_WORDS = frozenset({"comment", "comments"})
"""What a fence (or a template tag, ivsite.switches.markupwords) that keeps its text
out of a page is called in the tools that have one."""
_NO = frozenset({"false", "no", "off", "0", "n"})
_ASIDE_NAMES = ("aria-",)
"""Attributes a name of which is read for assistive technology, not for a reader
(``aria-hidden="true"`` on an icon): no marker. ``hidden`` itself hides its element
and is refused as that (ivsite.markup.hidinghtml)."""
_PREFIXES = frozenset({"data", "x"})
LABELLING = frozenset({"lang", "role"})
"""Attributes whose value is a free word that labels the element, as a ``data-``
attribute's is (R15-01: "``lang``")."""


def info_marker(info: str) -> str | None:
    """The word or words a fence's info string marks its block not for everyone
    with, or None: the words outside braces together (``do not publish``, ``text
    private``) or one by one, and each item of an attribute list (a class's or an
    id's name, ``class=``/``id=``, a privacy key set to a privacy value)."""
    plain = _BRACES.sub(" ", info)
    items = [*plain.split(), *(i for m in _BRACES.finditer(info) for i in m.group(1).split())]
    words = [i for i in items if "=" not in i]
    if words and _says(" ".join(words)):
        return " ".join(words)
    for item in items:
        key, eq, value = item.partition("=")
        value = value.strip("\"'")
        if not eq:
            if _says(item.lstrip(".#")):
                return item
        elif (key in ("class", "id") and any(_says(v) for v in value.split())) or (
                privacy_word(key) is not None and privacy_value(value)):
            return item
    return None


def _says(words: str) -> bool:
    return comment_marker(words) or normalise(words) in COMMENT_WORDS


def attribute_marker(name: str, value: str) -> str | None:
    """The privacy word an attribute's name is (``data-private``, ``data-draft``,
    ``data-do-not-publish``, ``confidential``), or the withheld word a free label's
    value is (``lang="private"``, ``role="secret"``, ``data-kind="draft"``), or None;
    an attribute set to no (``data-draft="false"``) marks nothing."""
    name = name.casefold()
    if name.startswith(_ASIDE_NAMES) or name in ("hidden", "class", "id") or (
            value.strip().casefold() in _NO):
        return None
    if (name in LABELLING or name.startswith("data-")) and privacy_tag(value):
        return value
    parts = [p for p in re.split(r"[-_:.]", name) if p]
    while parts and parts[0] in _PREFIXES:
        parts = parts[1:]
    if parts and marker_word("".join(parts)):
        return "-".join(parts)
    return next((p for p in parts if marker_word(p)), None)
