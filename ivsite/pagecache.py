"""A render cache for the live preview, wrapped around the theme emit uses.

``emit`` renders every page through ``theme.render(template, **context)``. The
:class:`CachingTheme` handed to it instead fingerprints that call (the template
name and everything in the context, with each audience-view note standing in as
its :attr:`~ivsite.audience.ViewNote.digest`) and returns the page it rendered
last time for the same fingerprint. So after a save only the pages whose inputs
changed are rendered again: the note's own page and the lists, tags, roles,
backlinks and neighbours that show it. Nothing decides what depends on what;
a page is reused only when every value its template could read is the same.

A context value the fingerprint does not know is never guessed at: that page is
rendered, not cached. The cache lives as long as the theme object; the preview
loads a new theme (and so a new cache) whenever a file under themes/ changes,
and :meth:`CachingTheme.rotate` drops pages that the last build did not ask for,
so memory follows the size of the site, not the number of edits.
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
from .theme import Theme

__all__ = ["CachingTheme", "fingerprint"]


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


class CachingTheme(Theme):
    """The same theme (same templates, same Jinja environment), remembering pages."""

    def __init__(self, inner: Theme) -> None:
        self.__dict__.update(inner.__dict__)
        self._pages: dict[bytes, str] = {}
        self._used: dict[bytes, str] = {}
        self._static: dict[str, bytes] | None = None
        self.hits = 0
        self.misses = 0

    def render(self, template: str, **context: Any) -> str:
        key = fingerprint(template, context)
        if key is None:
            self.misses += 1
            return super().render(template, **context)
        page = self._used.get(key)
        if page is None:
            page = self._pages.get(key)
            if page is None:
                self.misses += 1
                page = super().render(template, **context)
            else:
                self.hits += 1
            self._used[key] = page
        else:
            self.hits += 1
        return page

    def static_files(self) -> dict[str, bytes]:
        # Read once per theme load: the preview loads the theme again when
        # anything under themes/ changes.
        if self._static is None:
            self._static = super().static_files()
        return dict(self._static)

    def rotate(self) -> None:
        """Keep only the pages the last build rendered."""
        self._pages, self._used = self._used, {}
        self.hits = self.misses = 0
