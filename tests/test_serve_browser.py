"""``ivsite serve`` in a real browser (pytest-playwright driving Debian's chromium).

The preview runs in-process on a free port against a copy of the example site;
the page must reload on its own after a save, show the diagnostics overlay for
broken front matter and drop it once fixed, and swap a changed stylesheet in
place without a navigation.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_serve import (
    ABOUT,
    CANARY_TITLE,
    PUBLIC_INTERVIEW,
    REPO,
    make_site,
    open_in,
    serving,
    wait_until,
)
from test_serve import page as page_bytes

from ivsite.core.diagnostics import Diagnostics
from ivsite.emit import searchindex
from ivsite.pipeline import Pipeline
from ivsite.preview.access import launcher

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK),
                       reason="needs Debian's /usr/bin/chromium"),
]

WAIT_MS = 30_000
STATUS_SAYS_MATCH = "document.getElementById('iv-search-status').textContent.includes('match')"


def _wait_js(page: Any, expression: str) -> None:
    """Wait until a JavaScript expression is true, asked from here: the preview's
    Content-Security-Policy refuses Playwright's own polling (it compiles the
    expression in the page, which 'unsafe-eval' would have to allow)."""
    from playwright.sync_api import Error

    def true() -> bool:
        try:
            return bool(page.evaluate(expression))
        except Error:  # the page is being replaced (a reload)
            return False

    wait_until(true, timeout=WAIT_MS / 1000, what=expression)


def _navigations(page: Any) -> int:
    return int(page.evaluate("performance.getEntriesByType('navigation').length"))


def test_the_page_reloads_itself_after_a_save(tmp_path: Path, page: Any) -> None:
    root = make_site(tmp_path)
    with serving(root) as srv:
        open_in(page, srv, "interviews/2026-02-11-northwind-ux/")
        _wait_js(page, "window.__ivsiteReload !== undefined")
        page.evaluate("window.__beforeTheSave = true")
        note = root / PUBLIC_INTERVIEW
        note.write_text(note.read_text("utf-8") + "\nA sentence typed just now: plugh7.\n",
                        "utf-8")
        page.locator("main").get_by_text("plugh7", exact=False).wait_for(timeout=WAIT_MS)
        # A new document: the variable set before the save is gone.
        assert page.evaluate("window.__beforeTheSave") is None


def test_the_overlay_names_the_file_and_line_and_goes_once_fixed(tmp_path: Path,
                                                                 page: Any) -> None:
    root = make_site(tmp_path)
    about = root / ABOUT
    good = about.read_text("utf-8")
    broken = good.replace("title: About me\n", "title: [About me\n", 1)
    about.write_text(broken, "utf-8")
    diags = Diagnostics()
    Pipeline(root, persist_cache=False).prepare(diags)
    [err] = [d for d in diags.errors if d.path == ABOUT]
    about.write_text(good, "utf-8")
    with serving(root) as srv:
        open_in(page, srv, "about/")
        _wait_js(page, "window.__ivsiteReload !== undefined")
        overlay = page.locator("#ivsite-overlay")
        assert overlay.count() == 0
        about.write_text(broken, "utf-8")
        overlay.wait_for(state="visible", timeout=WAIT_MS)
        text = overlay.inner_text()
        assert f"{ABOUT}:{err.line}:" in text
        assert "error[" in text
        # The last good page is still there underneath.
        assert "About me" in page.locator("main").inner_text()
        page.evaluate("window.__whileBroken = true")
        about.write_text(good, "utf-8")
        overlay.wait_for(state="detached", timeout=WAIT_MS)
        _wait_js(page, "window.__whileBroken === undefined")
        assert page.locator("#ivsite-overlay").count() == 0


def test_a_stylesheet_change_applies_without_a_navigation(tmp_path: Path, page: Any) -> None:
    root = make_site(tmp_path)
    static = root / "themes" / "default" / "static"
    static.mkdir(parents=True)
    css = (REPO / "themes" / "default" / "static" / "style.css").read_text("utf-8")
    (static / "style.css").write_text(css, "utf-8")
    with serving(root) as srv:
        open_in(page, srv)
        _wait_js(page, "window.__ivsiteReload !== undefined")
        page.evaluate("window.__keep = 42")
        before = _navigations(page)
        width = "getComputedStyle(document.body).borderTopWidth"
        assert page.evaluate(width) != "7px"
        (static / "style.css").write_text(
            css + "\nbody { border-top: 7px solid rgb(1, 2, 3) !important; }\n", "utf-8")
        _wait_js(page, f"{width} === '7px'")
        assert page.evaluate("window.__keep") == 42
        assert _navigations(page) == before


def test_the_private_preview_searches_every_note_and_a_new_word(
        tmp_path: Path, page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview's search index comes in shards (one is rewritten per save); the
    search page reads them all, so a private note's title and a word typed into a
    note a moment ago are both found."""
    monkeypatch.setattr(searchindex, "SHARD_DOCS", 4)  # the example site in several shards
    root = make_site(tmp_path)
    with serving(root) as srv:
        names = json.loads(page_bytes(srv, "/search-index.json"))["shards"]
        assert len(names) >= 8
        note = root / PUBLIC_INTERVIEW
        note.write_text(note.read_text("utf-8") + "\nA sentence typed just now: xyzzy42.\n",
                        "utf-8")
        open_in(page, srv, "interviews/2026-02-11-northwind-ux/")
        page.locator("main").get_by_text("xyzzy42", exact=False).wait_for(timeout=WAIT_MS)
        page.goto(srv.url + "search/?q=xyzzy42")
        status = page.locator("#iv-search-status")
        _wait_js(page, STATUS_SAYS_MATCH)
        assert "One note matches" in status.inner_text()
        link = page.locator("#iv-search-results a")
        assert link.count() == 1
        assert link.get_attribute("href").endswith("interviews/2026-02-11-northwind-ux/")
        page.goto(srv.url + f"search/?q={CANARY_TITLE}")
        _wait_js(page, STATUS_SAYS_MATCH)
        assert "One note matches" in status.inner_text()
        assert CANARY_TITLE in page.locator("#iv-search-results").inner_text()


