"""Two notes with one text and two visibilities (red team 16, R16-09).

A note copied whole into another folder (a reflection, private by default,
copied into pages/, public by default) is one text the author has said two
things about: private where it was, public where it went. A hard link to a
note is refused as it is met (ivsite.load.hardlinks); a copy has the same bytes
and the visibility of its new folder. Which one the author meant cannot be
known, so the more visible copy is an error and is left out (an error only ever
withholds). Notes with the same bytes and the same visibility are left alone:
nothing in them is withheld from anyone who reads either.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.diagnostics import Diagnostics
from ..core.sourcefiles import SourceFile
from ..markdown.notes import Note

_RANK = {"private": 0, "mentor": 1, "public": 2}


def refuse_copies(notes: list[Note], sources: Iterable[SourceFile],
                  diags: Diagnostics) -> list[Note]:
    """``notes`` without each that has the bytes of a less visible note, each an error."""
    digest = {src.rel: src.digest for src in sources if src.data}
    least: dict[str, Note] = {}
    for note in notes:
        d = digest.get(note.source)
        if d is not None and (d not in least or
                              _RANK[note.visibility] < _RANK[least[d].visibility]):
            least[d] = note
    refused: set[str] = set()
    for note in notes:
        first = least.get(digest.get(note.source, ""))
        if first is None or _RANK[note.visibility] <= _RANK[first.visibility]:
            continue
        refused.add(note.source)
        diags.error(
            note.source, 1, 1, "copied-note",
            f"this note is {first.source} copied byte for byte, which is "
            f"{first.visibility}; here it would be {note.visibility}, so one text would "
            "be both withheld and shown",
            "delete one of the two (move the file if you mean to publish it), or give "
            "both the same `visibility:`",
        )
    return [n for n in notes if n.source not in refused]
