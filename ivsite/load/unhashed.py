"""What the last build's record knows of a file load reads but does not hash
(red team 18, R18-B01).

A build whose inputs are those of the last build that succeeded is that build
(ivsite.incremental.last_build): nothing is made, audited or written. Notes and
assets are known there by their bytes' hash, but the files load skips (a hidden
or backup file beside the notes, a vault's unmapped Markdown, a text file
outside ``content/``) were known by name alone, though load reads each for a
person record (ivsite.load.strays) or a folder's settings
(ivsite.load.foldersettings) and the audit reads them again (ivsite.audit.
strayrecords, foldersaid). A person record pasted into such a file, or a
``.pages`` edited to ``hide: true``, left the old output standing with exit 0.

Such a file is known by its status instead: size, modification and change
times in nanoseconds, inode, device and mode. Any write moves the change time,
which no tool can set back (``touch -d``, ``cp -p`` and unzip set the
modification time alone). A status taken in the same clock tick as a later
write may still match it (a file system keeps times to a tick of a few
milliseconds, and FAT's to two seconds), so the bytes' hash is added for a file
changed in the last :data:`RECENT_NS` (as git treats a "racily clean" file):
a later write in the same tick then differs by its bytes. Most skipped files
are old, so a build that changed nothing reads none of them for this.

The status is taken before load reads the file for its checks: a write between
the two makes the next build differ, never the other way round.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

RECENT_NS = 5_000_000_000
"""A file whose status changed this recently is known by its bytes too."""


def file_key(path: Path, now_ns: int) -> str:
    """What the record keeps of a file load reads without hashing it (see the module);
    ``now_ns`` is when load began (``time.time_ns()``)."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return "unreadable"
    key = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}:{st.st_mode}"
    if max(st.st_mtime_ns, st.st_ctime_ns) <= now_ns - RECENT_NS:
        return key
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return key + ":unreadable"
    return f"{key}:{h.hexdigest()}"
