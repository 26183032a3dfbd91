"""Where a ZIP archive's local headers and its central directory disagree.

A ZIP is read two ways. Python's ``zipfile``, ``unzip`` and the audit go by the
central directory at its end; a streaming reader (Java's ``ZipInputStream``,
``jar x < file``, streaming unzip libraries, a browser-side unzip of a download)
reads the local headers one after another from the start. An entry written with
a local header only, outside the directory, is extracted by the one and never
seen by the other (red team 10, R10-27), and so is a member whose local header
says it is deflated where the directory says stored (the one inflates what the
other reads as noise): the audit would publish a name it never read.
:func:`disagreement` finds either, and the archive is refused (fail closed)
rather than read the second way as well, since what a streaming reader makes of
such an archive differs between readers.
"""

from __future__ import annotations

import bisect
import struct
import zipfile

_LOCAL = b"PK\x03\x04"
_UNKNOWN = 0xFFFFFFFF
"""A local header's size or CRC that a ZIP64 extra field or a data descriptor holds."""


def disagreement(data: bytes, archive: zipfile.ZipFile) -> str | None:
    """Why the archive's local headers and central directory disagree (None when
    they agree): a local header outside every listed member, or a member whose
    local header says another method, CRC or size."""
    members = archive.infolist()
    for m in members:
        if (why := _differs(data, m)) is not None:
            return why
    at = _unlisted(data, members, getattr(archive, "start_dir", len(data)))
    return None if at is None else \
        f"an entry its central directory does not list (a local header at byte {at})"


def _differs(data: bytes, member: zipfile.ZipInfo) -> str | None:
    head = data[member.header_offset:member.header_offset + 30]
    if len(head) < 30 or not head.startswith(_LOCAL):
        return None  # zipfile refuses to read such a member: the archive is refused
    flags, method, _, _, crc, size, full = struct.unpack("<HHHHIII", head[6:26])
    if method != member.compress_type:
        return f"{member.filename!r} packed one way in its local header, another in the directory"
    if flags & 0x8 or _UNKNOWN in (size, full):  # the sizes are elsewhere
        return None
    if (crc, size, full) != (member.CRC, member.compress_size, member.file_size):
        return f"{member.filename!r} of one size in its local header, another in the directory"
    return None


def _unlisted(data: bytes, members: list[zipfile.ZipInfo], end: int) -> int | None:
    """Where a local header lies outside every listed member (its header, data and
    data descriptor), between the archive's start and its central directory; None
    when there is none. The archive's start is the file's when the file opens with
    a local header (a streaming reader starts there), else its first member's (a
    ZIP appended to a picture: the picture's bytes are not searched)."""
    spans = sorted(_span(data, m) for m in members)
    start = 0 if data.startswith(_LOCAL) or not spans else spans[0][0]
    starts = [s for s, _ in spans]
    at = data.find(_LOCAL, start, end)
    while at >= 0:
        i = bisect.bisect_right(starts, at) - 1
        if i < 0 or at >= spans[i][1]:
            return at
        at = data.find(_LOCAL, at + 1, end)
    return None


def _span(data: bytes, member: zipfile.ZipInfo) -> tuple[int, int]:
    """The bytes one member takes: its local header, name, extra field, data and,
    where its flags say so, a data descriptor (with or without its signature,
    sizes of 4 or 8 bytes)."""
    at = member.header_offset
    head = data[at:at + 30]
    if len(head) < 30:
        return at, at
    name, extra = struct.unpack("<HH", head[26:30])
    end = at + 30 + name + extra + member.compress_size
    if member.flag_bits & 0x8:
        end += 24 if data[end:end + 4] == b"PK\x07\x08" else 20
    return at, end
