"""A least-recently-used cache bounded by the size of what it keeps, not by a count.

The audit reads every output file as text and folds each text for matching; a
build publishes the same theme and Pagefind files every time, and the preview
and a test run build many times in one process, so those readings are kept. A
cache of a fixed number of entries failed there: a build reads a few hundred
texts in the same order every time, and once they outnumber the entries each one
is evicted just before it is asked for again, so nothing was ever found. Bounded
by bytes instead, a small site's whole output stays (a few megabytes) while a
10,000-note site's pages cannot hold the memory.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class SizedCache(Generic[P, R]):
    """``fn`` with its results kept while their sizes (``size`` of the arguments:
    an estimate of what the arguments and the result take together) add up to at
    most ``budget``; a result larger than the budget alone is not kept."""

    def __init__(self, fn: Callable[P, R], budget: int,
                 size: Callable[P, int], key: Callable[P, Hashable] | None = None) -> None:
        """``key``: what stands for the arguments (by default, they themselves),
        for arguments that cannot be hashed but are made of something that can;
        None for arguments that nothing can stand for (the result is made, not kept)."""
        self._fn = fn
        self._budget = budget
        self._size = size
        self._key = key
        self._kept: OrderedDict[Hashable, tuple[R, int]] = OrderedDict()
        self._used = 0
        self._lock = threading.Lock()  # the preview audits in a thread of its own
        functools.update_wrapper(self, fn)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key: Hashable = self._key(*args, **kwargs) if self._key is not None else \
            (args, tuple(sorted(kwargs.items())))
        if key is None:
            return self._fn(*args, **kwargs)
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found[0]
        result = self._fn(*args, **kwargs)
        size = self._size(*args, **kwargs)
        if size > self._budget:
            return result
        with self._lock:
            if key not in self._kept:
                self._kept[key] = (result, size)
                self._used += size
            while self._used > self._budget:
                _, (_, dropped) = self._kept.popitem(last=False)
                self._used -= dropped
        return result

    def cache_clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._used = 0


def sized_cache(budget: int, size: Callable[P, int], key: Callable[P, Hashable] | None = None,
                ) -> Callable[[Callable[P, R]], SizedCache[P, R]]:
    """Decorator form of :class:`SizedCache`."""
    return lambda fn: SizedCache(fn, budget, size, key)
