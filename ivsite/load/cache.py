"""What the load stage keeps of the files it read, for the next build of a
long-lived pipeline (the live preview): notes by their file status
(:class:`LoadCache`), and the hash and readings of every other file
(:func:`file_digest`), so that a save reads again only what changed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..core.sourcefiles import SourceFile
from .filefront import private_front

_Read = tuple[str, str, tuple[str, str] | None]
_digest_cache: dict[tuple[str, int, int, int, int], _Read] = {}
"""By path and status: size, modification and change time, inode (a write moves
the change time, which ``cp -p`` and unzip do not set back; R18-B01)."""


def file_digest(path: Path, st: os.stat_result) -> _Read:
    """A file's hash, what its front matter says private, what it runs or loads
    (ivsite.readers.activefiles) or hides (ivsite.readers.hiddentext; the whole file is
    kept for those where its kind needs it),
    all read as it is hashed. (A recording's windows, by which a clip of it is
    known, are taken from the recordings alone: ivsite.core.nearcopy.)"""
    key = (str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    cached = _digest_cache.get(key)
    if cached is None:
        from ..readers import hiddentext  # (they import the notes' module)
        from ..readers.activefiles import READ_SUFFIXES, active

        suffix = path.suffix.casefold()
        whole = suffix in READ_SUFFIXES or suffix in hiddentext.READ_SUFFIXES
        with path.open("rb") as fh:
            first = fh.read(1 << 20)
            h = hashlib.sha256(first)
            chunks = [first]
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
                if whole:
                    chunks.append(chunk)
        data = b"".join(chunks)
        cached = (h.hexdigest(), private_front(first),
                  active(suffix, data) or hiddentext.hidden_in(suffix, data))
        _digest_cache[key] = cached
    return cached


class LoadCache:
    """Notes read before, by path, with the file status they were read at.

    A long-lived pipeline (the live preview) reads again only the notes whose
    size, modification or change time or inode differ, and every path the watcher
    reported (:meth:`forget`), since two saves of the same size within one
    file-system clock tick leave the same times behind. The folder is walked
    every time: a listing costs little next to reading.
    """

    def __init__(self) -> None:
        self._files: dict[str, tuple[tuple[int, int, int, int], SourceFile]] = {}

    def read(self, path: str, rel: str, collection: str, st: os.stat_result) -> SourceFile:
        key = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        got = self._files.get(rel)
        if got is not None and got[0] == key and got[1].collection == collection:
            return got[1]
        with open(path, "rb") as fh:
            data = fh.read()
        source = SourceFile(rel, collection, data, hashlib.sha256(data).hexdigest())
        self._files[rel] = (key, source)
        return source

    def forget(self, rels: set[str]) -> None:
        """Read these again next time whatever their status says."""
        for rel in rels:
            self._files.pop(rel, None)
        ends = tuple("/" + rel for rel in rels)
        for key in [k for k in _digest_cache if k[0].endswith(ends)]:
            del _digest_cache[key]

    def keep_only(self, rels: set[str]) -> None:
        for rel in set(self._files) - rels:
            del self._files[rel]
