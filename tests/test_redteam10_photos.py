"""Red team 10, R10-35: a photo's EXIF or IPTC text in a local code page.

Japanese and Russian camera and photo software writes EXIF's ``ASCII`` fields in
the system's code page (Shift_JIS, windows-1251), which Windows Explorer shows.
ivsite.readers.photometa gives a photo's metadata fields as a text part, which
ivsite.readers.readable reads in each legacy encoding. The filter never reads an
attachment, so the audit is the only line.
"""

from __future__ import annotations

import struct
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, red_team_site, red_team_talk

from ivsite.pipeline import build
from ivsite.readers import packed, readable

REPRODUCER = Path(__file__).parent.parent / "docs/redteam/2026-12-01-tenth/R10-35/content/files"
PHOTOS = {"photo.jpg": "山田太郎", "photo-ru.jpg": "Сергей Иванов"}


def exif(fields: dict[int, bytes], kind: int = 2) -> bytes:
    """A TIFF block (little-endian) with one IFD of ``fields`` of type ``kind``."""
    head = b"II*\x00" + struct.pack("<I", 8)
    data_at = 8 + 2 + 12 * len(fields) + 4
    entries, blob = b"", b""
    for tag, value in fields.items():
        value += b"\x00" if kind == 2 else b""
        if len(value) <= 4:
            entries += struct.pack("<HHI", tag, kind, len(value)) + value.ljust(4, b"\x00")
        else:
            entries += struct.pack("<HHII", tag, kind, len(value), data_at + len(blob))
            blob += value
    return head + struct.pack("<H", len(fields)) + entries + b"\x00" * 4 + blob


def jpeg(tiff: bytes = b"", iptc: bytes = b"") -> bytes:
    """A JPEG's start (SOI, APP1 EXIF, APP13 IPTC) and end: enough for a reader."""
    out = b"\xff\xd8"
    if tiff:
        body = b"Exif\x00\x00" + tiff
        out += b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    if iptc:
        res = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
        body = b"Photoshop 3.0\x00" + res + b"\x00" * (len(iptc) % 2)
        out += b"\xff\xed" + struct.pack(">H", len(body) + 2) + body
    return out + b"\xff\xda\x00\x02\xff\xd9"


def iptc(datasets: dict[int, bytes]) -> bytes:
    return b"".join(b"\x1c\x02" + bytes([n]) + struct.pack(">H", len(v)) + v
                    for n, v in datasets.items())


def _reads(name: str, data: bytes, person: str) -> bool:
    readable._read.cache_clear()
    return any(person in t for t in readable.readable_texts(PurePosixPath(name), data))


def _off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed, "metadata_parts", lambda data: [])
    readable._read.cache_clear()


HOSTILE = {
    "artist.jpg": (jpeg(exif({0x013B: "山田太郎".encode("cp932")})), "山田太郎"),
    "caption.jpg": (jpeg(iptc=iptc({80: "Сергей Иванов".encode("cp1251")})), "Сергей Иванов"),
    "comment.tif": (exif({0x9286: b"ASCII\x00\x00\x00" + "Сергей Иванов".encode("koi8_r")},
                         kind=7), "Сергей Иванов"),
    "title.tif": (exif({0x010E: "Zoë Müller".encode("cp1252")}), "Zoë Müller"),
}


@pytest.mark.parametrize("name", [*PHOTOS, *HOSTILE])
def test_the_audit_reads_the_field(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data, person = ((REPRODUCER / name).read_bytes(), PHOTOS[name]) if name in PHOTOS \
        else HOSTILE[name]
    assert _reads(name, data, person)
    _off(monkeypatch)
    assert not _reads(name, data, person)


def _site(root: Path, files: dict[str, bytes]) -> Path:
    readable._read.cache_clear()
    links = "".join(f"![a photo]({n})\n\n" for n in files)
    talks = {f"interviews/2026-03-0{i + 2}-p.md": red_team_talk(name=n)
             for i, n in enumerate(PHOTOS.values())}
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, links), **talks,
                                **{f"pages/{n}": d for n, d in files.items()}})


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_the_reproducers(tmp_path: Path) -> None:
    files = {n: (REPRODUCER / n).read_bytes() for n in PHOTOS}
    result = build(_site(tmp_path / "s", files), out=tmp_path / "out")
    assert result.status == 1
    assert {h.output.rsplit("/", 1)[-1] for h in result.hits} >= set(PHOTOS)
    assert not (tmp_path / "out").exists()


def test_with_the_reading_off_they_are_published(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _off(monkeypatch)
    files = {n: (REPRODUCER / n).read_bytes() for n in PHOTOS}
    result = build(_site(tmp_path / "s", files), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert {p.rsplit("/", 1)[-1] for p in OutputCorpus(tmp_path / "out").files} >= set(PHOTOS)
    readable._read.cache_clear()


NEAR_MISSES = {
    "studio.jpg": jpeg(exif({0x010E: "面談写真 スタジオ".encode("cp932"),
                             0x013B: b"Tess Author", 0x9000: b"0230"}, kind=2),
                       iptc({0: b"\x00\x04", 80: "Фотограф студии".encode("cp1251")})),
    "binary.tif": exif({0x9101: b"\x01\x02\x03\x00", 0xC4A5: bytes(range(256)) * 4}, kind=7),
}


def test_ordinary_photos_are_published(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", NEAR_MISSES), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    assert {p.rsplit("/", 1)[-1] for p in OutputCorpus(tmp_path / "out").files} >= \
        set(NEAR_MISSES)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from([("山田太郎", "cp932"), ("山田太郎", "euc_jp"), ("王小明", "gbk"),
                        ("Сергей Иванов", "cp1251"), ("김민준", "cp949"), ("陳大文", "big5"),
                        ("Žaneta Šolc", "cp1250")]),
       st.sampled_from([0x010E, 0x013B, 0x8298, 0x010F]))
def test_any_legacy_field(pair: tuple[str, str], tag: int) -> None:
    person, codec = pair
    assert _reads("p.jpg", jpeg(exif({tag: person.encode(codec)})), person)
