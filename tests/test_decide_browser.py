"""The role page's interest chart in a real browser (pytest-playwright driving
Debian's chromium): the chart is one image with an accessible name and
description, its data table is there for screen readers with the same points,
and on a phone neither runs off the screen."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import serve_directory
from playwright.sync_api import expect

from ivsite.pipeline import build

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK),
                       reason="needs Debian's /usr/bin/chromium"),
]

REPO = Path(__file__).resolve().parent.parent
ROLE = "roles/ux-researcher/"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("example")
    shutil.copy(REPO / "site.toml", root / "site.toml")
    shutil.copytree(REPO / "content", root / "content")
    result = build(root, audience="public", out=root / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    with serve_directory(root / "out") as base:
        yield base + "/"


def test_the_chart_has_an_accessible_name_and_a_data_table(served: str, page: Any) -> None:
    page.goto(served + ROLE)
    chart = page.get_by_role("img", name=re.compile(r"^Interest in UX Researcher"))
    expect(chart).to_have_count(1)
    expect(chart).to_have_accessible_name(
        re.compile(r"Interest in UX Researcher after each conversation, 1 to 5"))
    expect(chart).to_have_accessible_description(re.compile(r"interest went from 5 to 4"))
    table = page.get_by_role("table", name="Interest after each conversation")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    values = [rows.nth(i).locator("td").nth(2).inner_text() for i in range(rows.count())]
    assert values == ["5 of 5", "4 of 5"]
    assert chart.locator("circle.dot").count() == len(values)
    # Higher interest stands higher: the first dot (5) is above the second (4).
    ys = [float(chart.locator("circle.dot").nth(i).get_attribute("cy"))
          for i in range(len(values))]
    assert ys[0] < ys[1]
    link = table.get_by_role("link", name="Priya Raman")
    assert link.get_attribute("href") == "../../interviews/2026-02-11-northwind-ux/"


def test_on_a_phone_the_chart_and_table_fit_the_screen(served: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(served + ROLE)
        chart = page.locator("svg.interest-chart")
        table = page.locator("table.interest-table")
        for part in (chart, table):
            box = part.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        assert table.bounding_box()["y"] > chart.bounding_box()["y"]  # stacked below
    finally:
        context.close()
