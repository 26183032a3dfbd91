"""What a page is made from, as plain values: the heart of its key (see emit).

A page's context holds notes, cards, answers and plain values. Here a view note
stands in as its :attr:`~ivsite.audience.ViewNote.digest` (which covers its body
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
from typing import Any

from markupsafe import Markup

from .audience import NoteCard, ViewNote
from .graph import Answer

__all__ = ["frozen"]

_PLAIN = (int, float, bool, type(None), bytes, dt.date)


def frozen(value: Any) -> object:
    """``value`` as nested tuples of plain values, whose ``repr`` is the same in
    every process (so a key made of it can name a page kept on disk)."""
    kind = type(value)
    if kind is str or kind is Markup:
        return (kind is Markup, value)  # equal text, but escaped differently
    if kind is dict:
        return ("dict", *((k, frozen(v)) for k, v in value.items()))
    if kind is list or kind is tuple:
        return (kind.__name__, *(frozen(v) for v in value))
    if kind is NoteCard:
        return ("card", value.card_digest)
    if kind is ViewNote:
        return ("note", value.digest)
    if kind is Answer:
        # Cut from its note's tokens: the note's digest covers them.
        return ("answer", value.note.digest, value.question, value.anchor)
    if kind in _PLAIN:
        return (kind.__name__, value)  # True == 1 == 1.0, but they print differently
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (kind.__qualname__,
                *(frozen(getattr(value, f.name)) for f in dataclasses.fields(value)))
    raise TypeError(f"a page's context holds a {kind.__name__}, which has no key")
