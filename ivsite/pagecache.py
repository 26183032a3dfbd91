"""Fingerprints of page inputs, for the live preview's page memo (see emit).

``emit`` keeps each page it rendered under a fingerprint of everything its
template can read: the template name, the page's own fields and context, and a
fingerprint of what all pages share. A view note stands in as its
:attr:`~ivsite.audience.ViewNote.digest` (its body included), a note card (what
lists, neighbours and backlinks get) as its ``card_digest``. So after a save only
the pages whose inputs changed are rendered again: the note's own page, and the
lists, tags, roles, backlinks and neighbours only when what they show of it
changed. Nothing decides what depends on what; a page is reused only when every
value its template could read is the same.

A value the fingerprint does not know is never guessed at: that page is
rendered, not kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from types import FunctionType
from typing import Any

from markupsafe import Markup

from .audience import NoteCard, ViewNote
from .graph import Answer

__all__ = ["fingerprint", "page_key"]


class _Uncacheable(Exception):
    pass


def fingerprint(template: str, context: dict[str, Any]) -> bytes | None:
    """A digest of one render call, or ``None`` when a value cannot be fingerprinted.

    The digest of the context made plain by :func:`_freeze` (notes, cards and
    answers as their digests, a helper function as its code and the values it
    closes over); it holds code objects, so it is stable within one process only,
    which is as long as anything kept under it lives.
    """
    try:
        frozen = _freeze((template, context))
    except (_Uncacheable, RecursionError, ValueError):  # ValueError: an empty cell
        return None
    return hashlib.blake2b(repr(frozen).encode("utf-8"), digest_size=20).digest()


def page_key(template: str, shared: bytes, fields: tuple[object, ...],
             context: dict[str, Any]) -> tuple[object, ...] | None:
    """The key a page is kept under: its template, what all pages share (a
    :func:`fingerprint`), its own fields, and its context as a tuple of plain values
    with notes, cards and answers standing in as their digests. ``None`` when the
    context holds something this does not know (that page is then not kept).

    Unlike :func:`fingerprint` this is no digest: the memo compares keys for
    equality, so two different pages can never share one.
    """
    try:
        return (template, shared, _freeze(fields), _freeze(context))
    except (_Uncacheable, RecursionError, ValueError):
        return None


_PLAIN = (int, float, bool, type(None), bytes, dt.date)


def _freeze(value: Any) -> object:
    kind = type(value)
    if kind is str or kind is Markup:
        return (kind is Markup, value)  # equal text, but escaped differently
    if kind is dict:
        return ("dict", *((k, _freeze(v)) for k, v in value.items()))
    if kind is list or kind is tuple:
        return (kind.__name__, *(_freeze(v) for v in value))
    if kind is NoteCard:
        if not value.card_digest:
            raise _Uncacheable
        return ("card", value.card_digest)
    if kind is ViewNote:
        if not value.digest:
            raise _Uncacheable
        return ("note", value.digest)
    if kind is Answer:
        # Cut from its note's tokens: the note's digest covers them.
        if not value.note.digest:
            raise _Uncacheable
        return ("answer", value.note.digest, value.question, value.anchor)
    if kind in _PLAIN:
        return (kind.__name__, value)  # True == 1 == 1.0, but they print differently
    if kind is FunctionType:
        # A helper a template may call: its code, and the values it closes over.
        return ("function", value.__code__,
                *(_freeze(cell.cell_contents) for cell in value.__closure__ or ()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (kind.__qualname__,
                *(_freeze(getattr(value, f.name)) for f in dataclasses.fields(value)))
    raise _Uncacheable
