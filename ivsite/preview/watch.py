"""Which saves start a rebuild: the preview's file watcher.

Only what a build reads may start one, so that the preview neither rebuilds in
a loop nor looks at what it must not: content/ (or, for a vault whose site.toml
maps its own folders, the site folder but what is never content, see
ivsite.core.folders), themes/ and site.toml, and the text files load reads
outside content/ for a person record (ivsite.load.outside). Hidden and backup
files beside the notes are watched too, since load reads each for a person
record or a folder's settings (``.pages``; red team 18, R18-B01: a person
record pasted into one, or ``hide: true``, was seen by no rebuild), but for
Finder's and Windows' own files, which load never reads, and vim's swap files
(``.swp``, ``.swx``), which it rewrites every few seconds while one types and
whose binary format never opens with front matter. The output folder, .ivsite/,
hidden folders and everything else in the site folder is never watched.
watchfiles (the Rust ``notify`` crate) reports a burst of saves as one
batch, so a burst is one rebuild.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

from ..core.folders import Folders, read_folders
from ..load.outside import outside_tops, read_outside
from ..load.stage import SKIPPED_NAMES, is_editor_noise

__all__ = ["Watcher", "latest_mtime"]

WATCH_STEP_MS = 10
"""watchfiles yields a batch once no new change arrived for one step."""
WATCH_DEBOUNCE_MS = 800
"""... or at the latest this long after the first change of a burst."""
WATCHED_TOP = ("content", "themes", "site.toml")
UNREAD = (".swp", ".swx")
"""Editor files that start no rebuild beside :data:`~ivsite.load.stage.SKIPPED_NAMES`."""


class Watcher:
    """Reports changed site-relative paths under content/, themes/ and site.toml,
    and of the text files outside content/ that load reads.

    content/, themes/ and the other folders load reads text files in are watched
    recursively; the site folder itself for site.toml, its own text files and
    for a folder appearing or going away (then the recursive watch is restarted).
    """

    def __init__(self, root: Path, report: Callable[[set[str]], None]) -> None:
        self.root = root
        self.report = report
        self.stop_event = threading.Event()
        self._restart = threading.Event()
        self._threads: list[threading.Thread] = []
        self.folders = self._layout()
        self.tops = self._tops()

    def _config(self) -> bytes | None:
        cfg = self.root / "site.toml"
        return cfg.read_bytes() if cfg.is_file() else None

    def _layout(self) -> Folders:
        return read_folders(self._config())

    def _tops(self) -> list[str]:
        """The folders beside content/ that load reads text files in."""
        return outside_tops(self.root, self.folders, self._config())

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
        if not parts or any(is_editor_noise(p) for p in parts[:-1]) or \
                parts[-1] in SKIPPED_NAMES or parts[-1].endswith(UNREAD) or \
                (is_editor_noise(parts[-1]) and os.path.isdir(path)):
            return None  # (load walks no hidden folder)
        vault = self.folders.vault and parts[0] not in self.folders.never
        if parts[0] in WATCHED_TOP or vault or (
                not self.folders.vault and read_outside(parts, self.tops)):
            return rel.as_posix()
        return None

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
            self.tops = self._tops()
            paths = [str(self.root)] if self.folders.vault else \
                [str(self.root / d) for d in ("content", "themes", *self.tops)
                 if (self.root / d).is_dir()]
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
        present = self._present()
        while not self.stop_event.is_set():
            try:
                for changes in watchfiles.watch(
                    self.root, watch_filter=self._keep_top, debounce=WATCH_DEBOUNCE_MS,
                    step=WATCH_STEP_MS, stop_event=self.stop_event, rust_timeout=500,
                    yield_on_timeout=False, raise_interrupt=False, recursive=False,
                ):
                    now = self._present()
                    if now != present or self._layout() != self.folders:
                        # A new folder's files saved before its watch began went unseen.
                        new = set(now[2]) - set(present[2])
                        present = now
                        self._restart.set()
                        if new:
                            self.report(new)
                    self._emit(changes)
            except (OSError, RuntimeError) as exc:
                if self.stop_event.is_set():
                    return
                print(f"ivsite serve: watching again after: {exc}", file=sys.stderr)
                self.stop_event.wait(0.2)

    def _present(self) -> tuple[bool, bool, list[str]]:
        """Whether content/ and themes/ are there, and the folders beside them
        whose text files load reads: a change restarts the recursive watch."""
        return ((self.root / "content").is_dir(), (self.root / "themes").is_dir(),
                outside_tops(self.root, self._layout(), self._config()))

    def _keep_top(self, change: watchfiles.Change, path: str) -> bool:
        p = Path(path)
        return p.parent == self.root and (not p.name.startswith(".") or
                                          self._rel(path) is not None)


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
