"""Compressed streams and tar archives: what the audit reads of a ``.gz``,
``.bz2``, ``.xz``, ``.lzma`` or ``.tar`` (and so ``.tar.gz``, ``.tgz``,
``.tar.bz2``, ``.tbz2``, ``.tar.xz``, ``.txz``), a bare zlib stream and a Snappy
framed stream (``.sz``) in an output.

Read as bytes, a compressed file is noise, so a name in a linked ``.tar.bz2`` was
published unread (red team 6, L3). A stream is known by its magic bytes, not its
file name (a ``.dat`` that is xz is read as xz), and decompressed within the same
bound as every packed part (ivsite.readers.packed.Budget). Unlike a document that
merely holds pictures, an archive is nothing but what it packs: one that cannot
be read whole (corrupt, truncated, past the bound, more members than
:data:`MAX_MEMBERS`, or a format the standard library does not read: zstd, 7-Zip,
RAR, LZ4, compress, lzip, lzop, CAB, ar, xar, and by its name Brotli's ``.br``)
is refused (``Budget.refuse``), never published unread. Snappy (ivsite.readers.snappy)
is decoded: its framing format by its magic bytes, a bare block by its name.
"""

from __future__ import annotations

import bz2
import io
import lzma
import tarfile
import zlib
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Protocol

from .snappy import FRAMED, framed, raw
from .zipnames import read_every_way

if TYPE_CHECKING:
    from .packed import Budget, Part

MAX_MEMBERS = 4096
"""Members read of one tar archive; one with more is refused."""


class _Decompressor(Protocol):
    @property
    def eof(self) -> bool: ...

    @property
    def unused_data(self) -> bytes: ...

    def decompress(self, data: bytes, max_length: int = ..., /) -> bytes: ...


def _gzip() -> _Decompressor:
    return zlib.decompressobj(zlib.MAX_WBITS | 16)


def _lzma_alone() -> _Decompressor:
    return lzma.LZMADecompressor(lzma.FORMAT_ALONE)


