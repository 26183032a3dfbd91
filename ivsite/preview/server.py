"""``ivsite serve``: the preview's threads, and what starts and stops them.

The preview must keep answering requests while it builds, and a save must never
wait for the output check. So a builder thread makes one rebuild at a time, for
the batch of saves that queued up meanwhile, and for a public or mentor view an
auditor thread checks the output once saves pause (and stops for the next one),
beside the watcher's threads and the HTTP server's. This module is their
scheduling and the checks made before anything listens: it listens on 127.0.0.1
by default, and shows the private view on another address only when told to; on
any address it answers only the holder of its key (:mod:`ivsite.preview.access`).
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from ..audience.viewnote import Audience
from ..core.progress import QUIET, for_terminal
from . import reload
from .access import KEY_PARAM, Access, new_key
from .console import Console, Log, stderr
from .heap import trim_heap
from .http import HTTPServer, ServeError, bind
from .security import allowed_hosts, is_loopback, preview_name, url_host
from .session import Preview, Rebuild
from .watch import Watcher, latest_mtime

__all__ = ["EXIT_OK", "EXIT_USAGE", "PreviewServer", "ServeError"]

EXIT_OK, EXIT_USAGE = 0, 2
AUDIT_AFTER_QUIET = 0.3
"""Seconds without a build before the output check of a public or mentor preview
starts (it stops for the next save anyway)."""
FAILURE_GRACE = 0.15
"""Seconds a failed build waits for a follow-up save before it shows the overlay."""


class PreviewServer:
    """The whole preview: folder, watcher, builder thread and HTTP server."""

    def __init__(
        self, root: Path, *, audience: Audience = "private", host: str = "127.0.0.1",
        port: int = 8000, allow_remote_private: bool = False, log: Log | None = None,
    ) -> None:
        if audience not in ("private", "public", "mentor"):
            raise ServeError("--audience", "audience", f"unknown audience '{audience}'",
                             "choose private, public or mentor")
        self.root = root.resolve()
        self.audience: Audience = audience
        self.host = host
        self.requested_port = port
        self.allow_remote_private = allow_remote_private
        self.log: Log = log or stderr
        self.console = Console(self.log)
        self.remote = not is_loopback(host)
        self.hub = reload.ReloadHub(redact=self.remote)
        self.key = new_key()
        self.name = url_host(host) if self.remote else preview_name()
        """The host name the preview is opened at: on loopback one of this run alone,
        so that the key's cookie reaches no other server (see ivsite.preview.access)."""
        self.preview: Preview | None = None
        self.httpd: HTTPServer | None = None
        self.watcher: Watcher | None = None
        self._pending: set[str] = set()
        self._cond = threading.Condition()
        self._busy = False
        self._stop = threading.Event()
        self._audit_wanted = threading.Event()
        self._last_build = 0.0
        """When the builder last finished (time.monotonic)."""
        self._threads: list[threading.Thread] = []
        self.rebuilds: list[Rebuild] = []

    @property
    def port(self) -> int:
        assert self.httpd is not None
        return int(self.httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self.name}:{self.port}/"

    @property
    def keyed_url(self) -> str:
        """The address with the key: the one the terminal shows and a browser opens."""
        return f"{self.url}?{KEY_PARAM}={self.key}"

    @property
    def folder(self) -> Path:
        assert self.preview is not None
        return self.preview.folder

    def start(self) -> None:
        if not (self.root / "site.toml").is_file() and not (self.root / "content").is_dir():
            raise ServeError(str(self.root), "no-site",
                             "this is not an ivsite site (no site.toml or content/)",
                             "run `ivsite init`, or serve from the site's folder (or -C DIR)")
        remote = self.remote
        if remote and self.audience != "public" and not self.allow_remote_private:
            # The mentor view is the one `build` encrypts with the share passphrase;
            # the preview serves it in the clear, so it is private on a network.
            raise ServeError(
                "--host", "remote-private",
                f"refusing to serve the {self.audience} view on {self.host}, which other "
                "machines can reach",
                "use --host 127.0.0.1, --audience public, or --allow-remote-private if you "
                "really mean it")
        self.httpd = bind(self.host, self.requested_port, self.log)
        try:
            self.preview = Preview(self.root, self.audience, self.hub, guarded=remote)
            self.preview.builds_waiting = self._builds_waiting
            self.httpd.preview = self.preview
            self.httpd.hub = self.hub
            self.httpd.port = self.port
            self.httpd.access = Access(self.key, self.port)
            self.httpd.allowed = allowed_hosts(self.host, self.port,
                                               None if self.remote else self.name)
            if remote and self.audience == "mentor":
                self.log(f"WARNING: the mentor view is served unencrypted on {self.host}, "
                         "reachable from other machines.")
            if remote and self.audience == "private":
                self.log("WARNING: the private view (every private note, name and contact) "
                         f"is served on {self.host}, reachable from other machines.")
            self.watcher = Watcher(self.root, self._queue)
            self.watcher.start()
            # The first build can take a while on a large site: show how far it got.
            progress = for_terminal()
            self.preview.pipe.progress = progress
            try:
                first = self.preview.rebuild(None)
            finally:
                progress.done()
                self.preview.pipe.progress = QUIET
            self.preview.show_errors()
            self._report(first, initial=True)
            trim_heap()
            self._start_thread(self._build_loop, "ivsite-builder")
            if self.audience != "private":
                self._start_thread(self._audit_loop, "ivsite-auditor")
                self._audit_wanted.set()
            self._start_thread(lambda: self._serve(), "ivsite-http")
        except BaseException:
            self.stop()
            raise
        self.console.serving(self.audience, self.preview.title or self.root.name, self.keyed_url,
                             self.preview.folder, self.root)

    def _serve(self) -> None:
        assert self.httpd is not None
        self.httpd.serve_forever(poll_interval=0.25)

    def _start_thread(self, target: Callable[[], None], name: str) -> None:
        t = threading.Thread(target=target, name=name, daemon=True)
        t.start()
        self._threads.append(t)

    def stop(self) -> None:
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self.watcher is not None:
            self.watcher.stop()
        self.hub.close()
        if self.httpd is not None:
            if any(t.name == "ivsite-http" for t in self._threads):
                self.httpd.shutdown()
            self.httpd.server_close()
        for t in self._threads:
            t.join(timeout=10)
        if self.preview is not None:
            self.preview.close()

    # ---- rebuilding ----------------------------------------------------------------

    def _queue(self, paths: set[str]) -> None:
        with self._cond:
            self._pending |= paths
            self._cond.notify_all()

    def _build_loop(self) -> None:
        assert self.preview is not None
        while not self._stop.is_set():
            with self._cond:
                while not self._pending and not self._stop.is_set():
                    self._cond.wait(0.5)
                if self._stop.is_set():
                    return
                batch, self._pending = self._pending, set()
                self._busy = True
            try:
                saved = latest_mtime(self.root, batch)
                result = self.preview.rebuild(batch)
                if not result.ok and self._superseded():
                    continue  # a file caught half-written: its next save follows
                if not result.ok:
                    self.preview.show_errors()
                if saved is not None and (result.changed or not result.ok):
                    result.save_to_reload = max(0.0, time.time() - saved)
                self._report(result)
                if result.ok:
                    self._audit_wanted.set()
                trim_heap()
            finally:
                with self._cond:
                    self._busy = False
                    self._last_build = time.monotonic()
                    self._cond.notify_all()

    def _audit_loop(self) -> None:
        assert self.preview is not None
        while not self._stop.is_set():
            if not self._audit_wanted.wait(0.5):
                continue
            self._audit_wanted.clear()
            # The audit is Python work that shares the interpreter with the builder:
            # it starts once saves have paused, and stops for the next one.
            while not self._stop.is_set() and (
                    self._builds_waiting()
                    or time.monotonic() - self._last_build < AUDIT_AFTER_QUIET):
                self._stop.wait(0.05)
            try:
                errors = self.preview.run_audit()
            except Exception as exc:  # a bug must not stop the preview
                traceback.print_exc(file=sys.stderr)
                self.log(f"The output check failed: {exc!r}")
                continue
            finally:
                trim_heap()
            self.console.audited(errors or [])

    def _builds_waiting(self) -> bool:
        return self._busy or bool(self._pending)

    def _superseded(self) -> bool:
        """Whether more saves arrive within a moment of a failed build.

        An editor that truncates a file before writing it, or a burst of saves,
        can be read half-way; showing that as an error would flash the overlay.
        """
        deadline = time.monotonic() + FAILURE_GRACE
        with self._cond:
            while not self._pending and not self._stop.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
            return True

    def wait_idle(self, timeout: float = 10.0, settle: float = 0.0) -> bool:
        """Block until no rebuild is running or queued (for tests and benchmarks).

        ``settle`` also waits that long for the watcher to report late changes.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                idle = not self._busy and not self._pending
                if idle and settle <= 0:
                    return True
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                if idle:
                    self._cond.wait(min(settle, remaining))
                    settle = 0.0
                    continue
                self._cond.wait(min(0.1, remaining))

    def _report(self, r: Rebuild, initial: bool = False) -> None:
        self.rebuilds.append(r)
        if len(self.rebuilds) > 100:
            del self.rebuilds[:-100]
        self.console.rebuilt(r, initial=initial,
                             serving=self.preview is not None and self.preview.built)
