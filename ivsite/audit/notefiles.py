"""The audit's own list of the names a withheld note's file goes by, looked for
as a note's file or path in every output (red team 16, R16-12).

An attachment that links a withheld note by its source (an Obsidian canvas's
file node ``content/reflections/2026-03-02-quitting-acme.md``, a JSON or CSV
index of the vault, an HTML page's ``<a href="….md">``) publishes the note's
file name, which is its slug: the contract keeps a withheld note's slug out of
every output. The audit looked for a slug as a page's address in a link
(:data:`~ivsite.audit.secrets.ADDRESS`) and for names inside ``[[…]]``
(:data:`~ivsite.audit.secrets.WIKI_NAME`), not as a file. Here each withheld
note's names (its file name, slug, title, aliases, path under the content
folder) are worked out again from the validated notes, less those a note the
audience reads goes by too, and read by ivsite.text.notefiles.
"""

from __future__ import annotations

from ..audience.viewnote import SEES, Audience
from ..markdown.notes import Note, ValidSite
from ..text.notefiles import NoteFiles, folded
from .secrets import Secret
from .visibility import audit_visibility as visibility

NOTE_FILE = "withheld note's file"
"""The kind of secret that is a name of a withheld note's file, looked for as a
file or path alone (ivsite.text.notefiles), never as words."""

_SUFFIXES = (".md", ".markdown")


def note_file_secrets(site: ValidSite, audience: Audience) -> list[Secret]:
    """A :data:`NOTE_FILE` secret for each name of each note this audience may not
    read, but those a note it reads goes by too."""
    sees = SEES[audience]
    shown = {n for note in site.notes if visibility(note, site) in sees
             for n in names(note, site.base)}
    return [Secret(NOTE_FILE, name, note.source, 1) for note in site.notes
            if visibility(note, site) not in sees
            for name in sorted(names(note, site.base) - shown)]


def names(note: Note, base: str) -> set[str]:
    """What a note's file goes by, folded: its file name and slug, its title and
    aliases (Obsidian names a file by its title), and its path under ``base``."""
    path = note.source.removeprefix(base)
    for suffix in _SUFFIXES:
        path = path.removesuffix(suffix)
    out = {folded(n) for n in (path, path.rsplit("/", 1)[-1], note.slug, note.key,
                               note.meta.title or "", *note.meta.aliases)}
    return {n for n in out if n.strip(" ./")}


def note_files(secrets: list[Secret]) -> NoteFiles[Secret]:
    """The search for these secrets' note files."""
    return NoteFiles({s.text: s for s in secrets if s.kind == NOTE_FILE})
