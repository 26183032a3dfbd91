"""Files that name a note by its file: an Obsidian canvas's file node, a JSON or
CSV index of the vault, an HTML page's link to the ``.md`` (red team 16, R16-12).

Linked from a page an audience reads, such a file publishes the file name of
each note it names, and a note's file name is its slug ("2026-03-02-quitting-
acme"), which often says what its title does not. So the filter reads each file
of the content that is text for the names of the notes that are not public
(their file names, slugs, titles, aliases and paths, as ivsite.text.notefiles
reads them), and a link to one from a note or passage an audience reads that
may not read a note it names is an error (``file-names-note``,
ivsite.validate.references). A name that a note the audience reads goes by too
is that note's. The audit looks for the same names on its own
(ivsite.audit.notefiles).

Not read here: a file that is not text (a PDF's compressed text, a picture's
metadata), which the audit reads.
"""

from __future__ import annotations

import functools
import hashlib

from ..core.keyed import Keyed, compute
from ..core.sourcefiles import AssetRef
from ..load.stage import LoadedSite
from ..markdown.notes import Note, ValidSite
from ..text.notefiles import NoteFiles, folded

LEVEL = {"public": 0, "mentor": 1, "private": 2}
"""How far a note is withheld: a link at one level may reach files that name notes
at that level or below."""
_MAX_SIZE = 4 << 20
"""Larger files are no index a note links (the audit reads them all)."""
_SUFFIXES = (".md", ".markdown")


def naming_files(site: ValidSite, loaded: LoadedSite,
                 keyed: Keyed = compute) -> dict[str, tuple[tuple[str, str], ...]]:
    """The files links may reach that name a note that is not public, each with
    the (source, visibility) of the notes it names. What a file names is handed
    out through ``keyed`` under its hash and the names' (a preview saves again and
    again)."""
    store = loaded.store
    level: dict[str, tuple[int, Note]] = {}
    for note in site.notes:
        for name in _names(note, site.base):
            if name not in level or LEVEL[note.visibility] < level[name][0]:
                level[name] = (LEVEL[note.visibility], note)
    withheld = {name: note.source for name, (at, note) in level.items() if at > 0}
    if not withheld:
        return {}
    files = NoteFiles(withheld)
    by_source = {note.source: note.visibility for note in site.notes}
    key = hashlib.sha256(repr(sorted(withheld.items())).encode()).hexdigest()

    def named(ref: AssetRef) -> tuple[str, ...]:
        try:
            data = store.read(ref)
        except OSError:  # gone since it was listed: its link is broken
            return ()
        if b"\0" in data[:8192]:
            return ()
        return tuple(sorted(set(files.find(data.decode("utf-8", "replace")))))

    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for rel, ref in site.assets.items():
        if ref.size > _MAX_SIZE:
            continue
        sources = keyed(("names notes", rel, ref.digest, key), functools.partial(named, ref))
        if sources:
            out[rel] = tuple((s, by_source[s]) for s in sources)
    return out


def _names(note: Note, base: str) -> set[str]:
    """A note's names as a file: its path under the content folder and its file
    name (without the suffix), its slug and key, its title and aliases."""
    path = note.source.removeprefix(base)
    for suffix in _SUFFIXES:
        path = path.removesuffix(suffix)
    return {n for n in (folded(x) for x in (path, path.rsplit("/", 1)[-1], note.slug, note.key,
                                            note.meta.title or "", *note.meta.aliases))
            if n.strip(" ./")}
