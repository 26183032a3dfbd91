"""Issue 12, Reading, in a real browser (pytest-playwright driving Debian's chromium)
on the example site built as a user builds it (public view).

The header's search box (Pagefind's own UI, served from the site) finds a public
note and nothing withheld; the light/dark switch changes the colours and keeps
the choice across a reload; the table of contents lands on its headings; on a
phone (390×844) the note's text starts on the first screen and the navigation
folds behind a menu button.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from outside_checks import format_axe, run_axe, serve_directory
from test_serve import make_site, open_in, serving

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK),
                       reason="needs Debian's /usr/bin/chromium"),
]

REPO = Path(__file__).resolve().parent.parent
NOTE = "interviews/2026-02-11-northwind-ux/"
WAIT_MS = 30_000
# The example's notes that the public may not see (private or mentor).
WITHHELD = ("startup-founder", "health-insurer-ux", "edtech-pmm", "transit-ux",
            "salary-reality-check", "mentor-questions")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("reading")
    shutil.copy(REPO / "site.toml", root / "site.toml")
    shutil.copytree(REPO / "content", root / "content")
    env = {k: v for k, v in os.environ.items() if not k.startswith("IVSITE_")}
    done = subprocess.run([sys.executable, "-m", "ivsite", "build"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with serve_directory(root / "_site") as url:
        yield url.rstrip("/") + "/"


@pytest.fixture
def watched(page: Any, base: str) -> Iterator[Any]:
    """The page, failing the test on a script error or a request to another host."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: None if req.url.startswith(("data:", base))
            else errors.append("request to " + req.url))
    yield page
    assert errors == []


def _search(page: Any, query: str) -> list[str]:
    """Type into the header's Pagefind box; the result addresses, once the search
    has settled (Pagefind's message names the query; results load after it)."""
    page.locator("#iv-header-pagefind .pagefind-ui__search-input").fill(query)
    message = page.locator("#iv-header-pagefind .pagefind-ui__message").filter(has_text=query)
    message.wait_for(timeout=WAIT_MS)
    if message.inner_text().startswith("No results"):
        return []
    links = page.locator("#iv-header-pagefind .pagefind-ui__result-link")
    links.first.wait_for(timeout=WAIT_MS)
    return [str(links.nth(i).get_attribute("href")) for i in range(links.count())]


def test_the_header_search_finds_a_public_note_and_nothing_withheld(watched: Any,
                                                                    base: str) -> None:
    page = watched
    page.goto(base + "roles/")
    # Pagefind's UI took the place of the plain form, on the site's own files.
    page.locator("#iv-header-pagefind .pagefind-ui__search-input").wait_for(timeout=WAIT_MS)
    assert page.locator("form.header-search").count() == 0
    found = _search(page, "Priya Northwind")
    assert any(NOTE in href for href in found), found
    # Words of withheld notes: no result is one of them (a public note may match
    # a word's stem), and a company named only in withheld notes finds nothing.
    for query in ("repayment budget", "Tidewell", "salary", "founder runway"):
        found = _search(page, query)
        assert not [href for href in found if any(w in href for w in WITHHELD)], query
    assert _search(page, "Tidewell") == []


def test_without_script_the_header_search_is_a_form_to_the_search_page(
        browser: Any, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + NOTE)
    form = page.locator("form.header-search")
    assert form.get_attribute("action") == "../../search/"
    page.fill("#iv-header-q", "Priya")
    page.press("#iv-header-q", "Enter")
    page.wait_for_url("**/search/?q=Priya")
    context.close()


def _background(page: Any) -> str:
    return str(page.evaluate("getComputedStyle(document.body).backgroundColor"))


