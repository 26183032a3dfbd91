"""A note named by its file in a text: ``reflections/2026-03-02-quitting-acme.md``
in an Obsidian canvas's file node, a JSON or CSV index of the vault, an HTML
page's link to the ``.md`` (red team 16, R16-12).

A withheld note's file name is its slug, and a slug often says what a title
does not ("quitting-acme"). ivsite never writes a note's source path into an
output: it links a page by its address. So a name of a note (its file name, its
slug, its title or an alias, as Obsidian names files by their titles) followed
by ``.md`` or ``.markdown``, or its path under the content folder without the
suffix (``Journal/Quitting Acme``), standing as a path's segments (not the end
of a longer name), names that note wherever it is written. In an address of
another site (``https://github.com/…/2026-03-02-quitting-acme.md``, a link to
the vault's repository) only a name of two words or more counts: one word
(``README.md``, ``salary.md``) is as likely some other site's file.

The filter (ivsite.validate.namingfiles) and the audit (ivsite.audit.notefiles)
each give their own names; this module is how a text is read for them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Generic, TypeVar
from urllib.parse import unquote

from ahocorasick_rs import AhoCorasick

V = TypeVar("V")

_SUFFIX = re.compile(r"\.(?:md|markdown)(?![\w.-])")
_NAME_CHAR = re.compile(r"[\w.-]")
_TOKEN_START = re.compile(r"""[\s"'<>()\[\]{},;|`=]""")
_ELSEWHERE = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//")
"""A token that is another site's address (``https://host/…``, ``//host/…``)."""


def folded(name: str) -> str:
    """A name as it is compared: case-folded, its spaces single, its slashes forward."""
    return " ".join(name.replace("\\", "/").casefold().split())


class NoteFiles(Generic[V]):
    """What ``names`` (each :func:`folded`) holds for the notes a text names by file:
    a name followed by a note's suffix, or a name that is a path (with a ``/``)
    standing whole."""

    def __init__(self, names: Mapping[str, V]) -> None:
        self._names = [(n, v) for n, v in names.items() if n.strip(" ./")]
        self._automaton = AhoCorasick([n for n, _ in self._names]) if self._names else None

    def __bool__(self) -> bool:
        return self._automaton is not None

    def find(self, text: str) -> list[V]:
        """The value of each name ``text`` writes as a note's file or path, once."""
        if self._automaton is None:
            return []
        text = folded_text(text)
        found: dict[int, V] = {}
        for reading in {text, unquote(text)} if "%" in text else (text,):
            for i, start, end in self._automaton.find_matches_as_indexes(reading,
                                                                         overlapping=True):
                name, value = self._names[i]
                if id(value) not in found and _names_file(reading, start, end, "/" in name):
                    found[id(value)] = value
        return list(found.values())


def folded_text(text: str) -> str:
    """A text as names are looked for in it (see :func:`folded`; its runs of spaces
    are left, as a name's single spaces match one)."""
    return text.replace("\\", "/").casefold()


def _names_file(text: str, start: int, end: int, is_path: bool) -> bool:
    """Whether the name at ``text[start:end]`` stands as a note's file: at the
    start of a path's segment, followed by a note's suffix or, for a path, by
    the end of its segment; not in another site's address."""
    if start and _NAME_CHAR.match(text, start - 1):
        return False
    if not _SUFFIX.match(text, end) and not (is_path and (
            end == len(text) or not _NAME_CHAR.match(text, end))):
        return False
    token = max((m.end() for m in _TOKEN_START.finditer(text, max(0, start - 300), start)),
                default=max(0, start - 300))
    return not _ELSEWHERE.match(text, token) or len(_WORDS.findall(text, start, end)) >= 2


_WORDS = re.compile(r"[^\W_]+")
"""A name's words: one word alone is not looked for in another site's address."""
