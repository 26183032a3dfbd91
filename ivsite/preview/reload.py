"""Browser reload for the live preview: the one module that knows how it works.

The preview page loads a small script from the preview server itself
(``/__ivsite/reload.js``, never a CDN) that listens to a Server-Sent-Events
stream (``/__ivsite/events``). After each rebuild the server sends one message:

``reload``   the listed pages changed (``*``: every page); a page reloads when it
             is one of them.
``css``      only stylesheets changed; they are swapped in place, no reload.
``overlay``  the build failed; the diagnostics box is replaced in place (empty
             HTML removes it).

Every message carries the preview's ``version``. A page is served with the
version it was built from; when its stream (re)connects and the server is at
another version, it reloads, so a save that lands between loading a page and
connecting to the stream is never missed, and a restarted server is picked up.

Why not the ``livereload`` package (python-livereload, tornado): its WebSocket
handler accepts any Origin (``check_origin`` returns True), so any web page the
author visits could subscribe and read the paths of changed files, which in the
private view name private notes; it has no hook for a Host-header check, keeps
its clients in class-level globals, runs its own polling watcher and owns the
event loop. An event stream on the standard library's HTTP server is same-origin
by default (no CORS headers are ever sent), which is what MkDocs moved to in
PR #2385 for similar reasons.
"""

from __future__ import annotations

import html
import json
import queue
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..core.diagnostics import Diagnostic
from .remote import REMOTE_OVERLAY

__all__ = [
    "EVENTS_PATH",
    "PREFIX",
    "SCRIPT_PATH",
    "ReloadHub",
    "client_script",
    "inject",
    "overlay_html",
]

PREFIX = "/__ivsite/"
SCRIPT_PATH = PREFIX + "reload.js"
EVENTS_PATH = PREFIX + "events"
KEEPALIVE_SECONDS = 10.0
_DATA_SUFFIXES = (".json", ".xml", ".txt", ".enc")
RETRY_MS = 1000

_CLIENT_JS = r"""/* ivsite live preview: reloads this page when the site is rebuilt. */
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me ? Number(me.getAttribute("data-version")) : -1;
  var OVERLAY_ID = "ivsite-overlay";

  function here() {
    var p = location.pathname;
    try { p = decodeURIComponent(p); } catch (e) { /* keep it encoded */ }
    p = p.replace(/^\/+/, "");
    if (p === "" || p.slice(-1) === "/") { p += "index.html"; }
    return p;
  }

  function payload(event) {
    try { return JSON.parse(event.data); } catch (e) { return {}; }
  }

  function showOverlay(markup) {
    var old = document.getElementById(OVERLAY_ID);
    if (old) { old.remove(); }
    if (!markup) { return; }
    var holder = document.createElement("template");
    holder.innerHTML = markup;
    (document.body || document.documentElement).appendChild(holder.content);
  }

  function refreshStyles(v) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin || url.pathname.indexOf("/__ivsite/") === 0) {
        return;
      }
      url.searchParams.set("ivsite-v", String(v));
      var fresh = link.cloneNode(false);
      fresh.href = url.href;
      fresh.onload = fresh.onerror = function () { link.remove(); };
      link.parentNode.insertBefore(fresh, link.nextSibling);
    });
  }

  var source = new EventSource("/__ivsite/events");
  window.__ivsiteReload = { source: source, version: function () { return version; } };

  source.addEventListener("hello", function (event) {
    var data = payload(event);
    if (version >= 0 && data.version !== version) { location.reload(); }
  });
  source.addEventListener("reload", function (event) {
    var data = payload(event);
    var paths = data.paths || ["*"];
    version = data.version;
    if (paths.indexOf("*") >= 0 || paths.indexOf(here()) >= 0) { location.reload(); }
  });
  source.addEventListener("css", function (event) {
    var data = payload(event);
    version = data.version;
    refreshStyles(version);
  });
  source.addEventListener("overlay", function (event) {
    var data = payload(event);
    version = data.version;
    showOverlay(data.html || "");
  });
})();
"""

_OVERLAY_CSS = (
    "#ivsite-overlay{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;"
    "z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#2b0d0d;color:#fff;"
    "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;"
    "border-top:4px solid #ff5c5c;box-shadow:0 -4px 16px rgba(0,0,0,.4)}"
    "#ivsite-overlay h2{font:inherit;font-weight:700;font-size:15px;margin:0 0 .5rem}"
    "#ivsite-overlay ol{margin:0;padding-left:1.5rem}"
    "#ivsite-overlay li{margin:.35rem 0}"
    "#ivsite-overlay .where{color:#ffd479}"
    "#ivsite-overlay .hint{color:#c9d1d9;display:block}"
    "#ivsite-overlay p{margin:.5rem 0 0;color:#c9d1d9}"
)


def client_script() -> bytes:
    """The script every preview page loads from ``SCRIPT_PATH``."""
    return _CLIENT_JS.encode("utf-8")


