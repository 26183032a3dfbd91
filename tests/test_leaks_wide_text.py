"""Red team 6, L1: UTF-16 text inside a binary file after its start (an image's
EXIF ``XPComment``, always UTF-16LE, behind 3 kB of other data) was read as
UTF-8 only, so an unconsented name in it was published. The audit now reads
every UTF-16 run in either byte order (ivsite.readers.widetext), as ``strings -el/-eb``
would (docs/redteam/2026-11-30-sixth.md)."""

from __future__ import annotations

import base64
import os
import random
import struct
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import RED_TEAM_NAME, red_team_site, red_team_talk
from unit_helpers import write_site

from ivsite.load import filefront
from ivsite.pipeline import build
from ivsite.pipeline.driver import EXIT_CONTENT, EXIT_OK
from ivsite.readers import packed, readable
from ivsite.readers.widetext import wide_runs

NAME = RED_TEAM_NAME
TALK = red_team_talk("We talked about the job.\n\n![The office](office.jpg)\n",
                     role="Analyst", email="qz@northfield.example")
PLAIN_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP////////////////////////////////////////////////"
    "//////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/a"
    "AAgBAQABPxA=")


def jpeg(comment: str, filler: int = 3000, seed: int = 0) -> bytes:
    """The red team's picture: a JPEG with ``filler`` bytes of a comment segment,
    then an EXIF segment whose XPComment (tag 0x9C9C) is ``comment``."""
    value = (comment + "\0").encode("utf-16-le")
    tiff = (b"II*\0" + struct.pack("<IH", 8, 1) + struct.pack("<HHII", 0x9C9C, 1, len(value), 26)
            + struct.pack("<I", 0) + value)
    app1 = b"Exif\0\0" + tiff
    exif = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
    com = random.Random(seed).randbytes(filler).replace(b"\0", b"\1").replace(b"\xff", b"\xfe")
    segment = b"\xff\xfe" + struct.pack(">H", len(com) + 2) + com
    return PLAIN_JPEG[:2] + segment + exif + PLAIN_JPEG[2:]


def site(root: Path, picture: bytes) -> Path:
    return red_team_site(root, {"interviews/office.jpg": picture}, TALK)


def test_the_exif_comment_behind_other_data_is_refused(tmp_path: Path) -> None:
    result = build(site(tmp_path / "s", jpeg(f"Coffee with {NAME}")), out=tmp_path / "out")
    assert result.status == EXIT_CONTENT
    found = [d for d in result.diagnostics if d.code == "audit"]
    assert any("unconsented name" in d.message and "interviews/office.jpg" in d.message
               for d in found), [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


def test_without_the_runs_the_name_is_published(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection switched off: the picture and its name are published."""
    monkeypatch.setattr(readable, "wide_runs", lambda data: "")
    # EXIF's UTF-16 XP fields, read on their own (red team 10, R10-35), find it too.
    monkeypatch.setattr(packed, "metadata_parts", lambda data: [])
    readable._read.cache_clear()
    try:
        result = build(site(tmp_path / "s", jpeg(f"Coffee with {NAME}", seed=1)),
                       out=tmp_path / "out")
    finally:
        readable._read.cache_clear()
    assert result.status == EXIT_OK, [d.text() for d in result.diagnostics]
    assert NAME.encode("utf-16-le") in (tmp_path / "out/interviews/office.jpg").read_bytes()


def test_a_picture_without_a_name_is_published(tmp_path: Path) -> None:
    result = build(site(tmp_path / "s", jpeg("Coffee at the bank")), out=tmp_path / "out")
    assert result.status == EXIT_OK, [d.text() for d in result.diagnostics]


TEXTS = ["Quentin Zabrowski", "José Ramírez", "Łukasz Wróbel", "Дмитрий Волков",
         "Nguyễn Văn An", "Seán O’Brien"]


@settings(max_examples=60, deadline=None)
@given(before=st.binary(max_size=5000), after=st.binary(max_size=500),
       text=st.sampled_from(TEXTS), codec=st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_a_run_anywhere_in_binary_data_is_read(before: bytes, after: bytes, text: str,
                                               codec: str) -> None:
    """At any offset (odd or even), in either byte order, after and before any bytes,
    with NULs at its ends as a string field has."""
    data = before + b"\0\0" + text.encode(codec) + b"\0\0" + after
    assert text in wide_runs(data)
    path = PurePosixPath("a.jpg")
    # (read, or refused whole when ``before`` starts like a compressed stream)
    assert any(text in t for t in readable.readable_texts(path, data)) \
        or readable.unread(path, data)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_give_little_text(seed: int) -> None:
    """Random data is not read as pages of "text": runs are rare and short."""
    data = os.urandom(1 << 20) if seed == 0 else random.Random(seed).randbytes(1 << 20)
    assert len(wide_runs(data)) < len(data) // 200


def test_utf8_text_is_not_searched_again() -> None:
    assert wide_runs(b"Quentin Zabrowski and a b c d e f") == ""


# The filter's check of a linked file's front matter (ivsite.load.filefront) reads UTF-16 too.
FRONT = "---\nvisibility: private\ntitle: Salary\n---\nMy floor is 95000.\n"


def text_site(root: Path, data: bytes) -> Path:
    return write_site(root, {
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/pages/p.md": "---\ntitle: P\n---\nSee [notes](notes.txt).\n",
        "content/pages/notes.txt": data,
    })


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_private_front_matter_is_refused(tmp_path: Path, codec: str) -> None:
    result = build(text_site(tmp_path / "s", FRONT.encode(codec)), out=tmp_path / "out")
    assert result.status == EXIT_CONTENT
    assert any(d.code == "note-like-file" and "visibility: private" in d.message
               for d in result.diagnostics), [d.text() for d in result.diagnostics]


def test_without_utf16_front_matter_the_file_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection switched off: the private file is copied out."""
    monkeypatch.setattr(filefront, "_utf8", lambda head: head)
    result = build(text_site(tmp_path / "s", FRONT.encode("utf-16")), out=tmp_path / "out")
    assert result.status == EXIT_OK, [d.text() for d in result.diagnostics]
    assert (tmp_path / "out/pages/notes.txt").read_bytes() == FRONT.encode("utf-16")
