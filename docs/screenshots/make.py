"""Screenshots of the example site for the README: a note page, the home page and
the interviews list, at desktop (1280x800) and phone (390x844) sizes (the note in
the dark theme too), a coloured code block and the header's search with results.

    python docs/screenshots/make.py [SITE_OUTPUT]

SITE_OUTPUT is a built public site (default: _site). Uses Debian's chromium,
as the browser tests do.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tests"))

from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH, serve_directory  # noqa: E402

PAGES = {"note": "interviews/2026-02-11-northwind-ux/", "home": "",
         "interviews": "interviews/"}
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "_site")
    with serve_directory(out) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        for size, (width, height) in SIZES.items():
            for scheme in ("light", "dark"):
                page = browser.new_page(viewport={"width": width, "height": height},
                                        color_scheme=scheme)
                for name, path in PAGES.items():
                    if scheme == "dark" and name != "note":
                        continue
                    page.goto(f"{base}/{path}")
                    page.wait_for_load_state("networkidle")
                    suffix = "" if scheme == "light" else "-dark"
                    page.screenshot(path=str(HERE / f"{name}-{size}{suffix}.png"))
                page.close()
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{base}/interviews/2026-05-06-civic-data-lab/")
        page.locator("pre.highlight").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, 250)")
        page.screenshot(path=str(HERE / "code-desktop.png"))
        page.goto(f"{base}/roles/")
        page.locator(".pagefind-ui__search-input").fill("research")
        page.locator(".pagefind-ui__result-link").first.wait_for()
        page.wait_for_timeout(500)
        page.screenshot(path=str(HERE / "search-desktop.png"))
        browser.close()


if __name__ == "__main__":
    main()