_STREAMS: tuple[tuple[bytes, str, Callable[[], _Decompressor]], ...] = (
    (b"\x1f\x8b", "gzip", _gzip),
    (b"BZh", "bzip2", bz2.BZ2Decompressor),
    (b"\xfd7zXZ\x00", "xz", lambda: lzma.LZMADecompressor(lzma.FORMAT_XZ)),
)
_UNREAD = ((b"\x28\xb5\x2f\xfd", "zstd"), (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
           (b"Rar!\x1a\x07", "RAR"), (b"\x04\x22\x4d\x18", "LZ4"), (b"\x1f\x9d", "compress (.Z)"),
           (b"LZIP", "lzip"), (b"\x89LZO\x00", "lzop"), (b"MSCF\x00\x00\x00\x00", "CAB"),
           (b"!<arch>\n", "ar"), (b"xar!\x00", "xar"))
"""Archive formats ivsite cannot read: refused by their magic bytes."""
_UNMARKED = {".br": "Brotli"}
"""Compressed formats with no magic bytes that ivsite cannot read: refused by name
(red team 18, R18-B03: a compression inside a file the audit opens is decoded or
refused, never read as bytes)."""


def _kind(path: PurePosixPath, data: bytes) -> tuple[str, Callable[[], _Decompressor]] | None:
    for magic, name, make in _STREAMS:
        if data.startswith(magic):
            return name, make
    # LZMA "alone" (``.lzma``, ``lzma -z``) has no magic: properties 0x5d (what
    # every encoder writes by default) and a dictionary size (its two low bytes
    # nought for any size of 64 KiB and up), then the unpacked
    # size or "unknown" (eight 0xff bytes).
    if data[:3] == b"\x5d\x00\x00" and (
            data[5:13] == b"\xff" * 8 or path.suffix.lower() in (".lzma", ".tlz")):
        return "lzma", _lzma_alone
    return None


def compressed(path: PurePosixPath, data: bytes, budget: Budget) -> bytes | None:
    """A compressed file's data decompressed (all its streams, one after another),
    None for a file that is not compressed. One that cannot be read whole is
    refused in ``budget`` and gives ``b""``."""
    for magic, name in _UNREAD:
        if data.startswith(magic):
            budget.refuse(f"{name} archive, which ivsite cannot read")
            return b""
    if _is_zlib(data):
        return _zlib(data, budget)
    if data.startswith(FRAMED):  # Snappy's framing format (ivsite.readers.snappy)
        return framed(data, budget)
    suffix = path.suffix.lower()
    if suffix == ".snappy":  # a bare Snappy block: no magic bytes, known by its name
        return raw(data, budget)
    if suffix in _UNMARKED:
        budget.refuse(f"{_UNMARKED[suffix]} file, which ivsite cannot read")
        return b""
    kind = _kind(path, data)
    if kind is None:
        return None
    name, make = kind
    out: list[bytes] = []
    rest = data
    while rest:
        d = make()
        try:
            chunk = d.decompress(rest, budget.left + 1)
        except (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError):
            budget.refuse(f"{name} stream that cannot be read")
            return b""
        if len(chunk) > budget.left:
            budget.refuse(f"{name} stream larger than the {budget.limit >> 20} MB read of one "
                          "file")
            return b""
        budget.take(len(chunk))
        out.append(chunk)
        if not d.eof:
            budget.refuse(f"{name} stream that ends early")
            return b""
        # Another stream may follow (``cat a.gz b.gz``, pbzip2, xz -T); zero
        # padding (a tape block) is nothing, anything else unread is refused.
        rest = d.unused_data
        if not rest.strip(b"\0"):
            break
        if not rest.startswith(data[:2]) or _kind(path, rest) is None:
            budget.refuse(f"data after the end of a {name} stream")
            return b""
    return b"".join(out)


def _is_zlib(data: bytes) -> bool:
    """A zlib stream (``pigz -z``, ``openssl zlib``, a git object; red team 9,
    R9-30): deflate with a 32 KiB window (``78``, what every writer uses), a
    header whose check bits hold and no preset dictionary."""
    return len(data) > 2 and data[0] == 0x78 and not data[1] & 0x20 and \
        int.from_bytes(data[:2], "big") % 31 == 0


def _zlib(data: bytes, budget: Budget) -> bytes | None:
    """A zlib stream's data as far as it inflates (a reader's inflate shows that
    much of a damaged one), and what follows it. A file that only looks like
    one (a text opening "x^2") inflates to nothing or fails: it is read as it
    is too, or alone (None)."""
    d = zlib.decompressobj()
    out: list[bytes] = []
    failed = False
    for at in range(0, len(data), 1 << 16):
        try:
            chunk = d.decompress(data[at:at + (1 << 16)], budget.left + 1)
        except zlib.error:
            failed = True
            break
        if len(chunk) > budget.left or d.unconsumed_tail:
            budget.refuse(f"zlib stream larger than the {budget.limit >> 20} MB read of one file")
            return b""
        budget.take(len(chunk))
        out.append(chunk)
        if d.eof:
            break
    if not any(out):
        return None
    return b"".join(out) + b"\n\n" + (data if failed else d.unused_data)


def is_tar(path: PurePosixPath, data: bytes) -> bool:
    """A tar archive: by the ``ustar`` magic every POSIX and GNU tar writes, or by
    its name (an old v7 archive; a ``.tar`` that is none is refused)."""
    return data[257:262] == b"ustar" or path.suffix.lower() == ".tar"


def tar_parts(data: bytes, budget: Budget) -> list[Part]:
    """A tar archive's member names and the contents of its files, or nothing
    (and refused) if it cannot be read whole."""
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
            members: list[tarfile.TarInfo] = []
            for m in archive:
                if len(members) == MAX_MEMBERS:
                    budget.refuse(f"a tar archive of more than {MAX_MEMBERS} members")
                    return []
                members.append(m)
            # Names as bytes (tarfile keeps bytes that are not UTF-8 as surrogates):
            # in a local code page, read in each (ivsite.readers.zipnames).
            names = "\n".join([m.name for m in members] +
                              [m.linkname for m in members if m.linkname])
            raw = names.encode("utf-8", "surrogateescape")
            parts: list[Part] = [(PurePosixPath("names.txt"), raw if raw.isascii() else
                                  read_every_way(raw).encode("utf-8", "replace"))]
            for m in members:
                if not m.isfile():
                    continue
                if m.size > budget.left:  # a sparse member can claim any size
                    budget.refuse(f"a tar member larger than the {budget.limit >> 20} MB read "
                                  "of one file")
                    return []
                f = archive.extractfile(m)
                body = f.read() if f is not None else b""
                budget.take(len(body))
                parts.append((PurePosixPath(m.name.lstrip("/") or "member"), body))
    except (tarfile.TarError, OSError, EOFError, ValueError):
        budget.refuse("a tar archive that cannot be read")
        return []
    return parts
