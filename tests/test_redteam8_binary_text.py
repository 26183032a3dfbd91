"""Red team 8, N1: 8-bit text in a file whose start looks like UTF-16.

``readable._whole`` read a file as UTF-16 *only* when more than 30 % of the odd
(or even) bytes of its first 400 were NUL. A binary header full of zeros (a
PNG's IHDR, pHYs and gAMA; a TIFF IFD inside a JPEG's EXIF; an MP4's box sizes)
crosses that line, and the ASCII after it (a PNG ``tEXt`` Author, an EXIF
Artist, an iTunes ``©ART`` tag, a ``.txt`` that opens in UTF-16 and goes on in
UTF-8) was never searched: the build published the name with exit 0. The file
is now read both ways. The filter never reads an attachment's bytes (it checks
their addresses: ivsite.audience.namecheck), so the audit is the line for them: each case
is refused by the build's own audit, and with the filter switched off too;
read as before (UTF-16 only), the build exits 0 with the name in the output.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from sites import (
    RED_TEAM_NAME,
    RED_TEAM_TALK,
    assert_audit_refuses,
    assert_published,
    red_team_site,
    red_team_talk,
)

from ivsite.readers import packed, readable

TALK = f"content/{RED_TEAM_TALK}"
SECRET = "the merger with Globex closes in May"


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + \
        struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png(text: bytes) -> bytes:
    """A 16×16 PNG with the pHYs and gAMA chunks GIMP and Photoshop write, and a
    tEXt chunk."""
    raw = b"".join(b"\x00" + b"\x80\xc0\xff" * 16 for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + _chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1))
            + _chunk(b"gAMA", struct.pack(">I", 45455)) + _chunk(b"tEXt", text)
            + _chunk(b"IDAT", zlib.compress(raw)) + _chunk(b"IEND", b""))


def jpeg(artist: str) -> bytes:
    """A JPEG with a camera's big-endian EXIF IFD0 (Make, Model, … Artist, Copyright)."""
    def ascii_(t: str) -> bytes:
        return t.encode() + b"\0"
    entries: list[tuple[int, int, object]] = [
        (0x0100, 3, 16), (0x0101, 3, 16), (0x010F, 2, ascii_("Canon")),
        (0x0110, 2, ascii_("Canon EOS R6")), (0x0112, 3, 1), (0x011A, 5, (72, 1)),
        (0x011B, 5, (72, 1)), (0x0128, 3, 2), (0x0131, 2, ascii_("Adobe Lightroom 7.1")),
        (0x0132, 2, ascii_("2026:03:01 10:00:00")), (0x013B, 2, ascii_(artist)),
        (0x8298, 2, ascii_(f"(c) {artist}"))]
    base = 8 + 2 + len(entries) * 12 + 4
    ifd, data = struct.pack(">H", len(entries)), b""
    for tag, kind, v in entries:
        if isinstance(v, int):
            ifd += struct.pack(">HHIHH", tag, 3, 1, v, 0)
        elif isinstance(v, tuple):
            ifd += struct.pack(">HHII", tag, 5, 1, base + len(data))
            data += struct.pack(">II", *v)
        else:
            assert isinstance(v, bytes)
            ifd += struct.pack(">HHII", tag, kind, len(v), base + len(data))
            data += v
    app1 = b"Exif\0\0MM\0\x2a" + struct.pack(">I", 8) + ifd + struct.pack(">I", 0) + data
    return b"\xff\xd8\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + b"\xff\xd9"


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body) + 8) + kind + body


def m4a(artist: str) -> bytes:
    """An .m4a with an iTunes artist tag (``moov/udta/meta/ilst/©ART``)."""
    data = _box(b"data", struct.pack(">II", 1, 0) + artist.encode())
    ilst = _box(b"ilst", _box(b"\xa9ART", data))
    meta = _box(b"meta", bytes(4) + _box(b"hdlr", bytes(8) + b"mdirappl" + bytes(10)) + ilst)
    mvhd = _box(b"mvhd", bytes(4) + struct.pack(">IIII", 0, 0, 44100, 0) + bytes(80))
    return _box(b"ftyp", b"M4A " + bytes(4) + b"M4A mp42isom" + bytes(4)) + \
        _box(b"moov", mvhd + _box(b"udta", meta))


def notes_txt(said: str) -> bytes:
    """A text file that opens in UTF-16LE and goes on in UTF-8."""
    return "Meeting notes\r\n".encode("utf-16-le") * 12 + f"\r\n{said}\r\n".encode()


FILES: dict[str, Callable[[str], bytes]] = {
    "chart.png": lambda name: png(b"Author\0" + name.encode()),
    "photo.jpg": jpeg,
    "song.m4a": m4a,
    "notes.txt": lambda name: notes_txt(f"{name} wrote back."),
}


def _site(root: Path, name: str, data: bytes,
          talk: tuple[dict[str, object], str] | None = None) -> Path:
    readable._read.cache_clear()
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, f"[file]({name})\n"),
                                f"pages/{name}": data}, talk)


@pytest.mark.parametrize("name", FILES)
def test_the_start_looks_like_utf16(name: str) -> None:
    """The premise: each file's start crosses the UTF-16 line."""
    assert readable._wide(FILES[name](RED_TEAM_NAME))


@pytest.mark.parametrize("name", FILES)
def test_the_build_refuses_the_name(tmp_path: Path, name: str) -> None:
    """The filter never reads a linked file's bytes, so the refusal is the build's
    own audit's (its hits are asserted): a build with the filter switched off
    would do the same work."""
    assert_audit_refuses(_site(tmp_path / "s", name, FILES[name](RED_TEAM_NAME)),
                         tmp_path / "out", TALK)


def test_the_audit_refuses_a_private_sentence(tmp_path: Path) -> None:
    talk = red_team_talk("## What is a typical day?\n\nLots of meetings.\n\n"
                         f"::: private\nHush: {SECRET}.\n:::\n")
    site = _site(tmp_path / "s", "notes.txt", notes_txt(f"Someone said {SECRET}."), talk)
    assert_audit_refuses(site, tmp_path / "out", TALK)


def _utf16_only(data: bytes, text_file: bool) -> str:
    """The reading before the fix: UTF-16 instead of 8-bit text, not as well."""
    return readable._wide(data) or readable._eight_bit(data, text_file)


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("name", FILES)
def test_read_only_as_utf16_the_name_is_published(tmp_path: Path, name: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readable, "_whole", _utf16_only)
    # The metadata fields read on their own (red team 10, R10-35) find it too.
    monkeypatch.setattr(packed, "metadata_parts", lambda data: [])
    assert_published(_site(tmp_path / "s", name, FILES[name](RED_TEAM_NAME)),
                     tmp_path / "out", RED_TEAM_NAME)
    readable._read.cache_clear()


@pytest.mark.parametrize("name", FILES)
def test_the_same_files_without_a_name_are_published(tmp_path: Path, name: str) -> None:
    """No false refusal: a picture, a song and notes that name no one."""
    assert_published(_site(tmp_path / "s", name, FILES[name]("Ada Studio")),
                     tmp_path / "out", "Ada Studio")
