"""Red team 4, J-cookie: the preview's key cookie must never reach another server.

Cookies are kept per host, not per port, and SameSite counts every port of
127.0.0.1 as one site: a cookie set by a preview on 127.0.0.1 went with every
request to any server there (another account's dev server or Jupyter), which
could then read the private view with it. The preview now lives at a host name of
its own run (``ivsite-<random>.localhost``, which Chromium resolves to loopback),
the cookie is scoped to it, and a request for any other name is refused. Here a
second server on another port logs what Chromium sends it, after the author
opened the preview and a note with an image from it (which the preview does not
load since red team 5, K4), by a visit."""

from __future__ import annotations

import contextlib
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_serve import ABOUT, CANARY_TITLE, make_site, open_in, serving, wait_until

from ivsite.preview import server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK),
                       reason="needs Debian's /usr/bin/chromium"),
]

PRIVATE = "reflections/2026-07-05-salary-reality-check/"


@contextlib.contextmanager
def other_server() -> Iterator[tuple[int, list[dict[str, str]]]]:
    """Another web app on 127.0.0.1 (another port), logging each request's headers."""
    seen: list[dict[str, str]] = []

    class Logger(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append({"path": self.path, "host": self.headers.get("Host", ""),
                         "cookie": self.headers.get("Cookie", ""),
                         "referer": self.headers.get("Referer", "")})
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>another app</p>")

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Logger)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(httpd.server_address[1]), seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def _visit_it(tmp_path: Path, page: Any) -> tuple[str, list[dict[str, str]]]:
    """Open the preview, look at a page with an image from the other server, then
    visit the other server by address and by name; the key and what it was sent."""
    with other_server() as (port, seen):
        root = make_site(tmp_path)
        about = root / ABOUT
        about.write_text(about.read_text("utf-8") + f"\n![logo](http://127.0.0.1:{port}/img.png)\n",
                         "utf-8")
        with serving(root) as srv:
            open_in(page, srv, PRIVATE)
            assert CANARY_TITLE in page.content()  # the author is in
            page.goto(srv.url + "about/")
            page.wait_for_load_state("networkidle")
            for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
                page.goto(f"http://{host}/visit")
            wait_until(lambda: sum(s["path"] == "/visit" for s in seen) == 2, what="visits")
            return srv.key, list(seen)


def test_another_server_on_another_port_gets_no_key(tmp_path: Path, page: Any) -> None:
    key, seen = _visit_it(tmp_path, page)
    assert sum(s["path"] == "/visit" for s in seen) == 2, seen
    assert not [s for s in seen if s["path"] == "/img.png"], seen  # not loaded in the preview
    assert not [s for s in seen if key in s["cookie"] or "ivsite-preview" in s["cookie"]], seen
    assert not [s for s in seen if "localhost:" in s["referer"]], seen  # nor the name


def test_with_the_preview_on_127_0_0_1_the_key_goes_there(
        tmp_path: Path, page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection off (the preview opened at 127.0.0.1, as before): the other
    server receives the key."""
    monkeypatch.setattr(server, "preview_name", lambda: "127.0.0.1")
    key, seen = _visit_it(tmp_path, page)
    assert [s for s in seen if key in s["cookie"]], seen
