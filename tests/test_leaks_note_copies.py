"""Red-team F15: a copy (or hard link) of a note placed under content/ as a file
and linked from a public note must not be published.

Two lines: validation takes such a file out of the files links may reach (a link
to it is a ``note-copy`` error), and the audit holds every note's source bytes as
withheld files by hash, so that it finds the copy on its own.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.pipeline import build
from ivsite.validate import stage as validate

PLAN = """\
---
title: Zqxplan
date: 2026-01-01
---
Salary offer: 95k.

::: private
Leaving Acme soon.
:::
"""
LINKING = "---\ntitle: P\n---\n[notes](../files/plan.txt)\n"


def site(root: Path, how: str) -> Path:
    s = write_site(root, {"content/reflections/plan.md": PLAN, "content/pages/p.md": LINKING,
                          "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})
    (s / "content/files").mkdir()
    if how == "hard link":
        os.link(s / "content/reflections/plan.md", s / "content/files/plan.txt")
    else:
        (s / "content/files/plan.txt").write_bytes(PLAN.encode())
    return s


@pytest.mark.parametrize("how", ["copy", "hard link"])
def test_a_link_to_a_copy_of_a_note_is_an_error(tmp_path: Path, how: str) -> None:
    result = build(site(tmp_path / "s", how), out=tmp_path / "out")
    assert result.status == 1
    found = [d for d in result.diagnostics if d.code == "note-copy"]
    assert found and found[0].path == "content/pages/p.md", \
        [d.text() for d in result.diagnostics]
    assert "content/reflections/plan.md" in found[0].message
    assert not (tmp_path / "out").exists()


@pytest.fixture()
def copies_not_withheld(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation's protection switched off: the copy is an ordinary file."""
    monkeypatch.setattr(validate, "_withhold_note_copies", lambda site, loaded: None)


@pytest.mark.parametrize("how", ["copy", "hard link"])
def test_the_audit_alone_finds_the_copy(
        tmp_path: Path, copies_not_withheld: None, how: str) -> None:
    result = build(site(tmp_path / "s", how), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hits = [h for h in result.hits if h.output == "files/plan.txt"]
    assert any(h.secret.kind == "withheld file"
               and h.secret.source == "content/reflections/plan.md" for h in hits), \
        [h.text() for h in result.hits]
    assert not (tmp_path / "out").exists()


def test_with_both_lines_off_the_private_note_is_published(
        tmp_path: Path, copies_not_withheld: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit's protection switched off too (only the assets, as before F15),
    and its reading of the copy's '::: private' passage (red team 11, R11-08)."""
    from ivsite.audit import search as auditsearch
    from ivsite.pipeline import checks

    monkeypatch.setattr(auditsearch, "hidden_in", lambda suffix, data: None)

    original = checks.withheld_assets
    monkeypatch.setattr(checks, "withheld_assets", lambda prep, plan: [
        a for a in original(prep, plan) if not a.source.endswith(".md")])
    result = build(site(tmp_path / "s", "copy"), out=tmp_path / "out")
    assert result.status == 0, [h.text() for h in result.hits]
    assert b"Leaving Acme soon." in (tmp_path / "out/files/plan.txt").read_bytes()
