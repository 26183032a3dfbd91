"""Red team 4, J-mtag: a mentor note tagged with a privacy word (``private``,
``draft``, ``off-the-record``, ``do-not-share``, an inline ``#private``) is sent to
the mentor, the one other reader of the view. Each such tag is a warning with the
hint to set ``visibility: private``; with ``--strict`` an error, and nothing is
written."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.pipeline import build
from ivsite.switches import fmchecks
from ivsite.validate import bodyprivacy

NOTE = """\
---
title: Why I might quit Acme
date: 2026-03-01
visibility: mentor
tags: [private, do-not-share]
---
#private #draft #off-the-record

I am thinking about leaving Acme; my manager does not know yet.
"""
SECRET = b"my manager does not know yet"


def site(root: Path, note: str = NOTE) -> Path:
    return write_site(root, {"content/reflections/r.md": note,
                             "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n"})


def _published(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*")
                  if p.is_file() and SECRET in p.read_bytes()) if out.exists() else []


def test_each_privacy_tag_is_a_warning_with_a_hint(tmp_path: Path) -> None:
    result = build(site(tmp_path / "s"), audience="mentor", out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    found = [(d.line, d.severity) for d in result.diagnostics if d.code == "privacy-tag"]
    assert found == [(5, "warning"), (5, "warning"), (7, "warning"), (7, "warning"),
                     (7, "warning")], [d.text() for d in result.diagnostics]
    assert all("visibility: private" in d.hint and "mentor" in d.message
               for d in result.diagnostics if d.code == "privacy-tag")


def test_with_strict_it_is_an_error_and_nothing_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(site(tmp_path / "s"), audience="mentor", out=out, strict=True)
    assert result.status == 1
    assert not out.exists()


@pytest.mark.parametrize("tags", ["tags: [draft]", "tags: [off-the-record]"])
def test_one_front_matter_tag_is_enough(tmp_path: Path, tags: str) -> None:
    note = NOTE.replace("tags: [private, do-not-share]", tags).replace(
        "#private #draft #off-the-record", "")
    out = tmp_path / "out"
    result = build(site(tmp_path / "s", note), audience="mentor", out=out, strict=True)
    assert result.status == 1 and [d.code for d in result.diagnostics] == ["privacy-tag"]
    assert _published(out) == []


def test_an_inline_tag_in_a_mentor_passage_of_a_public_note_warns(tmp_path: Path) -> None:
    note = ("---\ntitle: P\ndate: 2026-03-01\nvisibility: public\n---\nPublic text.\n\n"
            "::: mentor\n#private\n"
            "I am thinking about leaving Acme; my manager does not know yet.\n:::\n")
    result = build(site(tmp_path / "s", note), audience="mentor", out=tmp_path / "out")
    assert [(d.code, d.severity, d.line) for d in result.diagnostics] == [
        ("privacy-tag", "warning", 9)], [d.text() for d in result.diagnostics]


def test_with_the_check_off_strict_sends_it_to_the_mentor(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmchecks, "privacy_tag", lambda tag: False)
    monkeypatch.setattr(bodyprivacy, "privacy_tag", lambda tag: False)
    out = tmp_path / "out"
    result = build(site(tmp_path / "s"), audience="mentor", out=out, strict=True)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert "reflections/r/index.html" in _published(out)