def test_the_public_previews_header_search_finds_a_public_note(tmp_path: Path,
                                                               page: Any) -> None:
    """The public preview runs Pagefind as a build does: the header's search box is
    Pagefind's UI and finds a public note (and, as in a build, no withheld one)."""
    from test_reading_browser import _search
    root = make_site(tmp_path)
    with serving(root, audience="public") as srv:
        assert srv.wait_idle(settle=0.5)
        wait_until(lambda: srv.preview is not None and srv.preview._audited >= 0,
                   what="the index and the output check")
        open_in(page, srv, "roles/")
        page.locator("#iv-header-pagefind .pagefind-ui__search-input").wait_for(
            timeout=WAIT_MS)
        found = _search(page, "Priya Northwind")
        assert any("2026-02-11-northwind-ux" in href for href in found), found
        found = _search(page, f"Budget {CANARY_TITLE} salary reality check")
        assert not [href for href in found if "salary-reality-check" in href], found


def test_the_open_file_lets_this_browser_in_and_no_other(tmp_path: Path, page: Any,
                                                           browser: Any) -> None:
    """H21: ``serve --open``'s file leads to the preview (a navigation from a file://
    page, the case where a SameSite=Strict cookie would be lost along a redirect);
    the cookie then opens later pages and the event stream; a browser without it
    gets 403."""
    private = "reflections/2026-07-05-salary-reality-check/"
    with serving(make_site(tmp_path)) as srv:
        opener = launcher(srv.keyed_url)
        try:
            page.goto(opener.as_uri())
            page.wait_for_url(srv.url, timeout=WAIT_MS)
            _wait_js(page, "window.__ivsiteReload !== undefined"
                                   " && window.__ivsiteReload.source.readyState === 1")
            assert page.goto(srv.url + private).status == 200
            assert CANARY_TITLE in page.content()
            other = browser.new_context()
            try:
                stranger = other.new_page()
                response = stranger.goto(srv.url + private)
                assert response.status == 403
                assert CANARY_TITLE not in stranger.content()
            finally:
                other.close()
        finally:
            shutil.rmtree(opener.parent)
