"""Memory between rebuilds: the one process-wide setting the preview changes.

``ivsite build`` runs once and exits; the preview lives for a whole writing
session and keeps every note's work in memory (the pipeline's store and parse
cache), so the garbage collector and the C heap see a very large, long-lived
set of objects that a short build never has. What that costs, and what is done
about it, is :func:`trim_heap`'s docstring.
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

    What a rebuild keeps (the store's checked notes and views, the parse cache's
    tokens, rendered pages) is moved out of the cyclic garbage collector's way
    (``gc.freeze``): otherwise a full collection over a large site's millions of
    kept objects lands in the middle of some later rebuild and adds half a
    second to that save. Before that, the objects made since the last freeze
    (this rebuild's) are collected, which is quick because frozen ones are not
    looked at, so no garbage cycle of this rebuild is ever frozen. Every
    ``FULL_COLLECT_EVERY`` rebuilds everything is unfrozen and collected once,
    for cycles among kept work that was dropped later. Then freed heap memory
    goes back to the system (glibc only): without that, a long session's
    resident memory follows the fragmentation of its busiest rebuild rather
    than the size of the site.
    """
    _settled[0] += 1
    if _settled[0] % FULL_COLLECT_EVERY == 1:
        gc.unfreeze()
    gc.collect()  # frozen objects are not looked at: this is the last rebuild's work
    gc.freeze()
    if _malloc_trim is not None:
        _malloc_trim(0)
