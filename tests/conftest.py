"""Session-wide test configuration.

pytest-playwright drives Debian's /usr/bin/chromium (never run `playwright
install`): its session fixture ``browser_type_launch_args`` is overridden here.
"""

from __future__ import annotations

import itertools
import os
import types
from typing import Any

import pytest
from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH


def pytest_configure(config: pytest.Config) -> None:
    """Each xdist worker gets its share of the cores. A build forks a process per
    core it may use (ivsite.core.cores); two workers that each fork one per core of the
    machine run four builds' worth of processes on two cores and lose their
    readings kept in the process (the theme's and Pagefind's files, read again in
    every forked audit). Pinned, a worker on one core builds in one process; the
    pools are tested where a test forces them (tests/test_cores_build.py)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0") or 0)
    if not (worker.startswith("gw") and count > 1 and hasattr(os, "sched_setaffinity")):
        return
    cores = sorted(os.sched_getaffinity(0))
    share = set(cores[int(worker[2:]) % count::count])
    if share:
        os.sched_setaffinity(0, share)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture()
def no_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's name check switched off, for tests that show the audit alone
    refuses a name (no needles kept from a build with other switches)."""
    from ivsite.audience import stage as audience
    from ivsite.audit import search as auditsearch

    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    monkeypatch.setattr(auditsearch, "_SEARCHES", {})


def _forget_readings() -> None:
    from ivsite.audience import answerpeers, notelinks
    from ivsite.audit import markupchecks as auditmarkup
    from ivsite.audit import saidsettings, sheethiding
    from ivsite.audit import search as auditsearch
    from ivsite.names import asidenames, nameforms, nameparts, persons, severalnames, soundkey
    from ivsite.readers import readable
    from ivsite.switches import lookalike, pathprivacy, runtogether
    from ivsite.text import normalise, textmatch

    for cached in (readable._read, textmatch.searchable, sheethiding._hiding_names,
                   normalise._fold_run, soundkey._latin_run, auditmarkup._unsafe_code,
                   lookalike.privacy_word, lookalike._matches,
                   pathprivacy.segment_says_private,
                   pathprivacy.folder_leaves_out, runtogether.hidden_privacy_word,
                   asidenames.other_names, nameparts.plain_name, severalnames.persons_in,
                   saidsettings.said_level, nameforms.name_forms, persons.grouping,
                   notelinks.linked_keys, answerpeers._answered):
        if hasattr(cached, "cache_clear"):  # not while a test has put a stand-in there
            cached.cache_clear()
    soundkey._KEYS.clear()
    auditsearch._SEARCHES.clear()


_UPSTREAM = frozenset({"ivsite.audience.stage", "ivsite.validate.stage",
                       "ivsite.validate.note", "ivsite.validate.bodyprivacy",
                       "ivsite.validate.bodyfields",
                       "ivsite.audience.viewbody", "ivsite.audience.namecheck",
                       "ivsite.switches.fmchecks"})
"""Modules of the checks before the audit: no reading or needle the process keeps
calls into them (none of ivsite.readers.readable, textmatch, normalise, sheethiding,
secrets or auditneedles imports them), so patching them leaves the readings
true. Tests that switch the filter off to show the audit alone refuses (most of
the leak tests) then share the readings of the theme's and Pagefind's files,
which folding again in every build made the suite run past the CI budget."""


def _keeps_readings(target: Any, name: object = None) -> bool:
    """Whether a patch of ``target`` (a module, a class, or "module.attr" as a
    string) leaves every kept reading true."""
    if isinstance(target, str):
        module = target.rpartition(".")[0]
        return module in _UPSTREAM
    module = target.__name__ if isinstance(target, types.ModuleType) else \
        getattr(target, "__module__", None)
    return module in _UPSTREAM or (module == "ivsite.audit.search" and name == "_SEARCHES")


class _Forgetting:
    """A MonkeyPatch that has the process forget its readings after every change
    that may make them untrue (see :func:`_keeps_readings`), and again when such
    a change is undone."""

    def __init__(self, patch: pytest.MonkeyPatch) -> None:
        self._patch = patch
        self.changed_readings = False

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._patch, name)
        if name not in ("setattr", "delattr", "setitem", "delitem", "undo"):
            return attr

        def changed(*args: Any, **kwargs: Any) -> Any:
            result = attr(*args, **kwargs)
            if name != "undo":
                self._other_code()
            if name == "undo" or not (name in ("setattr", "delattr") and args
                                      and _keeps_readings(*args[:2])):
                self.changed_readings = True
                _forget_readings()
            return result
        return changed

    def _other_code(self) -> None:
        """What a build keeps on disk (ivsite.incremental.store.Store.keeping) is
        kept under the digest of ivsite's source: patched, the code is other code,
        and what a build kept before the patch must not answer for it."""
        from ivsite.incremental import store

        tag = f"patched {next(_PATCHES)}"
        self._patch.setattr(store, "code_digest", lambda: tag)


_PATCHES = itertools.count()


@pytest.fixture()
def monkeypatch(monkeypatch: pytest.MonkeyPatch) -> Any:
    """pytest's, but the process keeps what it read of a file or text
    (ivsite.readers.readable, textmatch, sheethiding, normalise, the audit's needles): a
    test that switches a protection off must have its readings made by the patched
    code, and must leave none of them to the tests after it. Tests that patch
    nothing, or only the checks before the audit, share the readings, as the
    builds of one preview do."""
    forgetting = _Forgetting(monkeypatch)
    yield forgetting
    if forgetting.changed_readings:
        _forget_readings()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked slow first: with ``--dist worksteal`` (the Makefile's) they
    start at once, and the other worker takes the short ones meanwhile; run last,
    one of them would hold the suite's end for minutes."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _old_outputs_removed() -> Any:
    """A build removes the output it replaced in a process of its own (ivsite.write.
    staging.remove_later), which it does not wait for; a test waits, so that it
    leaves no folder behind and looks at the output's parent as a user would a
    moment later."""
    from ivsite.write import staging

    yield
    staging.wait_for_removals()
