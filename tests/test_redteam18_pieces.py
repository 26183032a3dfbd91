"""Red team 18, R18-B05: a picture's metadata that its format writes in pieces,
cut inside a name: a JPEG's Extended XMP (APP1 segments joined by offset), its
ICC profile (APP2 segments joined by sequence number), its Photoshop block (IPTC
over APP13 segments), and a GIF's comment, plain-text and application extensions
(sub-blocks of at most 255 bytes). The audit read each piece alone; exiftool,
Photoshop and any GIF reader join them and show the name.

ivsite.readers.pieced joins the pieces as the readers do. The filter never reads
an attachment's bytes, so the audit is the line: each picture is refused with the
filter off; with the joining off the build exits 0 and the published picture,
joined, holds the name. Ordinary pictures in pieces still build.
"""

from __future__ import annotations

import hashlib
import itertools
import struct
from pathlib import Path, PurePosixPath

import pytest
from sites import RED_TEAM_TALK, audit_refusals, red_team_site, red_team_talk

from ivsite.pipeline import build
from ivsite.readers import photometa, readable
from ivsite.readers.pieced import gif_parts, jpeg_joined, jpeg_segments, photoshop_joined

TALK = f"content/{RED_TEAM_TALK}"
NAME = "Quentin Zabrowski"
EMAIL = "qzab@zenthor.example"
_EXTENDED = b"http://ns.adobe.com/xmp/extension/\x00"


def cut(text: bytes) -> list[bytes]:
    """``text`` cut inside the name and inside the address, as pieces."""
    cuts = [0, *(text.index(w) + 3 for w in (b"Zab", b"zenthor") if w in text), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


def segment(marker: int, body: bytes) -> bytes:
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body


def jpeg(*segments: bytes) -> bytes:
    return b"\xff\xd8" + b"".join(segments) + b"\xff\xda\x00\x02\xff\xd9"


def extended_xmp(text: bytes, order: slice = slice(None)) -> bytes:
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description><dc:creator>'
           + text + b"</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")
    guid = hashlib.md5(xmp).hexdigest().upper().encode()
    pieces, at = [], 0
    for piece in cut(xmp):
        pieces.append(segment(0xE1, _EXTENDED + guid + struct.pack(">II", len(xmp), at) + piece))
        at += len(piece)
    return jpeg(segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta/>"), *pieces[order])


def icc(description: bytes) -> bytes:
    """An ICC profile whose ``desc`` tag is ``description``."""
    desc = b"desc" + b"\0" * 4 + struct.pack(">I", len(description) + 1) + description + b"\0"
    table = struct.pack(">I", 1) + b"desc" + struct.pack(">II", 144, len(desc))
    return struct.pack(">I", 144 + len(desc)) + b"\0" * 36 + b"acsp" + b"\0" * 84 + table + desc


def icc_jpeg(description: bytes, order: slice = slice(None)) -> bytes:
    pieces = cut(icc(description))
    return jpeg(*[segment(0xE2, b"ICC_PROFILE\x00" + bytes([n + 1, len(pieces)]) + p)
                  for n, p in enumerate(pieces)][order])


def iptc_jpeg(caption: bytes) -> bytes:
    dataset = b"\x1c\x02\x78" + struct.pack(">H", len(caption)) + caption
    block = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(dataset)) + dataset
    return jpeg(*[segment(0xED, b"Photoshop 3.0\x00" + p) for p in cut(block)])


def sub_blocks(data: bytes) -> bytes:
    return b"".join(bytes([len(p)]) + p for p in cut(data) if p) + b"\x00"


