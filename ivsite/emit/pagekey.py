"""What a page is made from, as plain values: the heart of its key (see emit).

A page's context holds notes, cards, answers and plain values. Here a view note
stands in as its :attr:`~ivsite.audience.viewnote.ViewNote.digest` (which covers its body
and its card), a card (what lists, neighbours and backlinks show of a note) as
its ``card_digest``, and an answer as its note's digest and its place in it. So
the key of a page names every note it read, and how (whole or as a card): after
an edit, only the pages that read the edited note in a way that changed are
made again. A value of a kind not known here is a bug in the emitter, never
guessed at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from ..audience.viewnote import NoteCard, ViewNote
from ..graph.stage import Answer

__all__ = ["key_text"]


def key_text(value: Any) -> str:
    """``value`` as JSON text in which notes, cards and answers stand in for
    themselves as above; the same in every process, so a digest of it can name
    a page kept on disk. (JSON, because its C encoder walks the large contexts
    of list pages in a fraction of the time a walk in Python takes.)"""
    return json.dumps(value, default=_stand_in, ensure_ascii=False, check_circular=False,
                      separators=(",", ":"))


def _stand_in(value: Any) -> object:
    kind = type(value)
    if kind is NoteCard:
        return ["card", value.card_digest]
    if kind is ViewNote:
        return ["note", value.digest]
    if kind is Answer:
        # Cut from its note's tokens: the note's digest covers them.
        return ["answer", value.note.digest, value.question, value.anchor]
    if kind is dt.date:
        return ["date", value.isoformat()]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [kind.__qualname__, *(getattr(value, f.name) for f in dataclasses.fields(value))]
    raise TypeError(f"a page's context holds a {kind.__name__}, which has no key")
