"""Which files under content/ are interview recordings.

A recording is never published, however a note reaches it: by the path in its
interview's ``recording_file``, by another path to the same file (``./``, ``../``,
a link inside content/) or by a copy with the same bytes. So recordings are
found by path and by content hash. Validation takes them out of the files that
links may reach (a link to one is an error), and the audit looks for each of
them in the output by hash, independently.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping

from ..core.sourcefiles import AssetRef
from ..markdown.notes import Note


def recording_path(source: str, recording_file: str) -> str:
    """The site-relative path ``recording_file`` names, relative to its note."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), recording_file))


def recording_files(notes: Iterable[Note], assets: Mapping[str, AssetRef]) -> dict[str, str]:
    """Every file that is a recording, by site-relative path, with the interview that
    names it. An empty file matches by path only: all empty files share one hash."""
    by_digest: dict[str, str] = {}
    out: dict[str, str] = {}
    for note in notes:
        meta = note.interview
        if meta is None or not meta.recording_file:
            continue
        rel = recording_path(note.source, meta.recording_file)
        ref = assets.get(rel)
        if ref is None:
            continue
        out.setdefault(rel, note.source)
        if ref.size > 0:
            by_digest.setdefault(ref.digest, note.source)
    for rel, ref in assets.items():
        if ref.digest in by_digest and ref.size > 0:
            out.setdefault(rel, by_digest[ref.digest])
    return out
