"""A note filtered in a forked process, sent back as plain data; and kept on
disk for the next build.

Pickling a filtered note's tokens costs more than filtering the note (40 KB of
Token objects for a long interview): its tokens and env go as a marshal-ed
parse instead (ivsite.markdown.tokendata), the rest of it pickled as it is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import marshal
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from markdown_it.token import Token

from ..core.diagnostics import Diagnostic, as_plain, from_plain
from ..core.sourcefiles import AssetRef
from ..markdown.tokendata import dump_parse, load_parse
from .viewnote import Contact, ViewNote


class Parsed(Protocol):
    tokens: list[Token]
    env: dict[str, object]


V = TypeVar("V", bound=Parsed)
Packed = tuple[Any, Any, bytes]


def packing(make: Callable[[Any], tuple[V, Any]]) -> Callable[[Any], Packed | None]:
    """``make`` (an item to a filtered note and its extras), its result packed;
    None where its parse is not plain data (the caller makes that one itself)."""
    def packed(item: Any) -> Packed | None:
        note, extra = make(item)
        data = dump_parse(note.tokens, note.env)
        if data is None:
            return None
        return dataclasses.replace(note, tokens=[], env={}), extra, data  # type: ignore[type-var]
    return packed


def unpacked(packed: Packed) -> Callable[[], tuple[Any, Any]]:
    """What :func:`packing` was given back, as a function that returns it."""
    note, extra, data = packed
    tokens, env = load_parse(data)
    note.tokens, note.env = tokens, env
    return lambda: (note, extra)


Filtered = tuple[ViewNote, list[Diagnostic]]
"""A note filtered for an audience, with what its filtering found."""

_PLAIN = tuple(f.name for f in dataclasses.fields(ViewNote)
               if f.name not in ("tokens", "env", "date", "contact", "assets", "_card",
                                 "sort_keys", "tag_slugs"))
"""The fields of a view note that are strings, numbers and lists of them: written
as they are. The others are written field by field below; the card and the sort
keys are made again from the rest."""


def dump_filtered(value: Filtered) -> bytes | None:
    """A filtered note as bytes, kept on disk for the next build (see
    ivsite.incremental.store.Store.keeping); None when it holds something that is
    not plain data. ``marshal``, not ``pickle``: the cache is a folder of files,
    and reading one back must not run code, whoever wrote it."""
    vn, found = value
    parse = dump_parse(vn.tokens, vn.env)
    if parse is None:
        return None
    contact = None if vn.contact is None else tuple(
        getattr(vn.contact, f.name) for f in dataclasses.fields(Contact))
    try:
        return marshal.dumps((
            tuple(getattr(vn, name) for name in _PLAIN), parse,
            vn.date.toordinal() if vn.date is not None else None, contact,
            tuple(tuple(getattr(a, f.name) for f in dataclasses.fields(AssetRef))
                  for a in vn.assets),
            vn._card is not None,
            as_plain(found)))
    except ValueError:
        return None


def load_filtered(data: bytes) -> Filtered:
    """What :func:`dump_filtered` was given, as new objects."""
    plain, parse, day, contact, assets, carded, found = marshal.loads(data)
    tokens, env = load_parse(parse)
    vn = ViewNote(**dict(zip(_PLAIN, plain, strict=True)), tokens=tokens, env=env,
                  date=dt.date.fromordinal(day) if day is not None else None,
                  contact=Contact(*contact) if contact is not None else None,
                  assets=[AssetRef(*a) for a in assets])
    if carded:
        vn.card()
    return vn, from_plain(found)
