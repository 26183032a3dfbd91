"""A ZIP archive's member names and comments as an archiver shows them.

A name without the archive's UTF-8 flag (general purpose bit 11) is stored as
bytes in whatever code page the writer used, and Python's zipfile decodes every
such name as cp437. Windows' "Send to > Compressed (zipped) folder" writes the
system's OEM code page (cp932 on a Japanese system, cp866 on a Russian one,
cp852 on a Czech one), Info-ZIP on Linux and macOS's Archive Utility write
UTF-8 without the flag, and Explorer, 7-Zip or ``unzip`` on such a system show
the names so: 山田太郎メモ.txt, not ``ÄRôcæ╛ÿYâüâé.txt`` (red team 10, R10-34).
The archive's and its members' comments (shown by 7-Zip and WinRAR) carry no
encoding at all.

So such names and comments are read, as the audit reads a text file that is not
UTF-8 (ivsite.readers.charsets.LEGACY), in every reading a reader could give them: UTF-8,
each Windows OEM code page and each legacy encoding, not one guessed (a name can
be made to read as UTF-8 and mean something else in cp866). Only non-ASCII
bytes are read again: an Office document's ASCII member names cost nothing.
A tar archive's names, bytes in the writer's locale (GNU and ustar formats), are
read so as well where they are not UTF-8 (ivsite.readers.streams).
"""

from __future__ import annotations

import zipfile

from .charsets import LEGACY, readings

OEM = ("cp437", "cp850", "cp852", "cp866", "cp737", "cp775", "cp857", "cp862", "cp720",
       "cp855", "cp874", "cp932", "gbk", "cp949", "big5", "cp1258")
"""The OEM code pages Windows writes an archive's names in, by the system's
locale: US, Western and Central European, Russian, Greek, Baltic, Turkish,
Hebrew, Arabic, Cyrillic (IBM), Thai, Japanese, Chinese, Korean, Traditional
Chinese, Vietnamese."""

_READINGS = tuple(dict.fromkeys(("utf-8", *OEM, *LEGACY)))


def raw_names(archive: zipfile.ZipFile) -> bytes:
    """The bytes of the names without the UTF-8 flag and of every comment, one a
    line, where any is not ASCII; else nothing."""
    raw = [m.orig_filename.encode("cp437") for m in archive.infolist()
           if not m.flag_bits & 0x800]
    raw += [m.comment for m in archive.infolist()] + [archive.comment]
    joined = b"\n".join(r for r in raw if r)
    return b"" if joined.isascii() else joined


def name_readings(archive: zipfile.ZipFile) -> str:
    """The names and comments :func:`raw_names` gives, read in each of
    :data:`_READINGS` ("" where all are ASCII, as zipfile already reads them)."""
    return read_every_way(raw_names(archive))


def read_every_way(raw: bytes) -> str:
    """Names as bytes of no known encoding (a ZIP's without the flag, a tar
    archive's: tarfile keeps bytes that are not UTF-8 as surrogates) read in each
    of :data:`_READINGS`, one reading after another ("" for none)."""
    return "\n\n".join(dict.fromkeys(readings(raw, list(_READINGS)))) if raw else ""