def test_the_switch_changes_the_theme_and_remembers_it(watched: Any, base: str) -> None:
    page = watched
    page.emulate_media(color_scheme="light")
    page.goto(base + NOTE)
    toggle = page.locator("#iv-theme-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    assert page.evaluate("document.documentElement.dataset.theme") is None  # the system's
    light = _background(page)
    toggle.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    dark = _background(page)
    assert dark != light
    page.reload()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert _background(page) == dark
    assert page.locator("#iv-theme-toggle").get_attribute("aria-pressed") == "true"
    # No flash: the saved choice is on <html> before <body> exists (theme.js runs
    # in <head>, before the first paint).
    page.add_init_script("""
        new MutationObserver((_, observer) => {
          if (document.body) {
            window.__themeAtBody = document.documentElement.getAttribute('data-theme');
            observer.disconnect();
          }
        }).observe(document, {childList: true, subtree: true});
    """)
    page.reload()
    assert page.evaluate("window.__themeAtBody") == "dark"
    # Chosen light on a dark system: the choice wins, and stays.
    page.emulate_media(color_scheme="dark")
    page.locator("#iv-theme-toggle").click()
    page.reload()
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    assert _background(page) == light


def test_the_toc_links_land_on_their_headings(watched: Any, base: str) -> None:
    page = watched
    page.set_viewport_size(DESKTOP)
    page.emulate_media(reduced_motion="reduce")  # no smooth scrolling: it lands at once
    page.goto(base + NOTE)
    side = page.locator(".toc-side")
    assert side.is_visible() and not page.locator(".toc-top").is_visible()
    links = side.locator("a")
    assert links.count() >= 3
    for i in (links.count() - 1, 1):
        link = links.nth(i)
        anchor = str(link.get_attribute("href")).removeprefix("#")
        link.click()
        page.wait_for_function(f"location.hash === '#{anchor}'", timeout=WAIT_MS)
        heading = page.locator(f"[id='{anchor}']")
        assert heading.inner_text().strip() == link.inner_text().strip()
        box = heading.bounding_box()
        at_bottom = page.evaluate(
            "window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2")
        # At the top of the window (a little margin above it), or as near as the
        # page's end lets it come.
        assert box is not None and 0 <= box["y"] < (DESKTOP["height"] if at_bottom else 80), box
    # The side column stays in view (sticky) after scrolling.
    assert side.bounding_box()["y"] < DESKTOP["height"]


def test_on_a_phone_the_text_starts_on_the_first_screen(watched: Any, base: str) -> None:
    page = watched
    page.set_viewport_size(PHONE)
    page.goto(base + NOTE)
    first = page.locator("article .prose > p").first
    box = first.bounding_box()
    assert box is not None and box["y"] + 24 < PHONE["height"], box
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The contents fold at the top; the navigation folds behind the menu button.
    assert page.locator(".toc-top").is_visible() and not page.locator(".toc-side").is_visible()
    nav = page.locator("#iv-site-nav")
    menu = page.locator("#iv-menu-toggle")
    assert menu.is_visible() and not nav.is_visible()
    menu.click()
    assert nav.is_visible() and menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")  # Escape closes it and gives the button the focus
    assert not nav.is_visible() and menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == "iv-menu-toggle"
    menu.click()
    page.locator("article .prose > p").first.click()  # so does a click outside it
    assert not nav.is_visible() and menu.get_attribute("aria-expanded") == "false"
    menu.click()
    page.locator("#iv-site-nav a", has_text="Roles").click()
    page.wait_for_url("**/roles/")


def test_axe_finds_no_violation_in_the_dark_theme(browser: Any, base: str) -> None:
    """The example site's axe test runs in the light theme; the dark one (with the
    code colours of a note that has a code block) must pass too."""
    pages = ["", "interviews/", NOTE, "interviews/2026-05-06-civic-data-lab/", "search/",
             "roles/data-analyst/", "roles/ux-researcher/"]
    results = run_axe(base, pages, browser=browser, color_scheme="dark")
    assert all(not v for v in results.values()), format_axe(results)


def test_the_private_preview_header_search_goes_to_its_search_page(page: Any,
                                                                   tmp_path: Path) -> None:
    """The private preview has a JSON index, not Pagefind: the header's box is a
    form that goes to the search page, which runs the query (static/search.js)."""
    with serving(make_site(tmp_path)) as srv:
        open_in(page, srv, NOTE)
        form = page.locator("form.header-search")
        assert form.get_attribute("data-mode") == "json"
        page.locator("#iv-header-q").fill("Priya")
        page.locator("#iv-header-q").press("Enter")
        page.wait_for_url("**/search/?q=Priya", timeout=WAIT_MS)
        page.locator("#iv-search-results a").first.wait_for(timeout=WAIT_MS)
        links = page.eval_on_selector_all("#iv-search-results a", "els => els.map(a => a.href)")
        assert any(NOTE in str(h) for h in links), links
