"""The repository's own example site, built as a user would, checked from outside.

A golden list of output files, zero Nu Html Checker errors, zero broken links or
fragments (lychee), zero axe-core violations in Chromium, no request to another
host, and nothing withheld in any byte (``ivsite audit`` on the real output,
which must not cry wolf either).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from outside_checks import (
    format_axe,
    format_vnu,
    lychee_broken,
    run_axe,
    run_lychee,
    run_vnu,
    serve_directory,
)

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "example-site-tree.txt"
IVSITE = [sys.executable, "-m", "ivsite"]

# Sentences the example's author marked private (first sentence of each ::: private).
PRIVATE_SENTENCES = [
    "her contract paid about $38 an hour with no benefits",
    "her team lost two of five researchers in last autumn's reorganisation",
    "the agency bills them out at $160 an hour",
    "Brightline's biggest client is about to move its work in-house",
    "the company missed its revenue target two quarters running",
    "SDRs at Fernleaf start at $52,000 base plus commission",
    "the startup has about nine months of runway left",
    "she has had three managers in eighteen months",
    "the lab's budget was cut this year",
    "entry-level analysts at her company start at about $58,000",
]
UNCONSENTED = ["Tomás Herrera", "Grace Adeyemi", "Marcus Lindqvist", "Aisha Rahimi",
               "Ren Takahashi", "Sofia Marchetti", "Kwame Asante", "Hannah Cole",
               "Oluwaseun Bakare", "Bea Lindahl"]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IVSITE_")}
    return subprocess.run([*IVSITE, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=env)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example")
    shutil.copy(REPO / "site.toml", root / "site.toml")
    shutil.copytree(REPO / "content", root / "content")
    result = _run(["build"], root)
    assert result.returncode == 0, result.stderr
    return root


def _tree(out: Path) -> list[str]:
    token = next((p.name for p in (out / "share").iterdir() if p.is_dir()), "") \
        if (out / "share").is_dir() else ""
    lines = []
    for p in sorted(out.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(out).as_posix()
        if "/pagefind/" in f"/{rel}" and not rel.endswith(("pagefind.js", "pagefind-entry.json")):
            continue  # content-hashed index chunks
        if token:
            rel = rel.replace(f"share/{token}/", "share/TOKEN/")
        lines.append(rel)
    return sorted(lines)  # after the token is replaced: share/index.html sorts the same way


def test_build_is_clean(site: Path) -> None:
    result = _run(["check", "--strict"], site)
    assert result.returncode == 0, result.stderr


def test_output_tree_matches_golden(site: Path) -> None:
    tree = _tree(site / "_site")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text("\n".join(tree) + "\n", "utf-8")
    assert tree == GOLDEN.read_text("utf-8").splitlines()


def test_nothing_withheld_in_any_byte(site: Path) -> None:
    audit = _run(["audit", "_site"], site)
    assert audit.returncode == 0, audit.stderr
    blobs = [p.read_bytes() for p in (site / "_site").rglob("*") if p.is_file()]
    everything = b"\n".join(blobs).decode("utf-8", "ignore")
    for sentence in PRIVATE_SENTENCES:
        assert sentence not in everything, sentence
    for name in UNCONSENTED:
        assert name not in everything, name
    assert "jane@" not in everything and "@example" not in everything.replace(
        "maya@example.org", "")
    # Positive controls: public and consented text is there.
    assert "Priya Raman" in everything
    assert "persona-board.svg" in everything
    assert not (site / "_site" / "assets" / "private-sketch.svg").exists()
    assert not (site / "_site" / "assets" / "unused.txt").exists()
    assert not list((site / "_site").rglob("*.m4a"))


def test_audit_finds_a_planted_canary(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(site / "_site", copy)
    page = copy / "index.html"
    page.write_text(page.read_text("utf-8").replace(
        "</main>", "<p>Marcus Lindqvist said so.</p></main>"), "utf-8")
    audit = _run(["audit", str(copy)], site)
    assert audit.returncode == 1
    assert "index.html" in audit.stderr and "2026-06-10-retail-analytics.md" in audit.stderr


_EXTERNAL = re.compile(
    rb"""(?:\bsrc\s*=\s*["']?|<link[^>]+href\s*=\s*["']?|url\(\s*["']?|import\(\s*["']|"""
    rb"""fetch\(\s*["'])(?:https?:)?//""", re.I)


def test_no_request_to_another_host(site: Path) -> None:
    offenders = []
    for p in (site / "_site").rglob("*"):
        if p.suffix in (".html", ".css", ".js") and _EXTERNAL.search(p.read_bytes()):
            offenders.append(p.relative_to(site).as_posix())
    assert offenders == []


@pytest.mark.external
def test_nu_html_checker_finds_no_error(site: Path) -> None:
    errors = run_vnu(site / "_site")
    assert errors == [], format_vnu(errors)


@pytest.mark.external
def test_lychee_finds_no_broken_link_or_fragment(site: Path, tmp_path: Path) -> None:
    # 404.html is served at any path, so its links are absolute under base_url's
    # path (/career/): give lychee a root where that path is the output folder.
    (tmp_path / "career").symlink_to(site / "_site", target_is_directory=True)
    report = run_lychee(site / "_site", root_dir=tmp_path)
    assert report["errors"] == 0, lychee_broken(report)
    assert report["total"] > 200


@pytest.mark.slow
@pytest.mark.browser
def test_axe_finds_no_violation(site: Path) -> None:
    out = site / "_site"
    token = next(p.name for p in (out / "share").iterdir() if p.is_dir())
    # Each template at least once, and the mentor copy's own pages (its other pages
    # are the public templates with a banner): axe takes a second or more a page.
    pages = ["", "interviews/", "interviews/2026-02-11-northwind-ux/",
             "interviews/2026-05-06-civic-data-lab/", "reflections/",
             "reflections/2026-08-30-marketing-or-research/", "roles/", "roles/ux-researcher/",
             "questions/", "questions/typical-day/", "tags/", "people/", "search/", "about/",
             "portfolio/", "404.html", "companies/", "companies/northwind-health/",
             "timeline/", f"share/{token}/", f"share/{token}/review/",
             f"share/{token}/interviews/2026-07-15-health-insurer-ux/"]
    pages += [p.relative_to(out).as_posix().removesuffix("index.html")
              for p in sorted((out / "tags").glob("*/index.html"))[:1]]
    with serve_directory(out) as base:
        results = run_axe(base, pages)
    assert all(not v for v in results.values()), format_axe(results)
