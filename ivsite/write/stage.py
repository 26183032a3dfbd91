"""Stage 7 — write: the only code that writes a site's output folder.

A build is written to a fresh temporary folder beside the output, which only
its user can read (see ivsite.write.staging), indexed for search and audited (the pages
while the indexer runs, see :class:`Staged`), and only then swapped in whole and
made readable: the output holds exactly one build, nothing stale, and a failed
build leaves the last good site untouched.
The live preview uses :func:`sync_folder`, which updates its own temporary
folder in place and touches only files whose bytes changed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..core.cores import apart
from ..core.diagnostics import Diagnostics
from ..core.progress import QUIET, Progress
from ..core.sourcefiles import AssetRef
from ..emit.output import Files, OutputPlan
from ..load.stage import AssetStore
from . import staging

MARKER = ".ivsite-output"
MARKER_TEXT = b"This folder is written by ivsite build; it is replaced on every build.\n"


@dataclass
class Layer:
    """One audience's files, under a sub-folder of the output (``""`` for the root)."""

    prefix: str
    plan: OutputPlan


@dataclass
class WrittenFolder:
    path: Path
    files: list[str] = field(default_factory=list)


def check_output_dir(site_root: Path, out: Path, diags: Diagnostics,
                     content_dirs: tuple[str, ...] = ("content",)) -> bool:
    """Refuse an output folder that would overwrite sources or someone's files
    (``content_dirs``: the folders that hold notes, see ivsite.core.folders)."""
    root = site_root.resolve()
    target = out.resolve()
    inside = next((d for d in content_dirs if target.is_relative_to(root / d)), None)
    bad = ""
    if target == root:
        bad = "is the site's own folder"
    elif inside is not None:
        bad = f"is inside {inside}/"
    elif root.is_relative_to(target):
        bad = "contains the site's folder"
    elif target == root / ".ivsite" or target.is_relative_to(root / ".ivsite"):
        bad = "is ivsite's local state folder"
    elif target.is_relative_to(root / "themes"):
        bad = "is inside themes/"
    elif target.exists() and not target.is_dir():
        bad = "is a file"
    elif target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        bad = "is not empty and was not made by ivsite"
    if bad:
        diags.error("site.toml", 0, 0, "output-dir", f"the output folder {out} {bad}",
                    "choose another output_dir in site.toml or --out")
        return False
    return True


@dataclass
class Staged:
    """A build written, its search indexes being made.

    Each layer is written to a folder of its own and indexed for search there, the
    indexers running side by side; only then (:meth:`finish`) are the sub-layers
    moved into place. So the root's search index can never see the mentor copy's
    pages. Meanwhile every file written so far is in ``layers`` (the audit reads
    them while the indexers run). Every folder is 0700 and held (see
    ivsite.write.staging) until :meth:`swap_in` or :meth:`discard`."""

    path: Path
    layers: list[tuple[Layer, Path]]
    """Each layer and the folder it is in until :meth:`finish`."""
    indexers: list[tuple[Path, subprocess.Popen[bytes]]] = field(default_factory=list)
    held: list[staging.Held] = field(default_factory=list)

    @classmethod
    def write(cls, layers: list[Layer], out: Path, store: AssetStore,
              progress: Progress = QUIET, keys: KeyLog | None = None) -> Staged:
        """Write every layer; pages are made as they are written, in forked
        processes, one per core, where a pool pays (see ivsite.core.cores). ``keys``: the
        store the pages are made through, told which keys the processes used."""
        out.parent.mkdir(parents=True, exist_ok=True)
        staging.remove_leftovers(out)  # of a build killed before it could
        top = staging.make(out, staging.STAGE)
        staged = cls(top.path, [], held=[top])
        try:
            (staged.path / MARKER).write_bytes(MARKER_TEXT)
            progress.stage("Writing pages", sum(len(layer.plan.files) for layer in layers))
            for layer in layers:
                base = staged._layer_folder(out) if layer.prefix else staged.path
                staged.layers.append((layer, base))
                _write_pages(layer.plan.files, base, progress, keys)
                for rel, ref in sorted(layer.plan.assets.items()):
                    _write(base / rel, store.read(ref))
            staged.indexers = start_pagefind(
                [base for layer, base in staged.layers if layer.plan.search_index])
        except BaseException:
            staged.discard()
            raise
        return staged

    def _layer_folder(self, out: Path) -> Path:
        self.held.append(staging.make(out, staging.LAYER))
        return self.held[-1].path

    def finish(self) -> WrittenFolder:
        """Wait for the indexers, then move the sub-layers into place: readable by
        all from now on (the output will be), but inside the build's own folder,
        which stays 0700 until :meth:`swap_in`."""
        wait_pagefind(self.indexers)
        self.indexers = []
        written = WrittenFolder(self.path)
        for layer, base in self.layers:
            written.files += [layer.prefix + rel for rel in
                              (*sorted(layer.plan.files), *sorted(layer.plan.assets))]
            if layer.prefix:
                target = self.path / layer.prefix
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(base, target)
                staging.publish(target)
        return written

    def swap_in(self, out: Path) -> None:
        """The audit found nothing: the build becomes the output (see :func:`swap_in`)."""
        swap_in(self.path, out)
        self._release()

    def discard(self) -> None:
        for _, proc in self.indexers:
            proc.kill()
            proc.communicate()
        self.indexers = []
        for held in self.held:  # the build's folder, then each layer's not moved in
            discard(held.path)
        self._release()

    def _release(self) -> None:
        for held in self.held:
            held.release()


