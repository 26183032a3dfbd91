"""Red team 18, R18-B03: an Apple iWork document (a ZIP whose ``Index/*.iwa``
members are Snappy-compressed protobuf) linked from a public page. The audit
opened the ZIP and read the members as bytes, so a name or address the
compressor stored as a back-reference was not there to find, and Pages showed it.

ivsite.readers.snappy decodes Snappy (IWA chunks, and the framing format of a
``.sz``); a member named ``.iwa`` that does not decode is refused as not read
whole. The filter never reads an attachment's bytes, so the audit is the line:
each case is refused with the filter off; with the decoding off the build exits 0
and the published file decodes to the name. Ordinary iWork files still build.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from sites import RED_TEAM_TALK, audit_refusals, red_team_site, red_team_talk

from ivsite.pipeline import build
from ivsite.readers import packed, readable, snappy, streams

TALK = f"content/{RED_TEAM_TALK}"
EMAIL = "qzab@zenthor.example"


def varint(n: int) -> bytes:
    out = b""
    while n > 0x7F:
        out += bytes([n & 0x7F | 0x80])
        n >>= 7
    return out + bytes([n])


def field(number: int, value: bytes) -> bytes:
    return varint(number << 3 | 2) + varint(len(value)) + value


def snappy_block(data: bytes, copy: int, offset: int) -> bytes:
    """``data`` as one Snappy block: its last ``copy`` bytes a copy from
    ``offset`` back, the rest literals, so those bytes are in the block once."""
    head = data[:-copy]
    assert data[-copy:] == data[len(head) - offset:len(head) - offset + copy]
    literal = bytes([60 << 2, len(head) - 1]) if len(head) > 60 else bytes([(len(head) - 1) << 2])
    return varint(len(data)) + literal + head + bytes([(copy - 1) << 2 | 2]) + \
        struct.pack("<H", offset)


def iwa(text: bytes, copy: int, offset: int) -> bytes:
    """An IWA stream: one archive (its info giving its message's length) whose
    message holds ``text`` in a string field, the end of ``text`` a copy."""
    message = field(3, field(1, text))
    info = field(2, varint(3 << 3) + varint(len(message)))
    block = snappy_block(varint(len(info)) + info + message, copy, offset)
    return b"\x00" + struct.pack("<I", len(block))[:3] + block


# "rowski. Coffee with Quentin Zab" and a copy of "rowski" from its start.
NAMED = iwa(b"rowski. Coffee with Quentin Zabrowski", 6, 31)
# "hor.example; write to qzab@zent" and a copy of "hor.example".
ADDRESSED = iwa(b"hor.example; write to qzab@zenthor.example", 11, 31)


def iwork(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("Metadata/Properties.plist", b"<plist/>")
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def framed(block: bytes) -> bytes:
    body = b"\0" * 4 + block  # (its checksum: not checked)
    return snappy.FRAMED + b"\x00" + struct.pack("<I", len(body))[:3] + body


HOSTILE = {
    "cv.pages": iwork({"Index/Document.iwa": NAMED}),
    "talk.key": iwork({"Index/Slide.iwa": ADDRESSED}),
    "budget.numbers": iwork({"Index/Tables/DataList.iwa": NAMED}),
    "Document.iwa": NAMED,  # a member of a package folder, published alone
    "renamed.bin": NAMED,  # an IWA stream under another name
    "notes.sz": framed(snappy_block(b"rowski. Coffee with Quentin Zabrowski", 6, 31)),
    "notes.snappy": snappy_block(b"rowski. Coffee with Quentin Zabrowski", 6, 31),
}


def _decoded(data: bytes) -> bytes:
    """What Pages, Keynote or a Snappy tool reads of a published file."""
    if data.startswith(b"PK"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        return b"".join(_decoded(archive.read(n)) for n in archive.namelist()
                        if n.endswith(".iwa"))
    if data.startswith(snappy.FRAMED):
        return snappy.block(data[len(snappy.FRAMED) + 8:], 1 << 20)
    if data[:1] == b"\x00":
        return snappy.block(data[4:], 1 << 20)
    return snappy.block(data, 1 << 20)  # a bare block


def _off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed, "iwa_parts", lambda path, data, budget: [])
    monkeypatch.setattr(streams, "FRAMED", b"\x00not a stream")
    monkeypatch.setattr(streams, "raw", lambda data, budget: None)
    readable._read.cache_clear()


def _site(root: Path, files: dict[str, bytes]) -> Path:
    readable._read.cache_clear()
    links = "".join(f"[a file]({n})\n\n" for n in files)
    return red_team_site(root, {"pages/files.md": ({"title": "Files"}, links),
                                **{f"pages/{n}": d for n, d in files.items()}},
                         talk=red_team_talk(email=EMAIL))


@pytest.mark.parametrize("name", HOSTILE)
def test_the_audit_reads_the_document(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    person = EMAIL if name == "talk.key" else "Quentin Zabrowski"
    readable._read.cache_clear()
    assert any(person in t for t in readable.readable_texts(PurePosixPath(name), HOSTILE[name]))
    assert person.encode() in _decoded(HOSTILE[name])
    _off(monkeypatch)
    assert not any(person in t for t in readable.readable_texts(PurePosixPath(name),
                                                                HOSTILE[name]))


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_them(tmp_path: Path) -> None:
    refused = audit_refusals(_site(tmp_path / "s", HOSTILE), tmp_path / "out")
    assert {out.rsplit("/", 1)[-1] for out, source in refused if source == TALK} >= set(HOSTILE)


def test_with_the_decoding_off_they_are_published(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _off(monkeypatch)
    result = build(_site(tmp_path / "s", HOSTILE), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    for name in HOSTILE:
        published = next((tmp_path / "out").rglob(name)).read_bytes()
        assert b"Quentin Zabrowski" in _decoded(published) or EMAIL.encode() in \
            _decoded(published), name
    readable._read.cache_clear()


@pytest.mark.parametrize("data", [b"\x00\x10\x00\x00" + b"\x0a" * 3,  # cut short
                                  b"\x00\x03\x00\x00\x05\x00\x01",  # a copy from nowhere
                                  b"\x01\x03\x00\x00abc"])  # no IWA chunk
def test_an_iwa_member_that_does_not_decode_is_refused(data: bytes) -> None:
    readable._read.cache_clear()
    document = iwork({"Index/Document.iwa": data})
    assert any("iWork" in why for why in readable.unread(PurePosixPath("cv.pages"), document))


ORDINARY = {
    "portfolio.pages": iwork({"Index/Document.iwa": iwa(
        b"Design work: posters, and more posters", 7, 18),
        "preview.jpg": b"\xff\xd8\xff\xd9"}),
    "plan.numbers": iwork({"Index/Tables/DataList.iwa": iwa(b"Q1 Q2 Q3 Q4 Q1 Q2", 5, 12)}),
    "zeros.bin": b"\x00" * 64,  # opens with a zero byte, no IWA stream
    "icon.ico": b"\x00\x00\x01\x00\x01\x00" + b"\x10" * 16,
}


def test_ordinary_iwork_files_are_published(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", ORDINARY), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    assert {p.name for p in (tmp_path / "out").rglob("*")} >= set(ORDINARY)


def test_snappy_blocks_decode_as_snappy_writes_them() -> None:
    # A literal, then a 1-byte-offset copy overlapping itself; a long literal
    # (its length in the byte after the tag), then a 2-byte-offset copy.
    assert snappy.block(b"\x08\x04ab\x09\x02", 64) == b"abababab"
    text = b"x" * 70 + b"y"
    assert snappy.block(varint(81) + b"\xf0\x46" + text + b"\x26\x47\x00", 128) == \
        text + b"x" * 10
    with pytest.raises(snappy.SnappyError):
        snappy.block(b"\x08\x04ab", 64)  # shorter than it claims


def test_a_stream_past_the_bound_is_refused_whatever_its_name() -> None:
    budget = packed.Budget(left=8)
    assert snappy.iwa_parts(PurePosixPath("renamed.bin"), NAMED, budget) == []
    assert budget.refused
    readable._read.cache_clear()
    broken = snappy.FRAMED + b"\x00\x06\x00\x00\0\0\0\0\x09\x01"
    assert readable.unread(PurePosixPath("notes.sz"), broken)
    assert readable.unread(PurePosixPath("notes.snappy"), b"\x09\x01")


def test_a_brotli_file_is_refused_as_unreadable() -> None:
    readable._read.cache_clear()  # (no magic bytes; Python does not read Brotli)
    assert any("Brotli" in why for why in readable.unread(PurePosixPath("cv.pdf.br"), b"\x1b\x03"))
