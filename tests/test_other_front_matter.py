"""Issue 11: front matter as other tools write it (TOML between ``+++``), notes
with none, and Obsidian Publish's ``publish:`` key (an error, fail closed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import OutputCorpus, run_cli, write_site

HOME = "---\ntitle: Home\n---\nHi.\n"


def _check(tmp_path: Path, rel: str, text: str) -> list[dict[str, object]]:
    site = write_site(tmp_path, {"pages/index.md": HOME, rel: text})
    return run_cli(site, "check", "--format", "json").json()


def test_toml_front_matter_is_read_like_yaml_and_never_printed(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"pages/index.md": HOME, "pages/hugo.md": (
        '+++\ntitle = "From Hugo"\ntags = ["rust"]\nsummary = "PUBLIC-summary"\n'
        '[extra]\nfoo = 1\n+++\nPUBLIC-body\n')})
    r = run_cli(site, "build")
    assert r.exit_code == 0, r.stderr
    assert "unknown key 'extra'" in r.stderr
    out = OutputCorpus(site / "_site")
    page = out.html("hugo/index.html")
    assert "<title>From Hugo" in page and "PUBLIC-body" in page
    assert "+++" not in page and "title =" not in page


@pytest.mark.parametrize(("text", "code", "line"), [
    ('+++\ntitle = "A"\ndraft = true\n+++\nx\n', "privacy-key", 3),
    ('+++\ntitle = "A"\nvisibility = "Private"\n+++\nx\n', "visibility", 3),
    ('+++\ntitle = "A"\nvisibility = \n+++\nx\n', "toml", 3),
    ('+++\ntitle = "A"\n', "front-matter-unclosed", 1),
    ("----\ntitle: A\n---\nx\n", "front-matter-start", 1),
    ("title: A\nvisibility: private\n---\nx\n", "front-matter-start", 1),
])
def test_front_matter_that_cannot_be_read_is_an_error(tmp_path: Path, text: str, code: str,
                                                      line: int) -> None:
    errors = [(d["code"], d["line"]) for d in _check(tmp_path, "pages/n.md", text)
              if d["severity"] == "error"]
    assert errors == [(code, line)]


@pytest.mark.parametrize(("value", "meant"), [("true", "public"), ("false", "private")])
def test_obsidian_publish_key_is_an_error_that_says_which_visibility(
        tmp_path: Path, value: str, meant: str) -> None:
    diags = _check(tmp_path, "pages/n.md", f"---\ntitle: A\npublish: {value}\n---\nx\n")
    errors = [d for d in diags if d["severity"] == "error"]
    assert [d["code"] for d in errors] == ["privacy-key"]
    assert f"visibility: {meant}" in str(errors[0]["hint"])


def test_a_note_without_front_matter_takes_its_kinds_default(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "pages/index.md": HOME,
        "pages/Plain page.md": "# Heading title\n\nPUBLIC-plain\n",
        "reflections/2026-03-04 thoughts.md": "CANARY-privrefl-7f3a\n",
        "roles/Data analyst.md": "PUBLIC-role\n",
    })
    r = run_cli(site, "build")
    assert r.exit_code == 0, r.stderr
    out = OutputCorpus(site / "_site")
    assert "<title>Heading title" in out.html("plain-page/index.html")
    assert "<title>Data analyst" in out.html("roles/data-analyst/index.html")
    assert out.find("CANARY-privrefl-7f3a") == [] and out.find("thoughts") == []


def test_a_reflection_without_a_date_anywhere_is_an_error(tmp_path: Path) -> None:
    diags = _check(tmp_path, "reflections/undated.md", "Just text.\n")
    assert [(d["code"], d["message"]) for d in diags if d["severity"] == "error"] == [
        ("missing-date", "a reflection needs a 'date'")]
