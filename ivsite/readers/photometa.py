"""A photo's metadata text, read in the code pages cameras and photo programs
write it in (red team 10, R10-35).

EXIF's ``ASCII`` fields (Artist, ImageDescription, Copyright) and IPTC's datasets
(By-line, Caption) hold whatever bytes the program wrote, and much Japanese and
Russian software writes the system's code page: Shift_JIS or windows-1251, which
Windows Explorer shows as such under Properties > Details. The audit reads a
binary file as UTF-8 and UTF-16 runs only, so "山田太郎" in Shift_JIS was not
found. :func:`metadata_parts` gives these fields (of a JPEG, TIFF, PNG, WebP or GIF)
as a text part of their own; ivsite.readers.readable reads a text part that is not UTF-8
in each of its legacy encodings (``readable.LEGACY``) as it reads a text file.
A photo's XMP packet is given as a markup part, read so as well, and what the
format writes in pieces (a JPEG's Extended XMP and ICC profile, a GIF's
sub-blocks) is joined first (ivsite.readers.pieced, red team 18, R18-B05).

ImageMagick (``convert photo.jpg photo.png``) keeps a photo's EXIF, XMP, IPTC and
Photoshop blocks in a PNG as text chunks named ``Raw profile type exif`` (``xmp``,
``iptc``, ``8bim``, ``APP1`` …) that hold the block as hex digits, and exiftool
reads them back (red team 11, R11-21): :func:`profile_parts` decodes such a chunk
and reads the block as the same block in a JPEG is read.

Fields whose charset is declared are decoded by it: EXIF's UserComment
(``UNICODE``, ``JIS``) and the Windows ``XP`` tags (UTF-16). A maker note
(binary, the maker's own layout) is not read.
"""

from __future__ import annotations

import re
import struct
from pathlib import PurePosixPath

from .inflated import icc_text
from .pieced import gif_parts, jpeg_joined, jpeg_segments, photoshop_joined

Part = tuple[PurePosixPath, bytes]

_MAX_FIELDS = 2048
_MAX_FIELD = 64 * 1024
_POINTERS = frozenset({0x8769, 0x8825, 0xA005, 0x014A})
"""IFD pointers: the Exif, GPS and interoperability IFDs, and TIFF sub-IFDs."""
_XP = frozenset({0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F})
"""Windows' XPTitle, XPComment, XPAuthor, XPKeywords, XPSubject: UTF-16LE bytes."""
_USER_COMMENT = 0x9286
_MAKER_NOTE = 0x927C
_ICC = 0x8773
_XMP = b"http://ns.adobe.com/xap/1.0/\x00"


def metadata_parts(data: bytes) -> list[Part]:
    """The text fields of a photo's metadata: one text part (the raw fields, one a
    line, for the legacy readings), the XMP packets as markup and the joined
    pieces; none for a file that is not a JPEG, TIFF, PNG, WebP or GIF."""
    fields: list[bytes] = []
    xmp: list[bytes] = []
    profiles: list[Part] = []  # raw profiles, joined pieces, ICC profiles
    if data[:2] == b"\xff\xd8":
        profiles += _jpeg(data, fields, xmp)
    elif data[:4] in (b"II*\x00", b"MM\x00*"):
        _tiff(data, fields)
    elif data[:8] == b"\x89PNG\r\n\x1a\n":
        _png(data, fields, profiles)
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        profiles += _webp(data, fields, xmp)
    elif data[:6] in (b"GIF87a", b"GIF89a"):
        profiles += gif_parts(data)
    parts: list[Part] = []
    if fields:
        parts.append((PurePosixPath("metadata.txt"), b"\n".join(fields)))
    parts += [(PurePosixPath("xmp.xml"), x) for x in xmp]
    return parts + profiles


