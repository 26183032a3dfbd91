"""Files named like Markdown notes that the loader does not read as notes.

A note saved as ``Sec.mkd``, ``Sec.mdx`` or ``x.markdown.txt`` is, to the loader,
a plain file: its front matter (``visibility: private``) is never read, so a
link or embed to it would copy it whole. Such files fail closed: validation
refuses a link to one, and the audit holds every one as a withheld file.
"""

from __future__ import annotations

import posixpath

NOTE_LIKE_PARTS = frozenset({"md", "markdown", "mkd", "mkdn", "mdown", "mdwn", "mdx",
                             "mdtxt", "mdtext", "rmd", "qmd"})
"""Markdown extensions, found as any dotted part of a file name after its stem."""


def is_note_like(rel: str) -> bool:
    """Whether a file's name has a Markdown extension anywhere after its stem."""
    parts = posixpath.basename(rel).casefold().split(".")[1:]
    return any(part.strip() in NOTE_LIKE_PARTS for part in parts)


def note_like_problem(shown: str, says: str = "") -> tuple[str, str]:
    """The message and hint for a link or embed to a note-like file, or (``says``,
    the line of its front matter) to a file whose front matter says private."""
    if says:
        return (f"'{shown}' starts with front matter that says it is not public ('{says}'), "
                "but ivsite reads it as a plain file and would publish it whole",
                "make it a note (the .md extension) to publish what may be published, "
                "or remove the link")
    return (f"'{shown}' is a file named like a Markdown note, which ivsite does not read "
            "as a note (its front matter and privacy are never checked), so it is never "
            "published as a file",
            "rename it with the .md extension to make it a note, then link the note")
