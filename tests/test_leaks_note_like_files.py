"""Red-team G3: a note saved with another Markdown extension (``.mkd``, ``.mdx``,
``x.markdown.txt`` …) is a plain file to the loader, so its ``visibility: private``
is never read. Validation refuses a link or embed to one (``note-like-file``), and
the audit holds every such file as withheld, so that it finds a copy on its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audit import search as auditsearch
from ivsite.load import cache as loadcache
from ivsite.pipeline import build
from ivsite.validate import stage as validate

SECRET = "---\ndate: 2026-03-01\nvisibility: private\n---\nCANARY-F-mkd\n"


def site(root: Path, name: str, link: str) -> Path:
    s = write_site(root, {"content/pages/p.md": f"---\ntitle: P\n---\n{link}\n",
                          "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})
    (s / "content/files").mkdir()
    (s / "content/files" / name).write_text(SECRET)
    return s


@pytest.mark.parametrize(("name", "link"), [
    ("Sec.mkd", "[d](../files/Sec.mkd)"), ("Sec.mdx", "![[Sec.mdx]]"),
    ("Sec.mdown", "[d](../files/Sec.mdown)"), ("Sec.markdown.txt", "![[Sec.markdown.txt]]"),
    ("Sec.MKDN", "[d](../files/Sec.MKDN)")])
def test_a_link_to_a_note_like_file_is_an_error(tmp_path: Path, name: str, link: str) -> None:
    result = build(site(tmp_path / "s", name, link), out=tmp_path / "out")
    assert result.status == 1
    found = [d for d in result.diagnostics if d.code == "note-like-file"]
    assert found and found[0].path == "content/pages/p.md", \
        [d.text() for d in result.diagnostics]
    assert ".md" in found[0].hint
    assert not (tmp_path / "out").exists()


def test_the_audit_alone_finds_the_note_like_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "is_note_like", lambda rel: False)
    monkeypatch.setattr(loadcache, "private_front", lambda head: "")  # what its bytes say
    result = build(site(tmp_path / "s", "Sec.mkd", "[d](../files/Sec.mkd)"),
                   out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.output == "files/Sec.mkd" and h.secret.kind == "withheld file"
               for h in result.hits), [h.text() for h in result.hits]
    assert not (tmp_path / "out").exists()


def test_with_both_lines_off_the_private_note_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.pipeline import checks

    monkeypatch.setattr(validate, "is_note_like", lambda rel: False)
    monkeypatch.setattr(checks, "is_note_like", lambda rel: False)
    monkeypatch.setattr(loadcache, "private_front", lambda head: "")  # its front matter, read
    monkeypatch.setattr(auditsearch, "private_front", lambda head: "")  # by both lines
    result = build(site(tmp_path / "s", "Sec.mkd", "[d](../files/Sec.mkd)"),
                   out=tmp_path / "out")
    assert result.status == 0, [h.text() for h in result.hits]
    assert b"CANARY-F-mkd" in (tmp_path / "out/files/Sec.mkd").read_bytes()
