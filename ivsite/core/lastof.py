"""A table derived from a whole site, made once for each site object.

The filter asks every note for its place in a site-wide table (which notes link
to which, which interviews answer which question); made again for each note,
that costs the square of the site. Such a table is kept for the last object it
was made of, known by identity through a weak reference (a site that is dropped
is not held), and made anew for any other: a value derived from its input, never
state that outlives it.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

__all__ = ["for_last"]

S = TypeVar("S")
R = TypeVar("R")


def for_last(make: Callable[[S], R]) -> Callable[[S], R]:
    """``make``, its result kept for the last object it was given."""
    last: list[tuple[weakref.ref[S], R]] = []

    @functools.wraps(make)
    def made(obj: S) -> R:
        if last and last[0][0]() is obj:
            return last[0][1]
        value = make(obj)
        last[:] = [(weakref.ref(obj), value)]
        return value

    return made
