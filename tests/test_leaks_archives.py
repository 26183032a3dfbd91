"""Red team 6, L3: a linked ``.tar.bz2`` or ``.tar.xz`` was read as bytes, so the
names in it were published. The audit now decompresses gzip, bzip2, xz and lzma
(by their magic bytes, whatever the file is called) and reads a tar archive's
members (ivsite.readers.streams), within the bound every packed part has; an archive it
cannot read whole is refused (docs/redteam/2026-11-30-sixth.md)."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest
from sites import red_team_site

from ivsite.audit import search as auditsearch
from ivsite.pipeline import build
from ivsite.pipeline.driver import EXIT_CONTENT, EXIT_OK, Result
from ivsite.readers import packed, readable, streams

NOTES = b"Call notes with Quentin Zabrowski, Northfield Bank.\n"


def tar(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as archive:
        for name, body in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
    return out.getvalue()


def lzma_alone(data: bytes) -> bytes:
    return lzma.compress(data, format=lzma.FORMAT_ALONE)


NOTES_TAR = tar({"t/notes.txt": NOTES})
FILES: dict[str, Callable[[], bytes]] = {
    "notes.tar.bz2": lambda: bz2.compress(NOTES_TAR),
    "notes.tar.xz": lambda: lzma.compress(NOTES_TAR),
    "notes.tbz2": lambda: bz2.compress(NOTES_TAR),
    "notes.txz": lambda: lzma.compress(NOTES_TAR),
    "notes.tgz": lambda: gzip.compress(NOTES_TAR),
    "notes.txt.bz2": lambda: bz2.compress(NOTES),
    "notes.txt.xz": lambda: lzma.compress(NOTES),
    "notes.lzma": lambda: lzma_alone(NOTES),
    "notes.dat": lambda: lzma.compress(NOTES),  # xz by its bytes, not its name
    "two-streams.bz2": lambda: bz2.compress(b"Call notes.\n") + bz2.compress(NOTES),
    # the name only inside a compressed member of a plain tar (repeated, so xz
    # compresses it: a short text is stored as it is, readable as bytes, which
    # the audit reading the tar's NUL-filled header only as UTF-16 missed: red
    # team 8, N1)
    "notes.tar": lambda: tar({"a.txt.xz": lzma.compress(NOTES * 20)}),
}


def build_with(root: Path, name: str, data: bytes) -> Result:
    red_team_site(root / "s", {"pages/about.md": ({"title": "About"}, f"[notes]({name})\n"),
                               f"pages/{name}": data})
    readable._read.cache_clear()
    return build(root / "s", out=root / "out")


def refusals(result: Result) -> list[str]:
    return [d.message for d in result.diagnostics if d.code == "audit"]


@pytest.mark.parametrize("name", FILES)
def test_a_name_in_an_archive_is_refused(tmp_path: Path, name: str) -> None:
    result = build_with(tmp_path, name, FILES[name]())
    assert result.status == EXIT_CONTENT
    assert any(m == f"unconsented name would be published in pages/{name}"
               for m in refusals(result)), [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


def test_an_archive_without_a_name_is_published(tmp_path: Path) -> None:
    data = lzma.compress(tar({"t/notes.txt": b"Call notes with an analyst.\n"}))
    result = build_with(tmp_path, "notes.tar.xz", data)
    assert result.status == EXIT_OK, [d.text() for d in result.diagnostics]


@pytest.mark.parametrize("name", ["notes.tar.bz2", "notes.tar.xz", "notes.lzma"])
def test_without_decompression_the_name_is_published(tmp_path: Path, name: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection switched off: the archive goes out unread."""
    monkeypatch.setattr(readable, "compressed", lambda path, data, budget: None)
    result = build_with(tmp_path, name, FILES[name]())
    readable._read.cache_clear()
    assert result.status == EXIT_OK, [d.text() for d in result.diagnostics]
    assert (tmp_path / "out/pages" / name).read_bytes() == FILES[name]()


def test_without_tar_members_the_name_is_published(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed, "is_tar", lambda path, data: False)
    result = build_with(tmp_path, "notes.tar", FILES["notes.tar"]())
    readable._read.cache_clear()
    assert result.status == EXIT_OK, [d.text() for d in result.diagnostics]


# Fail closed: what cannot be read whole is refused.
BOMB = 4 << 20
UNREADABLE: dict[str, Callable[[], bytes]] = {
    "bomb.xz": lambda: lzma.compress(bytes(BOMB)),
    "bomb.bz2": lambda: bz2.compress(bytes(BOMB)),
    "bomb.gz": lambda: gzip.compress(bytes(BOMB)),
    "bomb.tar": lambda: tar({"zeros.bin": bytes(BOMB)}),
    "cut.tar.xz": lambda: lzma.compress(NOTES_TAR)[:-40],
    "broken.bz2": lambda: b"BZh91AY&SY" + bytes(range(256)),
    "trailer.gz": lambda: gzip.compress(b"Call notes.\n") + b"more bytes",
    "notes.tar.zst": lambda: b"\x28\xb5\x2f\xfd" + bytes(64),
    "notes.7z": lambda: b"7z\xbc\xaf\x27\x1c" + bytes(64),
    "many.tar": lambda: tar({f"{i}.txt": b"" for i in range(streams.MAX_MEMBERS + 1)}),
    "junk.tar": lambda: bytes(range(256)) * 4,
}


@pytest.mark.parametrize("name", UNREADABLE)
def test_an_archive_not_read_whole_is_refused(tmp_path: Path, name: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed, "MAX_UNPACKED", 1 << 20)
    result = build_with(tmp_path, name, UNREADABLE[name]())
    readable._read.cache_clear()
    assert result.status == EXIT_CONTENT
    found = [d for d in result.diagnostics if d.code == "audit"]
    assert any(d.path == f"pages/{name}" and d.message.startswith("file not read whole (")
               for d in found), [d.text() for d in result.diagnostics]


def test_without_refusal_a_bomb_with_a_name_past_the_bound_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fail-closed protection switched off: a name past the bound is not read."""
    monkeypatch.setattr(packed, "MAX_UNPACKED", 1 << 20)
    data = lzma.compress(bytes(BOMB) + NOTES)
    assert build_with(tmp_path / "on", "bomb.xz", data).status == EXIT_CONTENT
    monkeypatch.setattr(auditsearch, "unread", lambda path, data, hidden=frozenset(): [])
    result = build_with(tmp_path / "off", "bomb.xz", data)
    readable._read.cache_clear()
    assert result.status == EXIT_OK, [d.text() for d in result.diagnostics]


def test_decompression_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed, "MAX_UNPACKED", 1 << 20)
    budget = packed.Budget()
    assert streams.compressed(PurePosixPath("a.xz"), lzma.compress(bytes(64 << 20)),
                              budget) == b""
    assert budget.refused and budget.left == 1 << 20  # nothing more was inflated


def test_pagefind_index_is_still_read() -> None:
    """gzip, as Pagefind's index files are, read as before (now bounded)."""
    texts = readable.readable_texts(PurePosixPath("pagefind/a.pf_fragment"),
                                    gzip.compress(b"Quentin Zabrowski"))
    assert any("Quentin Zabrowski" in t for t in texts)
