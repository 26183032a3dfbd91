"""Stage 1 — load: the only code that reads a site's source folder.

It walks the content (``content/``, or the folders site.toml's ``[content]``
table maps, see ivsite.folders), reads every note's bytes, records every other file as an
asset (by reference: path, size and hash, bytes read again only when a published
page needs them), and refuses anything that reaches outside the site through a
symbolic link. Keeping all source reads here means the rest of the pipeline can
only see what this stage hands on. The live preview, told by its watcher which
paths changed, has it look at those alone (:class:`LoadCache`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import nearcopy
from .diagnostics import Diagnostics
from .filefront import private_front
from .folders import NOTE_SUFFIXES, Folders, default_folders, read_folders

SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class SourceFile:
    """A note's raw bytes and where they came from."""

    rel: str
    """Site-relative POSIX path, e.g. ``content/interviews/2026-03-04-acme.md``."""
    collection: str
    data: bytes
    digest: str


@dataclass(frozen=True)
class AssetRef:
    """A non-note file in the content: published only if a visible note links to it."""

    rel: str
    size: int
    digest: str
    base: str = "content/"
    """The content base its published path is taken relative to (see ivsite.folders)."""
    says_private: str = ""
    """The line of its front matter that says it is private, if it opens with a
    note's front matter (see ivsite.filefront)."""
    active: tuple[str, str] | None = None
    """(code, why) when it runs code or loads from another host (ivsite.activefiles):
    never published."""
    samples: tuple[bytes, ...] = ()
    """Windows of its bytes, by which the audit knows a near copy of it if it is a
    recording (ivsite.nearcopy)."""

    @property
    def out(self) -> str:
        """Where the file is published, relative to the output folder."""
        return self.rel[len(self.base):]


def is_editor_noise(name: str) -> bool:
    """Swap, backup and hidden files that editors leave beside notes."""
    return (
        name.startswith(".")
        or name.endswith(("~", ".swp", ".swx", ".tmp", ".bak"))
        or name.startswith(("#", ".#"))
        or name in SKIPPED_NAMES
    )


class AssetStore:
    """Reads asset bytes on request; the writer copies assets through it."""

    def __init__(self, root: Path) -> None:
        self._root = root

    def read(self, ref: AssetRef) -> bytes:
        data = (self._root / ref.rel).read_bytes()
        return data


@dataclass
class LoadedSite:
    root: Path
    config_bytes: bytes | None
    notes: list[SourceFile] = field(default_factory=list)
    questions: SourceFile | None = None
    assets: dict[str, AssetRef] = field(default_factory=dict)
    store: AssetStore | None = None
    folders: Folders = field(default_factory=default_folders)

    def digest(self) -> str:
        """A fingerprint of every source input, for caches and change detection."""
        h = hashlib.sha256()
        h.update(self.config_bytes or b"")
        for note in self.notes:
            h.update(note.rel.encode() + b"\0" + note.digest.encode())
        if self.questions:
            h.update(self.questions.digest.encode())
        for ref in self.assets.values():
            h.update(ref.rel.encode() + ref.digest.encode())
        return h.hexdigest()


_Read = tuple[str, str, tuple[str, str] | None, tuple[bytes, ...]]
_digest_cache: dict[tuple[str, int, int], _Read] = {}


def _file_digest(path: Path, st: os.stat_result) -> _Read:
    """A file's hash, what its front matter says private, what it runs or loads
    (ivsite.activefiles; the whole file is kept for that where its kind needs it),
    all read as it is hashed, and the windows of it a near copy holds
    (ivsite.nearcopy)."""
    key = (str(path), st.st_size, st.st_mtime_ns)
    cached = _digest_cache.get(key)
    if cached is None:
        from .activefiles import READ_SUFFIXES, active  # (it imports the notes' module)

        suffix = path.suffix.casefold()
        whole = suffix in READ_SUFFIXES
        with path.open("rb") as fh:
            first = fh.read(1 << 20)
            h = hashlib.sha256(first)
            chunks = [first]
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
                if whole:
                    chunks.append(chunk)
            windows = []
            for at in nearcopy.offsets(st.st_size):
                fh.seek(at)
                windows.append(fh.read(nearcopy.WIDTH))
        cached = (h.hexdigest(), private_front(first), active(suffix, b"".join(chunks)),
                  nearcopy.kept(windows))
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
    walk = _Walk(root, content, site, diags, cache)
    walk.folder(content)
    walk.report_unmapped()
    site.notes.sort(key=lambda s: s.rel)
    if cache is not None:
        cache.keep_only({s.rel for s in site.notes})
    return site


class _Walk:
    """One walk of the content folder."""

    def __init__(self, root: Path, content: Path, site: LoadedSite, diags: Diagnostics,
                 cache: LoadCache | None) -> None:
        self.root, self.content, self.site = root, content, site
        self.diags, self.cache = diags, cache
        self.folders = site.folders
        self.prefix = len(str(root)) + 1
        self.unmapped: list[str] = []
        """Markdown files in a vault outside every mapped folder."""

    def report_unmapped(self) -> None:
        """One warning for a vault's other notes, not one per file."""
        if not self.unmapped:
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
            if is_editor_noise(entry.name):
                continue
            rel = entry.path[self.prefix:].replace(os.sep, "/")
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

    def file(self, entry: os.DirEntry[str], rel: str) -> None:
        site = self.site
        try:
            got = _read_file(self.root, rel, entry.stat(), self.cache, self.diags,
                             self.folders)
        except OSError as exc:
            self.diags.error(rel, 0, 0, "unreadable", f"cannot read file: {exc.strerror}")
            return
        if got is None:
            self.unmapped.append(rel)
        elif isinstance(got, AssetRef):
            site.assets[rel] = got
        elif got.collection:
            site.notes.append(got)
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
    if suffix in NOTE_SUFFIXES:
        if folders.vault:
            # A vault's other notes (daily notes, drafts) may be anything: never
            # copied as files, whatever links to them.
            return None
        diags.warning(
            rel, 0, 0, "not-a-note",
            "a Markdown file outside interviews/, reflections/, roles/ and pages/ "
            "is treated as an asset, not a note",
            "move it into one of those folders to make it a page",
        )
    digest, says, active, samples = _file_digest(path, st)
    return AssetRef(rel, st.st_size, digest, folders.base, says, active, samples)


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
