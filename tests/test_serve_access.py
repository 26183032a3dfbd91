"""Red-team H21: the preview answers only the holder of its key.

On 127.0.0.1 any other account of the machine could read the private view. Now
``ivsite serve`` prints its address with a random key; that address sets an
HttpOnly, SameSite=Strict cookie, and every request without the cookie (pages,
the reload script, the reload event stream) is refused with 403.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from test_serve import CANARY_TITLE, EventStream, cookie, fetch, make_site, serving

from ivsite.preview import access
from ivsite.preview.access import Access, launcher

PRIVATE_PAGE = "/reflections/2026-07-05-salary-reality-check/"
PATHS = ["/", PRIVATE_PAGE, "/search-index.json", "/__ivsite/reload.js", "/__ivsite/events",
         "/nothing-here/"]


def test_a_request_without_the_key_is_refused(tmp_path: Path) -> None:
    with serving(make_site(tmp_path)) as srv:
        for path in PATHS:
            for method in ("GET", "HEAD"):
                status, body, headers = fetch(srv, path, method=method, jar="")
                assert status == 403, (path, method)
                assert CANARY_TITLE.encode() not in body and "set-cookie" not in headers


def test_a_wrong_key_or_another_previews_cookie_is_refused(tmp_path: Path) -> None:
    with serving(make_site(tmp_path)) as srv:
        for path in (f"/?key={srv.key[:-1]}", "/?key=", f"/?key={srv.key}&key=x",
                     f"/?KEY={srv.key}"):
            status, _, headers = fetch(srv, path, jar="")
            assert status == 403 and "set-cookie" not in headers, path
        for jar in (f"ivsite-preview-{srv.port + 1}={srv.key}",
                    f"ivsite-preview-{srv.port}={srv.key.swapcase()}",
                    f"ivsite-preview-{srv.port}=", srv.key):
            status, body, _ = fetch(srv, PRIVATE_PAGE, jar=jar)
            assert status == 403 and CANARY_TITLE.encode() not in body, jar


def test_the_key_sets_the_cookie_that_opens_pages_and_the_event_stream(tmp_path: Path) -> None:
    with serving(make_site(tmp_path)) as srv:
        assert any(srv.keyed_url in line for line in srv.lines)  # type: ignore[attr-defined]
        status, body, headers = fetch(srv, f"{PRIVATE_PAGE}?key={srv.key}&x=1", jar="")
        assert status == 200 and CANARY_TITLE.encode() not in body
        set_cookie = headers["set-cookie"]
        assert set_cookie.startswith(f"{cookie(srv)};")
        assert {"HttpOnly", "SameSite=Strict", "Path=/"} <= {
            p.strip() for p in set_cookie.split(";")}
        # The entry page moves on to the same address without the key.
        assert re.search(rb'content="0;url=/reflections/2026-07-05-salary-reality-check/'
                         rb'\?x=1"', body), body
        assert srv.key.encode() not in body
        jar = set_cookie.split(";", 1)[0]
        status, body, _ = fetch(srv, PRIVATE_PAGE, jar=f"theme=dark; {jar}")
        assert status == 200 and CANARY_TITLE.encode() in body
        assert fetch(srv, "/__ivsite/reload.js", jar=jar)[0] == 200
        events = EventStream(srv)  # sends the cookie; asserts the 200 itself
        assert events.wait_for("hello") is not None
        events.close()


def test_a_keyed_address_never_sends_the_browser_to_another_site() -> None:
    gate = Access("k3y", 8000)
    assert gate.key_in("//evil.example/?key=k3y") == "/"
    assert gate.key_in("/\\evil.example/?key=k3y") == "/"
    assert gate.key_in("http://evil.example/a/?key=k3y") == "/a/"
    assert gate.key_in("/a/?key=nope") is None


def test_the_browser_is_opened_with_a_file_not_the_key(tmp_path: Path) -> None:
    page = launcher("http://127.0.0.1:8000/?key=s3cr3t")
    try:
        assert stat.S_IMODE(page.parent.stat().st_mode) == 0o700
        assert "s3cr3t" not in page.as_uri()
        assert 'url=http://127.0.0.1:8000/?key=s3cr3t"' in page.read_text("utf-8")
    finally:
        page.unlink()
        page.parent.rmdir()


def test_with_the_key_check_off_anyone_reads_the_private_view(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Protection off: what another account of the machine read before H21."""
    monkeypatch.setattr(access.Access, "cookie_ok", lambda self, header: True)
    with serving(make_site(tmp_path)) as srv:
        status, body, _ = fetch(srv, PRIVATE_PAGE, jar="")
        assert status == 200 and CANARY_TITLE.encode() in body
