"""Stage 1 — load: the only code that reads a site's source folder.

It walks the content (``content/``, or the folders site.toml's ``[content]``
table maps, see ivsite.core.folders), reads every note's bytes, records every other file as an
asset (by reference: path, size and hash, bytes read again only when a published
page needs them), and refuses anything that reaches outside the site through a
symbolic link. Keeping all source reads here means the rest of the pipeline can
only see what this stage hands on. The live preview, told by its watcher which
paths changed, has it look at those alone (:class:`LoadCache`).
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..core.folders import NOTE_SUFFIXES, Folders, default_folders, read_folders
from ..core.sourcefiles import AssetRef, SourceFile
from ..markdown.notelike import is_note_like
from .cache import LoadCache, file_digest
from .filefront import opens_with_front
from .foldersettings import check_folder_settings
from .hardlinks import LinkedNotes
from .mapped import check_mapped
from .outside import check_outside
from .strays import check_stray, why_not_read
from .unhashed import file_key

SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


def is_editor_noise(name: str) -> bool:
    """Swap, backup and hidden files that editors leave beside notes."""
    return (
        name.startswith(".")
        or name.endswith(("~", ".swp", ".swx", ".tmp", ".bak"))
        or name.startswith(("#", ".#"))
        or name in SKIPPED_NAMES
    )


class AssetStore:
    """The site's files, read on request after the walk (see
    ivsite.core.sourcefiles.SiteFiles): the writer copies assets through it, and
    the audit reads through it the heads of files it judges by their text."""

    def __init__(self, root: Path) -> None:
        self._root = root

    def read(self, ref: AssetRef) -> bytes:
        return (self._root / ref.rel).read_bytes()

    def head(self, rel: str, size: int) -> bytes | None:
        try:
            with (self._root / rel).open("rb") as fh:
                return fh.read(size)
        except OSError:
            return None

    def size(self, rel: str) -> int | None:
        try:
            return (self._root / rel).stat().st_size
        except OSError:
            return None


@dataclass
class LoadedSite:
    root: Path
    config_bytes: bytes | None
    store: AssetStore
    """Where every later read of the site's files goes (ivsite.core.sourcefiles)."""
    notes: list[SourceFile] = field(default_factory=list)
    questions: SourceFile | None = None
    assets: dict[str, AssetRef] = field(default_factory=dict)
    folders: Folders = field(default_factory=default_folders)
    skipped: list[str] = field(default_factory=list)
    """Files the walk met and neither loaded nor took as assets: a vault's unmapped
    Markdown, hidden and backup files. The audit reads them for person records
    (red team 16, R16-04: ivsite.audit.strayrecords)."""
    unhashed: dict[str, str] = field(default_factory=dict)
    """Each skipped file's status, taken before load read it (ivsite.load.unhashed)."""

    def digest(self) -> str:
        """A fingerprint of every source input, for caches and change detection:
        the bytes of site.toml, the notes, the question bank and the assets, and the
        status of each file read but not hashed (R18-B01: its name alone let a person
        record pasted into it leave the last build standing)."""
        h = hashlib.sha256()
        h.update(self.config_bytes or b"")
        for note in self.notes:
            h.update(note.rel.encode() + b"\0" + note.digest.encode())
        if self.questions:
            h.update(self.questions.digest.encode())
        for ref in self.assets.values():
            h.update(ref.rel.encode() + ref.digest.encode())
        for rel in self.skipped:
            h.update(rel.encode() + b"\0" + self.unhashed.get(rel, "").encode() + b"\0")
        return h.hexdigest()


def load_site(root: Path, diags: Diagnostics, cache: LoadCache | None = None) -> LoadedSite:
    """Read site.toml and every note and file of the content (notes through
    ``cache`` if given)."""
    root = root.resolve()
    cfg_path = root / "site.toml"
    config_bytes = cfg_path.read_bytes() if cfg_path.is_file() else None
    folders = read_folders(config_bytes)
    site = LoadedSite(root=root, config_bytes=config_bytes, store=AssetStore(root),
                      folders=folders)
    content = root / folders.base if folders.base else root
    if not content.is_dir():
        diags.error(
            "content", 0, 0, "no-content", "there is no content/ folder",
            "run `ivsite init` to start a site, run ivsite from the site's folder, or "
            "map your own folders in a [content] table in site.toml",
        )
        return site
    walk = _Walk(root, content, site, diags, cache, time.time_ns())
    walk.folder(content)
    walk.report_unmapped()
    site.notes = walk.linked.refuse(site.notes, diags)  # R16-09
    check_mapped(root, folders, diags)
    check_folder_settings(root, [*site.assets, *site.skipped], [n.rel for n in site.notes],
                          diags)
    outside = check_outside(root, folders, config_bytes, diags, walk.now_ns)
    site.skipped += outside
    site.unhashed.update(outside)
    site.notes.sort(key=lambda s: s.rel)
    if cache is not None:
        cache.keep_only({s.rel for s in site.notes})
    return site


