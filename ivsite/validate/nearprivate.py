"""A link to a note not written yet that is a slip for a withheld note's name.

Such a link is shown as its text, and its text is then the withheld note's title,
file name or alias almost as written (red team 18, R18-07: ``[[Leaving Northbrok
for Veltrano]]`` for the private "Leaving Northbrook for Veltrano"). Where an
audience that may not read that note would see the link, it is an error
(``near-private-link``) instead of a note-not-written-yet warning; closeness is
ivsite.text.nearnames's. The audit holds such a link's text withheld on its own
(ivsite.audit.nearlinks).
"""

from __future__ import annotations

from ..core.diagnostics import Diagnostic
from ..markdown.notes import Note, ValidSite
from ..text.nearnames import near
from .namingfiles import LEVEL


def names(note: Note) -> list[str]:
    """The names a link reaches a note by: its path, file name, slug, title and aliases."""
    return [note.key, note.key.rsplit("/", 1)[-1], note.slug, note.meta.title or "",
            *note.meta.aliases]


def withheld_near(site: ValidSite, note: Note, line: int, written: str) -> Note | None:
    """The note withheld from some audience of ``line`` in ``note`` that the link
    target ``written`` is a slip for, or None."""
    kinds = {k for ln in note.cut.lines if ln.src + note.body_line == line for k in ln.kinds}
    at = max([LEVEL[note.visibility], *(LEVEL[k] for k in kinds if k in LEVEL)])
    for other in site.notes:
        if LEVEL[other.visibility] > at and any(near(written, n) for n in names(other) if n):
            return other
    return None


def near_private_link(site: ValidSite, note: Note, line: int, written: str,
                      ) -> Diagnostic | None:
    """The error for a link to no note written at ``line`` of ``note``, if it looks
    like a link to a note its readers may not see."""
    other = withheld_near(site, note, line, written)
    if other is None:
        return None
    return Diagnostic(note.source, line, 1, "error", "near-private-link",
                      f"'[[{written}]]' names no note, but is close to the name of the "
                      f"{other.visibility} note {other.source}; shown as plain text it "
                      "would publish that name almost as written",
                      "fix the link so that it names the note exactly (it is then shown as "
                      "'a private note'), give it a label ([[name|label]]), or remove it")
