"""The outside checkers can fail: each one finds the problems planted in a tiny broken
site, and none of them complains about a tiny clean one.

If one of these tests fails, the outside checks on the real site prove nothing.
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path
from typing import Any

import outside_checks
import pytest
from outside_checks import (
    CheckerMissing,
    format_axe,
    format_vnu,
    lychee_broken,
    run_axe,
    run_lychee,
    run_vnu,
    serve_directory,
)

# A 1x1 PNG, so that the image itself exists and only its missing alt is a problem.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)

# Problems planted: no lang, duplicate id, img without alt, low contrast text, a link
# to a missing file, a broken #fragment, a root-relative link to a missing folder, a
# link to a folder that has no index.html.
BROKEN_INDEX = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Broken</title></head>
<body>
<main>
<h1>Broken page</h1>
<p id="dup">One</p>
<p id="dup">Two</p>
<img src="dot.png">
<p style="color: #cccccc; background: #ffffff">Faint grey text on white</p>
<p><a href="missing.html">a missing page</a></p>
<p><a href="other.html#nope">a broken fragment</a></p>
<p><a href="/gone/">a missing folder</a></p>
<p><a href="noindex/">a folder without index.html</a></p>
<p><a href="other.html#there">a good link</a></p>
</main>
</body>
</html>
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head>
<body>
<main>
<h1 id="top">{title}</h1>
{body}
</main>
</body>
</html>
"""

OTHER = PAGE.format(title="Other", body='<p id="there">The target.</p>')

# Uses the same kinds of links as the built site: relative, directory URLs with
# index.html, fragments, and a root-relative one.
CLEAN_INDEX = PAGE.format(
    title="Clean",
    body="""<p>Dark text on white.</p>
<p><img src="dot.png" alt="A single dot"></p>
<ul>
<li><a href="other.html#there">the other page, at its target</a></li>
<li><a href="sub/">the sub folder</a></li>
<li><a href="sub/#top">the top of the sub folder</a></li>
<li><a href="/sub/index.html">the sub folder from the root</a></li>
<li><a href="#top">the top of this page</a></li>
</ul>""",
)
SUB = PAGE.format(title="Sub", body='<p><a href="../">Back</a></p>')


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("broken")
    files: dict[str, str | bytes] = {
        "index.html": BROKEN_INDEX,
        "other.html": OTHER,
        "dot.png": PNG,
        "noindex/page.html": OTHER,
    }
    return write_site(root, files)


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("clean")
    return write_site(
        root,
        {"index.html": CLEAN_INDEX, "other.html": OTHER, "sub/index.html": SUB, "dot.png": PNG},
    )


# --- vnu ---------------------------------------------------------------------------


@pytest.mark.external
def test_vnu_reports_planted_errors(broken_site: Path) -> None:
    errors = run_vnu(broken_site)
    text = format_vnu(errors)
    assert {e["path"] for e in errors} == {"index.html"}, text
    assert any("Duplicate ID" in e["message"] and "dup" in e["message"] for e in errors), text
    assert any("img" in e["message"] and "alt" in e["message"] for e in errors), text
    assert all(isinstance(e.get("lastLine"), int) for e in errors), text


@pytest.mark.external
def test_vnu_passes_clean_site(clean_site: Path) -> None:
    errors = run_vnu(clean_site)
    assert errors == [], format_vnu(errors)


# --- lychee --------------------------------------------------------------------------


@pytest.mark.external
def test_lychee_reports_planted_broken_links(broken_site: Path) -> None:
    report = run_lychee(broken_site)
    broken = lychee_broken(report)
    urls = sorted(url for _, url, _ in broken)
    assert report["errors"] == 4, broken
    assert any(u.endswith("/missing.html") for u in urls), broken
    assert any(u.endswith("/other.html#nope") for u in urls), broken
    # lychee drops a directory link's trailing slash in its report.
    assert any(u.rstrip("/").endswith("/gone") for u in urls), broken
    assert any(u.rstrip("/").endswith("/noindex") for u in urls), broken
    assert all(file.endswith("index.html") for file, _, _ in broken), broken
    assert not any(u.endswith("#there") for u in urls), broken


@pytest.mark.external
def test_lychee_passes_clean_site(clean_site: Path) -> None:
    report = run_lychee(clean_site, root_dir=clean_site)
    assert report["errors"] == 0, lychee_broken(report)
    # The six links of index.html plus the image and sub/'s "../" were all checked.
    assert report["successful"] >= 7, report


# --- axe -------------------------------------------------------------------------------


def violation_ids(results: dict[str, list[dict[str, Any]]], path: str) -> set[str]:
    return {v["id"] for v in results[path]}


@pytest.mark.external
@pytest.mark.browser
def test_axe_reports_planted_violations(broken_site: Path) -> None:
    with serve_directory(broken_site) as base_url:
        results = run_axe(base_url, ["index.html", "other.html"])
    ids = violation_ids(results, "index.html")
    assert {"image-alt", "color-contrast", "html-has-lang"} <= ids, format_axe(results)
    assert results["other.html"] == [], format_axe(results)
    image_alt = next(v for v in results["index.html"] if v["id"] == "image-alt")
    assert image_alt["impact"] == "critical"
    assert image_alt["targets"] == [["img"]]


@pytest.mark.external
@pytest.mark.browser
def test_axe_passes_clean_site_in_pytest_playwright_browser(clean_site: Path, browser: Any) -> None:
    # Through pytest-playwright's own browser (conftest points it at Debian chromium),
    # and, from the same test, with run_axe's own browser in a thread.
    with serve_directory(clean_site) as base_url:
        paths = ["", "other.html", "sub/"]
        shared = run_axe(base_url, paths, browser=browser)
        own = run_axe(base_url, paths)
    assert shared == {"": [], "other.html": [], "sub/": []}, format_axe(shared)
    assert own == shared, format_axe(own)


# --- a missing checker is an error, not a skip ---------------------------------------


def test_missing_vnu_jar_is_an_error(
    clean_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outside_checks, "VNU_JAR", tmp_path / "no-vnu.jar")
    with pytest.raises(CheckerMissing, match="make node_modules"):
        run_vnu(clean_site)


def test_missing_java_is_an_error(clean_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(CheckerMissing, match="java"):
        run_vnu(clean_site)


def test_missing_lychee_is_an_error(
    clean_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    monkeypatch.setattr(outside_checks, "REPO", tmp_path)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(CheckerMissing, match="lychee"):
        run_lychee(clean_site)


def test_missing_axe_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outside_checks, "AXE_JS", tmp_path / "no-axe.min.js")
    with pytest.raises(CheckerMissing, match="make node_modules"):
        run_axe("http://127.0.0.1:9/", ["index.html"])
