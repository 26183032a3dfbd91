"""Red-team F6: a text file linked from a public note, saved in a legacy encoding,
must not carry an unconsented name past the audit.

Read as UTF-8 alone, "Jos\\xe9 Ram\\xedrez" (Latin-1) is "Jos Ramrez" and the name
is not found, while a browser shows "José Ramírez" (windows-1252 is what it
assumes for a text/plain file without a charset, and what the HTML declares).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from unit_helpers import write_site

from ivsite.pipeline import build
from ivsite.readers import readable
from ivsite.readers.readable import readable_texts

PRIVATE = """\
---
date: 2026-01-01
visibility: private
person: {name: José Ramírez}
consent: {publish_name: false}
---
"""
PUBLIC = """\
---
title: Thoughts
date: 2026-01-03
visibility: public
---
My [transcript notes](../files/notes.txt).
"""
FILES = {
    "latin-1 txt": ("notes.txt", "Notes from the chat with José Ramírez, March.\n", "latin-1"),
    "windows-1252 html": ("notes.html", '<html><head><meta charset="windows-1252"></head>'
                          "<body>Chat with José Ramírez</body></html>", "cp1252"),
    "cp1251 csv": ("notes.csv", "name\nИван Петров\n", "cp1251"),
    "gbk txt": ("notes.txt", "和张伟聊天。\n", "gbk"),
}
NAMES = {"latin-1 txt": "José Ramírez", "windows-1252 html": "José Ramírez",
         "cp1251 csv": "Иван Петров", "gbk txt": "张伟"}


def site(root: Path, case: str) -> Path:
    name, text, codec = FILES[case]
    return write_site(root, {
        "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n",
        "content/interviews/a.md": PRIVATE.replace("José Ramírez", NAMES[case]),
        "content/reflections/r.md": PUBLIC.replace("notes.txt", name),
        f"content/files/{name}": text.encode(codec),
    })


@pytest.mark.parametrize("case", FILES)
def test_the_audit_finds_the_name_in_a_legacy_encoding(tmp_path: Path, case: str) -> None:
    result = build(site(tmp_path / "s", case), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.output.startswith("files/notes.") and h.secret.kind == "unconsented name"
               for h in result.hits), [h.text() for h in result.hits]
    assert not (tmp_path / "out").exists()


def test_read_as_utf8_alone_the_latin1_file_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection switched off: no file is read in a legacy encoding."""
    monkeypatch.setattr(readable, "TEXT_SUFFIXES", ())
    result = build(site(tmp_path / "s", "latin-1 txt"), out=tmp_path / "out")
    assert result.status == 0, [h.text() for h in result.hits]
    assert b"Jos\xe9 Ram\xedrez" in (tmp_path / "out/files/notes.txt").read_bytes()


def test_valid_utf8_and_binary_files_are_read_once() -> None:
    assert readable_texts(PurePosixPath("a.txt"), "José".encode()) == ["José"]
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(128, 256))
    assert "é" not in "".join(readable_texts(PurePosixPath("a.png"), png))
