"""Work shared out over the machine's cores: the Markdown parse of a cold build.

The parser is pure Python, so threads cannot share it out; forked processes can,
and start in milliseconds because they inherit every module already imported.
Jobs and results cross between processes as plain data (bytes, strings, the
small dataclasses of a note's header and cut). A few jobs are cheaper done in
this process than a pool costs, and a process that runs threads (the live
preview) never forks: a lock another thread held at the fork would stay held in
the child for ever.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

J = TypeVar("J")
R = TypeVar("R")

POOL_FROM = 50
"""Fewer jobs than this are done in this process: a pool's start and the copying
of results cost more than a parse of a few dozen notes."""


def processes_for(jobs: int) -> int:
    """How many processes to share ``jobs`` jobs out to; below 2, none (do them here)."""
    if jobs < POOL_FROM or threading.active_count() > 1:
        return 0
    if not hasattr(os, "fork"):
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    count = min(cores, jobs // (POOL_FROM // 2))
    return count if count >= 2 else 0


def spread(fn: Callable[[J], R], jobs: Sequence[J], processes: int,
           initializer: Callable[..., object] | None = None,
           initargs: tuple[object, ...] = ()) -> Iterator[R | None]:
    """``fn`` of each job, in job order, computed in ``processes`` forked processes.

    Results come as they are made, so that the caller's own work on them overlaps
    the rest; None for each job left when a worker died (killed, out of memory):
    the caller does those itself."""
    import multiprocessing  # here: most commands and small sites never fork
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(16, len(jobs) // (processes * 8)))
    pool = ProcessPoolExecutor(processes, multiprocessing.get_context("fork"), _start,
                               (initializer, initargs))
    done = 0
    try:
        for result in pool.map(fn, jobs, chunksize=chunk):
            done += 1
            yield result
    except BrokenProcessPool:
        yield from [None] * (len(jobs) - done)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start(initializer: Callable[..., object] | None, initargs: tuple[object, ...]) -> None:
    """A worker's start: what it inherited is never looked at by its cyclic garbage
    collector (whose passes would otherwise scan, and so copy page by page, the
    whole parent's memory), then the caller's own start."""
    gc.freeze()
    if initializer is not None:
        initializer(*initargs)