def overlay_html(diagnostics: Sequence[Diagnostic], *, first_build: bool = False) -> str:
    """The diagnostics box; every piece of text from the site is escaped."""
    if not diagnostics:
        return ""
    items: list[str] = []
    for d in diagnostics:
        where = d.path + (f":{d.line}:{d.col or 1}" if d.line else "")
        hint = (f'<span class="hint">hint: {html.escape(d.hint)}</span>' if d.hint else "")
        items.append(
            f'<li><span class="where">{html.escape(where)}</span>: '
            f"{html.escape(d.severity)}[{html.escape(d.code)}]: {html.escape(d.message)}"
            f"{hint}</li>"
        )
    n = len(diagnostics)
    head = f"{n} problem{'s' if n != 1 else ''} in the site"
    tail = ("Nothing could be built yet; this page appears as soon as the problems are fixed."
            if first_build else
            "You are looking at the last good build; the page reloads once this is fixed.")
    return (
        f'<div id="ivsite-overlay" role="alert" aria-live="assertive">'
        f"<style>{_OVERLAY_CSS}</style>"
        f"<h2>{html.escape(head)}</h2><ol>{''.join(items)}</ol>"
        f"<p>{html.escape(tail)}</p></div>"
    )


def inject(page: bytes, version: int, overlay: str = "") -> bytes:
    """Add the reload script (and the overlay, if any) before ``</body>``."""
    tag = (f'<script src="{SCRIPT_PATH}" data-version="{version}"></script>'
           f"{overlay}").encode()
    lower = page.lower()
    at = lower.rfind(b"</body>")
    if at < 0:
        return page + tag
    return page[:at] + tag + page[at:]


@dataclass(frozen=True)
class Message:
    event: str
    data: dict[str, object]

    def encode(self) -> bytes:
        body = json.dumps(self.data, separators=(",", ":"))
        return f"event: {self.event}\ndata: {body}\n\n".encode()


_CLOSE = Message("close", {})


class ReloadHub:
    """Fans each rebuild's message out to every open event stream."""

    def __init__(self, redact: bool = False) -> None:
        self.redact = redact
        """Whether other machines can connect: no diagnostics in the overlay then
        (see ivsite.preview.remote)."""
        self._lock = threading.Lock()
        self._subscribers: set[queue.SimpleQueue[Message]] = set()
        self._closed = False
        # Random start: a page from an earlier server run never looks current.
        self.version = secrets.randbelow(1 << 30)
        self.overlay = ""

    @property
    def clients(self) -> int:
        with self._lock:
            return len(self._subscribers)

    # ---- what the builder calls ----------------------------------------------------

    def changed(self, paths: Sequence[str]) -> None:
        """Files of the served site changed: reload, or only swap stylesheets."""
        with self._lock:
            self.version += 1
            self.overlay = ""
            if paths and all(p.endswith(".css") for p in paths):
                msg = Message("css", {"version": self.version, "paths": sorted(paths),
                                      "sent": time.time()})
            else:
                pages = sorted(p for p in paths if p.endswith(".html"))
                # Only changed pages reload, unless something else a page may use
                # changed too (a stylesheet, image or script: every page reloads).
                # A feed, sitemap or search index is on no page.
                shown = [p for p in paths if not p.endswith(_DATA_SUFFIXES)]
                everything = not pages or len(pages) != len(shown)
                msg = Message("reload", {"version": self.version,
                                         "paths": ["*"] if everything else pages,
                                         "sent": time.time()})
            self._broadcast(msg)

    def show(self, overlay: str) -> None:
        """Show, update or (with ``""``) remove the diagnostics box on every page."""
        if self.redact and overlay:
            overlay = REMOTE_OVERLAY
        with self._lock:
            if overlay == self.overlay:
                return
            self.version += 1
            self.overlay = overlay
            self._broadcast(Message("overlay", {"version": self.version, "html": overlay,
                                                "sent": time.time()}))

    def close(self) -> None:
        """End every stream (server shutdown)."""
        with self._lock:
            self._closed = True
            self._broadcast(_CLOSE)

    def _broadcast(self, msg: Message) -> None:
        for q in self._subscribers:
            q.put(msg)

    # ---- what the HTTP handler calls -------------------------------------------------

    def stream(self, write: Callable[[bytes], None]) -> None:
        """Write the event stream until the server closes or the client goes away.

        ``write`` sends bytes to the client (and flushes); an ``OSError`` from it
        means the browser left.
        """
        q: queue.SimpleQueue[Message] = queue.SimpleQueue()
        with self._lock:
            if self._closed:
                return
            self._subscribers.add(q)
            hello = Message("hello", {"version": self.version, "overlay": self.overlay})
        try:
            write(f"retry: {RETRY_MS}\n\n".encode() + hello.encode())
            while True:
                try:
                    msg = q.get(timeout=KEEPALIVE_SECONDS)
                except queue.Empty:
                    write(b": keep-alive\n\n")
                    continue
                if msg is _CLOSE:
                    return
                write(msg.encode())
        except OSError:
            return
        finally:
            with self._lock:
                self._subscribers.discard(q)
