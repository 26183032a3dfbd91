"""The site's own address is public to anyone who reads it: a word in it is no
name part that leaked, though a private interviewee's family name be the same word
("Pat Example" and a site at maya.example.org refused every build over robots.txt
and the sitemap; found beside red team 11's R11-16). The name itself is still
looked for everywhere, the address's words included elsewhere in a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import day, write_site

from ivsite.audit import search as auditsearch
from ivsite.pipeline import build

CONFIG = {"title": "Career research", "author": "Maya Okafor",
          "base_url": "https://maya.example.org/", "language": "en"}


def _site(root: Path, body: str = "We talked about design.\n") -> Path:
    return write_site(root, {
        "pages/about.md": ({"title": "About", "visibility": "public"}, body),
        "interviews/2026-03-01-acme.md": (
            {"visibility": "private", "date": day("2026-03-01"),
             "person": {"name": "Pat Example", "company": "Acme", "role": "Designer"},
             "consent": {"publish_name": False}, "status": "done"},
            "Pat told me about the work.\n"),
    }, CONFIG)


def test_a_family_name_that_is_a_word_of_the_sites_address_builds(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "site"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert b"maya.example.org" in (tmp_path / "out" / "sitemap.xml").read_bytes()


def test_without_the_rule_the_address_is_refused(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auditsearch, "site_address", lambda base_url: None)
    result = build(_site(tmp_path / "site"), out=tmp_path / "out")
    assert result.status != 0
    assert any("name part" in d.text() for d in result.diagnostics)


@pytest.mark.parametrize("said", ["Pat Example", "P. Example", "Example, Pat",
                                  "https://maya.example.org/ Pat Example"])
def test_the_name_is_still_refused_beside_the_address(tmp_path: Path, said: str) -> None:
    result = build(_site(tmp_path / "site", f"I met {said} at a meetup.\n"),
                   out=tmp_path / "out")
    assert result.status != 0, said
    assert not (tmp_path / "out").exists()


def test_the_audit_alone_finds_the_name_beside_the_address(tmp_path: Path) -> None:
    from ivsite.pipeline import audit_dir

    root = _site(tmp_path / "site")
    assert build(root, out=tmp_path / "out").status == 0
    sitemap = tmp_path / "out" / "sitemap.xml"
    sitemap.write_text(sitemap.read_text().replace(
        "maya.example.org/", "maya.example.org/ Pat Example ", 1))
    result = audit_dir(root, tmp_path / "out", "public")
    assert result.status != 0
    assert any(hit.output == "sitemap.xml" and "name" in hit.secret.kind
               for hit in result.hits), result.hits