class _Walk:
    """One walk of the content folder."""

    def __init__(self, root: Path, content: Path, site: LoadedSite, diags: Diagnostics,
                 cache: LoadCache | None, now_ns: int) -> None:
        self.root, self.content, self.site = root, content, site
        self.now_ns = now_ns
        """When the walk began: a file changed since shortly before is known by its bytes."""
        self.diags, self.cache = diags, cache
        self.folders = site.folders
        self.prefix = len(str(root)) + 1
        self.unmapped: list[str] = []  # a vault's Markdown outside every mapped folder
        self.linked = LinkedNotes()
        """Notes whose file has another path (a hard link)."""

    def report_unmapped(self) -> None:
        """One warning for a vault's other notes, not one per file."""
        if not self.unmapped:  # (their person records: ivsite.load.strays)
            return
        tops = sorted({rel.rsplit("/", 1)[0] + "/" if "/" in rel else "./"
                       for rel in self.unmapped})
        shown = ", ".join(tops[:5]) + (", ..." if len(tops) > 5 else "")
        self.diags.warning(
            "site.toml", 0, 0, "not-a-note",
            f"{len(self.unmapped)} Markdown file(s) outside the folders [content] maps "
            f"({shown}) are neither notes nor files: never published, never linked to",
            "map their folder to a kind in [content] to make them notes",
        )

    def folder(self, folder: Path) -> None:
        root, diags = self.root, self.diags
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            diags.error(_rel(root, folder), 0, 0, "unreadable",
                        f"cannot read folder: {exc.strerror}")
            return
        where = f"{self.folders.base or 'the site folder'}"
        for entry in entries:
            rel = entry.path[self.prefix:].replace(os.sep, "/")
            if is_editor_noise(entry.name):
                self.hidden(entry, rel)
                continue
            if "/" not in rel and rel in self.folders.never:
                continue  # the output folder, themes/, site.toml: never content
            if not _utf8(entry.name):
                # Not skipped: the file could be a note, even a person's "no".
                diags.error(
                    _shown(rel), 0, 0, "file-name",
                    "this name is not UTF-8 text (an old archive's or a network share's "
                    "encoding?), so it can be neither a page's address nor read as a note",
                    "rename it in UTF-8, e.g. with `convmv -f latin1 -t utf-8 -r --notest`",
                )
                continue
            if entry.is_symlink():
                try:
                    target = Path(entry.path).resolve(strict=False)
                except (OSError, RuntimeError):  # a loop of links
                    diags.error(rel, 0, 0, "link-loop",
                                "this link leads back to itself (a loop of links), so it "
                                "points to nothing that could be read",
                                "remove the link, or point it at the file it stands for")
                    continue
                if not target.is_relative_to(self.content.resolve()):
                    diags.error(
                        rel, 0, 0, "outside-site",
                        f"this link points outside {where} (to {target}); it is never "
                        "read or copied",
                        f"copy the file into {where} instead of linking to it",
                    )
                    continue
                if entry.name.lower().endswith(NOTE_SUFFIXES) or \
                        target.suffix.lower() in NOTE_SUFFIXES:
                    # One file in two places could be two notes with two visibilities
                    # (a page's default is public, a reflection's private), or a note
                    # copied whole as an asset.
                    diags.error(
                        rel, 0, 0, "note-link",
                        "this is a link to a note, so one text would be read twice (as two "
                        "notes, or a note and a file)",
                        "remove the link, or copy the file if you mean two notes",
                    )
                    continue
            if entry.is_dir():
                if entry.is_symlink():
                    diags.warning(
                        rel, 0, 0, "symlinked-folder", "a linked folder is not followed",
                        f"move the folder into {where} instead of linking to it",
                    )
                    continue
                self.folder(Path(entry.path))
                continue
            if not entry.is_file():
                continue
            self.file(entry, rel)

    def hidden(self, entry: os.DirEntry[str], rel: str) -> None:
        """A hidden or backup file: never content, but a person record or a folder's
        marker there is refused (R16-04, R16-07). Hidden folders are not read."""
        if entry.name in SKIPPED_NAMES or not _utf8(entry.name) or \
                not entry.is_file(follow_symlinks=False):
            return
        self.site.skipped.append(rel)
        self.site.unhashed[rel] = file_key(Path(entry.path), self.now_ns)  # before reading
        check_stray(Path(entry.path), rel, why_not_read(rel, self.folders.vault), self.diags)

    def file(self, entry: os.DirEntry[str], rel: str) -> None:
        site = self.site
        try:
            st = entry.stat()
            # Its status before it is read, if it is read for a person record alone.
            key = file_key(Path(entry.path), self.now_ns) if _unmapped(rel, self.folders) \
                else ""
            got = _read_file(self.root, rel, st, self.cache, self.diags, self.folders)
        except OSError as exc:
            self.diags.error(rel, 0, 0, "unreadable", f"cannot read file: {exc.strerror}")
            return
        if got is None:
            self.unmapped.append(rel)
            self.site.skipped.append(rel)
            self.site.unhashed[rel] = key
        elif isinstance(got, AssetRef):
            site.assets[rel] = got
        elif got.collection:
            site.notes.append(got)
            self.linked.add(rel, st)
        else:
            site.questions = got


