"""Snappy-compressed text: Apple iWork's ``.iwa`` streams, Snappy's framing
format (``.sz``) and a bare block (``.snappy``), decoded for
ivsite.readers.packed and ivsite.readers.streams.

A Pages, Keynote or Numbers file is a ZIP whose ``Index/*.iwa`` members hold the
document as protobuf compressed with Snappy, in chunks (a zero byte, a 3-byte
little-endian length, a Snappy block without checksums). The audit opened the
ZIP and read those members as bytes, so a name the compressor stored as a
back-reference ("Quentin Zab" + a copy of "rowski") was not there to find, and
Pages showed it (red team 18, R18-B03). Snappy needs no library: a block is its
length, then literals and copies of what came before, decoded here in pure Python
within the file's budget (ivsite.readers.packed.Budget).

A member named ``.iwa`` that does not decode is refused (fail closed): iWork
cannot open it either, and what it holds is unknown. Any other file is read as
IWA only where its chunks line up exactly with its end and decode; a file that
merely opens with a zero byte is read as it is.

The decoded protobuf is given as a file of its own, and its strings (each
length-delimited field that is UTF-8 text, nested messages read in turn) as a
text, one a line: a short name among binary fields reads as a field, not as a
run of bytes (ivsite.readers.binarytext).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .packed import Budget, Part

FRAMED = b"\xff\x06\x00\x00sNaPpY"
"""The stream identifier that opens Snappy's framing format."""
_NESTING = 16


class SnappyError(ValueError):
    """A block that is not Snappy, or decodes past the bound."""


class PastBound(SnappyError):
    """A block that claims more than is left of the file's read: refused whatever
    the file is named."""


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if at >= len(data) or shift > 63:
            raise SnappyError("a length cut short")
        byte = data[at]
        value |= (byte & 0x7F) << shift
        at += 1
        if not byte & 0x80:
            return value, at
        shift += 7


