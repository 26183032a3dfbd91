"""The mentor view in a real browser (pytest-playwright driving Debian's chromium).

The built output is served with http.server on 127.0.0.1 (WebCrypto needs a
secure context; localhost is one). With a passphrase: the right one opens a
mentor page and its search, a wrong one says so and shows nothing, a second
page opens without asking, and the remembered key still opens pages after a
rebuild (same salt). Without one: the mentor copy's Pagefind search finds a
mentor-only word and the public site's search does not.

The fixture site is the one of tests/test_mentor_share.py.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_support import serve_directory
from sites import canary, env, output_files, run_cli
from test_mentor_share import (
    CIPHER,
    MENTOR_PAGE_STEM,
    MENTOR_PAGE_TITLE,
    MENTOR_WORD,
    PASS_ENV,
    PASSPHRASE,
    PUBLIC_WORD,
    key_of,
    mentor_site,
    token_of,
)

from ivsite.mentor.crypto import decrypt_text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK),
                       reason="needs Debian's /usr/bin/chromium"),
]

WAIT_MS = 60_000
WRONG = "That passphrase is not right."
PAGE_CANARY = canary("mpagebody")
NOTE_CANARY = canary("mentornote")


@dataclass
class LockedSite:
    site: Path
    token: str
    mentor_page: str  # path under share/<token>/ of the mentor-only page
    mentor_note: str  # path of the mentor-only reflection

    @property
    def prefix(self) -> str:
        return f"share/{self.token}/"


def _find_locked_page(site: Path, token: str, h1_text: str) -> str:
    """The opaque address of the page whose decrypted <h1> is ``h1_text``."""
    key = key_of(site)
    share = site / "_site" / "share" / token
    found = []
    for path in sorted(share.rglob("index.html")):
        m = CIPHER.search(path.read_text("utf-8"))
        if m is None:
            continue
        plain = decrypt_text(key, html.unescape(m.group(1)))
        if re.search(r"<h1[^>]*>" + re.escape(html.escape(h1_text, quote=False)), plain):
            found.append(path.parent.relative_to(share).as_posix() + "/")
    assert len(found) == 1, (h1_text, found)
    return found[0]


def build_locked(root: Path) -> LockedSite:
    site = mentor_site(root, passphrase=True)
    with env(**{PASS_ENV: PASSPHRASE}):
        result = run_cli(site, "build")
    assert result.exit_code == 0, result.stderr
    token = token_of(site)
    return LockedSite(
        site, token,
        _find_locked_page(site, token, MENTOR_PAGE_TITLE),
        _find_locked_page(site, token, f"{canary('mentortitle')} Mentor Review"),
    )


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> LockedSite:
    return build_locked(tmp_path_factory.mktemp("browser-locked") / "site")


@pytest.fixture()
def served_locked(locked: LockedSite) -> Iterator[str]:
    with serve_directory(locked.site / "_site") as base:
        yield f"{base}/{locked.prefix}"


def unlock(page: Any, passphrase: str) -> None:
    page.locator("#iv-passphrase").fill(passphrase)
    page.locator("#iv-unlock button[type=submit]").click()


def main_text(page: Any) -> str:
    return str(page.locator("main").inner_text())


def wait_unlocked(page: Any) -> None:
    page.wait_for_function("document.documentElement.dataset.unlocked === '1'",
                           timeout=WAIT_MS)


def search(page: Any, word: str) -> None:
    field = page.locator("#iv-search-input")
    field.wait_for(state="visible", timeout=WAIT_MS)
    field.fill(word)
    field.press("Enter")
    # The status names the query once its results are shown (search.js: show()).
    page.wait_for_function(
        "w => (document.getElementById('iv-search-status').textContent || '')"
        ".includes('\u201c' + w + '\u201d')",
        arg=word, timeout=WAIT_MS)


def result_links(page: Any) -> list[str]:
    return [str(h) for h in page.eval_on_selector_all(
        "#iv-search-results a", "els => els.map(a => a.href)")]


# --------------------------------------------------------------------------- with a passphrase


def test_the_right_passphrase_opens_the_page(
    page: Any, locked: LockedSite, served_locked: str,
) -> None:
    page.goto(served_locked + locked.mentor_page)
    assert PAGE_CANARY not in page.content(), "the page is readable before it is unlocked"
    page.locator("#iv-passphrase").wait_for(state="visible", timeout=WAIT_MS)
    unlock(page, PASSPHRASE)
    wait_unlocked(page)
    page.locator("main").get_by_text(PAGE_CANARY, exact=False).wait_for(timeout=WAIT_MS)
    assert MENTOR_PAGE_TITLE in page.locator("main h1").inner_text()
    stored = page.evaluate(
        "Object.keys(sessionStorage).filter(k => k.startsWith('ivsite-key:'))")
    assert len(stored) == 1


def test_the_right_passphrase_opens_the_search(
    page: Any, locked: LockedSite, served_locked: str,
) -> None:
    page.goto(served_locked + "search/")
    unlock(page, PASSPHRASE)
    wait_unlocked(page)
    search(page, MENTOR_WORD)
    links = result_links(page)
    assert links == [served_locked + locked.mentor_page], (
        links, page.locator("#iv-search-status").inner_text())
    assert MENTOR_WORD in page.locator("#iv-search-results").inner_text()
    # and the result opens without asking again
    page.locator("#iv-search-results a").first.click()
    page.locator("main").get_by_text(PAGE_CANARY, exact=False).wait_for(timeout=WAIT_MS)
    assert page.locator("#iv-passphrase").count() == 0


def test_the_header_search_goes_to_the_search_page_and_finds_a_mentor_word(
    page: Any, locked: LockedSite, served_locked: str,
) -> None:
    """Issue 12: a locked view has no Pagefind index, so the header's box is a form
    that goes to its search page, which searches once the view is unlocked."""
    page.goto(served_locked + locked.mentor_page)
    unlock(page, PASSPHRASE)
    wait_unlocked(page)
    assert page.locator("form.header-search").get_attribute("data-mode") == "encrypted"
    page.locator("#iv-header-q").fill(MENTOR_WORD)
    page.locator("#iv-header-q").press("Enter")
    page.wait_for_url(f"**/search/?q={MENTOR_WORD}", timeout=WAIT_MS)
    wait_unlocked(page)  # with the key this browser session kept
    page.wait_for_function(
        "w => (document.getElementById('iv-search-status').textContent || '')"
        ".includes('\u201c' + w + '\u201d')",
        arg=MENTOR_WORD, timeout=WAIT_MS)
    assert result_links(page) == [served_locked + locked.mentor_page]


def test_a_wrong_passphrase_says_so_and_shows_nothing(
    page: Any, locked: LockedSite, served_locked: str,
) -> None:
    page.goto(served_locked + locked.mentor_page)
    unlock(page, "not the passphrase")
    error = page.locator("#iv-unlock-error")
    page.wait_for_function(
        f"document.getElementById('iv-unlock-error').textContent === {WRONG!r}",
        timeout=WAIT_MS)
    assert error.inner_text() == WRONG
    assert page.evaluate("document.documentElement.dataset.unlocked") is None
    content = page.content()
    for needle in (PAGE_CANARY, MENTOR_PAGE_TITLE, MENTOR_WORD):
        assert needle not in content, needle
    assert page.evaluate(
        "Object.keys(sessionStorage).filter(k => k.startsWith('ivsite-key:')).length") == 0
    # the form is still there: the right passphrase still works
    unlock(page, PASSPHRASE)
    page.locator("main").get_by_text(PAGE_CANARY, exact=False).wait_for(timeout=WAIT_MS)


def test_a_second_page_opens_without_asking(
    page: Any, locked: LockedSite, served_locked: str,
) -> None:
    page.goto(served_locked + locked.mentor_page)
    unlock(page, PASSPHRASE)
    page.locator("main").get_by_text(PAGE_CANARY, exact=False).wait_for(timeout=WAIT_MS)
    page.goto(served_locked + locked.mentor_note)
    page.locator("main").get_by_text(NOTE_CANARY, exact=False).wait_for(timeout=WAIT_MS)
    assert page.locator("#iv-passphrase").count() == 0
    # a fresh tab (a new browser context) has no key: it asks
    other = page.context.browser.new_context()
    try:
        fresh = other.new_page()
        fresh.goto(served_locked + locked.mentor_note)
        fresh.locator("#iv-passphrase").wait_for(state="visible", timeout=WAIT_MS)
        assert NOTE_CANARY not in fresh.content()
    finally:
        other.close()


def test_the_remembered_key_survives_a_rebuild(page: Any, tmp_path: Path) -> None:
    site = build_locked(tmp_path / "site")
    with serve_directory(site.site / "_site") as base:
        url = f"{base}/{site.prefix}"
        page.goto(url + site.mentor_page)
        unlock(page, PASSPHRASE)
        page.locator("main").get_by_text(PAGE_CANARY, exact=False).wait_for(timeout=WAIT_MS)
        before = output_files(site.site / "_site")
        with env(**{PASS_ENV: PASSPHRASE}):
            result = run_cli(site.site, "build")
        assert result.exit_code == 0, result.stderr
        after = output_files(site.site / "_site")
        note = f"{site.prefix}{site.mentor_note}index.html"
        assert note in after, "the rebuild moved the page"
        assert before[note] != after[note], "the rebuild wrote the same bytes (no new nonce)"
        page.goto(url + site.mentor_note)
        page.locator("main").get_by_text(NOTE_CANARY, exact=False).wait_for(timeout=WAIT_MS)
        assert page.locator("#iv-passphrase").count() == 0


# --------------------------------------------------------------------------- plaintext sharing


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    site = mentor_site(tmp_path_factory.mktemp("browser-plain") / "site")
    result = run_cli(site, "build")
    assert result.exit_code == 0, result.stderr
    return site, token_of(site)


def test_the_plaintext_mentor_search_finds_a_mentor_word(
    page: Any, plain: tuple[Path, str],
) -> None:
    site, token = plain
    with serve_directory(site / "_site") as base:
        page.goto(f"{base}/share/{token}/search/")
        search(page, MENTOR_WORD)
        links = result_links(page)
        assert links == [f"{base}/share/{token}/{MENTOR_PAGE_STEM}/"], (
            links, page.locator("#iv-search-status").inner_text())
        page.locator("#iv-search-results a").first.click()
        page.locator("main").get_by_text(PAGE_CANARY, exact=False).wait_for(timeout=WAIT_MS)


def test_the_public_search_does_not_find_it(page: Any, plain: tuple[Path, str]) -> None:
    site, _ = plain
    with serve_directory(site / "_site") as base:
        page.goto(f"{base}/search/")
        search(page, PUBLIC_WORD)  # the control: the public search works
        assert result_links(page), page.locator("#iv-search-status").inner_text()
        search(page, MENTOR_WORD)
        assert result_links(page) == []
        assert "No notes match" in page.locator("#iv-search-status").inner_text()
        search(page, canary("mentornote"))
        assert result_links(page) == []