def _read_file(root: Path, rel: str, st: os.stat_result, cache: LoadCache | None,
               diags: Diagnostics, folders: Folders) -> SourceFile | AssetRef | None:
    """One file of the content: a note (its collection set), the question bank (no
    collection), an asset (by reference), or None for a vault's unmapped note."""
    suffix = os.path.splitext(rel)[1].lower()
    path = root / rel
    collection = folders.kind(rel)
    is_note = bool(collection) and suffix in NOTE_SUFFIXES
    if is_note and cache is not None:
        return cache.read(str(path), rel, collection, st)
    if folders.questions(rel):
        data = path.read_bytes()
        return SourceFile(rel, "", data, hashlib.sha256(data).hexdigest())
    if is_note:
        data = path.read_bytes()
        return SourceFile(rel, collection, data, hashlib.sha256(data).hexdigest())
    if not (collection and unread_note(path, rel)):
        check_stray(path, rel, why_not_read(rel, folders.vault), diags)  # R16-04
    else:
        diags.error(
            rel, 0, 0, "unread-file",
            f"a note saved as '{os.path.basename(rel)}' in a folder of "
            f"{collection}: ivsite reads notes from .md and .markdown files alone, so "
            "this one's front matter (its visibility, its person and their consent) "
            "would never be read",
            "rename it with the .md extension (Windows may hide a second '.txt': show "
            "file name extensions), or move it out of the folder if it is not a note",
        )
    if _unmapped(rel, folders):
        # A vault's other notes (daily notes, drafts) may be anything: never
        # copied as files, whatever links to them.
        return None
    if suffix in NOTE_SUFFIXES:
        diags.warning(
            rel, 0, 0, "not-a-note",
            "a Markdown file outside interviews/, reflections/, roles/ and pages/ "
            "is treated as an asset, not a note",
            "move it into one of those folders to make it a page",
        )
    digest, says, active = file_digest(path, st)
    return AssetRef(rel, st.st_size, digest, folders.base, says, active)


def _unmapped(rel: str, folders: Folders) -> bool:
    """A vault's Markdown outside every folder ``[content]`` maps (nor the question
    bank): read for a person record alone, never a note or a file."""
    return folders.vault and os.path.splitext(rel)[1].lower() in NOTE_SUFFIXES and \
        not folders.kind(rel) and not folders.questions(rel)


def unread_note(path: Path, rel: str) -> bool:
    """A file in a kind's folder that ivsite does not read as a note but that is
    one (red team 13, R13-06): named like one (``.mdx``, ``.md.txt``:
    ivsite.markdown.notelike) or opening with front matter (iA Writer's ``.txt``).
    Skipped without a word, its person record would protect no one."""
    if is_note_like(rel):
        return True
    try:
        with path.open("rb") as fh:
            return opens_with_front(fh.read(64))
    except OSError:
        return False


def _utf8(name: str) -> bool:
    """Whether a name from the file system is UTF-8 text: Python keeps the bytes
    that are not as lone surrogates, which no later step can encode."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(rel: str) -> str:
    """A path that is not UTF-8, written with its odd bytes as ``\\xe9``."""
    return os.fsencode(rel).decode("utf-8", "backslashreplace")


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()
