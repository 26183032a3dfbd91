"""A did-you-mean for a link to a note not written yet.

Vault users link to notes before writing them, so such a link is a warning, and
the hint names the closest title, alias or file name within a few edits
(``[[Marketing Cordinator]]`` → "Marketing Coordinator"). It only ever names a
note that every audience of the linking note may see: a hint is printed in the
terminal, the JSON and the preview's overlay, and a public note's hint must not
teach its author (or anyone watching the overlay) the name of a private note.
"""

from __future__ import annotations

from ..markdown.notes import Note, ValidSite
from ..switches.lookalike import distance

_RANK = {"public": 0, "mentor": 1, "private": 2}


def suggest(site: ValidSite, note: Note, name: str) -> str:
    """The hint for ``[[name]]`` written in ``note``."""
    wanted = name.casefold().strip()
    best: tuple[int, str] | None = None
    for other in site.notes:
        if _RANK[other.visibility] > _RANK[note.visibility]:
            continue  # an audience of this note may not see that one
        for candidate in _names(other):
            d = distance(wanted, candidate.casefold())
            if d <= max(2, len(wanted) // 5) and (best is None or (d, candidate) < best):
                best = (d, candidate)
    tail = "write that note, or leave it: the link reads as plain text until you do"
    if best is None:
        return tail
    return f"did you mean [[{best[1]}]]? Otherwise {tail}"


def _names(note: Note) -> list[str]:
    out = [note.key.rsplit("/", 1)[-1], *note.meta.aliases]
    if note.meta.title:
        out.append(note.meta.title)
    return out
