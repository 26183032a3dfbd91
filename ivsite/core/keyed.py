"""How a stage hands out its per-note work, so that caching can wrap it.

A stage that does the same work for every note (check one note's front matter,
filter one note for an audience, render one page) calls ``keyed(key, make)``
for each, where ``key`` names everything ``make`` reads. Called with
:func:`compute` (the default) that is just ``make()``; the build engine passes
its content-addressed store's ``get`` instead (see ivsite.incremental), so the
stage stays a pure function of its inputs and never learns what was cached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import Protocol, TypeVar

__all__ = ["Keyed", "compute", "digest", "lacks"]

T = TypeVar("T")


class Keyed(Protocol):
    def __call__(self, key: Hashable, make: Callable[[], T], /) -> T: ...


def compute(key: Hashable, make: Callable[[], T], /) -> T:
    """No caching: every result is made."""
    return make()


def digest(*parts: object) -> str:
    """A stable key for plain values (strings, bytes, numbers, dates, tuples of
    them): the same in every process, so it can name a file on disk."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=20).hexdigest()


class _Absent(Exception):
    """Raised by the ``make`` of :func:`lacks`, so that nothing is kept."""


def _absent() -> object:
    raise _Absent


def lacks(keyed: Keyed, key: Hashable) -> bool:
    """Whether ``keyed`` has no value under ``key``, asked without making one: a
    stage that shares its work out over processes sends out only what is missing.
    (With :func:`compute` everything is missing.) The key still counts as asked
    for, so a store's clean-up keeps what is there."""
    try:
        keyed(key, _absent)
    except _Absent:
        return True
    return False
