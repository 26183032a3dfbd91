"""Entries of a ZIP archive that its central directory does not list.

A ZIP is read two ways. Python's ``zipfile``, ``unzip`` and the audit go by the
central directory at its end; a streaming reader (Java's ``ZipInputStream``,
``jar x < file``, streaming unzip libraries, a browser-side unzip of a download)
reads the local headers one after another from the start. An entry written with
a local header only, outside the directory, is extracted by the one and never
seen by the other (red team 10, R10-27): the audit would publish a name it never
read. :func:`unlisted` finds such a local header, and the archive is refused
(fail closed) rather than read the second way as well, since where a streaming
reader stops or resumes after such an entry differs between readers.
"""

from __future__ import annotations

import bisect
import struct
import zipfile

_LOCAL = b"PK\x03\x04"


def unlisted(data: bytes, archive: zipfile.ZipFile) -> int | None:
    """Where a local header lies outside every listed member (its header, data and
    data descriptor), between the archive's start and its central directory; None
    when there is none. The archive's start is the file's when the file opens with
    a local header (a streaming reader starts there), else its first member's (a
    ZIP appended to a picture: the picture's bytes are not searched)."""
    members = archive.infolist()
    spans = sorted(_span(data, m) for m in members)
    end = getattr(archive, "start_dir", len(data))
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
