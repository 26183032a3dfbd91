"""Metadata a picture's format writes in pieces, joined as its readers join them
(red team 18, R18-B05), for ivsite.readers.photometa.

The audit read a picture's bytes, and its metadata segment by segment, so a text
its format cuts into pieces was read cut: "Quentin Zab", a segment's header,
"rowski". exiftool, Photoshop, a colour-managed viewer and any GIF reader join
the pieces and show the name. Joined here:

- a JPEG's Extended XMP: the XMP past 64 KB, in APP1 segments that each carry
  the packet's GUID, its whole length and the piece's offset; the pieces of each
  GUID put at their offsets (and, where that differs, in the order written);
- a JPEG's Photoshop block (its IPTC) past 64 KB, over APP13 segments, joined
  as exiftool joins it;
- a JPEG's ICC profile, over ``ICC_PROFILE`` APP2 segments, by their sequence
  numbers (and in the order written, where that differs), then read for its
  text tags as a PNG's ``iCCP`` is (ivsite.readers.inflated.icc_text);
- a GIF's comments (several comment extensions), read as one text as well;
- a GIF's extensions, each a chain of sub-blocks of at most 255 bytes: a
  comment and a plain-text extension's text, an application extension's data
  (an ICC profile, read so; any other as it is), and the XMP that Adobe writes
  raw in the ``XMP DataXMP`` extension, read as markup as a JPEG's XMP is.

Pieces are read within the file's own bytes: what is joined is never longer than
the pieces together.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import PurePosixPath

from .inflated import icc_text

Part = tuple[PurePosixPath, bytes]
Segment = tuple[int, bytes]

_EXTENDED = b"http://ns.adobe.com/xmp/extension/\x00"
_ICC = b"ICC_PROFILE\x00"
_PHOTOSHOP = b"Photoshop 3.0\x00"
_GIF_XMP = b"XMP DataXMP"
_GIF_TRAILER = b"\x01\xff\xfe\xfd"
"""The start of the 258-byte "magic trailer" that ends XMP written raw in a GIF."""


def jpeg_segments(data: bytes) -> Iterator[Segment]:
    """A JPEG's marker segments before the image data: (marker, body)."""
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
            at += 1 if marker == 0xFF else 2
            continue
        if marker in (0xDA, 0xD9):  # start of scan, end of image: no more metadata
            return
        (size,) = struct.unpack(">H", data[at + 2:at + 4])
        yield marker, data[at + 4:at + 2 + size]
        at += 2 + size


def jpeg_joined(segments: list[Segment]) -> list[Part]:
    """A JPEG's Extended XMP and ICC profile, each joined from its segments."""
    extended: dict[bytes, list[tuple[int, bytes]]] = {}
    icc: list[tuple[int, bytes]] = []
    for marker, body in segments:
        if marker == 0xE1 and body.startswith(_EXTENDED) and len(body) >= 75:
            guid, (offset,) = body[35:67], struct.unpack(">I", body[71:75])
            extended.setdefault(guid, []).append((offset, body[75:]))
        elif marker == 0xE2 and body.startswith(_ICC) and len(body) >= 14:
            icc.append((body[12], body[14:]))
    parts = [(PurePosixPath("xmp.xml"), x) for pieces in extended.values()
             for x in _joined(pieces, placed=True)]
    for profile in _joined(icc, placed=False):
        parts += [(PurePosixPath("icc.bin"), profile),
                  (PurePosixPath("profile.txt"), icc_text(profile))]
    return parts


def photoshop_joined(segments: list[Segment]) -> bytes:
    """A Photoshop block (IPTC) that Photoshop wrote over several APP13 segments,
    their bodies joined as exiftool joins them; empty for one segment or none."""
    bodies = [body.removeprefix(_PHOTOSHOP) for marker, body in segments if marker == 0xED]
    return b"".join(bodies) if len(bodies) > 1 else b""


def _joined(pieces: list[tuple[int, bytes]], placed: bool) -> list[bytes]:
    """The pieces joined by their numbers (``placed``: each number is the piece's
    offset in the whole; else its place in the sequence), and in the order written
    where that reads otherwise."""
    if not pieces:
        return []
    written = b"".join(p for _, p in pieces)
    ordered = sorted(pieces, key=lambda piece: piece[0])
    if placed and max(o + len(p) for o, p in pieces) <= len(written):
        whole = bytearray(max(o + len(p) for o, p in pieces))
        for offset, piece in pieces:
            whole[offset:offset + len(piece)] = piece
        joined = bytes(whole)
    else:
        joined = b"".join(p for _, p in ordered)
    return list(dict.fromkeys((joined, written)))


def gif_parts(data: bytes) -> list[Part]:
    """A GIF's extensions' data, each joined from its sub-blocks (see the module)."""
    if len(data) < 13:
        return []
    at = 13 + (3 * (2 << (data[10] & 7)) if data[10] & 0x80 else 0)
    texts: list[bytes] = []
    parts: list[Part] = []
    while at < len(data):
        kind = data[at]
        if kind == 0x2C:  # an image: its descriptor, colour table and pixels
            if at + 10 > len(data):
                break
            flags = data[at + 9]
            at += 11 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0)
            _, at = _sub_blocks(data, at)
        elif kind == 0x21 and at + 1 < len(data):
            label, start = data[at + 1], at + 2
            blocks, at = _sub_blocks(data, start)
            if label == 0xFE:  # a comment
                texts.append(b"".join(blocks))
            elif label == 0x01:  # plain text, after its 12-byte header block
                texts.append(b"".join(blocks[1:]))
            elif label == 0xFF and blocks:
                parts += _application(data, start, blocks)
        else:  # the trailer, or what is no GIF block
            break
    if texts:  # each comment a line, and all as one text, as a reader may show them
        parts.insert(0, (PurePosixPath("metadata.txt"), b"\n".join(texts)))
    if len(texts) > 1:
        parts.insert(1, (PurePosixPath("metadata.txt"), b"".join(texts)))
    return parts


def _application(data: bytes, start: int, blocks: list[bytes]) -> list[Part]:
    """An application extension's data: XMP (written raw, its bytes read as
    lengths by a GIF reader), an ICC profile, or any other joined."""
    name, body = blocks[0], b"".join(blocks[1:])
    if name == _GIF_XMP:
        raw = data[start + 12:]
        end = raw.find(_GIF_TRAILER)
        return [(PurePosixPath("xmp.xml"), raw[:end if end >= 0 else len(raw)])]
    if name.startswith(b"ICCRGBG1"):
        return [(PurePosixPath("icc.bin"), body), (PurePosixPath("profile.txt"), icc_text(body))]
    return [(PurePosixPath("application.bin"), body)]


def _sub_blocks(data: bytes, at: int) -> tuple[list[bytes], int]:
    """The sub-blocks from ``at`` to the empty one that ends them, and where they end."""
    blocks: list[bytes] = []
    while at < len(data):
        size = data[at]
        at += 1
        if size == 0:
            break
        blocks.append(data[at:at + size])
        at += size
    return blocks, at
