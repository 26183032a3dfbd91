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
import io
import pickle
from types import FunctionType
from typing import Any

from markdown_it.token import Token
from markupsafe import Markup

from .audience import NoteCard, ViewNote
from .graph import Answer

__all__ = ["fingerprint", "page_key"]


class _Uncacheable(Exception):
    pass


def fingerprint(template: str, context: dict[str, Any]) -> bytes | None:
    """A digest of one render call, or ``None`` when a value cannot be fingerprinted.

    The context is pickled (plain data, strings and Markup as themselves) with
    each view note replaced by its digest and each helper function by its code
    and the plain values it closes over; anything pickle cannot write, or that
    has no faithful stand-in here, makes the page uncacheable.
    """
    buf = io.BytesIO()
    try:
        _Fingerprinter(buf).dump((template, context))
    except (_Uncacheable, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
    return hashlib.blake2b(buf.getbuffer(), digest_size=20).digest()


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
    except (_Uncacheable, RecursionError):
        return None


_PLAIN = (int, float, bool, type(None), dt.date)


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
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (kind.__qualname__,
                *(_freeze(getattr(value, f.name)) for f in dataclasses.fields(value)))
    raise _Uncacheable


def _stand_in(*parts: object) -> None:  # pragma: no cover - never called, only named
    raise AssertionError("fingerprints are never unpickled")


class _Fingerprinter(pickle.Pickler):
    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)

    def reducer_override(self, obj: Any) -> Any:
        if obj is _stand_in or isinstance(obj, type):
            return NotImplemented  # written by name
        if isinstance(obj, Markup):
            return _stand_in, ("markup", str(obj))
        if isinstance(obj, ViewNote):
            if not obj.digest:
                raise _Uncacheable
            return _stand_in, ("note", obj.digest)
        if isinstance(obj, NoteCard):
            if not obj.card_digest:
                raise _Uncacheable
            return _stand_in, ("card", obj.card_digest)
        if isinstance(obj, Answer):
            # Cut from its note's tokens: the note's digest covers them.
            if not obj.note.digest:
                raise _Uncacheable
            return _stand_in, ("answer", obj.note.digest, obj.question, obj.anchor)
        if isinstance(obj, Token):
            # Tokens reach a page only beside the view note they were cut from (a
            # question's answer), whose digest already covers them; a template
            # cannot render tokens itself.
            return _stand_in, ("token",)
        if isinstance(obj, FunctionType):
            return _stand_in, _function(obj)
        if isinstance(obj, str | int | float | bool | dt.date) or obj is None:
            return NotImplemented
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return _stand_in, ("dataclass", type(obj).__qualname__,
                               tuple(getattr(obj, f.name) for f in dataclasses.fields(obj)))
        if isinstance(obj, dict | list | tuple):
            return NotImplemented
        raise _Uncacheable


def _function(fn: FunctionType) -> tuple[object, ...]:
    """A helper the template may call: its code, and the plain values it closes over.

    emit's helpers (``url``, ``href``, ``static``, the label functions) compute
    from their arguments, the page's URL and the site graph's note addresses;
    the page URL is a closed-over string (kept here) and a note's address is
    part of its digest.
    """
    cells: list[object] = []
    for cell in fn.__closure__ or ():
        try:
            inner = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if inner is None or isinstance(inner, str | int | float | bool | FunctionType
                                       | dict | list | tuple | frozenset | set):
            cells.append(inner)  # plain data: fingerprinted in full
        else:
            # The emitter itself, for its site graph's note addresses (a note's
            # address is part of its digest) and the site settings (a change to
            # site.toml starts a new cache).
            cells.append(("object", type(inner).__qualname__))
    return ("function", fn.__module__, fn.__qualname__, fn.__code__.co_code,
            fn.__code__.co_consts, tuple(cells))
