"""The preview's HTTP side: binding a port, and answering each request.

The standard library's threading HTTP server is enough for one author's browser
and sends no CORS headers, so the preview and its reload stream stay same-origin
(see :mod:`ivsite.preview.reload`). Every answer goes through one handler that
checks the Host header, the key (:mod:`ivsite.preview.access`) and the path
first (:mod:`ivsite.preview.security`), puts
the reload script and the overlay into HTML pages, and sends headers that keep
private URLs and files from other sites.
"""

from __future__ import annotations

import contextlib
import errno
import http.server
import mimetypes
import socket
from collections.abc import Callable
from typing import Any

from ..core.diagnostics import Diagnostic
from ..core.urlparts import split_url
from . import reload
from .access import Access, entry_page
from .remote import REMOTE_PAGE
from .security import host_allowed
from .session import Preview

__all__ = ["HTTPServer", "ServeError", "bind"]

PORT_TRIES = 20

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
       "frame-src 'self'; child-src 'self'; worker-src 'self'; object-src 'none'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'self'; "
       "img-src 'self' data: blob:; media-src 'self' data: blob:; font-src 'self' data:; "
       "style-src 'self' 'unsafe-inline'")
"""The preview's Content-Security-Policy (see SECURITY_HEADERS)."""

SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    # Private slugs are in preview URLs: never send them to a linked site.
    "Referrer-Policy": "no-referrer",
    # No other site may load preview files as scripts, images or frames.
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "X-Robots-Tag": "noindex, nofollow",
    # A note's embed (<script src> from a gist or widget host) would run with the
    # preview's origin and its key cookie, and could fetch every private page and
    # send it away (red team 4, J1): scripts, connections, frames and forms stay
    # with the preview's own origin. So do images and media (red team 5, K4/K5): a
    # theme renders private pages here, and its pixel's address (or a note's image
    # with referrerpolicy) would carry a private page's title, text or address to
    # another host. Styles may be inline (the overlay's); WebAssembly is Pagefind's
    # search.
    "Content-Security-Policy": CSP,
}


class ServeError(Exception):
    """The preview cannot start (usage or configuration); exit status 2. It carries
    the diagnostic the terminal shows: ``where`` is the option or file at fault."""

    def __init__(self, where: str, code: str, message: str, hint: str = "") -> None:
        self.diagnostic = Diagnostic(where, 0, 0, "error", code, message, hint)
        super().__init__(self.diagnostic.text())


class HTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    preview: Preview
    hub: reload.ReloadHub
    allowed: set[str] | None
    port: int
    access: Access


class _HTTPServer6(HTTPServer):
    address_family = socket.AF_INET6


class _Handler(http.server.BaseHTTPRequestHandler):
    server: HTTPServer
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
        if (back := srv.access.key_in(raw)) is not None:
            self._send(200, entry_page(back), "text/html; charset=utf-8", head,
                       cookie=srv.access.set_cookie())
            return
        if not srv.access.cookie_ok("; ".join(self.headers.get_all("Cookie") or ())):
            self._refuse(403, "403 Forbidden: this preview needs its key; open the address "
                              "`ivsite serve` printed in its terminal (it ends in ?key=...)")
            return
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
        if not preview.servable():  # other machines connect: see ivsite.preview.remote
            self._send(503, reload.inject(REMOTE_PAGE, version, overlay),
                       "text/html; charset=utf-8", head)
            return
        if not preview.built:
            page = reload.inject(_WAITING_PAGE, version, overlay)
            self._send(503, page, "text/html; charset=utf-8", head)
            return
        kind, data, name = preview.read(raw)
        if kind == "bad":
            self._refuse(400, "400 Bad Request: that path leaves the preview folder")
            return
        if kind == "redirect":
            parts = split_url(raw)
            self._redirect(301, parts.path + "/" + (f"?{parts.query}" if parts.query else ""))
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

    def _redirect(self, status: int, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        for k, v in SECURITY_HEADERS.items():
            self.send_header(k, v)
        self.end_headers()

    def _send(self, status: int, body: bytes, ctype: str, head: bool,
              cookie: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if cookie is not None:
            self.send_header("Set-Cookie", cookie)
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


def bind(host: str, port: int, log: Callable[[str], None]) -> HTTPServer:
    """Listen on ``host``: on ``port``, or the next free one of ``PORT_TRIES``
    (``port`` 0: any free port)."""
    if not 0 <= port <= 65535:
        raise ServeError("--port", "port", f"{port} is not a port: ports are 0 to 65535",
                         "pass one such as --port 8000, or --port 0 for any free one")
    cls = _HTTPServer6 if ":" in host.strip("[]") else HTTPServer
    bind_host = host.strip("[]")
    tries = 1 if port == 0 else min(PORT_TRIES, 65536 - port)
    last: OSError | None = None
    for candidate in range(port, port + tries):
        try:
            server = cls((bind_host, candidate), _Handler)
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                raise ServeError("--host", "listen",
                                 f"cannot listen on {host}:{candidate}: {exc.strerror}",
                                 "pass an address of this machine with --host, such as "
                                 "127.0.0.1") from exc
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
    tried = f"port {port} is" if tries == 1 else f"ports {port}-{port + tries - 1} are"
    raise ServeError("--port", "port", f"cannot listen on {host}: {tried} busy ({reason})",
                     "pass a free one with --port, or --port 0 for any free one")