class KeyLog(Protocol):
    """A store that pages are made through, whose record of the keys it was asked
    for (which its clean-up keeps) must hear of the keys a forked process used."""

    def take_used(self) -> object: ...

    def add_used(self, used: object) -> None: ...


def _write_pages(files: Files, base: Path, progress: Progress, keys: KeyLog | None) -> None:
    rels = sorted(files)
    write = functools.partial(_write_page, files, base, keys)
    for rel, used in zip(rels, apart(write, rels), strict=True):
        if used is None:  # its process failed: make the page here, errors and all
            _write(base / rel, files[rel])
        elif keys is not None:
            keys.add_used(used)
        progress.advance()


def _write_page(files: Files, base: Path, keys: KeyLog | None, rel: str) -> object:
    """A page made now and written: the keys its making asked ``keys`` for (which
    the parent's store must hear of when this is a forked process)."""
    if keys is None:
        _write(base / rel, files[rel])
        return ()
    earlier = keys.take_used()
    _write(base / rel, files[rel])  # made now, one at a time
    made = keys.take_used()
    keys.add_used(earlier)
    return made


def start_pagefind(folders: list[Path]) -> list[tuple[Path, subprocess.Popen[bytes]]]:
    """Start indexing the HTML just written in each folder (the bundle lands in
    ``<folder>/pagefind``), all folders at once."""
    if not folders:
        return []
    from pagefind_bin import get_executable  # type: ignore[import-untyped]

    exe = str(get_executable())
    # Nothing reads an indexer's output until it is done: stdout (unused) goes
    # nowhere, so that it cannot fill a pipe and stall it meanwhile.
    return [(f, subprocess.Popen([exe, "--site", str(f), "--silent"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
            for f in folders]


def wait_pagefind(procs: list[tuple[Path, subprocess.Popen[bytes]]]) -> None:
    """Wait for the indexers: one that fails, or takes ten minutes, fails the build."""
    failed = []
    for f, proc in procs:
        try:
            _, err = proc.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            failed.append(f"{f.name}: timed out")
            continue
        if proc.returncode != 0:
            failed.append(f"{f.name}: {err.decode('utf-8', 'replace').strip()[-500:]}")
    if failed:
        raise subprocess.SubprocessError("the search indexer failed: " + "; ".join(failed))


def swap_in(tmp: Path, out: Path) -> None:
    """Replace ``out`` with ``tmp`` (audited) in as few steps as the file system
    allows, made readable by all first, so the output is never unreadable."""
    staging.publish(tmp)
    old: Path | None = None
    if out.exists():
        old = staging.old_name(out)
        os.replace(out, old)
        # It may hold pages since made private, beside an output that is often
        # served: unreadable to others at once, removed in the background.
        old.chmod(0o700)
    os.replace(tmp, out)
    if old is not None:
        staging.remove_later(old)


def discard(tmp: Path) -> None:
    shutil.rmtree(tmp, ignore_errors=True)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def sync_folder(folder: Path, layers: list[Layer], store: AssetStore,
                previous: dict[str, bytes],
                asset_digests: dict[str, str] | None = None,
                ) -> tuple[dict[str, bytes], list[str]]:
    """Bring a preview folder to exactly these files; returns the new manifest and
    the paths that changed. Only changed files are written; stale ones are removed.

    ``asset_digests`` (kept by the caller between calls, updated here) lets a file
    from content/ whose hash is unchanged keep its bytes from last time instead of
    being read again: a site with many images is not read whole on every save."""
    digests = asset_digests if asset_digests is not None else {}
    manifest: dict[str, bytes] = {}
    assets: dict[str, AssetRef] = {}
    for layer in layers:
        for rel, data in layer.plan.files.items():
            manifest[layer.prefix + rel] = data
        for rel, ref in layer.plan.assets.items():
            assets[layer.prefix + rel] = ref
    changed: list[str] = []
    for rel, data in manifest.items():
        if previous.get(rel) != data:
            _write(folder / rel, data)
            changed.append(rel)
    for rel, ref in assets.items():
        kept = previous.get(rel)
        data = kept if kept is not None and digests.get(rel) == ref.digest else store.read(ref)
        digests[rel] = ref.digest
        manifest[rel] = data
        if previous.get(rel) != data:
            _write(folder / rel, data)
            changed.append(rel)
    for rel in list(digests):
        if rel not in assets:
            del digests[rel]
    for rel in previous:
        if rel not in manifest:
            with contextlib.suppress(FileNotFoundError):
                (folder / rel).unlink()
            parent = (folder / rel).parent
            while parent != folder and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
            changed.append(rel)
    return manifest, changed
