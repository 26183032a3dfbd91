"""The preview's site: a private folder that the one build pipeline fills.

A preview must show what ``ivsite build`` would publish, so it has no build of
its own: each rebuild is a :func:`~ivsite.pipeline.run` of the one driver (the
same stages and the same audience filter) with this class as the writer, and for
a public or mentor view :func:`~ivsite.pipeline.audit_site` is the same output
check. The one
:class:`~ivsite.pipeline.Pipeline` lives as long as the preview, so its store
keeps every result whose inputs did not change and a save costs the work of what
it changed. The folder is a temporary one, removed on exit; the site's output
folder is never touched. The writer's :func:`~ivsite.write.stage.sync_folder` writes
only the files whose bytes changed and deletes the ones no longer built.

A build with errors changes nothing that is served: the last good site stays,
and every page shows the diagnostics in an overlay until the problem is fixed.
Threads, the watcher and HTTP are the server's business
(:mod:`ivsite.preview.server`); this class is called by one builder thread, one
auditor thread and the request handlers, and ``lock`` keeps them apart.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..audience.viewnote import Audience
from ..audit.search import Hit
from ..audit.stage import AuditInterrupted
from ..core.diagnostics import Diagnostic, Diagnostics
from ..emit import EmitError
from ..emit.theme import ThemeError
from ..load.stage import LoadedSite
from ..pipeline import (
    EXIT_CONTENT,
    EXIT_OK,
    Pipeline,
    Prepared,
    Request,
    Result,
    Site,
    audit_site,
    made_wrong,
    run,
)
from ..write.stage import Layer, sync_folder
from . import indexer, reload
from .security import resolve_request_path

__all__ = ["Preview", "Rebuild"]


@dataclass
class Rebuild:
    """What one rebuild did, for the console and for tests."""

    ok: bool
    seconds: float
    changed: list[str] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    save_to_reload: float | None = None


class Preview:
    """The preview folder and the pipeline that fills it; one rebuild at a time."""

    def __init__(self, root: Path, audience: Audience, hub: reload.ReloadHub,
                 guarded: bool = False) -> None:
        self.root = root.resolve()
        self.guarded = guarded
        """Whether other machines can connect: then only a site that built and
        passed its output check is served (:meth:`servable`)."""
        self.audience = audience
        self.hub = hub
        # A parse cache that `ivsite build` left speeds the first build up; it is
        # only read, and dropped once that build is made (see rebuild).
        # What the last `ivsite build` kept of each note (its checks, who is one
        # person), read and never written: the first build checks only the notes
        # saved since (at 1,000 notes, most of a cold start).
        self.pipe = Pipeline(self.root, persist_cache=False, read_cache=True, pages="public",
                             lives=True)
        self.folder = Path(tempfile.mkdtemp(prefix="ivsite-preview-"))
        self.lock = threading.Lock()
        """Held while the folder changes and while a request reads a file."""
        self.manifest: dict[str, bytes] = {}
        self._asset_digests: dict[str, str] = {}
        """Hash of each published file from content/ as last copied (see sync_folder)."""
        self.built = False
        """Whether a build has ever succeeded (there is a site to serve)."""
        self.errors: list[Diagnostic] = []
        self.title = ""
        self._changed: list[str] = []
        self.generation = 0
        """Counts the changes to the served folder (made under ``lock``)."""
        self.audit_errors: list[Diagnostic] = []
        self._audit_job: tuple[int, Callable[[], list[Hit]]] | None = None
        self._audited = -1
        self._passed = -1
        """The last generation of the folder the output check found nothing in."""
        self.builds_waiting: Callable[[], bool] = lambda: False
        """Whether a save waits to be built or is being built (set by the server):
        an audit under way then stops and lets it go first."""

    # ---- one rebuild ---------------------------------------------------------------

    def rebuild(self, changed_sources: Iterable[str] | None = None) -> Rebuild:
        started = time.perf_counter()
        request = Request(self.audience, lock=self.audience == "public",
                          changed=frozenset(changed_sources)
                          if changed_sources is not None else None,
                          before="`ivsite serve`")
        self._changed = []
        try:
            result = run(self.pipe, request, self)
        except Exception as exc:  # a bug must not stop the preview
            traceback.print_exc(file=sys.stderr)
            result = Result(EXIT_CONTENT, Diagnostics())
            result.diagnostics.error(
                "(ivsite)", 0, 0, "internal", f"internal error: {exc!r}",
                "this is a bug in ivsite; the preview keeps the last good build")
        # Every note is parsed and kept in memory now: what a build left on disk
        # has served (the first build) and need not be held twice.
        self.pipe.cache.drop_disk()
        found = result.diagnostics.sorted()
        warnings = [d for d in found if d.severity == "warning"]
        errors = [d for d in found if d.severity == "error"]
        if result.status != EXIT_OK or errors:
            if not errors:
                errors = [Diagnostic("(ivsite)", 0, 0, "error", "build",
                                     "the site could not be built")]
            self.errors = errors
            return Rebuild(False, time.perf_counter() - started, errors=errors,
                           warnings=warnings)
        return Rebuild(True, time.perf_counter() - started, self._changed, [], warnings)

    # ---- the writer of the one driver (see ivsite.pipeline.driver.Writer) ------------

    def before(self, pipe: Pipeline, loaded: LoadedSite, request: Request,
               diags: Diagnostics, found: Diagnostics) -> Result | None:
        return None

    def ready(self, prep: Prepared, request: Request, diags: Diagnostics) -> bool:
        self.title = prep.config.title
        return True

    def write(self, pipe: Pipeline, site: Site, request: Request,
              diags: Diagnostics) -> Result:
        """Every page made before the folder is locked, then the folder synced with
        them, the reload sent and the audit of the new folder queued."""
        try:
            layers = [Layer(la.prefix, dataclasses.replace(la.plan, files=la.plan.files.made()))
                      for la in site.layers]
        except (ThemeError, EmitError) as exc:
            made_wrong(site.prep, exc, diags)
            return Result(EXIT_CONTENT, diags)
        site.layers = layers
        if diags.has_errors():
            return Result(EXIT_CONTENT, diags)
        store = site.prep.loaded.store
        with self.lock:
            self.manifest, changed = sync_folder(self.folder, layers, store, self.manifest,
                                                 self._asset_digests)
            self._prune_empty_dirs(changed)
            if changed or not self.built:
                self.generation += 1
        had_errors = bool(self.errors)
        self.errors = []
        self.built = True
        if self.audience != "private" and (
                changed or had_errors or self._audited != self.generation):

            generation = self.generation

            def audit() -> list[Hit]:
                self._index(layers, generation)
                return audit_site(self.pipe, site, self.folder, stop=self.builds_waiting)

            with self.lock:
                self._audit_job = (self.generation, audit)
        if changed or had_errors:
            self.hub.changed(changed)
            self.audit_errors = []
        self._changed = changed
        return Result(EXIT_OK, diags, self.folder, len(self.manifest), site=site)

    def show_errors(self) -> None:
        """Put the current errors in the overlay on every page."""
        if self.errors:
            self.hub.show(reload.overlay_html(self.errors, first_build=not self.built))

    def run_audit(self) -> list[Diagnostic] | None:
        """Check the served folder as ``ivsite build`` checks its output.

        The audit reads every file, which takes seconds on a large site, so it
        runs after the reload message (on the auditor thread), and its result is
        dropped when another rebuild changed the folder meanwhile. A hit puts the
        overlay on every page: ``ivsite build`` would refuse to write this site.
        Returns the audit's errors, or None when there was nothing (current) to do.
        """
        with self.lock:
            job, self._audit_job = self._audit_job, None
        if job is None:
            return None
        generation, audit = job
        try:
            hits = audit()
        except AuditInterrupted:  # a save is waiting: it goes first
            with self.lock:
                if self._audit_job is None and generation == self.generation:
                    self._audit_job = job  # the same folder still: check it later
            return None
        with self.lock:
            if generation != self.generation:
                return None  # the folder changed under the audit: a newer job follows
            self._audited = generation
            if not hits:
                self._passed = generation
            cleared = self.guarded and not hits and not self.errors
        if cleared:  # pages held back until this check may be shown now
            self.hub.changed(["*"])
        errors = [Diagnostic(h.secret.source, h.secret.line, 1, "error", "audit",
                             f"{h.secret.kind} would be published in {h.output}",
                             "`ivsite build` would refuse to write this site; take it "
                             "out of the visible text or file, or report a bug if "
                             "ivsite's own pages put it there")
                  for h in hits]
        if self.errors:
            return errors  # a failed build's overlay takes precedence
        if errors or self.audit_errors:
            self.hub.show(reload.overlay_html(errors))
        self.audit_errors = errors
        return errors

    def _index(self, layers: list[Layer], generation: int) -> None:
        """Pagefind's index of the pages synced (see ivsite.preview.indexer), put
        in place unless a newer save changed the folder meanwhile: then the audit of
        this folder is moot (AuditInterrupted), and the newer save's job indexes it.
        An indexer that fails leaves the search box as a plain form; the preview
        goes on, and ``ivsite build`` reports the failure."""
        if self.builds_waiting():
            raise AuditInterrupted
        try:
            bundles = indexer.make(self.folder, layers)
        except (OSError, subprocess.SubprocessError) as exc:
            print(f"ivsite serve: the search index was not made: {exc}", file=sys.stderr)
            return
        with self.lock:
            if generation == self.generation:
                indexer.swap_in(self.folder, bundles)
                return
        indexer.discard(bundles)
        raise AuditInterrupted

    def _prune_empty_dirs(self, changed: list[str]) -> None:
        """A deleted page leaves its folder behind; remove it so it is a clean 404."""
        for rel in changed:
            if rel in self.manifest:
                continue
            parent = (self.folder / rel).parent
            while parent != self.folder and parent.is_relative_to(self.folder):
                try:
                    parent.rmdir()
                except OSError:
                    break
                parent = parent.parent

    # ---- reading for requests ------------------------------------------------------

    def servable(self) -> bool:
        """Whether the folder may be served: always on loopback (the overlay tells
        the author what is wrong); elsewhere only a site whose last build succeeded
        and whose current folder the output check (public and mentor) passed."""
        if not self.guarded:
            return True
        with self.lock:
            checked = self.audience == "private" or self._passed == self.generation
            return self.built and not self.errors and checked

    def read(self, raw_path: str) -> tuple[str, bytes | None, str]:
        """(kind, bytes, file name) for a request path; kind as resolve_request_path."""
        with self.lock:
            kind, path = resolve_request_path(self.folder, raw_path)
            if kind != "file" or path is None:
                return kind, None, ""
            try:
                return "file", path.read_bytes(), path.name
            except OSError:
                return "missing", None, ""

    def not_found_page(self) -> bytes | None:
        with self.lock:
            data = self.manifest.get("404.html")
        return data

    def close(self) -> None:
        with self.lock:
            shutil.rmtree(self.folder, ignore_errors=True)
