"""Screenshots of the pages that help decide, from the example site's public build.

    .venv/bin/python docs/screenshots/take.py

Builds this repository's example site into a temporary folder, serves it on
127.0.0.1 and saves one PNG per page and width here (desktop 1280×800, phone
390×844; a role page scrolled to its interest chart). Uses Debian's chromium.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH, serve_directory  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from ivsite.pipeline import build  # noqa: E402

PAGES = {  # name: (address, what to scroll to the top)
    "companies": ("companies/", ""),
    "company": ("companies/northwind-health/", ""),
    "timeline": ("timeline/", ""),
    "role": ("roles/ux-researcher/", "section.interest"),
}
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy(REPO / "site.toml", root / "site.toml")
        shutil.copytree(REPO / "content", root / "content")
        result = build(root, audience="public", out=root / "out")
        if result.status != 0:
            sys.exit("\n".join(d.text() for d in result.diagnostics))
        with serve_directory(root / "out") as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height},
                                              is_mobile=size == "phone",
                                              reduced_motion="reduce")
                page = context.new_page()
                for name, (address, anchor) in PAGES.items():
                    page.goto(f"{base}/{address}")
                    if anchor:
                        page.locator(anchor).evaluate("e => e.scrollIntoView()")
                    page.screenshot(path=str(HERE / f"{name}-{size}.png"))
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
