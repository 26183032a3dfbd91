"""A Markdown parse as plain data: the parse cache's entries on disk, and what
the processes that parse a cold build send back (see ivsite.core.cores).

``marshal``-ed tuples, several times faster to read back than pickled tokens.
"""

from __future__ import annotations

import marshal
from typing import Any

from markdown_it.token import Token

TokenTuple = tuple[Any, ...]


def _to_tuple(t: Token) -> TokenTuple:
    """A token's fields in the order Token takes them, children as tuples too."""
    return (t.type, t.tag, t.nesting, t.attrs, t.map, t.level,
            tuple(_to_tuple(c) for c in t.children) if t.children is not None else None,
            t.content, t.markup, t.info, t.meta, t.block, t.hidden)


def _token(v: TokenTuple) -> Token:
    """The token back. Each unmarshalled tuple holds lists and dicts of its own, so
    they are handed over as they are, positionally (twice as fast as keywords)."""
    if v[6] is None:
        return Token(*v)
    type_, tag, nesting, attrs, map_, level, children, content, markup, info, meta, block, \
        hidden = v
    return Token(type_, tag, nesting, attrs, map_, level, [_token(c) for c in children],
                 content, markup, info, meta, block, hidden)


def dump_parse(tokens: list[Token], env: dict[str, object]) -> bytes | None:
    """A parse as bytes; None when it holds something marshal cannot."""
    try:
        return marshal.dumps((tuple(_to_tuple(t) for t in tokens), env))
    except ValueError:
        return None


def load_parse(entry: bytes) -> tuple[list[Token], dict[str, object]]:
    """The tokens and env that :func:`dump_parse` was given, as new objects."""
    tuples, env = marshal.loads(entry)
    return [_token(t) for t in tuples], env
