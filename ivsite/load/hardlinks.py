"""One note file reached by two paths through a hard link (red team 16, R16-09).

A hard link is one file in two folders, as a symbolic link is, but nothing in
the folder says so: a reflection (private by default) hard-linked as
``pages/thoughts.md`` (public by default) would be read as two notes with two
visibilities, and the page published. The walk refuses a symbolic link to a
note (``note-link``); this refuses every path of a note file that has another
path in the content, by the file's device and inode (``st_nlink`` > 1 is the
cheap test), so that neither of the two notes is read. Which one the author
meant cannot be known; both are left out, and the build fails.
"""

from __future__ import annotations

import os

from ..core.diagnostics import Diagnostics
from ..core.sourcefiles import SourceFile


class LinkedNotes:
    """The notes of one walk that share their file with another path."""

    def __init__(self) -> None:
        self._paths: dict[tuple[int, int], list[str]] = {}

    def add(self, rel: str, st: os.stat_result) -> None:
        """A note's file as the walk met it."""
        if st.st_nlink > 1 and st.st_ino:
            self._paths.setdefault((st.st_dev, st.st_ino), []).append(rel)

    def refuse(self, notes: list[SourceFile], diags: Diagnostics) -> list[SourceFile]:
        """``notes`` without those read through more than one path, each an error."""
        twice: dict[str, list[str]] = {}
        for paths in self._paths.values():
            if len(paths) > 1:
                for rel in paths:
                    twice[rel] = [p for p in paths if p != rel]
        for rel, others in sorted(twice.items()):
            diags.error(
                rel, 0, 0, "note-link",
                f"this note is the same file as {', '.join(others)} (a hard link), so one "
                "text would be read as two notes, each with its folder's visibility (a "
                "page's default is public, a reflection's private)",
                "keep one path: delete the other (the text stays in this one), or copy "
                "the file and edit it if you mean two notes",
            )
        return [n for n in notes if n.rel not in twice]
