"""Red team 4, J-txt: a ``.txt`` (``.livemd``, ``.mdoc`` …) file that opens with a
note's front matter saying private is a plain file to the loader. A link or embed
to one is an error (``note-like-file``), the build's audit holds it as withheld,
and the audit finds such a file in any output by its bytes alone
(docs/redteam/2026-11-30-fourth.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audit import search as auditsearch
from ivsite.load import cache as loadcache
from ivsite.load.filefront import private_front
from ivsite.pipeline import audit_dir, build

SECRET = ("---\nvisibility: private\ntitle: Salary secrets\n---\n"
          "My salary floor is 95000 and CANARY-J-txt is 120k.\n")


def site(root: Path, name: str, link: str, secret: str = SECRET) -> Path:
    s = write_site(root, {"content/pages/p.md": f"---\ntitle: P\n---\n{link}\n",
                          "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})
    (s / "content/files").mkdir()
    (s / "content/files" / name).write_text(secret)
    return s


CASES = [("s.txt", "See [notes](../files/s.txt)."), ("s.livemd", "[n](../files/s.livemd)"),
         ("s.mdoc", "![[s.mdoc]]"), ("s.csv", "[n](../files/s.csv)")]


@pytest.mark.parametrize(("name", "link"), CASES)
def test_a_link_to_it_is_an_error(tmp_path: Path, name: str, link: str) -> None:
    result = build(site(tmp_path / "s", name, link), out=tmp_path / "out")
    found = [d for d in result.diagnostics if d.code == "note-like-file"]
    assert found and found[0].path == "content/pages/p.md", \
        [d.text() for d in result.diagnostics]
    assert "visibility: private" in found[0].message
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("front", [
    "---\nprivate: true\n---\n", "+++\nvisibility = \"mentor\"\n+++\n",
    "---\ntags: [work, draft]\n---\n", "---\ntags:\n  - off-the-record\n---\n",
    "\ufeff---\r\nstatus: draft\r\n---\r\n", "---\npublished: false\n---\n"])
def test_each_way_of_saying_private(tmp_path: Path, front: str) -> None:
    assert private_front(front.encode())
    result = build(site(tmp_path / "s", "s.txt", "[n](../files/s.txt)", front + "CANARY\n"),
                   out=tmp_path / "out")
    assert "note-like-file" in [d.code for d in result.diagnostics]


@pytest.mark.parametrize("front", [
    "---\nvisibility: public\ntitle: Hidden costs\n---\n", "---\npublish: true\n---\n",
    "Plain text\nvisibility: private\n", "----\n", "---\ntitle: x\n---\nvisibility: private\n"])
def test_a_public_or_plain_file_is_copied(tmp_path: Path, front: str) -> None:
    assert not private_front(front.encode())
    result = build(site(tmp_path / "s", "s.txt", "[n](../files/s.txt)", front + "Open.\n"),
                   out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert (tmp_path / "out/files/s.txt").read_text() == front + "Open.\n"


def test_the_audit_alone_finds_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loadcache, "private_front", lambda head: "")
    result = build(site(tmp_path / "s", "s.txt", "[n](../files/s.txt)"), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.output == "files/s.txt" and "front matter" in h.secret.kind
               for h in result.hits), [h.text() for h in result.hits]
    assert not (tmp_path / "out").exists()


def test_ivsite_audit_finds_it_in_any_folder(tmp_path: Path) -> None:
    root = site(tmp_path / "s", "other.txt", "Nothing linked.")
    (tmp_path / "out").mkdir()
    (tmp_path / "out/notes.txt").write_text(SECRET.replace("95000", "96000"))
    result = audit_dir(root, tmp_path / "out", "public")
    assert [h.output for h in result.hits] == ["notes.txt"], [h.text() for h in result.hits]


def test_with_both_lines_off_it_is_published(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loadcache, "private_front", lambda head: "")
    monkeypatch.setattr(auditsearch, "private_front", lambda head: "")
    result = build(site(tmp_path / "s", "s.txt", "[n](../files/s.txt)"), out=tmp_path / "out")
    assert result.status == 0, [h.text() for h in result.hits]
    assert "CANARY-J-txt" in (tmp_path / "out/files/s.txt").read_text()
