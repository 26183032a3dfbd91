"""Memory between rebuilds, in a process that lives as long as a writing session.

``ivsite build`` runs once and exits; the preview lives for a whole writing
session and keeps every note's work in memory (the pipeline's store and parse
cache): at 1,000 notes some 660,000 objects that the cyclic garbage collector
tracks. A short build never has that many for long; the preview has them on
every save, and without help the collector and the C heap make it pay for
them (see :func:`trim_heap`).
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable

__all__ = ["trim_heap"]

FULL_COLLECT_EVERY = 25
"""Rebuilds between full garbage collections (see trim_heap)."""


def _load_malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    trim = getattr(libc, "malloc_trim", None)
    return trim if callable(trim) else None


_malloc_trim = _load_malloc_trim()
_settled = [0]


def trim_heap() -> None:
    """Settle memory after a rebuild, once the reload message is out.

    What a rebuild keeps is moved out of the cyclic garbage collector's way
    (``gc.freeze``). Otherwise each rebuild's new long-lived objects bring on a
    full collection over everything kept, about one save in ten, in the middle
    of that rebuild, where it costs 0.6-0.9 s of CPU at 1,000 notes (double the
    save's own work). Before freezing, the objects made since the last freeze
    (this rebuild's) are collected, which is quick because frozen ones are not
    looked at, so no garbage cycle of this rebuild is ever frozen. Every
    ``FULL_COLLECT_EVERY`` rebuilds everything is unfrozen and collected once,
    for cycles among kept work that was dropped later; without any of this,
    resident memory grew by a third over 100 saves at 1,000 notes. Then freed
    heap memory goes back to the system (glibc's ``malloc_trim``, some
    milliseconds after the reload message is out): without it, resident memory
    follows the fragmentation of the busiest rebuild rather than the size of
    the site (4% more, and creeping up, over those 100 saves).
    """
    _settled[0] += 1
    if _settled[0] % FULL_COLLECT_EVERY == 1:
        gc.unfreeze()
    gc.collect()  # frozen objects are not looked at: this is the last rebuild's work
    gc.freeze()
    if _malloc_trim is not None:
        _malloc_trim(0)
