"""Work shared out over the machine's cores: the Markdown parse, the audience
filter, the pages' making and the audit of a cold build.

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
from typing import Any, TypeVar, cast

J = TypeVar("J")
R = TypeVar("R")

POOL_FROM = 50
"""Fewer jobs than this are done in this process: a pool's start and the copying
of results cost more than a parse of a few dozen notes."""
POOL_BYTES = 4 << 20
"""Jobs reading fewer bytes than this in all are done in this process, however
many: a small site's few hundred output files are audited faster here than a pool
starts, and the readings this process keeps of them (the theme's and Pagefind's
files, the same in every build) serve its next build, where a pool's die with it."""


def processes_for(jobs: int, size: int | None = None) -> int:
    """How many processes to share ``jobs`` jobs out to; below 2, none (do them here).
    ``size``: the bytes the jobs read in all, where known. None in a process that is
    itself one of a pool's."""
    if jobs < POOL_FROM or threading.active_count() > 1 or _in_pool:
        return 0
    if size is not None and size < POOL_BYTES:
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


def apart(fn: Callable[[J], R], items: Sequence[J],
          size: int | None = None) -> Iterator[R | None]:
    """``fn`` of each item, in order: in forked processes, one per core, where a pool
    pays, here otherwise. The processes inherit ``fn`` and the items, so only an
    index goes out and a result comes back (a note's tokens or a site's needles are
    never copied). None for an item whose process died or whose ``fn`` raised: the
    caller computes that one itself, so an error is raised where it is reported.
    ``size``: as for :func:`processes_for`."""
    global _apart
    processes = processes_for(len(items), size)
    if not processes:
        yield from map(fn, items)
        return
    _apart = (fn, items)
    try:
        yield from cast(Iterator[R | None], spread(_apart_at, range(len(items)), processes))
    finally:
        _apart = None


_apart: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
"""The work :func:`apart` shares out, found by the forked processes."""
_in_pool = False


def _apart_at(i: int) -> object:
    assert _apart is not None
    fn, items = _apart
    try:
        return fn(items[i])
    except Exception:  # computed again, and so raised, by the caller
        return None


def _start(initializer: Callable[..., object] | None, initargs: tuple[object, ...]) -> None:
    """A worker's start: what it inherited is never looked at by its cyclic garbage
    collector (whose passes would otherwise scan, and so copy page by page, the
    whole parent's memory), then the caller's own start. It starts no pool itself."""
    global _in_pool
    _in_pool = True
    gc.freeze()
    if initializer is not None:
        initializer(*initargs)