def block(data: bytes, limit: int) -> bytes:
    """One Snappy block decoded; one that claims more than ``limit`` bytes, or
    whose literals and copies do not make the length it claims, is refused."""
    size, at = _varint(data, 0)
    if size > limit:
        raise PastBound(f"a Snappy block larger than the {limit >> 20} MB left of the read "
                        "of one file")
    out = bytearray()
    while at < len(data):
        tag = data[at]
        kind, high = tag & 3, tag >> 2
        at += 1
        if kind == 0:  # a literal; its length in the tag or in 1-4 bytes after it
            if high >= 60:
                n = high - 59
                high = int.from_bytes(data[at:at + n], "little")
                at += n
            length = high + 1
            out += data[at:at + length]
            at += length
            continue
        if kind == 1:
            length, offset = (high & 7) + 4, ((tag >> 5) << 8) | data[at] if at < len(data) else 0
            at += 1
        else:
            n = 2 if kind == 2 else 4
            length, offset = high + 1, int.from_bytes(data[at:at + n], "little")
            at += n
        if offset == 0 or offset > len(out) or len(out) + length > size:
            raise SnappyError("a copy from outside what was decoded")
        start = len(out) - offset
        if offset >= length:
            out += out[start:start + length]
        else:  # a copy overlapping itself repeats its pattern
            out += (bytes(out[start:]) * (length // offset + 1))[:length]
    if at != len(data) or len(out) != size:
        raise SnappyError("a block that does not make the length it claims")
    return bytes(out)


def _iwa_chunks(data: bytes) -> list[bytes] | None:
    """An IWA stream's chunks, or None where its headers do not line up with its end."""
    chunks: list[bytes] = []
    at = 0
    while at < len(data):
        if data[at] != 0 or at + 4 > len(data):
            return None
        length = int.from_bytes(data[at + 1:at + 4], "little")
        if length == 0:  # (no Snappy block is empty: zeros are no stream)
            return None
        chunks.append(data[at + 4:at + 4 + length])
        at += 4 + length
    return chunks if at == len(data) and chunks else None


def iwa_parts(path: PurePosixPath, data: bytes, budget: Budget) -> list[Part]:
    """An iWork ``.iwa`` stream decoded, and its protobuf's strings (none for a
    file that is no IWA stream); one named ``.iwa`` that does not decode whole is
    refused in ``budget``."""
    named = path.suffix.lower() == ".iwa"
    chunks = _iwa_chunks(data)
    if chunks is None:
        if named and data:
            budget.refuse("an iWork (.iwa) stream whose chunks do not line up")
        return []
    out: list[bytes] = []
    try:
        for chunk in chunks:
            out.append(block(chunk, budget.left))
            budget.take(len(out[-1]))
    except SnappyError as e:
        if named or isinstance(e, PastBound):
            budget.refuse(f"an iWork (.iwa) stream that cannot be decoded ({e})")
        return []
    decoded = b"".join(out)
    return [(path.with_suffix(".pb"), decoded),
            (PurePosixPath("text.txt"), b"\n".join(archive_strings(decoded)))]


def framed(data: bytes, budget: Budget) -> bytes:
    """A stream in Snappy's framing format decoded (``data`` opens with
    :data:`FRAMED`); one that does not decode whole is refused (``b""``)."""
    out: list[bytes] = []
    at = 0
    try:
        while at < len(data):
            kind, length = data[at], int.from_bytes(data[at + 1:at + 4], "little")
            body = data[at + 4:at + 4 + length]
            at += 4 + length
            if len(body) != length:
                raise SnappyError("a chunk cut short")
            if kind == 0x00:
                out.append(block(body[4:], budget.left))
            elif kind == 0x01:
                out.append(body[4:])
            elif kind < 0x80:  # reserved, and not to be skipped
                raise SnappyError(f"a chunk of unknown kind {kind:#x}")
            else:  # the stream identifier, padding, skippable chunks
                continue
            budget.take(len(out[-1]))
    except SnappyError as e:
        budget.refuse(f"Snappy stream that cannot be read ({e})")
        return b""
    return b"".join(out)


def archive_strings(data: bytes) -> list[bytes]:
    """The strings of a decoded IWA stream: archives one after another, each a
    length, an ``ArchiveInfo`` message and its messages (as long as the info's
    ``MessageInfo`` entries say); read until one does not parse."""
    found: list[bytes] = []
    at = 0
    try:
        while at < len(data):
            size, at = _varint(data, at)
            info = data[at:at + size]
            at += size
            lengths = [n for number, value in _fields(info) if number == 2
                       and isinstance(value, bytes)
                       for field, n in _fields(value) if field == 3 and isinstance(n, int)]
            payload = data[at:at + sum(lengths)]
            at += sum(lengths)
            found += protobuf_strings(info) + protobuf_strings(payload)
    except SnappyError:
        pass
    return found


def _fields(data: bytes) -> list[tuple[int, int | bytes]]:
    """A protobuf message's fields (number, and value: an integer, or the bytes of
    a length-delimited field); a message that does not parse is refused."""
    fields: list[tuple[int, int | bytes]] = []
    at = 0
    while at < len(data):
        key, at = _varint(data, at)
        wire, number = key & 7, key >> 3
        value: int | bytes
        if wire == 0:
            value, at = _varint(data, at)
        elif wire in (1, 5):
            n = 8 if wire == 1 else 4
            value, at = int.from_bytes(data[at:at + n], "little"), at + n
        elif wire == 2:
            length, at = _varint(data, at)
            value, at = data[at:at + length], at + length
        else:
            raise SnappyError("not a protobuf message")
        if at > len(data):
            raise SnappyError("a field cut short")
        fields.append((number, value))
    return fields


def raw(data: bytes, budget: Budget) -> bytes:
    """A bare Snappy block (a ``.snappy`` file) decoded; one that does not decode
    is refused (``b""``)."""
    try:
        out = block(data, budget.left)
    except SnappyError as e:
        budget.refuse(f"Snappy file that cannot be read ({e})")
        return b""
    budget.take(len(out))
    return out


def protobuf_strings(data: bytes, depth: int = _NESTING) -> list[bytes]:
    """The length-delimited fields of a protobuf message that are UTF-8 text, and
    those of the messages nested in it (a field that parses as none is left)."""
    try:
        fields = _fields(data)
    except SnappyError:
        return []
    found: list[bytes] = []
    for _, value in fields:
        if isinstance(value, bytes) and value:
            if _text(value):
                found.append(value)
            elif depth > 0:
                found += protobuf_strings(value, depth - 1)
    return found


def _text(value: bytes) -> bool:
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(text) and all(c.isprintable() or c in "\t\n\r\u2028\u2029\ufffc" for c in text)
