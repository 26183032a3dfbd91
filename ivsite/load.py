"""Stage 1 — load: the only code that reads a site's source folder.

It walks ``content/``, reads every note's bytes, records every other file as an
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

from .diagnostics import Diagnostics

COLLECTIONS = ("interviews", "reflections", "roles", "pages")
NOTE_SUFFIXES = (".md", ".markdown")
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
    """A non-note file under content/: published only if a visible note links to it."""

    rel: str
    size: int
    digest: str


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


_digest_cache: dict[tuple[str, int, int], str] = {}


def _file_digest(path: Path, st: os.stat_result) -> str:
    key = (str(path), st.st_size, st.st_mtime_ns)
    cached = _digest_cache.get(key)
    if cached is None:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        cached = h.hexdigest()
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
    """Read site.toml and everything under content/ (notes through ``cache`` if given)."""
    root = root.resolve()
    cfg_path = root / "site.toml"
    config_bytes = cfg_path.read_bytes() if cfg_path.is_file() else None
    site = LoadedSite(root=root, config_bytes=config_bytes, store=AssetStore(root))
    content = root / "content"
    if not content.is_dir():
        diags.error(
            "content", 0, 0, "no-content", "there is no content/ folder",
            "run `ivsite init` to start a site, or run ivsite from the site's folder",
        )
        return site
    _walk(root, content, content, site, diags, cache)
    site.notes.sort(key=lambda s: s.rel)
    if cache is not None:
        cache.keep_only({s.rel for s in site.notes})
    return site


def _walk(root: Path, content: Path, folder: Path, site: LoadedSite, diags: Diagnostics,
          cache: LoadCache | None) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        diags.error(_rel(root, folder), 0, 0, "unreadable", f"cannot read folder: {exc.strerror}")
        return
    prefix = len(str(root)) + 1
    for entry in entries:
        if is_editor_noise(entry.name):
            continue
        rel = entry.path[prefix:].replace(os.sep, "/")
        if entry.is_symlink():
            target = Path(entry.path).resolve()
            if not target.is_relative_to(content.resolve()):
                diags.error(
                    rel, 0, 0, "outside-site",
                    f"this link points outside content/ (to {target}); it is never read or copied",
                    "copy the file into content/ instead of linking to it",
                )
                continue
            if entry.name.lower().endswith((".md", ".markdown")) or \
                    target.suffix.lower() in (".md", ".markdown"):
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
                    "move the folder into content/ instead of linking to it",
                )
                continue
            _walk(root, content, Path(entry.path), site, diags, cache)
            continue
        if not entry.is_file():
            continue
        try:
            got = _read_file(root, rel, entry.stat(), cache, diags)
        except OSError as exc:
            diags.error(rel, 0, 0, "unreadable", f"cannot read file: {exc.strerror}")
            continue
        if isinstance(got, AssetRef):
            site.assets[rel] = got
        elif got.collection:
            site.notes.append(got)
        else:
            site.questions = got


def _read_file(root: Path, rel: str, st: os.stat_result, cache: LoadCache | None,
               diags: Diagnostics) -> SourceFile | AssetRef:
    """One file under content/: a note (its collection set), the question bank (no
    collection) or an asset (by reference)."""
    parts = rel.split("/")[1:]  # under content/
    collection = parts[0] if len(parts) > 1 else ""
    suffix = os.path.splitext(parts[-1])[1].lower()
    path = root / rel
    is_note = collection in COLLECTIONS and suffix in NOTE_SUFFIXES
    if is_note and cache is not None:
        return cache.read(str(path), rel, collection, st)
    if rel == "content/questions.yaml" or rel == "content/questions.yml":
        data = path.read_bytes()
        return SourceFile(rel, "", data, hashlib.sha256(data).hexdigest())
    if is_note:
        data = path.read_bytes()
        return SourceFile(rel, collection, data, hashlib.sha256(data).hexdigest())
    if suffix in NOTE_SUFFIXES:
        diags.warning(
            rel, 0, 0, "not-a-note",
            "a Markdown file outside interviews/, reflections/, roles/ and pages/ "
            "is treated as an asset, not a note",
            "move it into one of those folders to make it a page",
        )
    return AssetRef(rel, st.st_size, _file_digest(path, st))


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()
