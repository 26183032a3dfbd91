"""``ivsite serve``: the live preview, driven over HTTP without a browser.

Each test copies the example site (site.toml and content/) into tmp_path, adds
canary strings to a private passage and a private note's title, and starts the
preview in-process on a free port (one test runs it as ``ivsite serve`` in a
subprocess to check the console, Ctrl-C and SIGTERM).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ivsite.core.diagnostics import Diagnostics
from ivsite.pipeline import Pipeline
from ivsite.preview import PreviewServer, ServeError, resolve_request_path

REPO = Path(__file__).resolve().parent.parent
CANARY_PASSAGE = "IVSCANARYPASSAGE5c1f0e"
CANARY_TITLE = "IVSCANARYTITLE93b2d7"
PRIVATE_REFLECTION = "content/reflections/2026-07-05-salary-reality-check.md"
ABOUT = "content/pages/about.md"
PUBLIC_INTERVIEW = "content/interviews/2026-02-11-northwind-ux.md"
SCRIPT_TAG = re.compile(rb'<script src="/__ivsite/reload\.js" data-version="\d+"></script>')
TIMEOUT = 30.0


# --------------------------------------------------------------------------- helpers


def make_site(tmp_path: Path) -> Path:
    """A copy of the example site with canaries in private places."""
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "site.toml", root / "site.toml")
    shutil.copytree(REPO / "content", root / "content")
    refl = root / PRIVATE_REFLECTION
    text = refl.read_text("utf-8")
    assert "visibility: private" in text
    refl.write_text(re.sub(r"(?m)^title: .*$", f"title: Budget {CANARY_TITLE}", text, count=1),
                    "utf-8")
    about = root / ABOUT
    about.write_text(about.read_text("utf-8")
                     + f"\n::: private\nOff the record: {CANARY_PASSAGE} stays with me.\n:::\n",
                     "utf-8")
    return root


@contextlib.contextmanager
def serving(root: Path, audience: str = "private", **kwargs: object) -> Iterator[PreviewServer]:
    lines: list[str] = []
    had_output = (root / "_site").exists()
    srv = PreviewServer(root, audience=audience, port=0,  # type: ignore[arg-type]
                        log=lines.append, **kwargs)  # type: ignore[arg-type]
    srv.start()
    srv.lines = lines  # type: ignore[attr-defined]
    try:
        yield srv
    finally:
        folder = srv.folder
        srv.stop()
        assert not folder.exists(), "the preview folder must be removed on exit"
        if not had_output:
            assert not (root / "_site").exists(), "serve must never create the output folder"


def cookie(srv: PreviewServer) -> str:
    """The cookie a browser holds once it opened the preview's address with the key."""
    return f"ivsite-preview-{srv.port}={srv.key}"


def keyed(srv: PreviewServer, path: str = "") -> str:
    """The preview's address for ``path`` with the key, as the terminal shows it."""
    return f"{srv.url}{path}{'&' if '?' in path else '?'}key={srv.key}"


def open_in(page: Any, srv: PreviewServer, path: str = "") -> None:
    """Open ``path`` in a browser the author's way: the address with the key, which
    the preview trades for a cookie before it moves on to the address without it."""
    page.goto(keyed(srv, path))
    page.wait_for_url(srv.url + path)


def fetch(srv: PreviewServer, path: str, host: str | None = None,
          method: str = "GET", jar: str | None = None) -> tuple[int, bytes, dict[str, str]]:
    """One request with the path sent exactly as given (no client-side normalising),
    with the ``Cookie`` header ``jar`` (none if empty; by default the preview's own)."""
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=TIMEOUT)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", host if host is not None else f"{srv.name}:{srv.port}")
        jar = cookie(srv) if jar is None else jar
        if jar:
            conn.putheader("Cookie", jar)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read(), {k.lower(): v for k, v in resp.getheaders()}
    finally:
        conn.close()


def wait_until(check: Callable[[], bool], timeout: float = TIMEOUT, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what or check}")


def page(srv: PreviewServer, path: str) -> bytes:
    status, body, _ = fetch(srv, path)
    assert status == 200, (path, status)
    return body


def strip_reload(body: bytes) -> bytes:
    return SCRIPT_TAG.sub(b"", body)


class EventStream:
    """Reads the preview's event stream in a thread, as a browser's EventSource would."""

    def __init__(self, srv: PreviewServer) -> None:
        self.events: queue.Queue[tuple[str, dict[str, object], float]] = queue.Queue()
        port = srv.port
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.sock.sendall(f"GET /__ivsite/events HTTP/1.1\r\nHost: {srv.name}:{port}\r\n"
                          f"Cookie: {cookie(srv)}\r\n"
                          "Accept: text/event-stream\r\n\r\n".encode())
        self.file = self.sock.makefile("rb")
        status = self.file.readline()
        assert b" 200 " in status, status
        while self.file.readline() not in (b"\r\n", b"\n", b""):
            pass
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        event, data = "message", ""
        try:
            for raw in self.file:
                line = raw.decode("utf-8").rstrip("\r\n")
                if not line:
                    if data:
                        self.events.put((event, json.loads(data), time.time()))
                    event, data = "message", ""
                elif line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data += line[5:].strip()
        except (OSError, ValueError):
            return

    def next(self, timeout: float = TIMEOUT) -> tuple[str, dict[str, object], float]:
        return self.events.get(timeout=timeout)

    def wait_for(self, name: str, timeout: float = TIMEOUT) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while True:
            event, data, _ = self.next(max(0.01, deadline - time.monotonic()))
            if event == name:
                return data

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()


