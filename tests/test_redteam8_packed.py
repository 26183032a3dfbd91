"""Red team 8, N11: gaps in what the audit reads of PDFs and ZIPs (ivsite.readers.packed).

- A valid PDF 1.5 whose document information (``/Author``, octal-escaped
  UTF-16BE as hyperref writes it, or ``<FEFF…>``) sits in a compressed object
  stream (``/Type/ObjStm``): the stream was inflated but its strings decoded only
  for page content, so the author was never read. Object streams' strings are
  now decoded as the file's own syntax is.
- A PNG (or a PDF) with a ZIP appended: read only as the first format that fit.
  A ZIP's end record in any file is now read as a ZIP as well.
- A ZIP member, a PDF stream or a PNG text chunk past the 64 MB read of one
  file was skipped without a refusal, and the file published: it is refused now
  (``file not read whole``), as the module's docstring always said.

The filter never reads an attachment's bytes (it checks its address), so the
audit is the line: each case is refused by the build, and with the filter off;
with each protection switched off the build exits 0 with the name in the output.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest
from sites import RED_TEAM_NAME, RED_TEAM_TALK, assert_audit_refuses, red_team_site
from test_redteam8_binary_text import png

from ivsite.audit import search as auditsearch
from ivsite.pipeline import build
from ivsite.pipeline.driver import EXIT_CONTENT
from ivsite.readers import morereadings, packed, readable
from ivsite.readers.pdf import streamkinds

TALK = f"content/{RED_TEAM_TALK}"
NOTES = f"Notes from {RED_TEAM_NAME}.\n".encode()


def _octal(text: str) -> bytes:
    return ("(" + "".join(f"\\{b:03o}" for b in b"\xfe\xff" + text.encode("utf-16-be"))
            + ")").encode()


def _hex(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def pdf(author: bytes) -> bytes:
    """A valid PDF 1.5 (an xref stream, one page) whose document information is
    object 6, inside a FlateDecode object stream."""
    head = b"6 0 "
    objstm = zlib.compress(head + b"<</Author " + author + b"/Producer (pdfTeX-1.40.25)>>")
    out, off = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"), {}

    def obj(n: int, body: bytes) -> None:
        off[n] = len(out)
        out.extend(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    obj(1, b"<</Type/Catalog/Pages 2 0 R>>")
    obj(2, b"<</Type/Pages/Kids[3 0 R]/Count 1>>")
    obj(3, b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>")
    obj(7, b"<</Type/ObjStm/N 1/First %d/Length %d/Filter/FlateDecode>>stream\n"
        % (len(head), len(objstm)) + objstm + b"\nendstream")
    xref = len(out)
    rows = [(0, 0, 65535)] + [(1, off[n], 0) if n in off else (2, 7, 0) if n == 6 else
                              (1, xref, 0) if n == 8 else (0, 0, 0) for n in range(1, 9)]
    data = b"".join(struct.pack(">BIH", *r) for r in rows)
    out.extend(b"8 0 obj\n<</Type/XRef/Size 9/W[1 4 2]/Root 1 0 R/Info 6 0 R/Length %d>>"
               b"stream\n" % len(data) + data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n"
               % xref)
    return bytes(out)


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    return out.getvalue()


BIG = 2 << 20
"""Past the bound the tests set (1 MB)."""
FILES: dict[str, Callable[[str], bytes]] = {
    "cv.pdf": lambda name: pdf(_octal(name)),
    "cv-hex.pdf": lambda name: pdf(_hex(name)),
    "cv-escaped.pdf": lambda name: pdf(_octal(name)).replace(b"/Type/ObjStm/N 1/First",
                                                             b"/Type/Obj#53tm/N 1/Fir#73t"),
    "cv-untyped.pdf": lambda name: pdf(_octal(name)).replace(b"/Type/ObjStm", b""),
    "chart.png": lambda name: png(b"Software\0GIMP") + zip_of({"notes.txt": NOTES.replace(
        RED_TEAM_NAME.encode(), name.encode())}),
    "cv-zip.pdf": lambda name: pdf(b"(CV)") + zip_of({"notes.txt": name.encode()}),
}
PAST_BOUND: dict[str, bytes] = {
    "transcript.zip": zip_of({"a.txt": b" " * BIG, "b-notes.txt": NOTES}),
    "big.pdf": pdf(b"(CV)").replace(b"%PDF-1.5\n", b"%PDF-1.5\n1 0 obj<</Length 1>>stream\n"
                                    + zlib.compress(b" " * BIG) + b"\nendstream\nendobj\n", 1),
    "big.png": png(b"Software\0GIMP").replace(b"IEND", b"zTXt", 0) + b"".join((
        struct.pack(">I", 6 + len(z := zlib.compress(b" " * BIG))), b"zTXt", b"Note\0\0", z,
        bytes(4))),
}


def _site(root: Path, name: str, data: bytes) -> Path:
    readable._read.cache_clear()
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, f"[file]({name})\n"),
                                f"pages/{name}": data})


@pytest.mark.parametrize("name", FILES)
def test_the_build_refuses_the_name(tmp_path: Path, name: str) -> None:
    """The filter never reads a linked file's bytes, so the refusal is the build's
    own audit's (its hits are asserted): a build with the filter switched off
    would do the same work."""
    assert_audit_refuses(_site(tmp_path / "s", name, FILES[name](RED_TEAM_NAME)),
                         tmp_path / "out", TALK)


@pytest.mark.parametrize("name", FILES)
def test_the_same_files_without_a_name_are_published(tmp_path: Path, name: str) -> None:
    """No false refusal: a CV, a picture, an archive that name no one."""
    readable._read.cache_clear()
    site = _site(tmp_path / "s", name, FILES[name]("Ada Studio"))
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def _first_format_only(path: PurePosixPath, data: bytes,
                       budget: packed.Budget) -> list[packed.Part]:
    """The reading before the fix: a PDF or a PNG is not read as a ZIP too."""
    if data.startswith(b"\x89PNG"):
        return packed._png(data, budget)
    if b"%PDF-" in data[:1024]:
        return packed._pdf(data, budget)
    return packed.unpacked(path, data, budget)


SWITCHES: dict[str, tuple[str, str, object]] = {
    "cv.pdf": ("_OBJECT_STREAM", "streamkinds", re.compile(b"(?!)")),
    "cv-hex.pdf": ("_OBJECT_STREAM", "streamkinds", re.compile(b"(?!)")),
    "cv-escaped.pdf": ("_NAME_ESCAPE", "streamkinds", re.compile(b"(?!)")),
    "cv-untyped.pdf": ("_OBJECT_STREAM", "streamkinds", re.compile(b"/ObjStm")),
    "chart.png": ("unpacked", "readable", _first_format_only),
    "cv-zip.pdf": ("unpacked", "readable", _first_format_only),
}


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("name", FILES)
def test_without_the_reading_the_name_is_published(tmp_path: Path, name: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    attr, module, value = SWITCHES[name]
    monkeypatch.setattr(streamkinds if module == "streamkinds" else readable, attr, value)
    # Red team 14's readings of encoded tokens and ciphers read a PDF's strings too
    # (a second line since then): off here, so that this reading is shown alone.
    monkeypatch.setattr(morereadings, "token_readings", lambda text: [])
    monkeypatch.setattr(morereadings, "cipher_readings", lambda text: [])
    _assert_published_as_is(tmp_path, name, FILES[name](RED_TEAM_NAME))


def _assert_published_as_is(root: Path, name: str, data: bytes) -> None:
    """The build exits 0 and publishes the file, name and all (packed: not
    searchable as bytes, so compared whole)."""
    result = build(_site(root / "s", name, data), out=root / "out")
    readable._read.cache_clear()
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert (root / "out/pages" / name).read_bytes() == data


@pytest.mark.parametrize("name", PAST_BOUND)
def test_a_file_past_the_bound_is_refused(tmp_path: Path, name: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed, "MAX_UNPACKED", 1 << 20)
    result = build(_site(tmp_path / "s", name, PAST_BOUND[name]), out=tmp_path / "out")
    readable._read.cache_clear()
    assert result.status == EXIT_CONTENT
    assert any(d.path == f"pages/{name}" and d.message.startswith("file not read whole (")
               for d in result.diagnostics), [d.text() for d in result.diagnostics]


@pytest.mark.usefixtures("no_filter")
def test_without_the_refusal_a_name_past_the_bound_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed, "MAX_UNPACKED", 1 << 20)
    monkeypatch.setattr(auditsearch, "unread", lambda path, data, hidden=frozenset(): [])
    _assert_published_as_is(tmp_path, "transcript.zip", PAST_BOUND["transcript.zip"])


def test_a_zip_that_does_not_open_is_refused(tmp_path: Path) -> None:
    """A file that ends in a ZIP's end record but does not open as one."""
    data = b"PK\x03\x04" + bytes(40) + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, 46, 0, 0)
    result = build(_site(tmp_path / "s", "notes.zip", data), out=tmp_path / "out")
    readable._read.cache_clear()
    assert result.status == EXIT_CONTENT
    assert any(d.message.startswith("file not read whole (a ZIP archive that cannot")
               for d in result.diagnostics), [d.text() for d in result.diagnostics]
