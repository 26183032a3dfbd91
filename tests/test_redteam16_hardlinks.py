"""Red team 16 (docs/redteam/2026-12-02-sixteenth.md), R16-09: one note file read
as two notes.

A private note hard-linked into pages/ (a reflection, ``pages/private/``,
``pages/drafts/``) was read twice, and the page published, while the same done
with a symbolic link is refused (``note-link``). The loader now refuses every
path of a note file that has another (ivsite.load.hardlinks: ``note-link``); a
copy with the same bytes and a more visible place is ``copied-note``
(ivsite.validate.twinnotes); and the audit no longer takes a note whose file
has a withheld note's bytes as what the audience may read (ivsite.audit.twins).

Each: refused by the filter, by the audit alone, published with both off;
notes with the same bytes and the same visibility still build.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from unit_helpers import write_site

import ivsite.pipeline.checks
import ivsite.validate.stage
from ivsite.load.hardlinks import LinkedNotes
from ivsite.pipeline import build

CANARY = "Kestrelmarmalade"
NOTE = ("---\ntitle: Honest thoughts\ndate: 2026-03-02\n---\n\n"
        f"{CANARY}: I am not sure I want this field at all.\n")
PAGE = "content/pages/thoughts.md"
PLACES = {
    "reflection": "content/reflections/2026-03-02-thoughts.md",
    "private-folder": "content/pages/private/2026-03-02-thoughts.md",
    "drafts-folder": "content/pages/drafts/2026-03-02-thoughts.md",
}
"""Where a note is withheld by its place alone (a note that says its visibility
says it in every copy, and its copies are withheld with it)."""


def _site(root: Path, place: str, how: str) -> Path:
    private = PLACES[place]
    write_site(root, {"content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
                      private: NOTE})
    if how == "hard":
        os.link(root / private, root / PAGE)
    else:
        (root / PAGE).write_text(NOTE, "utf-8")
    return root


def _said(result: object) -> list[str]:
    return [d.text() for d in result.diagnostics]  # type: ignore[attr-defined]


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LinkedNotes, "refuse", lambda self, notes, diags: notes)
    monkeypatch.setattr(ivsite.validate.stage, "refuse_copies",
                        lambda notes, sources, diags: notes)


@pytest.mark.parametrize("place", sorted(PLACES))
def test_the_loader_refuses_a_hard_link_by_both_paths(tmp_path: Path, place: str) -> None:
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", place, "hard"), out=out)
    assert result.status == 1, _said(result)
    linked = {d.path for d in result.diagnostics if d.code == "note-link"}
    assert linked == {PLACES[place], PAGE}, _said(result)
    assert not out.exists()


@pytest.mark.parametrize("place", sorted(PLACES))
def test_the_filter_refuses_a_copy_in_a_more_visible_place(tmp_path: Path, place: str) -> None:
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", place, "copy"), out=out)
    assert result.status == 1, _said(result)
    copied = [d for d in result.diagnostics if d.code == "copied-note"]
    assert [d.path for d in copied] == [PAGE] and PLACES[place] in copied[0].message, \
        _said(result)
    assert not out.exists()


@pytest.mark.parametrize("how", ["hard", "copy"])
@pytest.mark.parametrize("place", sorted(PLACES))
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 place: str, how: str) -> None:
    _filter_off(monkeypatch)
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", place, how), out=out)
    assert result.status == 1, _said(result)
    assert any(h.secret.source == PLACES[place] and h.output == "thoughts/index.html"
               for h in result.hits), [h.text() for h in result.hits] + _said(result)
    assert not out.exists()


@pytest.mark.parametrize("how", ["hard", "copy"])
@pytest.mark.parametrize("place", sorted(PLACES))
def test_with_both_off_the_note_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             place: str, how: str) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(ivsite.pipeline.checks, "without_twins",
                        lambda site, sources, audience: site)
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", place, how), out=out)
    assert result.status == 0, _said(result) + [h.text() for h in result.hits]
    assert CANARY in (out / "thoughts/index.html").read_text("utf-8")


def test_the_same_text_with_the_same_visibility_builds(tmp_path: Path) -> None:
    """Two pages with one text (a copy, or a hard link outside the notes) withhold
    nothing from anyone: no refusal."""
    root = write_site(tmp_path / "s", {
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/pages/a.md": NOTE, "content/pages/b.md": NOTE,
    })
    os.link(root / "content/pages/a.md", tmp_path / "outside-copy.md")
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert CANARY in (tmp_path / "out/a/index.html").read_text("utf-8")
