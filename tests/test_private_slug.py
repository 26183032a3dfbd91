"""A private note's address is in no output, so a file name that names its
unconsented person is no error there (red team 12, R12-15's reproducer failed
for `2026-03-01-private-june.md`); the same name on a public note still is."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import day, write_site

from ivsite.pipeline import build


def _site(root: Path, visibility: str) -> Path:
    return write_site(root, {
        "pages/about.md": ({"title": "About", "visibility": "public"}, "Hello.\n"),
        "interviews/2026-03-01-jane-doe.md": (
            {"visibility": visibility, "date": day("2026-03-01"), "alias": "a designer",
             "person": {"name": "Jane Doe", "company": "Acme", "role": "Designer"},
             "consent": {"publish_name": False}, "status": "done"},
            "We talked.\n"),
    })


def test_a_private_note_may_name_its_person_in_its_file_name(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", "private"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    written = " ".join(str(p) for p in (tmp_path / "out").rglob("*"))
    assert "jane" not in written.casefold()


@pytest.mark.parametrize("visibility", ["public", "mentor"])
def test_a_shown_note_may_not(tmp_path: Path, visibility: str) -> None:
    result = build(_site(tmp_path / "s", visibility), out=tmp_path / "out")
    assert any(d.code == "slug-names-person" for d in result.diagnostics)
