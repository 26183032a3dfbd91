"""Privacy said by where a note is kept.

Authors keep drafts and private notes in a folder named for it (``drafts/``,
Jekyll's ``_drafts/``, an Obsidian vault's ``Pages/Private/``), or name the file
for it (``_x.md``, ``x.private.md``, ``x.draft.md``). Ignoring that would publish
the note with its kind's default visibility, silently. So such a path means what
it says: the note is private (never in the public or mentor view, see
ivsite.validate), as is a file kept there (a link to it from a public or mentor
note is an error, see ivsite.references), and the audit counts both withheld on
its own (ivsite.secrets, ivsite.pipeline.checks), so that the rule is not one line
away from a leak.
"""

from __future__ import annotations

import posixpath

from .lookalike import privacy_tag

# A folder name or dotted file-name part says a note is not for others when it is
# a privacy tag's word (ivsite.lookalike: case, spacing, ``_``, ``-`` and plurals
# ignored, so ``Drafts``, ``_drafts``, ``_Private`` and ``do-not-publish`` count).


def path_privacy(rel: str) -> str | None:
    """What in a note's (or file's) site-relative path says it is private (``'drafts/'``,
    ``'_x.md'``, ``'.private'``), or None when nothing does."""
    *folders, name = rel.split("/")
    for folder in folders:
        if privacy_tag(folder):
            return folder + "/"
    stem = posixpath.splitext(name)[0]
    if stem.startswith("_"):
        return name
    for part in stem.split(".")[1:]:
        if privacy_tag(part):
            return "." + part
    return None


def described(said: str) -> str:
    """What :func:`path_privacy` found, for a message: "the folder 'drafts/'",
    "the file name '_x.md'", "'.private' in the file name"."""
    if said.endswith("/"):
        return f"the folder '{said}'"
    if said.startswith("."):
        return f"'{said}' in the file name"
    return f"the file name '{said}'"