def _jpeg(data: bytes, fields: list[bytes], xmp: list[bytes]) -> list[Part]:
    """The segments before the image data: APP1 (EXIF, XMP), APP13 (IPTC), COM;
    and what the format writes in pieces, joined (ivsite.readers.pieced)."""
    segments = list(jpeg_segments(data))
    for marker, body in segments:
        if marker == 0xE1 and body.startswith(b"Exif\x00"):
            _tiff(body[6:], fields)
        elif marker == 0xE1 and body.startswith(_XMP):
            xmp.append(body[len(_XMP):])
        elif marker == 0xED:
            _photoshop(body, fields)
        elif marker == 0xFE:
            fields.append(body)
    if joined := photoshop_joined(segments):  # past 64 KB, over several APP13 segments
        _photoshop(joined, fields)
    return jpeg_joined(segments)


def _tiff(t: bytes, fields: list[bytes]) -> None:
    """The text fields of a TIFF structure (an EXIF block is one): every IFD,
    followed through its pointers and chain, each visited once."""
    if t[:2] not in (b"II", b"MM") or len(t) < 8:
        return
    order = "<" if t[:2] == b"II" else ">"
    todo = [struct.unpack(order + "I", t[4:8])[0]]
    seen: set[int] = set()
    while todo and len(fields) < _MAX_FIELDS:
        ifd = todo.pop()
        if ifd in seen or ifd + 2 > len(t) or ifd == 0:
            continue
        seen.add(ifd)
        (n,) = struct.unpack(order + "H", t[ifd:ifd + 2])
        for k in range(min(n, _MAX_FIELDS)):
            entry = t[ifd + 2 + 12 * k:ifd + 14 + 12 * k]
            if len(entry) < 12:
                break
            tag, kind, count = struct.unpack(order + "HHI", entry[:8])
            if tag in _POINTERS and kind in (4, 13):
                todo.append(struct.unpack(order + "I", entry[8:12])[0])
            elif kind in (1, 2, 7) and tag != _MAKER_NOTE and count <= _MAX_FIELD:
                value = entry[8:8 + count] if count <= 4 else \
                    t[(o := struct.unpack(order + "I", entry[8:12])[0]):o + count]
                if tag == _ICC:  # a TIFF's colour profile: its text, as a PNG's iCCP
                    fields.append(icc_text(value))
                elif kind == 2 or tag in _XP or tag == _USER_COMMENT or _textual(value):
                    fields.append(_field(tag, value, order))
        nxt = t[ifd + 2 + 12 * n:ifd + 6 + 12 * n]
        if len(nxt) == 4:
            todo.append(struct.unpack(order + "I", nxt)[0])


def _textual(value: bytes) -> bool:
    """Whether a byte field (``BYTE``, ``UNDEFINED``) holds text, not numbers: no
    control bytes but tabs, line ends and trailing NULs. Binary fields (a version,
    a print-settings block) would only add noise to the legacy readings."""
    return not any(b < 0x20 and b not in (9, 10, 13) for b in value.rstrip(b"\x00"))


def _field(tag: int, value: bytes, order: str) -> bytes:
    """A field's bytes, decoded where its charset is declared (given as UTF-8)."""
    if tag in _XP:
        return value.decode("utf-16-le", "ignore").rstrip("\x00").encode()
    if tag == _USER_COMMENT:
        head, rest = value[:8], value[8:]
        if head.startswith(b"UNICODE"):
            return rest.decode("utf-16-le" if order == "<" else "utf-16-be", "ignore").encode()
        if head.startswith(b"JIS"):  # JIS X 0208, written as Shift_JIS or ISO-2022-JP
            return rest.decode("iso2022_jp", "ignore").encode() + b"\n" + rest
        return rest.rstrip(b"\x00")
    return value.rstrip(b"\x00")


def _photoshop(body: bytes, fields: list[bytes]) -> None:
    """IPTC-IIM datasets in a Photoshop APP13 segment's ``8BIM`` 0x0404 resource."""
    at = body.find(b"8BIM")
    while at >= 0 and at + 12 <= len(body):
        rid = struct.unpack(">H", body[at + 4:at + 6])[0]
        name = body[at + 6]
        at += 6 + (name + 2 if name % 2 == 0 else name + 1)
        if at + 4 > len(body):
            return
        (size,) = struct.unpack(">I", body[at:at + 4])
        data = body[at + 4:at + 4 + size]
        at += 4 + size + size % 2
        if rid == 0x0404:
            _iptc(data, fields)
        if body[at:at + 4] != b"8BIM":
            at = body.find(b"8BIM", at)


