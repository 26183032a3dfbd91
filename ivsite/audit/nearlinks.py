"""The text of a wiki link that names no note but is a slip for a withheld note's
name: a withheld title to the audit (red team 18, R18-07).

A link to no note is shown as its text, so ``[[Leaving Northbrok for Veltrano]]``
published the private "Leaving Northbrook for Veltrano" with one letter off,
which the audit's search for the title as written did not find. The audit reads
the links from the visible notes' source with a pattern of its own (not the
parser's tokens, not the link check's verdict: ivsite.validate.nearprivate) and
holds each such link's text withheld wherever it would be printed. Closeness is
the one measure of ivsite.text.nearnames.
"""

from __future__ import annotations

import re

from ..markdown.notes import Note, ValidSite
from ..text.nearnames import name_words, near
from .secret import Secret
from .visibility import audit_visibility

KIND = "withheld title, misspelt in a link"

_LINK = re.compile(r"!?\[\[([^\[\]|#\n]{1,300})(?:[#|][^\[\]\n]*)?\]\]")


def _names(note: Note) -> set[str]:
    return {n for n in (note.key, note.key.rsplit("/", 1)[-1], note.slug,
                        note.meta.title or "", *note.meta.aliases) if n.strip()}


def near_link_secrets(site: ValidSite, sees: frozenset[str]) -> list[Secret]:
    """Each visible note's wiki-link target that is no note's name and is close to
    the name of a note this audience may not read."""
    hidden: list[tuple[Note, set[str]]] = []
    exact: set[tuple[str, ...]] = set()
    for note in site.notes:
        names = _names(note)
        exact.update(name_words(n.removesuffix(".md")) for n in names)
        if audit_visibility(note, site) not in sees:
            hidden.append((note, names))
    if not hidden:
        return []
    out: list[Secret] = []
    for note in site.notes:
        if audit_visibility(note, site) not in sees or "[[" not in note.fm.body:
            continue
        for m in _LINK.finditer(note.fm.body):
            written = m.group(1).strip().removesuffix(".md")
            if name_words(written) in exact:
                continue  # a note's name: the filter shows it or "a private note"
            if any(near(written, n) for _, names in hidden for n in names):
                line = note.fm.body.count("\n", 0, m.start()) + note.body_line
                out.append(Secret(KIND, written, note.source, line))
    return out
