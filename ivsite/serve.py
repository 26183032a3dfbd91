"""``ivsite serve``: the live preview.

The preview is built by the same :class:`~ivsite.pipeline.Pipeline` and the same
audience filter as ``ivsite build`` (prepare → graph → plan), into a private
temporary folder that is removed on exit; the site's output folder is never
touched. watchfiles reports saves under content/, themes/ and site.toml; a burst
of saves is one rebuild. The pipeline is built with ``incremental=True``: every
stage still runs over the whole site, but finds its per-note work kept from the
last rebuild wherever the inputs are the same (:mod:`ivsite.memo`), so a save
parses, filters and renders again only what it changed. The writer's
:func:`~ivsite.write.sync_folder` writes only the files whose bytes changed and
deletes the ones no longer built.

A build with errors changes nothing that is served: the last good site stays,
and every page shows the diagnostics in an overlay until the problem is fixed.

Safe by default: it listens on 127.0.0.1; the private view on another address
needs ``allow_remote_private``; a request whose Host header is not the address
listened on gets 403 (DNS rebinding); no request path leaves the served folder.
How pages learn about rebuilds is :mod:`ivsite.reload`'s business.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import errno
import gc
import http.server
import ipaddress
import mimetypes
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import unquote, urlsplit

import watchfiles

from . import reload, share
from .audience import Audience
from .audit import AuditInterrupted, Hit
from .diagnostics import Diagnostic, Diagnostics
from .emit import EmitError
from .load import is_editor_noise
from .pipeline import (
    PLAIN,
    Encryption,
    Pipeline,
    Prepared,
    audit_site,
    encryption,
    load_theme,
    made_wrong,
    make_site,
    read_passphrase,
)
from .progress import QUIET, for_terminal
from .theme import Theme, ThemeError
from .write import Layer, sync_folder

__all__ = ["PreviewServer", "ServeError", "allowed_hosts", "resolve_request_path",
           "run_server"]

EXIT_OK, EXIT_USAGE = 0, 2
PORT_TRIES = 20
WATCH_STEP_MS = 10
"""watchfiles yields a batch once no new change arrived for one step."""
WATCH_DEBOUNCE_MS = 800
"""... or at the latest this long after the first change of a burst."""
WATCHED_TOP = ("content", "themes", "site.toml")
AUDIT_AFTER_QUIET = 0.3
"""Seconds without a build before the output check of a public or mentor preview
starts (it stops for the next save anyway)."""
FAILURE_GRACE = 0.15
"""Seconds a failed build waits for a follow-up save before it shows the overlay."""

Log = Callable[[str], None]


class ServeError(Exception):
    """The preview cannot start (usage or configuration); exit status 2."""


# --------------------------------------------------------------------------- paths


def resolve_request_path(folder: Path, raw: str) -> tuple[str, Path | None]:
    """Map a request target to a file under ``folder``.

    Returns ``("file", path)``, ``("redirect", None)`` for a folder asked for
    without its trailing slash, ``("missing", None)``, or ``("bad", None)`` for
    anything that tries to leave the folder: ``..`` (also percent-encoded, or with
    an encoded slash), backslashes, NUL bytes, absolute-form targets, and paths
    whose real location (after symbolic links) is outside it.
    """
    path = urlsplit(raw).path if raw.startswith("/") else ""
    if not path.startswith("/") or raw.startswith("//"):
        return "bad", None
    if "\\" in path or "\0" in path or "%5c" in path.lower() or "%00" in path:
        return "bad", None
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return "bad", None
    if "\\" in decoded or "\0" in decoded:
        return "bad", None
    parts = decoded.split("/")[1:]
    if any(p in ("..", ".") for p in parts):
        return "bad", None
    segments = [p for p in parts if p]
    top = folder.resolve()
    candidate = top.joinpath(*segments)
    try:
        real = candidate.resolve(strict=False)
    except (OSError, RuntimeError):
        return "bad", None
    if real != top and not real.is_relative_to(top):
        return "bad", None
    if real.is_dir():
        if not decoded.endswith("/"):
            return "redirect", None
        real = real / "index.html"
        if real.is_symlink() and not real.resolve().is_relative_to(top):
            return "bad", None
    if real.is_file():
        return "file", real
    return "missing", None


# --------------------------------------------------------------------------- hosts


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    addrs = {info[4][0] for info in infos}
    return bool(addrs) and all(ipaddress.ip_address(str(a).split("%")[0]).is_loopback
                               for a in addrs)


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def allowed_hosts(host: str, port: int) -> set[str] | None:
    """Host header values (lower case) this server answers; ``None``: any IP literal.

    Bound to one address, only that address (and ``localhost`` for a loopback
    address) with the port is accepted. Bound to every address (0.0.0.0 or ::),
    IP literals, localhost and this machine's own names are: a DNS-rebinding page
    always arrives with a name that is none of these.
    """
    if _is_wildcard(host):
        return None
    names = {_url_host(host).lower()}
    if host in ("127.0.0.1", "localhost"):
        names |= {"127.0.0.1", "localhost"}
    elif host.strip("[]") == "::1":
        names |= {"localhost"}
    out = {f"{n}:{port}" for n in names}
    if port == 80:
        out |= names
    return out


def host_allowed(header: str | None, allowed: set[str] | None, port: int) -> bool:
    if not header:
        return False
    value = header.strip().lower().rstrip(".")
    if allowed is not None:
        return value in allowed
    # Wildcard binding: an IP literal, localhost or this machine's name, on our port.
    name, sep, p = value.rpartition(":")
    if (value.startswith("[") and value.endswith("]")) or not sep or name.endswith(":"):
        name, p = value, "80"
    if p != str(port):
        return False
    bare = name.strip("[]")
    if bare in ("localhost", socket.gethostname().lower(), socket.getfqdn().lower()):
        return True
    try:
        ipaddress.ip_address(bare)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- the build


@dataclass
class Rebuild:
    """What one rebuild did, for the console and for tests."""

    ok: bool
    seconds: float
    changed: list[str] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    save_to_reload: float | None = None


class Preview:
    """The preview folder and the pipeline that fills it; one rebuild at a time."""

    def __init__(self, root: Path, audience: Audience, hub: reload.ReloadHub) -> None:
        self.root = root.resolve()
        self.audience = audience
        self.hub = hub
        # A parse cache that `ivsite build` left speeds the first build up; it is
        # only read, and dropped once that build is made (see rebuild).
        self.pipe = Pipeline(self.root, persist_cache=False, read_cache=True)
        self.folder = Path(tempfile.mkdtemp(prefix="ivsite-preview-"))
        self.lock = threading.Lock()
        """Held while the folder changes and while a request reads a file."""
        self.manifest: dict[str, bytes] = {}
        self._asset_digests: dict[str, str] = {}
        """Hash of each published file from content/ as last copied (see sync_folder)."""
        self.built = False
        """Whether a build has ever succeeded (there is a site to serve)."""
        self.errors: list[Diagnostic] = []
        self.title = ""
        self._theme: Theme | None = None
        self._theme_name = ""
        self._encrypt: tuple[str, Encryption] | None = None
        self.generation = 0
        """Counts the changes to the served folder (made under ``lock``)."""
        self.audit_errors: list[Diagnostic] = []
        self._audit_job: tuple[int, Callable[[], list[Hit]]] | None = None
        self._audited = -1
        self.builds_waiting: Callable[[], bool] = lambda: False
        """Whether a save waits to be built or is being built (set by the server):
        an audit under way then stops and lets it go first."""

    # ---- one rebuild ---------------------------------------------------------------

    def rebuild(self, changed_sources: Iterable[str] | None = None) -> Rebuild:
        started = time.perf_counter()
        sources = set(changed_sources) if changed_sources is not None else None
        diags = Diagnostics()
        self.pipe.begin()
        try:
            made = self._layers(diags, sources)
        except Exception as exc:  # a bug must not stop the preview
            traceback.print_exc(file=sys.stderr)
            diags.error("(ivsite)", 0, 0, "internal", f"internal error: {exc!r}",
                        "this is a bug in ivsite; the preview keeps the last good build")
            made = None
        self.pipe.finish(made=made is not None and not diags.has_errors())
        # Every note is parsed and kept in memory now: what a build left on disk
        # has served (the first build) and need not be held twice.
        self.pipe.cache.drop_disk()
        warnings = [d for d in diags.sorted() if d.severity == "warning"]
        errors = [d for d in diags.sorted() if d.severity == "error"]
        if made is None or errors:
            if not errors:
                errors = [Diagnostic("(ivsite)", 0, 0, "error", "build",
                                     "the site could not be built")]
            self.errors = errors
            return Rebuild(False, time.perf_counter() - started, errors=errors,
                           warnings=warnings)
        prep, layers, audit = made
        assert prep.loaded.store is not None
        with self.lock:
            self.manifest, changed = sync_folder(self.folder, layers, prep.loaded.store,
                                                 self.manifest, self._asset_digests)
            self._prune_empty_dirs(changed)
            if changed or not self.built:
                self.generation += 1
        had_errors = bool(self.errors)
        self.errors = []
        self.built = True
        if audit is not None and (changed or had_errors or self._audited != self.generation):
            with self.lock:
                self._audit_job = (self.generation, audit)
        if changed or had_errors:
            self.hub.changed(changed)
            self.audit_errors = []
        return Rebuild(True, time.perf_counter() - started, changed, [], warnings)

    def show_errors(self) -> None:
        """Put the current errors in the overlay on every page."""
        if self.errors:
            self.hub.show(reload.overlay_html(self.errors, first_build=not self.built))

    def run_audit(self) -> list[Diagnostic] | None:
        """Check the served folder as ``ivsite build`` checks its output.

        The audit reads every file, which takes seconds on a large site, so it
        runs after the reload message (on the auditor thread), and its result is
        dropped when another rebuild changed the folder meanwhile. A hit puts the
        overlay on every page: ``ivsite build`` would refuse to write this site.
        Returns the audit's errors, or None when there was nothing (current) to do.
        """
        with self.lock:
            job, self._audit_job = self._audit_job, None
        if job is None:
            return None
        generation, audit = job
        try:
            hits = audit()
        except AuditInterrupted:  # a save is waiting: it goes first
            with self.lock:
                if self._audit_job is None and generation == self.generation:
                    self._audit_job = job  # the same folder still: check it later
            return None
        with self.lock:
            if generation != self.generation:
                return None  # the folder changed under the audit: a newer job follows
            self._audited = generation
        errors = [Diagnostic(h.secret.source, h.secret.line, 1, "error", "audit",
                             f"{h.secret.kind} would be published in {h.output}",
                             "`ivsite build` would refuse to write this site; take it "
                             "out of the visible text or file, or report a bug if "
                             "ivsite's own pages put it there")
                  for h in hits]
        if self.errors:
            return errors  # a failed build's overlay takes precedence
        if errors or self.audit_errors:
            self.hub.show(reload.overlay_html(errors))
        self.audit_errors = errors
        return errors

    def _layers(
        self, diags: Diagnostics, sources: set[str] | None,
    ) -> tuple[Prepared, list[Layer], Callable[[], list[Hit]] | None] | None:
        """The site as ``ivsite build`` makes it (see pipeline.make_site)."""
        prep = self.pipe.prepare(diags, sources)
        if prep is None:
            return None
        self.title = prep.config.title
        theme = self._load_theme(prep, sources, diags)
        if theme is None:
            return None
        share_cfg = prep.config.share
        enc = PLAIN
        if self.audience == "public" and share_cfg.enabled and share_cfg.passphrase_env:
            # As build does: the mentor copy under share/<token>/ is encrypted.
            got = self._encryption(prep, share_cfg.passphrase_env, diags)
            if got is None:
                return None
            enc = got
        site = make_site(self.pipe, prep, theme, self.audience, diags, enc)
        if site is None:
            return None
        try:  # every page now, before the folder is locked for the sync
            site.layers = [Layer(la.prefix, dataclasses.replace(la.plan,
                                                                files=la.plan.files.made()))
                           for la in site.layers]
        except (ThemeError, EmitError) as exc:
            made_wrong(prep, exc, diags)
            return None
        if self.audience == "private":
            return prep, site.layers, None  # the private view withholds nothing

        def audit() -> list[Hit]:
            return audit_site(self.pipe, site, self.folder, stop=self.builds_waiting)

        return prep, site.layers, audit

    def _load_theme(self, prep: Prepared, sources: set[str] | None,
                    diags: Diagnostics) -> Theme | None:
        name = prep.config.theme
        stale = (
            self._theme is None or name != self._theme_name or sources is None
            or any(s == "site.toml" or s == "themes" or s.startswith("themes/")
                   for s in sources)
        )
        if stale:
            self._theme = load_theme(prep, diags)
            self._theme_name = name
        return self._theme

    def _encryption(self, prep: Prepared, env: str, diags: Diagnostics) -> Encryption | None:
        """The mentor copy's encryption, derived once per passphrase and salt (the
        key derivation is slow on purpose)."""
        passphrase = read_passphrase(env, "`ivsite serve`", diags)
        if not passphrase:
            return None
        share.get_or_create_token(prep.root)
        key = f"{passphrase}\0{share.read_salt(prep.root)!r}"
        if self._encrypt is None or self._encrypt[0] != key:
            self._encrypt = (key, encryption(prep.root, passphrase))
        return self._encrypt[1]

    def _prune_empty_dirs(self, changed: list[str]) -> None:
        """A deleted page leaves its folder behind; remove it so it is a clean 404."""
        for rel in changed:
            if rel in self.manifest:
                continue
            parent = (self.folder / rel).parent
            while parent != self.folder and parent.is_relative_to(self.folder):
                try:
                    parent.rmdir()
                except OSError:
                    break
                parent = parent.parent

    # ---- reading for requests ------------------------------------------------------

    def read(self, raw_path: str) -> tuple[str, bytes | None, str]:
        """(kind, bytes, file name) for a request path; kind as resolve_request_path."""
        with self.lock:
            kind, path = resolve_request_path(self.folder, raw_path)
            if kind != "file" or path is None:
                return kind, None, ""
            try:
                return "file", path.read_bytes(), path.name
            except OSError:
                return "missing", None, ""

    def not_found_page(self) -> bytes | None:
        with self.lock:
            data = self.manifest.get("404.html")
        return data

    def close(self) -> None:
        with self.lock:
            shutil.rmtree(self.folder, ignore_errors=True)


# --------------------------------------------------------------------------- watching


class _Watcher:
    """Reports changed site-relative paths under content/, themes/ and site.toml.

    content/ and themes/ are watched recursively; the site folder itself only
    for site.toml and for content/ or themes/ appearing or going away (then the
    recursive watch is restarted). The output folder, .ivsite/ and everything
    else in the site folder is never watched, and editor swap/backup files are
    ignored.
    """

    def __init__(self, root: Path, report: Callable[[set[str]], None]) -> None:
        self.root = root
        self.report = report
        self.stop_event = threading.Event()
        self._restart = threading.Event()
        self._threads: list[threading.Thread] = []

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
        if not parts or parts[0] not in WATCHED_TOP:
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
            paths = [str(self.root / d) for d in ("content", "themes")
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
        present = {d: (self.root / d).is_dir() for d in ("content", "themes")}
        while not self.stop_event.is_set():
            try:
                for changes in watchfiles.watch(
                    self.root, watch_filter=self._keep_top, debounce=WATCH_DEBOUNCE_MS,
                    step=WATCH_STEP_MS, stop_event=self.stop_event, rust_timeout=500,
                    yield_on_timeout=False, raise_interrupt=False, recursive=False,
                ):
                    now = {d: (self.root / d).is_dir() for d in present}
                    if now != present:
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


# --------------------------------------------------------------------------- HTTP


class _HTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    preview: Preview
    hub: reload.ReloadHub
    allowed: set[str] | None
    port: int


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    # Private slugs are in preview URLs: never send them to a linked site.
    "Referrer-Policy": "no-referrer",
    # No other site may load preview files as scripts, images or frames.
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "X-Robots-Tag": "noindex, nofollow",
}


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "ivsite-preview"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the console shows rebuilds, not requests

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _refuse(self, status: int, text: str) -> None:
        self._send(status, text.encode("utf-8") + b"\n", "text/plain; charset=utf-8",
                   head=False)

    def _respond(self, head: bool) -> None:
        srv = self.server
        if not host_allowed(self.headers.get("Host"), srv.allowed, srv.port):
            self._refuse(403, "403 Forbidden: this preview answers only requests "
                              "addressed to the host it listens on")
            return
        raw = self.path
        path_only = raw.split("?", 1)[0].split("#", 1)[0]
        if path_only == reload.SCRIPT_PATH:
            self._send(200, reload.client_script(), "text/javascript; charset=utf-8", head)
            return
        if path_only == reload.EVENTS_PATH:
            self._events(head)
            return
        preview = srv.preview
        # The version is taken before the file is read: a page is never labelled
        # newer than its bytes (an older label only costs one extra reload).
        version, overlay = srv.hub.version, srv.hub.overlay
        if not preview.built:
            page = reload.inject(_WAITING_PAGE, version, overlay)
            self._send(503, page, "text/html; charset=utf-8", head)
            return
        kind, data, name = preview.read(raw)
        if kind == "bad":
            self._refuse(400, "400 Bad Request: that path leaves the preview folder")
            return
        if kind == "redirect":
            parts = urlsplit(raw)
            location = parts.path + "/" + (f"?{parts.query}" if parts.query else "")
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            for k, v in SECURITY_HEADERS.items():
                self.send_header(k, v)
            self.end_headers()
            return
        if kind != "file" or data is None:
            body = preview.not_found_page() or _NOT_FOUND_PAGE
            self._send(404, reload.inject(body, version, overlay), "text/html; charset=utf-8",
                       head)
            return
        ctype = _content_type(name)
        if ctype.startswith("text/html"):
            data = reload.inject(data, version, overlay)
        self._send(200, data, ctype, head)

    def _send(self, status: int, body: bytes, ctype: str, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in SECURITY_HEADERS.items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            with contextlib.suppress(OSError):
                self.wfile.write(body)

    def _events(self, head: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        for k, v in SECURITY_HEADERS.items():
            self.send_header(k, v)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if head:
            return

        def write(data: bytes) -> None:
            self.wfile.write(data)
            self.wfile.flush()

        self.server.hub.stream(write)


def _content_type(name: str) -> str:
    if name.endswith((".html", ".htm")):
        return "text/html; charset=utf-8"
    ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if ctype.startswith("text/") or ctype in ("application/javascript", "application/json",
                                              "application/xml", "image/svg+xml"):
        ctype += "; charset=utf-8"
    return ctype


_WAITING_PAGE = (b'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                 b"<title>ivsite preview</title></head><body>"
                 b"<h1>The preview is not built yet</h1></body></html>")
_NOT_FOUND_PAGE = (b'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                   b"<title>Not found</title></head><body><h1>Not found</h1>"
                   b"<p>There is no page at this address.</p></body></html>")


def _bind(host: str, port: int, log: Log) -> _HTTPServer:
    cls = _HTTPServer6 if ":" in host.strip("[]") else _HTTPServer
    bind_host = host.strip("[]")
    tries = 1 if port == 0 else PORT_TRIES
    last: OSError | None = None
    for candidate in range(port, port + tries):
        if candidate > 65535:
            break
        try:
            server = cls((bind_host, candidate), _Handler)
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                raise ServeError(f"cannot listen on {host}:{candidate}: {exc.strerror}") from exc
            last = exc
            why = "is in use" if exc.errno == errno.EADDRINUSE else "is not allowed"
            nxt = candidate + 1
            if candidate + 1 < port + tries:
                log(f"Port {candidate} {why}; trying {nxt}.")
            continue
        if candidate != port:
            log(f"Port {port} was busy, so the preview uses port {candidate} instead.")
        return server
    reason = last.strerror if last else "no port available"
    raise ServeError(f"cannot listen on {host}: ports {port}-{port + tries - 1} are busy "
                     f"({reason}); pass a free one with --port")


# --------------------------------------------------------------------------- server


class PreviewServer:
    """The whole preview: folder, watcher, builder thread and HTTP server."""

    def __init__(
        self, root: Path, *, audience: Audience = "private", host: str = "127.0.0.1",
        port: int = 8000, allow_remote_private: bool = False, log: Log | None = None,
        watch: bool = True,
    ) -> None:
        if audience not in ("private", "public", "mentor"):
            raise ServeError(f"unknown audience '{audience}': choose private, public or mentor")
        self.root = root.resolve()
        self.audience: Audience = audience
        self.host = host
        self.requested_port = port
        self.allow_remote_private = allow_remote_private
        self.log: Log = log or _stderr
        self.watch = watch
        self.hub = reload.ReloadHub()
        self.preview: Preview | None = None
        self.httpd: _HTTPServer | None = None
        self.watcher: _Watcher | None = None
        self._pending: set[str] = set()
        self._cond = threading.Condition()
        self._busy = False
        self._stop = threading.Event()
        self._audit_wanted = threading.Event()
        self._last_build = 0.0
        """When the builder last finished (time.monotonic)."""
        self._threads: list[threading.Thread] = []
        self.rebuilds: list[Rebuild] = []
        self._seen_warnings: set[Diagnostic] = set()

    @property
    def port(self) -> int:
        assert self.httpd is not None
        return int(self.httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{_url_host(self.host)}:{self.port}/"

    @property
    def folder(self) -> Path:
        assert self.preview is not None
        return self.preview.folder

    def start(self) -> None:
        if not (self.root / "site.toml").is_file() and not (self.root / "content").is_dir():
            raise ServeError(f"{self.root} is not an ivsite site (no site.toml or content/); "
                             "run `ivsite init` or serve from the site's folder")
        remote = not _is_loopback(self.host)
        if remote and self.audience == "private" and not self.allow_remote_private:
            raise ServeError(
                f"refusing to serve the private view on {self.host}, which other machines "
                "can reach; use --host 127.0.0.1, --audience public, or "
                "--allow-remote-private if you really mean it")
        self.httpd = _bind(self.host, self.requested_port, self.log)
        try:
            self.preview = Preview(self.root, self.audience, self.hub)
            self.preview.builds_waiting = self._builds_waiting
            self.httpd.preview = self.preview
            self.httpd.hub = self.hub
            self.httpd.port = self.port
            self.httpd.allowed = allowed_hosts(self.host, self.port)
            if remote and self.audience == "private":
                self.log("WARNING: the private view (every private note, name and contact) "
                         f"is served on {self.host}, reachable from other machines.")
            if self.watch:
                self.watcher = _Watcher(self.root, self._queue)
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
        self.log(f"Serving the {self.audience} view of "
                 f"“{self.preview.title or self.root.name}” at {self.url}")
        self.log(_AUDIENCE_NOTES[self.audience])
        self.log(f"Built into {self.preview.folder} (private to you; removed on exit). "
                 f"Watching content/, themes/ and site.toml in {self.root}; Ctrl-C to stop.")

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

    def notify(self, paths: Iterable[str]) -> None:
        """Ask for a rebuild as if these site-relative paths had been saved."""
        self._queue(set(paths))

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
                saved = _latest_mtime(self.root, batch)
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
            if errors:
                for d in errors:
                    self.log(d.text())
                self.log(f"The output check found {len(errors)} problem(s): "
                         "`ivsite build` would refuse to write this site.")

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
        ms = r.seconds * 1000
        what = "Built" if initial else "Rebuilt"
        fresh = [w for w in r.warnings if w not in self._seen_warnings]
        self._seen_warnings = set(r.warnings)
        for d in fresh:
            self.log(d.text())
        if r.ok:
            tail = ""
            if r.save_to_reload is not None:
                tail = f"; save → reload {r.save_to_reload * 1000:.0f} ms"
            n = len(r.changed)
            self.log(f"{what} in {ms:.0f} ms: {n} file{'s' if n != 1 else ''} changed{tail}")
            return
        for d in r.errors:
            self.log(d.text())
        self.log(f"{what} failed in {ms:.0f} ms with {len(r.errors)} error(s); "
                 + ("still serving the last good build"
                    if self.preview is not None and self.preview.built
                    else "the preview will appear once they are fixed"))


_AUDIENCE_NOTES: dict[str, str] = {
    "private": "Private view: you see everything, private notes and passages included. "
               "This is never published.",
    "public": "Public view: exactly what `ivsite build` publishes.",
    "mentor": "Mentor view: what the mentor link shows (unencrypted here).",
}


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
FULL_COLLECT_EVERY = 25
"""Rebuilds between full garbage collections (see trim_heap)."""


def trim_heap() -> None:
    """Settle memory after a rebuild, once the reload message is out.

    What a rebuild keeps (the memos: parsed notes, views, rendered pages) is
    moved out of the cyclic garbage collector's way (``gc.freeze``): otherwise a
    full collection over a large site's millions of kept objects lands in the
    middle of some later rebuild and adds half a second to that save. Before
    that, the objects made since the last freeze (this rebuild's) are collected,
    which is quick because frozen ones are not looked at, so no garbage cycle of
    this rebuild is ever frozen. Every ``FULL_COLLECT_EVERY`` rebuilds everything
    is unfrozen and collected once, for cycles among kept work that was dropped
    later. Then freed heap memory goes back to the system (glibc only): without
    that, a long session's resident memory follows the fragmentation of its
    busiest rebuild rather than the size of the site.
    """
    _settled[0] += 1
    if _settled[0] % FULL_COLLECT_EVERY == 1:
        gc.unfreeze()
    gc.collect()  # frozen objects are not looked at: this is the last rebuild's work
    gc.freeze()
    if _malloc_trim is not None:
        _malloc_trim(0)


def _latest_mtime(root: Path, rels: Iterable[str]) -> float | None:
    """When the newest of these files was saved (deleted files are skipped)."""
    latest = None
    for rel in rels:
        try:
            m = (root / rel).stat().st_mtime
        except OSError:
            continue
        latest = m if latest is None else max(latest, m)
    return latest


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- entry point


class _Stop(Exception):
    pass


def run_server(
    root: Path, *, audience: Audience = "private", host: str = "127.0.0.1", port: int = 8000,
    open_browser: bool = False, allow_remote_private: bool = False,
) -> int:
    """``ivsite serve``: run until Ctrl-C or SIGTERM; returns the exit status."""
    server = PreviewServer(root, audience=audience, host=host, port=port,
                           allow_remote_private=allow_remote_private)
    in_main = threading.current_thread() is threading.main_thread()
    previous: dict[int, Any] = {}

    def on_signal(signum: int, frame: FrameType | None) -> None:
        raise _Stop()

    if in_main:
        for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if sig is not None:
                previous[sig] = signal.signal(sig, on_signal)
    status = EXIT_OK
    try:
        server.start()
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
        forever = threading.Event()
        while not forever.wait(3600):
            pass
    except ServeError as exc:
        _stderr(f"ivsite serve: {exc}")
        status = EXIT_USAGE
    except (_Stop, KeyboardInterrupt):
        _stderr("Stopping the preview…")
    finally:
        # A second Ctrl-C during clean-up must not leave the private folder behind.
        if in_main:
            for sig in previous:
                signal.signal(sig, signal.SIG_IGN)
        try:
            server.stop()
        finally:
            if in_main:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)
    if status == EXIT_OK:
        _stderr("Stopped; the preview folder was removed.")
    return status