def _iptc(data: bytes, fields: list[bytes]) -> None:
    at = 0
    while at + 5 <= len(data) and data[at] == 0x1C and len(fields) < _MAX_FIELDS:
        (size,) = struct.unpack(">H", data[at + 3:at + 5])
        if size & 0x8000:  # an extended dataset (long binary data): not text
            return
        fields.append(data[at + 5:at + 5 + size])
        at += 5 + size


def _png(data: bytes, fields: list[bytes], profiles: list[Part]) -> None:
    """A PNG's ``tEXt`` chunks (Latin-1 by the standard, the system's code page by
    much software), ImageMagick's raw profiles among them, and its ``eXIf`` chunk.
    (Compressed text chunks are ivsite.readers.packed's, which calls
    :func:`profile_parts` for those.)"""
    at = 8
    while at + 8 <= len(data) and len(fields) < _MAX_FIELDS:
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + size]
        at += 12 + size
        if kind == b"tEXt":
            fields.append(body.replace(b"\x00", b" "))
            key, _, text = body.partition(b"\x00")
            profiles += profile_parts(key, text)
        elif kind == b"eXIf":
            _tiff(body, fields)


_PROFILE = b"raw profile type "
_HEX = re.compile(rb"[^0-9A-Fa-f]")


def profile_parts(key: bytes, text: bytes) -> list[Part]:
    """What an ImageMagick raw profile chunk holds (none for any other chunk): its
    hex lines (after the type and length lines) decoded, read as the block its
    type names (EXIF, XMP, IPTC, Photoshop), and as a file of its own besides, for
    a block of a type not read here (``icc``, a maker's)."""
    if not key.lower().startswith(_PROFILE):
        return []
    kind = key[len(_PROFILE):].strip().lower()
    lines = text.strip().split(b"\n", 2)  # the type, the length, then the hex lines
    digits = _HEX.sub(b"", lines[2] if len(lines) == 3 else b"")
    block = bytes.fromhex(digits[:len(digits) // 2 * 2].decode("ascii"))
    fields: list[bytes] = []
    xmp: list[bytes] = []
    if block.startswith(b"Exif\x00"):
        _tiff(block[6:], fields)
    elif block[:4] in (b"II*\x00", b"MM\x00*"):
        _tiff(block, fields)
    elif block.startswith(_XMP):
        xmp.append(block[len(_XMP):])
    elif kind == b"xmp" or b"<x:xmpmeta" in block[:4096]:
        xmp.append(block)
    elif block[:1] == b"\x1c":
        _iptc(block, fields)
    elif b"8BIM" in block[:64]:
        _photoshop(block, fields)
    parts = [(PurePosixPath(f"{kind.decode('latin-1')}.bin"), block)]
    if fields:
        parts.append((PurePosixPath("metadata.txt"), b"\n".join(fields)))
    return parts + [(PurePosixPath("xmp.xml"), x) for x in xmp]


def _webp(data: bytes, fields: list[bytes], xmp: list[bytes]) -> list[Part]:
    profiles: list[Part] = []
    at = 12
    while at + 8 <= len(data) and len(fields) < _MAX_FIELDS:
        kind, size = struct.unpack("<4sI", data[at:at + 8])
        body = data[at + 8:at + 8 + size]
        at += 8 + size + size % 2
        if kind == b"EXIF":
            _tiff(body[6:] if body.startswith(b"Exif\x00") else body, fields)
        elif kind == b"XMP ":
            xmp.append(body)
        elif kind == b"ICCP":  # its colour profile's text, as a PNG's iCCP
            profiles.append((PurePosixPath("profile.txt"), icc_text(body)))
    return profiles