def gif(*extensions: bytes) -> bytes:
    return (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff" + b"".join(extensions)
            + b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b")


def raw_xmp_gif(text: bytes) -> bytes:
    """XMP as Adobe writes it in a GIF: raw, then the 258-byte magic trailer."""
    xmp = b"<x:xmpmeta><dc:creator>" + text + b"</dc:creator></x:xmpmeta>"
    trailer = b"\x01" + bytes(range(255, -1, -1)) + b"\x00"
    return gif(b"\x21\xff\x0bXMP DataXMP" + xmp + trailer)


SAID = b"Photo by Quentin Zabrowski, write to qzab@zenthor.example"
HOSTILE = {
    "extended.jpg": extended_xmp(SAID),
    "extended-backwards.jpg": extended_xmp(SAID, slice(None, None, -1)),
    "icc.jpg": icc_jpeg(SAID),
    "icc-backwards.jpg": icc_jpeg(SAID, slice(None, None, -1)),
    "iptc.jpg": iptc_jpeg(SAID),
    "comment.gif": gif(b"\x21\xfe" + sub_blocks(SAID)),
    "plain.gif": gif(b"\x21\x01\x0c" + b"\0" * 12 + sub_blocks(SAID)),
    "icc.gif": gif(b"\x21\xff\x0bICCRGBG1012" + sub_blocks(icc(SAID))),
    # several comments, each a piece, read as one as well
    "comments.gif": gif(*[b"\x21\xfe" + bytes([len(p)]) + p + b"\x00" for p in cut(SAID)]),
    "xmp.gif": raw_xmp_gif(b"Q&#117;entin Zabrowski, qzab&#64;zenthor.example"),
}


def _joined(data: bytes) -> bytes:
    """What a reader joins of a published picture (the parts read here)."""
    if data.startswith(b"GIF"):
        parts = gif_parts(data)
    else:
        segments = list(jpeg_segments(data))
        parts = [*jpeg_joined(segments), (PurePosixPath("8bim"), photoshop_joined(segments))]
    return b"\n".join(d for _, d in parts).replace(b"&#117;", b"u").replace(b"&#64;", b"@")


def _off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(photometa, "jpeg_joined", lambda segments: [])
    monkeypatch.setattr(photometa, "photoshop_joined", lambda segments: b"")
    monkeypatch.setattr(photometa, "gif_parts", lambda data: [])
    readable._read.cache_clear()


def _reads(name: str, data: bytes) -> set[str]:
    readable._read.cache_clear()
    texts = readable.readable_texts(PurePosixPath(name), data)
    return {w for w in (NAME, EMAIL) if any(w in t for t in texts)}


@pytest.mark.parametrize("name", HOSTILE)
def test_the_audit_reads_the_pieces_joined(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _reads(name, HOSTILE[name]) == {NAME, EMAIL}
    assert NAME.encode() in _joined(HOSTILE[name]) and EMAIL.encode() in _joined(HOSTILE[name])
    _off(monkeypatch)
    assert not _reads(name, HOSTILE[name])


def _site(root: Path, files: dict[str, bytes]) -> Path:
    readable._read.cache_clear()
    links = "".join(f"![a picture]({n})\n\n" for n in files)
    return red_team_site(root, {"pages/photos.md": ({"title": "Photos"}, links),
                                **{f"pages/{n}": d for n, d in files.items()}},
                         talk=red_team_talk(email=EMAIL))


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_them(tmp_path: Path) -> None:
    refused = audit_refusals(_site(tmp_path / "s", HOSTILE), tmp_path / "out")
    assert {out.rsplit("/", 1)[-1] for out, source in refused if source == TALK} >= set(HOSTILE)


def test_with_the_joining_off_they_are_published(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _off(monkeypatch)
    result = build(_site(tmp_path / "s", HOSTILE), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    monkeypatch.undo()
    for name in HOSTILE:
        published = next((tmp_path / "out").rglob(name)).read_bytes()
        assert NAME.encode() in _joined(published), name
    readable._read.cache_clear()


ORDINARY = {
    "sunset.jpg": extended_xmp(b"Photo by the author, Lisbon at dusk (zoom lens)"),
    "srgb.jpg": icc_jpeg(b"sRGB IEC61966-2.1 by Zab Colour Labs, zenthor profile"),
    "loop.gif": gif(b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00",
                    b"\x21\xfe" + sub_blocks(b"Made with GIMP by Zab studio, zenthor tools")),
    "adobe.gif": raw_xmp_gif(b"Adobe Photoshop 25.0"),
}


def test_ordinary_pictures_are_published(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", ORDINARY), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    assert {p.name for p in (tmp_path / "out").rglob("*")} >= set(ORDINARY)


def test_a_tiff_colour_profile_is_read_for_its_text() -> None:
    profile = icc(b"Calibrated by Quentin Zabrowski")
    tiff = b"II*\x00" + struct.pack("<IH", 8, 1) + struct.pack("<HHII", 0x8773, 7, len(profile),
                                                             26) + b"\0" * 4 + profile
    assert any(NAME.encode() in d for _, d in photometa.metadata_parts(tiff))
