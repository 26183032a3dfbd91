"""Which saves start a rebuild: the preview's file watcher.

Only what a build reads may start one, so that the preview neither rebuilds in
a loop nor looks at what it must not: content/ (or, for a vault whose site.toml
maps its own folders, the site folder but what is never content, see
ivsite.core.folders), themes/ and site.toml. The output folder, .ivsite/ and everything
else in the site folder is never watched,
and editor swap and backup files (:func:`~ivsite.load.stage.is_editor_noise`) are
ignored. watchfiles (the Rust ``notify`` crate) reports a burst of saves as one
batch, so a burst is one rebuild.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

from ..core.folders import Folders, read_folders
from ..load.stage import is_editor_noise

__all__ = ["Watcher", "latest_mtime"]

WATCH_STEP_MS = 10
"""watchfiles yields a batch once no new change arrived for one step."""
WATCH_DEBOUNCE_MS = 800
"""... or at the latest this long after the first change of a burst."""
WATCHED_TOP = ("content", "themes", "site.toml")


class Watcher:
    """Reports changed site-relative paths under content/, themes/ and site.toml.

    content/ and themes/ are watched recursively; the site folder itself only
    for site.toml and for content/ or themes/ appearing or going away (then the
    recursive watch is restarted).
    """

    def __init__(self, root: Path, report: Callable[[set[str]], None]) -> None:
        self.root = root
        self.report = report
        self.stop_event = threading.Event()
        self._restart = threading.Event()
        self._threads: list[threading.Thread] = []
        self.folders = self._layout()

    def _layout(self) -> Folders:
        cfg = self.root / "site.toml"
        return read_folders(cfg.read_bytes() if cfg.is_file() else None)

    def start(self) -> None:
        for target, name in ((self._watch_tree, "ivsite-watch-tree"),
                             (self._watch_top, "ivsite-watch-top")):
            t = threading.Thread(target=target, name=name, daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        self.stop_event.set()
        for t in self._threads:
            t.join(timeout=5)

    def _rel(self, path: str) -> str | None:
        try:
            rel = Path(path).relative_to(self.root)
        except ValueError:
            return None
        parts = rel.parts
        vault = self.folders.vault and parts and parts[0] not in self.folders.never
        if not parts or (parts[0] not in WATCHED_TOP and not vault):
            return None
        if any(is_editor_noise(p) for p in parts):
            return None
        return rel.as_posix()

    def _keep(self, change: watchfiles.Change, path: str) -> bool:
        return self._rel(path) is not None

    def _emit(self, changes: set[tuple[watchfiles.Change, str]]) -> None:
        rels = {r for _, p in changes if (r := self._rel(p)) is not None}
        if rels:
            self.report(rels)

    def _watch_tree(self) -> None:
        while not self.stop_event.is_set():
            self._restart.clear()
            self.folders = self._layout()
            paths = [str(self.root)] if self.folders.vault else \
                [str(self.root / d) for d in ("content", "themes") if (self.root / d).is_dir()]
            if not paths:
                self._restart.wait(0.5)
                continue
            stopper = _Either(self.stop_event, self._restart)
            try:
                for changes in watchfiles.watch(
                    *paths, watch_filter=self._keep, debounce=WATCH_DEBOUNCE_MS,
                    step=WATCH_STEP_MS, stop_event=stopper, rust_timeout=500,
                    yield_on_timeout=False, raise_interrupt=False, recursive=True,
                ):
                    self._emit(changes)
            except (OSError, RuntimeError) as exc:  # a folder vanished under the watch
                if self.stop_event.is_set():
                    return
                print(f"ivsite serve: watching again after: {exc}", file=sys.stderr)
                self.stop_event.wait(0.2)
                # Changes made meanwhile went unseen: the next build walks content/.
                self.report({"content"})

    def _watch_top(self) -> None:
        present = {d: (self.root / d).is_dir() for d in ("content", "themes")}
        while not self.stop_event.is_set():
            try:
                for changes in watchfiles.watch(
                    self.root, watch_filter=self._keep_top, debounce=WATCH_DEBOUNCE_MS,
                    step=WATCH_STEP_MS, stop_event=self.stop_event, rust_timeout=500,
                    yield_on_timeout=False, raise_interrupt=False, recursive=False,
                ):
                    now = {d: (self.root / d).is_dir() for d in present}
                    if now != present or self._layout() != self.folders:
                        present = now
                        self._restart.set()
                    self._emit(changes)
            except (OSError, RuntimeError) as exc:
                if self.stop_event.is_set():
                    return
                print(f"ivsite serve: watching again after: {exc}", file=sys.stderr)
                self.stop_event.wait(0.2)

    def _keep_top(self, change: watchfiles.Change, path: str) -> bool:
        p = Path(path)
        return p.parent == self.root and p.name in WATCHED_TOP


class _Either:
    """A stop event for watchfiles that is set when either event is."""

    def __init__(self, a: threading.Event, b: threading.Event) -> None:
        self._a, self._b = a, b

    def is_set(self) -> bool:
        return self._a.is_set() or self._b.is_set()


def latest_mtime(root: Path, rels: Iterable[str]) -> float | None:
    """When the newest of these files was saved (deleted files are skipped): where
    the console's time from a save to the reload message starts."""
    latest = None
    for rel in rels:
        try:
            m = (root / rel).stat().st_mtime
        except OSError:
            continue
        latest = m if latest is None else max(latest, m)
    return latest