def served_files(srv: PreviewServer) -> set[str]:
    return {p.relative_to(srv.folder).as_posix() for p in srv.folder.rglob("*") if p.is_file()}


def overlay_of(body: bytes) -> str:
    m = re.search(rb'<div id="ivsite-overlay".*?</div>', body, re.S)
    return m.group(0).decode("utf-8") if m else ""


# --------------------------------------------------------------------------- serving


def test_pages_are_served_with_the_reload_script(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    with serving(root) as srv:
        assert re.fullmatch(r"ivsite-[0-9a-f]{20}\.localhost", srv.name)
        assert srv.url == f"http://{srv.name}:{srv.port}/"
        assert srv.keyed_url == f"{srv.url}?key={srv.key}"
        home = page(srv, "/")
        assert SCRIPT_TAG.search(home)
        assert b"Private preview" in home
        status, body, headers = fetch(srv, "/interviews/2026-02-11-northwind-ux/")
        assert status == 200 and b"Priya Raman" in body
        assert headers["content-type"] == "text/html; charset=utf-8"
        assert headers["cache-control"] == "no-store"
        assert headers["referrer-policy"] == "no-referrer"
        status, _, headers = fetch(srv, "/interviews")
        assert status == 301 and headers["location"] == "/interviews/"
        status, js, headers = fetch(srv, "/__ivsite/reload.js")
        assert status == 200 and b"EventSource" in js
        assert headers["content-type"].startswith("text/javascript")
        status, css, _ = fetch(srv, "/static/style.css")
        assert status == 200 and not SCRIPT_TAG.search(css)
        status, body, _ = fetch(srv, "/no/such/page/")
        assert status == 404 and SCRIPT_TAG.search(body)
        status, body, _ = fetch(srv, "/", method="HEAD")
        assert status == 200 and body == b""
        assert any("Serving the private view" in line for line in srv.lines)  # type: ignore[attr-defined]


@pytest.mark.parametrize("host", ["evil.example", "localhost.evil.example", "127.0.0.1",
                                  "127.0.0.1:1", "evil.example:{port}", "",
                                  # red team 4, J-cookie: only the run's own name
                                  "127.0.0.1:{port}", "localhost:{port}", "{name}",
                                  "{name}:1", "x{name}:{port}", "ivsite-0.localhost:{port}"])
def test_foreign_host_headers_are_refused(tmp_path: Path, host: str) -> None:
    root = make_site(tmp_path)
    with serving(root) as srv:
        status, body, _ = fetch(srv, "/", host=host.format(port=srv.port, name=srv.name))
        assert status == 403
        assert CANARY_TITLE.encode() not in body
        status, _, _ = fetch(srv, "/__ivsite/events",
                             host=host.format(port=srv.port, name=srv.name))
        assert status == 403


def test_own_host_names_are_accepted(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    with serving(root) as srv:
        for host in (f"{srv.name}:{srv.port}", f"{srv.name.upper()}:{srv.port}"):
            assert fetch(srv, "/", host=host)[0] == 200, host


TRAVERSALS = [
    "/../site.toml", "/%2e%2e/site.toml", "/..%2fsite.toml", "/%2E%2E%2Fsite.toml",
    "/interviews/../../site.toml", "/interviews/%2e%2e/%2e%2e/site.toml",
    "/..\\site.toml", "/%5c..%5csite.toml", "/.%2e/site.toml", "//etc/passwd",
    "/%00", "http://evil.example/site.toml", "/%ff%fe",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_paths_never_leave_the_served_folder(tmp_path: Path, path: str) -> None:
    root = make_site(tmp_path)
    with serving(root) as srv:
        status, body, _ = fetch(srv, path)
        assert status in (400, 403, 404), (path, status)
        assert b"base_url" not in body and b"root:" not in body


def test_symlinks_out_of_the_folder_are_refused(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    with serving(root) as srv:
        (srv.folder / "leak.toml").symlink_to(root / "site.toml")
        (srv.folder / "leakdir").symlink_to(root / "content")
        for path in ("/leak.toml", "/leakdir/pages/about.md", "/leakdir/"):
            status, body, _ = fetch(srv, path)
            assert status == 400, path
            assert CANARY_PASSAGE.encode() not in body


def test_resolve_request_path_unit(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("x")
    assert resolve_request_path(tmp_path, "/a/") == ("file", tmp_path / "a" / "index.html")
    assert resolve_request_path(tmp_path, "/a?x=1") == ("redirect", None)
    assert resolve_request_path(tmp_path, "/a/index.html#x")[0] == "file"
    assert resolve_request_path(tmp_path, "/b/")[0] == "missing"
    for bad in ("/a/../../x", "/a/%2e%2e/%2e%2e/x", "a/index.html", "/a\\index.html"):
        assert resolve_request_path(tmp_path, bad)[0] == "bad", bad
    # F20: a name too long for the system is a page that is not there, not an OSError
    for long in ("/" + "a" * 5000, "/a/" + "b" * 300 + "/", "/" + "c/" * 3000):
        assert resolve_request_path(tmp_path, long)[0] == "missing", long[:20]


# --------------------------------------------------------------------------- rebuilding


def test_an_edit_shows_up_in_the_next_response(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    with serving(root) as srv:
        events = EventStream(srv)
        assert events.wait_for("hello")["version"] == srv.hub.version
        note = root / PUBLIC_INTERVIEW
        note.write_text(note.read_text("utf-8") + "\nA freshly typed sentence, xyzzy42.\n",
                        "utf-8")
        data = events.wait_for("reload")
        assert "interviews/2026-02-11-northwind-ux/index.html" in data["paths"]  # type: ignore[operator]
        assert b"xyzzy42" in page(srv, "/interviews/2026-02-11-northwind-ux/")
        # The search index too: each note's entry is kept between saves by the
        # note's digest, so an edit makes its entry again.
        shards = json.loads(page(srv, "/search-index.json"))["shards"]
        assert any(b"xyzzy42" in page(srv, "/" + shard) for shard in shards)
        events.close()
        assert any(re.match(r"Rebuilt in \d+ ms: \d+ files? changed; save → reload \d+ ms", ln)
                   for ln in srv.lines)  # type: ignore[attr-defined]


def test_broken_front_matter_keeps_the_last_good_page_with_an_overlay(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    about = root / ABOUT
    good = about.read_text("utf-8")
    broken = good.replace("title: About me\n", "title: [About me\n", 1)
    assert broken != good
    # The line the diagnostics name, as `ivsite check` would report it.
    about.write_text(broken, "utf-8")
    diags = Diagnostics()
    Pipeline(root, persist_cache=False).prepare(diags)
    [err] = [d for d in diags.errors if d.path == ABOUT]
    assert err.line > 0
    about.write_text(good, "utf-8")

    with serving(root) as srv:
        events = EventStream(srv)
        events.wait_for("hello")
        before = page(srv, "/about/")
        assert not overlay_of(before)
        about.write_text(broken, "utf-8")
        shown = events.wait_for("overlay")
        assert f"{ABOUT}:{err.line}" in str(shown["html"])
        for path in ("/about/", "/", "/interviews/"):
            body = page(srv, path)
            box = overlay_of(body)
            assert f"{ABOUT}:{err.line}:" in box, path
            assert "error[" in box
        # Still the last good page underneath the overlay.
        assert b"About me" in page(srv, "/about/")
        assert strip_reload(page(srv, "/about/")).replace(overlay_of(page(srv, "/about/"))
                                                          .encode(), b"") == strip_reload(before)
        about.write_text(good, "utf-8")
        events.wait_for("reload")
        assert not overlay_of(page(srv, "/about/"))
        assert srv.hub.overlay == ""
        events.close()


def test_overlay_text_is_escaped(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    with serving(root) as srv:
        note = root / "content" / "roles" / "evil.md"
        note.write_text("---\ntitle: x\nvisibility: <script>alert(1)</script>\n---\n", "utf-8")
        wait_until(lambda: bool(overlay_of(page(srv, "/"))), what="the overlay")
        box = overlay_of(page(srv, "/"))
        assert "<script>alert(1)" not in box and "&lt;script&gt;" in box


def test_first_build_failure_serves_the_overlay_then_the_site(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    toml = (root / "site.toml").read_text("utf-8")
    (root / "site.toml").write_text("title = [broken\n", "utf-8")
    with serving(root) as srv:
        status, body, _ = fetch(srv, "/")
        assert status == 503 and "site.toml" in overlay_of(body)
        (root / "site.toml").write_text(toml, "utf-8")
        wait_until(lambda: fetch(srv, "/")[0] == 200, what="the first good build")
        assert not overlay_of(page(srv, "/"))


NEW_ROLE = """---
title: Service Designer
visibility: public
status: exploring
summary: A role I only heard about last week.
---

Service designers map the whole journey, not just the screen.
"""


def test_deleting_or_renaming_a_note_removes_its_page(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    with serving(root) as srv:
        role = root / "content" / "roles" / "service-designer.md"
        role.write_text(NEW_ROLE, "utf-8")
        wait_until(lambda: fetch(srv, "/roles/service-designer/")[0] == 200,
                   what="the new note's page")
        assert b"Service Designer" in page(srv, "/roles/")
        role.rename(role.with_name("service-design-lead.md"))
        wait_until(lambda: fetch(srv, "/roles/service-design-lead/")[0] == 200,
                   what="the renamed page")
        assert fetch(srv, "/roles/service-designer/")[0] == 404
        assert fetch(srv, "/roles/service-designer")[0] == 404
        assert not (srv.folder / "roles" / "service-designer").exists()
        (root / "content" / "roles" / "service-design-lead.md").unlink()
        wait_until(lambda: fetch(srv, "/roles/service-design-lead/")[0] == 404,
                   what="the deleted note's page to go")
        assert b"Service Designer" not in page(srv, "/roles/")


def test_deleting_a_linked_note_keeps_the_last_good_site(tmp_path: Path) -> None:
    """Other notes link to it: that is an error, so nothing served changes."""
    root = make_site(tmp_path)
    with serving(root) as srv:
        (root / PUBLIC_INTERVIEW).unlink()
        wait_until(lambda: "broken-link" in overlay_of(page(srv, "/")), what="the overlay")
        assert fetch(srv, "/interviews/2026-02-11-northwind-ux/")[0] == 200


def test_a_stylesheet_change_sends_css_not_reload(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    static = root / "themes" / "default" / "static"
    static.mkdir(parents=True)
    builtin_css = (REPO / "themes" / "default" / "static" / "style.css").read_bytes()
    (static / "style.css").write_bytes(builtin_css)
    with serving(root) as srv:
        events = EventStream(srv)
        events.wait_for("hello")
        (static / "style.css").write_bytes(builtin_css + b"\nbody { outline: 3px solid red; }\n")
        data = events.wait_for("css")
        assert data["paths"] == ["static/style.css"]
        assert b"outline: 3px solid red" in page(srv, "/static/style.css")
        events.close()


def test_files_no_build_reads_do_not_rebuild(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    with serving(root) as srv:
        srv.wait_idle(settle=0.5)
        count = len(srv.rebuilds)
        for name in (".about.md.swp", ".DS_Store", ".obsidian/workspace.json"):
            (root / "content" / "pages" / name).parent.mkdir(exist_ok=True)
            (root / "content" / "pages" / name).write_text("junk", "utf-8")
        for rel in (".ivsite/x", "node_modules/x/README.md", ".git/notes.md", "_site/a.md"):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text("junk", "utf-8")
        time.sleep(1.0)
        srv.wait_idle(settle=0.5)
        assert len(srv.rebuilds) == count
        shutil.rmtree(root / "_site")  # (serve never makes it: the fixture checks)
        (root / "site.toml").write_text((root / "site.toml").read_text("utf-8") + "\n", "utf-8")
        wait_until(lambda: len(srv.rebuilds) > count, what="a rebuild after site.toml")


RECORD = ("---\nperson:\n  name: Jane Doe\n  email: jane@acme.example\nconsent:\n"
          "  publish_name: false\n---\n")


@pytest.mark.parametrize("rel", ["content/pages/.jane.md", "content/pages/about.md~",
                                 "content/pages/#about.md#", "README.md", "old/jane.md",
                                 "drafts/2026/jane.txt"])
def test_a_file_load_reads_for_a_person_record_rebuilds(tmp_path: Path, rel: str) -> None:
    """Load reads hidden and backup files beside the notes, and text files outside
    content/, for a person record (R18-B01): a save there rebuilds, and the
    preview refuses the record as a build does (a new folder is watched too)."""
    root = make_site(tmp_path)
    with serving(root) as srv:
        srv.wait_idle(settle=0.5)
        count = len(srv.rebuilds)
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("todo\n", "utf-8")
        wait_until(lambda: len(srv.rebuilds) > count, what=f"a rebuild after {rel}")
        (root / rel).write_text(RECORD, "utf-8")
        wait_until(lambda: "misplaced-person" in overlay_of(page(srv, "/")),
                   what="the overlay")


def test_a_folders_settings_file_rebuilds(tmp_path: Path) -> None:
    """A .pages beside the notes is read for the folder's settings (R18-B01)."""
    root = make_site(tmp_path)
    with serving(root) as srv:
        srv.wait_idle(settle=0.5)
        (root / "content" / "pages" / ".pages").write_text("hide: true\n", "utf-8")
        wait_until(lambda: "privacy-key" in overlay_of(page(srv, "/")), what="the overlay")


# --------------------------------------------------------------------------- audiences


def _all_responses(srv: PreviewServer) -> bytes:
    out = []
    for rel in sorted(served_files(srv)):
        status, body, _ = fetch(srv, "/" + rel)
        assert status == 200, rel
        out.append(body)
    return b"\n".join(out)


def test_public_preview_serves_no_canary_private_preview_shows_them(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    with serving(root, audience="public") as srv:
        everything = _all_responses(srv)
        assert CANARY_PASSAGE.encode() not in everything
        assert CANARY_TITLE.encode() not in everything
        assert b"Private preview" not in everything
        status, body, _ = fetch(srv, "/reflections/2026-07-05-salary-reality-check/")
        assert status == 404
        assert CANARY_TITLE.encode() not in body
    with serving(root, audience="private") as srv:
        everything = _all_responses(srv)
        assert CANARY_PASSAGE.encode() in everything
        assert CANARY_TITLE.encode() in everything
        assert CANARY_PASSAGE.encode() in page(srv, "/about/")
    with serving(root, audience="mentor") as srv:
        everything = _all_responses(srv)
        assert CANARY_PASSAGE.encode() not in everything
        assert CANARY_TITLE.encode() not in everything


def test_making_a_note_private_removes_it_from_the_public_preview(tmp_path: Path) -> None:
    """The rebuild path runs the audience filter too (Quartz PR #2039, Zola #962)."""
    root = make_site(tmp_path)
    note = root / PUBLIC_INTERVIEW
    with serving(root, audience="public") as srv:
        listed = page(srv, "/interviews/")  # its card: job and organisation, then who
        assert b"2026-02-11-northwind-ux/" in listed and b"with Priya Raman" in listed
        assert b"Conversation with Priya Raman" in page(srv, "/interviews/2026-02-11-northwind-ux/")
        note.write_text(note.read_text("utf-8").replace("visibility: public",
                                                        "visibility: private", 1), "utf-8")
        wait_until(lambda: fetch(srv, "/interviews/2026-02-11-northwind-ux/")[0] == 404,
                   what="the page to go")
        # The search index is made again before the output check (after the
        # reload): wait for that check of the new folder.
        assert srv.wait_idle(settle=0.5)
        wait_until(lambda: srv.preview is not None
                   and srv.preview._audited == srv.preview.generation,
                   what="the new search index and its check")
        everything = _all_responses(srv)
        assert b"2026-02-11-northwind-ux" not in everything
        assert b"Conversation with Priya Raman" not in everything


def test_the_public_preview_runs_the_output_check(tmp_path: Path) -> None:
    """What `ivsite build` would refuse to publish shows as an overlay in the preview."""
    root = make_site(tmp_path)
    static = root / "themes" / "default" / "static"
    with serving(root, audience="public") as srv:
        assert srv.wait_idle(settle=0.5)
        wait_until(lambda: srv.preview is not None and srv.preview._audited >= 0,
                   what="the first output check")
        assert not overlay_of(page(srv, "/"))
        static.mkdir(parents=True)
        (static / "notes.txt").write_text(f"Budget {CANARY_TITLE}\n", "utf-8")
        wait_until(lambda: "error[audit]" in overlay_of(page(srv, "/")), what="the audit overlay")
        assert PRIVATE_REFLECTION in overlay_of(page(srv, "/"))
        (static / "notes.txt").unlink()
        wait_until(lambda: not overlay_of(page(srv, "/")), what="the overlay to go")


def test_an_existing_output_folder_is_left_alone(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    out = root / "_site"
    out.mkdir()
    (out / "index.html").write_text("published earlier", "utf-8")
    os.utime(out / "index.html", (1_000_000_000, 1_000_000_000))
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    with serving(root) as srv:
        note = root / PUBLIC_INTERVIEW
        note.write_text(note.read_text("utf-8") + "\nA new line.\n", "utf-8")
        wait_until(lambda: b"A new line." in page(srv, "/interviews/2026-02-11-northwind-ux/"),
                   what="the edit")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert (out / "index.html").read_text("utf-8") == "published earlier"
    assert (out / "index.html").stat().st_mtime == 1_000_000_000


def test_rapid_edits_end_equal_to_a_clean_build(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    notes = [root / PUBLIC_INTERVIEW, root / ABOUT,
             root / "content/reflections/2026-06-20-first-seven-conversations.md"]
    originals = [n.read_text("utf-8") for n in notes]
    with serving(root, audience="public") as srv:
        for i in range(200):
            n = i % len(notes)
            notes[n].write_text(originals[n] + f"\nEdit number {i} of the rapid burst.\n",
                                "utf-8")
        # The last edit of each note must be what is served.
        wait_until(lambda: b"Edit number 198 " in page(srv, "/interviews/2026-02-11-northwind-ux/")
                   and b"Edit number 199 " in page(srv, "/about/"), what="the last edits")
        assert srv.wait_idle(timeout=TIMEOUT, settle=1.0)
        out = tmp_path / "built"
        build = subprocess.run(
            [sys.executable, "-m", "ivsite", "build", "--audience", "public", "--out", str(out)],
            cwd=root, capture_output=True, text=True, timeout=300,
        )
        assert build.returncode == 0, build.stderr
        built = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
        built = {p for p in built if "pagefind/" not in p and not p.endswith(".ivsite-output")}
        # (Pagefind's bundle is made by Pagefind, and its file names differ each time.)
        served = {p for p in served_files(srv) if "pagefind/" not in p}
        assert served == built
        for rel in sorted(built):
            status, body, _ = fetch(srv, "/" + rel)
            assert status == 200, rel
            assert strip_reload(body) == (out / rel).read_bytes(), rel
    assert not (root / "_site").exists()


# --------------------------------------------------------------------------- safety


def test_busy_port_moves_to_the_next_free_one(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    busy = blocker.getsockname()[1]
    lines: list[str] = []
    srv = PreviewServer(root, port=busy, log=lines.append)
    try:
        srv.start()
        assert srv.port != busy
        assert any(f"Port {busy} is in use" in ln for ln in lines)
        assert any(f"uses port {srv.port}" in ln for ln in lines)
        assert fetch(srv, "/")[0] == 200
    finally:
        srv.stop()
        blocker.close()


def test_private_view_on_a_public_address_needs_the_flag(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    with pytest.raises(ServeError, match="allow-remote-private"):
        PreviewServer(root, host="0.0.0.0", port=0).start()
    lines: list[str] = []
    srv = PreviewServer(root, host="0.0.0.0", port=0, allow_remote_private=True,
                        log=lines.append)
    try:
        srv.start()
        assert any(ln.startswith("WARNING") for ln in lines)
        assert fetch(srv, "/", host=f"127.0.0.1:{srv.port}")[0] == 200
        assert fetch(srv, "/", host=f"rebind.evil.example:{srv.port}")[0] == 403
    finally:
        srv.stop()
    srv = PreviewServer(root, host="0.0.0.0", port=0, audience="public", log=lines.append)
    srv.start()
    srv.stop()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_cli_prints_url_and_audience_and_exits_cleanly(tmp_path: Path, sig: int) -> None:
    root = make_site(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "ivsite", "serve", "--port", "0", "--audience", "public"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    out: list[str] = []
    url = key = folder = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (url is None or folder is None):
        line = proc.stdout.readline()
        if not line:
            break
        out.append(line)
        if m := re.search(r"Serving the public view of .* at "
                          r"(http://ivsite-[0-9a-f]{20}\.localhost:\d+/)\?key=([\w-]+)$", line):
            url, key = m.groups()
        if m := re.search(r"Built into (\S+) ", line):
            folder = Path(m.group(1))
    assert url and folder, "".join(out)
    assert folder.is_dir()
    name = url.split("/")[2]  # a *.localhost name: the system's resolver may not know it
    port = int(name.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    conn.request("GET", "/", headers={"Host": name})
    assert conn.getresponse().status == 403  # no key, no cookie
    conn.close()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    conn.request("GET", f"/?key={key}", headers={"Host": f"127.0.0.1:{port}"})
    assert conn.getresponse().status == 403  # the key, but not at the run's name
    conn.close()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    conn.request("GET", f"/?key={key}", headers={"Host": name})
    resp = conn.getresponse()
    assert resp.status == 200 and "HttpOnly" in (resp.getheader("Set-Cookie") or "")
    conn.close()
    proc.send_signal(sig)
    rest, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, "".join(out) + rest
    assert "Stopped; the preview folder was removed." in rest
    assert not folder.exists()
    assert not (root / "_site").exists()


# --------------------------------------------------------------------------- render cache


def test_a_change_reaches_every_page_that_shows_it(tmp_path: Path) -> None:
    """The page cache re-renders every page whose inputs changed, not only the note's."""
    root = make_site(tmp_path)
    note = root / PUBLIC_INTERVIEW
    pages = ("/interviews/2026-02-11-northwind-ux/", "/interviews/", "/roles/ux-researcher/",
             "/tags/healthcare/", "/people/", "/questions/typical-day/")
    with serving(root) as srv:
        for path in pages:
            assert b"Northwind Health" in page(srv, path), path
        note.write_text(note.read_text("utf-8").replace("company: Northwind Health",
                                                        "company: Northwind Wellness", 1),
                        "utf-8")
        wait_until(lambda: b"Northwind Wellness" in page(srv, pages[0]), what="the note's page")
        for path in pages:
            body = page(srv, path)
            assert b"Northwind Wellness" in body, path


def test_a_page_key_stands_in_for_notes_and_refuses_unknown_objects() -> None:
    from markupsafe import Markup

    from ivsite.audience.viewnote import ViewNote
    from ivsite.emit.pagekey import key_text

    def vn(digest: str, title: str = "t") -> ViewNote:
        return ViewNote(id="roles/x", collection="roles", slug="x", title=title,
                        visibility="public", date=None, summary="", tags=[], tokens=[],
                        env={}, digest=digest)

    base = key_text({"note": vn("a"), "body": Markup("<p>x</p>")})
    assert key_text({"note": vn("a", "other"), "body": Markup("<p>x</p>")}) \
        == base  # a note is its digest
    assert key_text({"note": vn("b"), "body": Markup("<p>x</p>")}) != base
    assert key_text({"note": vn("a"), "body": Markup("<p>y</p>")}) != base
    assert key_text({"n": 1}) != key_text({"n": True}) != key_text({"n": 1.0})
    with pytest.raises(TypeError):
        key_text({"thing": object()})
    with pytest.raises(TypeError):
        key_text({"url": lambda target: target})  # helpers are no part of a page's context


# --------------------------------------------------------------------------- reload messages


@pytest.mark.parametrize(("paths", "event", "sent"), [
    (["static/style.css"], "css", ["static/style.css"]),
    (["a/index.html", "search-index.json", "feed.xml"], "reload", ["a/index.html"]),
    (["a/index.html", "static/style.css"], "reload", ["*"]),
    (["assets/photo.png"], "reload", ["*"]),
    ([], "reload", ["*"]),
])
def test_reload_messages(paths: list[str], event: str, sent: list[str]) -> None:
    from ivsite.preview import ReloadHub

    hub = ReloadHub()
    got: list[bytes] = []
    start = hub.version

    def write(data: bytes) -> None:
        got.append(data)
        if len(got) == 2:
            hub.close()

    t = threading.Thread(target=hub.stream, args=(write,))
    t.start()
    wait_until(lambda: hub.clients == 1, what="the subscriber")
    hub.changed(paths)
    t.join(5)
    text = got[1].decode()
    assert text.startswith(f"event: {event}\n")
    data = json.loads(text.split("data: ", 1)[1])
    assert data["paths"] == sent
    assert data["version"] == start + 1 == hub.version


def test_inject_and_overlay() -> None:
    from ivsite.core.diagnostics import Diagnostic
    from ivsite.preview.reload import inject, overlay_html

    page_html = b"<html><body><p>x</p></BODY></html>"
    out = inject(page_html, 7, "<div>o</div>")
    assert out == (b'<html><body><p>x</p><script src="/__ivsite/reload.js" data-version="7">'
                   b"</script><div>o</div></BODY></html>")
    assert inject(b"no body", 1).startswith(b"no body<script")
    box = overlay_html([Diagnostic("content/a.md", 3, 5, "error", "yaml", "bad <b>", "use &")])
    assert "content/a.md:3:5" in box and "bad &lt;b&gt;" in box and "hint: use &amp;" in box
    assert overlay_html([]) == ""


def test_an_output_check_stops_for_a_waiting_save_and_is_done_later(tmp_path: Path) -> None:
    """The public preview's audit shares the interpreter with the builder: it gives
    way to a save, and the same check is made once the saves pause."""
    from ivsite.preview import Preview, ReloadHub
    root = make_site(tmp_path)
    preview = Preview(root, "public", ReloadHub())
    try:
        assert preview.rebuild(None).ok
        preview.builds_waiting = lambda: True
        assert preview.run_audit() is None  # stopped ...
        assert preview._audit_job is not None  # ... and kept for later
        preview.builds_waiting = lambda: False
        assert preview.run_audit() == []  # done, and clean
        assert preview._audit_job is None and preview._audited == preview.generation
    finally:
        preview.close()


def _kept(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


def test_the_preview_starts_from_the_parse_cache_a_build_left_and_never_writes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.parse import cache as parsecache
    from ivsite.pipeline import build
    from ivsite.preview import Preview, ReloadHub
    root = make_site(tmp_path)
    assert build(root).status == 0
    [cache_file] = (root / ".ivsite" / "cache").glob("bodies-*.marshal")
    before = cache_file.read_bytes()
    left = _kept(cache_file.parent)
    parsed: list[str] = []
    real = parsecache.parse_body

    def counting(body: str) -> tuple[object, ...]:
        parsed.append(body)
        return real(body)  # type: ignore[return-value]

    monkeypatch.setattr(parsecache, "parse_body", counting)
    preview = Preview(root, "private", ReloadHub())
    try:
        assert preview.rebuild(None).ok
        assert parsed == []  # every body came from the cache
        assert preview.pipe.cache._disk == {}  # and it is not held twice
        note = root / PUBLIC_INTERVIEW
        note.write_text(note.read_text("utf-8") + "\nNew words.\n", "utf-8")
        assert preview.rebuild({PUBLIC_INTERVIEW}).ok
        assert len(parsed) == 1  # the saved note, parsed anew
    finally:
        preview.close()
    assert cache_file.read_bytes() == before
    assert _kept(cache_file.parent) == left  # nothing in .ivsite/cache/ written


def test_a_save_with_passages_in_odd_places_never_reaches_a_public_or_mentor_preview(
        tmp_path: Path) -> None:
    """The rebuild after a save cuts passages before parsing, as build does: a
    passage in raw HTML, a definition inside one and an odd comment, saved into a
    public note, stay out of every response; the private preview shows them."""
    root = make_site(tmp_path)
    note = root / PUBLIC_INTERVIEW
    secret = "zqxoddsecret"
    added = (f"\n\nSaved sentence.\n\n<details>\n\n::: private\n{secret} in raw html\n:::\n\n"
             f"</details>\n\nSee [doc][d].\n\n::: private\n[d]: https://{secret}.example/\n"
             f":::\n\nx <!--> {secret} comment -->\n")
    for audience in ("public", "mentor", "private"):
        with serving(root, audience=audience) as srv:
            note.write_text(note.read_text("utf-8").rstrip("\n") + added, "utf-8")
            wait_until(lambda srv=srv: b"Saved sentence." in page(  # type: ignore[misc]
                srv, "/interviews/2026-02-11-northwind-ux/"), what="the save to show")
            everything = _all_responses(srv)
            if audience == "private":
                assert f"{secret} in raw html".encode() in everything
            else:
                assert secret.encode() not in everything, audience
            note.write_text(note.read_text("utf-8").replace(added, ""), "utf-8")


VAULT = Path(__file__).resolve().parent / "fixtures" / "vault"
VAULT_PRIVATE = (b"CANARY-privbody-vault-7f3a", b"CANARY-privinterview-vault-7f3a",
                 b"CANARY-passage-vault-7f3a", b"CANARY-obsidian-7f3a", b"CANARY-daily-7f3a",
                 b"Quennell", b"CANARY-privassetbytes-vault-7f3a",
                 b"CANARY-callout-passage-vault-7f3a", b"CANARY-comment-vault-7f3a",
                 b"CANARY-blockcomment-vault-7f3a", b"CANARY-privplan-vault-7f3a")


def test_a_vault_previews_like_it_builds_and_rebuilds_on_a_save_in_its_folders(
        tmp_path: Path) -> None:
    """Issue 11: the vault (tests/fixtures/vault) through the live preview: the public
    view holds no private byte, and a save in a mapped folder rebuilds."""
    root = tmp_path / "vault"
    shutil.copytree(VAULT, root)
    with serving(root, audience="public") as srv:
        everything = _all_responses(srv)
        for needle in VAULT_PRIVATE:
            assert needle not in everything, needle
        assert b"PUBLIC-vault-uxr" in everything
        guide = page(srv, "/field-guide/")
        assert b"callout-warning" in guide and b"PUBLIC-vault-reflection" in guide
        events = EventStream(srv)
        events.wait_for("hello")
        role = root / "Career" / "Roles" / "Marketing Coordinator.md"
        role.write_text(role.read_text("utf-8") + "\nxyzzy-vault-save\n", "utf-8")
        events.wait_for("reload")
        assert b"xyzzy-vault-save" in page(srv, "/roles/marketing-coordinator/")
        events.close()
    with serving(root, audience="private") as srv:
        assert b"CANARY-privbody-vault-7f3a" in _all_responses(srv)


def test_a_very_long_path_is_not_found_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """F20: a 5000-character path once raised OSError (name too long) in the handler."""
    root = make_site(tmp_path)
    with serving(root) as srv:
        assert fetch(srv, "/" + "a" * 5000)[0] == 404
        assert fetch(srv, "/")[0] == 200
    assert "Traceback" not in capsys.readouterr().err


# --------------------------------------------------------------------------- other machines


def test_a_preview_other_machines_reach_serves_only_a_checked_site_and_no_diagnostics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F7: on 0.0.0.0 a public preview served pages the audit flagged, and its overlay
    quoted private note paths to every viewer. Now: the site only once the output
    check of the served folder found nothing, and the overlay says only "problems"."""
    from ivsite.audit.search import Hit
    from ivsite.audit.secrets import Secret
    from ivsite.preview import session
    from ivsite.preview.remote import REMOTE_OVERLAY

    leaking = [True]
    real_audit = session.audit_site

    def audit(pipe: object, site: object, folder: Path, stop: object) -> list[Hit]:
        if leaking[0]:  # what a leak the filter missed looks like to the preview
            return [Hit("about/index.html", Secret("unconsented name", "Zorblat Quenwick",
                                                   PRIVATE_REFLECTION, 7))]
        return real_audit(pipe, site, folder, stop=stop)  # type: ignore[arg-type]

    monkeypatch.setattr(session, "audit_site", audit)
    root = make_site(tmp_path)
    about = root / ABOUT
    with serving(root, audience="public", host="0.0.0.0") as srv:
        assert srv.preview is not None
        wait_until(lambda: bool(srv.preview and srv.preview.audit_errors), what="the audit")
        for path in ("/about/", "/", "/pagefind/pagefind-entry.json", "/404.html"):
            status, body, _ = fetch(srv, path)
            assert status == 503, path
            assert b"see the terminal" in body and b"About me" not in body
            assert b"Quenwick" not in body and PRIVATE_REFLECTION.encode() not in body
        leaking[0] = False
        about.write_text(about.read_text("utf-8") + "\nOne more public line.\n", "utf-8")
        wait_until(lambda: fetch(srv, "/about/")[0] == 200, what="the checked site")
        assert b"One more public line" in page(srv, "/about/")
        events = EventStream(srv)
        events.wait_for("hello")
        about.write_text(about.read_text("utf-8").replace("title: About me\n",
                                                          "title: [About me\n", 1), "utf-8")
        assert events.wait_for("overlay")["html"] == REMOTE_OVERLAY
        status, body, _ = fetch(srv, "/about/")
        assert status == 503 and ABOUT.encode() not in body and b"error[" not in body
        assert overlay_of(body) == REMOTE_OVERLAY
        events.close()


def test_on_loopback_the_overlay_still_names_the_problem(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    about = root / ABOUT
    with serving(root, audience="public") as srv:
        about.write_text(about.read_text("utf-8").replace("title: About me\n",
                                                          "title: [About me\n", 1), "utf-8")
        wait_until(lambda: ABOUT in overlay_of(page(srv, "/about/")), what="the overlay")


def test_the_mentor_view_on_a_public_address_needs_the_flag(tmp_path: Path) -> None:
    """F7: `build` encrypts the mentor view with the share passphrase; the preview
    serves it in the clear, so other machines get it only when asked for."""
    root = make_site(tmp_path)
    with pytest.raises(ServeError, match="allow-remote-private"):
        PreviewServer(root, host="0.0.0.0", port=0, audience="mentor").start()
    with serving(root, audience="mentor", host="0.0.0.0", allow_remote_private=True) as srv:
        assert any("mentor view is served unencrypted" in ln
                   for ln in srv.lines)  # type: ignore[attr-defined]


def _index_text(bundle: Path) -> bytes:
    """Every file of a Pagefind bundle, its gzip-compressed index files opened."""
    import gzip
    out = b""
    for f in sorted(bundle.rglob("*")):
        if f.is_file() and f.suffix in (".pf_fragment", ".pf_index", ".pf_meta"):
            out += gzip.decompress(f.read_bytes()) if f.read_bytes()[:2] == b"\x1f\x8b" \
                else f.read_bytes()
    return out


def test_the_public_preview_has_the_search_index_a_build_makes(tmp_path: Path) -> None:
    """The header's search box and the search page need Pagefind's bundle: the preview
    indexes what it serves after each save, and the output check reads the new one."""
    from ivsite.preview import Preview, ReloadHub, indexer
    root = make_site(tmp_path)
    preview = Preview(root, "public", ReloadHub())
    try:
        assert preview.rebuild(None).ok
        assert preview.run_audit() == []
        bundle = preview.folder / "pagefind"
        assert (bundle / "pagefind-ui.js").is_file()
        first = _index_text(bundle)
        assert b"Northwind" in first and CANARY_PASSAGE.encode() not in first
        # The shared mentor view has its own index; the public one never holds it.
        mentor = [b for b in (preview.folder / "share").glob("*/pagefind") if b.is_dir()]
        assert len(mentor) == 1 and b"Quillbeam" in _index_text(mentor[0])
        assert b"Quillbeam" not in first and b"share/" not in first
        about = root / ABOUT
        about.write_text(about.read_text("utf-8") + "\nA word: zanzibarquokka.\n", "utf-8")
        assert preview.rebuild({ABOUT}).ok
        assert preview.run_audit() == []
        assert b"zanzibarquokka" in _index_text(bundle)
        # No scratch left (named after this preview's folder: other tests' previews
        # index beside theirs in the same temporary folder at the same time).
        assert not list(preview.folder.parent.glob(indexer.scratch_prefix(preview.folder) + "*"))
    finally:
        preview.close()


def test_a_leak_in_the_previews_search_index_is_caught(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview's index is read by the output check like any other file: an
    indexer that put a private title in it is an audit error."""
    from ivsite.preview import Preview, ReloadHub, indexer
    root = make_site(tmp_path)

    def leaky(folders: list[Path]) -> list[tuple[Path, subprocess.Popen[bytes]]]:
        code = ("import pathlib, sys; p = pathlib.Path(sys.argv[1]) / 'pagefind'; "
                f"p.mkdir(); (p / 'pagefind-entry.json').write_text('Budget {CANARY_TITLE}')")
        return [(f, subprocess.Popen([sys.executable, "-c", code, str(f)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE))
                for f in folders]

    monkeypatch.setattr(indexer, "start_pagefind", leaky)
    preview = Preview(root, "public", ReloadHub())
    try:
        assert preview.rebuild(None).ok
        errors = preview.run_audit()
        assert errors and {e.path for e in errors} == {PRIVATE_REFLECTION}
        assert any("pagefind/pagefind-entry.json" in e.message for e in errors)
    finally:
        preview.close()
