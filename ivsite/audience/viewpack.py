"""A note filtered in a forked process, sent back as plain data.

Pickling a filtered note's tokens costs more than filtering the note (40 KB of
Token objects for a long interview): its tokens and env go as a marshal-ed
parse instead (ivsite.markdown.tokendata), the rest of it pickled as it is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from markdown_it.token import Token

from ..markdown.tokendata import dump_parse, load_parse


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
