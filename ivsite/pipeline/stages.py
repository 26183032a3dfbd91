"""The stages with the store their work is kept in: what every command runs, in
order — load, parse, validate, then per audience the filter and the site graph,
then emit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..audience.stage import build_view
from ..audience.viewnote import SEES, Audience
from ..audience.viewpack import dump_filtered, load_filtered
from ..audit.cache import FILE as AUDIT_CLEAN_FILE
from ..audit.cache import CleanFiles
from ..audit.foldersaid import said_private
from ..audit.sheethiding import sheets_hiding
from ..core.diagnostics import Diagnostics, did_you_mean
from ..core.progress import QUIET, Progress
from ..emit import emit
from ..emit.output import OutputPlan
from ..emit.theme import Theme, ThemeError
from ..graph.stage import SiteGraph, build_graph
from ..incremental.store import FLAG, PLAIN, Codec, Store
from ..load.cache import LoadCache
from ..load.stage import LoadedSite, load_site
from ..markdown.notes import ValidSite
from ..mentor import share
from ..parse.cache import ParseCache
from ..validate.config import SiteConfig, load_config
from ..validate.note import dump_checks, load_checks
from ..validate.stage import validate
from .linksecrets import refuse_link_secrets
from .secrecy import Encryption, encryption


@dataclass
class Prepared:
    """A site after load, parse and validate: everything every audience starts from."""

    root: Path
    config: SiteConfig
    loaded: LoadedSite
    valid: ValidSite


class Pipeline:
    """One site and the store its builds keep their work in.

    Every stage is a pure function; the per-note work of validate, the audience
    filter, the graph and emit is handed to ``self.store`` under keys that name
    all it reads (see ivsite.incremental), so a build after a change does the
    work of what changed. ``ivsite build`` keeps rendered pages on disk in
    ``.ivsite/cache/`` (a new process finds them); the live preview keeps one
    Pipeline for its life, in memory."""

    def __init__(self, root: Path, *, persist_cache: bool = True, read_cache: bool = False,
                 progress: Progress = QUIET, pages: str = "", lives: bool = False) -> None:
        """``persist_cache``: read and write .ivsite/cache/ (parsed notes, and the
        pages of the ``pages`` kind of build, e.g. "public"); ``read_cache``: only
        read what a build left there (``check``, and the live preview's first
        build, which finds every note's checks kept). ``lives``: this pipeline
        builds many times (the preview), and keeps in memory what it read or made."""
        self.root = root.resolve()
        self.progress = progress
        """Told each stage and step (a terminal line for ``ivsite build``)."""
        cache_dir = self.root / share.STATE_DIR / "cache"
        self.cache = ParseCache(cache_dir if persist_cache or read_cache else None,
                                read_only=not persist_cache)
        self.persists = persist_cache
        self.store = Store(cache_dir / f"pages-{pages}"
                           if (persist_cache or read_cache) and pages else None,
                           read_only=not persist_cache, remember=lives)
        self._kept = self.store.keeping({"view": Codec(dump_filtered, load_filtered),
                                         "body checks": Codec(dump_checks, load_checks),
                                         "slug-names": FLAG, "people": PLAIN,
                                         "consented places": PLAIN})
        """The store, keeping each note's body checks and each note filtered on
        disk too: the next ``ivsite build`` checks and filters only the notes
        whose inputs changed."""
        self.files = LoadCache()
        self._filtered: set[Audience] = set()
        self._theme: Theme | None = None
        self._encryption: tuple[str, Encryption] | None = None
        self.audit_clean = CleanFiles(cache_dir / AUDIT_CLEAN_FILE
                                      if persist_cache or read_cache else None,
                                      read_only=not persist_cache)
        """Output files audited clean, which an audit need not read again."""

    def load(self, diags: Diagnostics, changed: set[str] | None = None) -> LoadedSite:
        """``changed``: paths the live preview's watcher saw change, read again
        whatever their file times say."""
        self.progress.stage("Reading content/")
        if changed:
            self.files.forget(changed)
        return load_site(self.root, diags, self.files)

    def prepare(self, diags: Diagnostics, changed: set[str] | None = None,
                loaded: LoadedSite | None = None) -> Prepared | None:
        """Load (unless given what was loaded), parse and validate."""
        if loaded is None:
            loaded = self.load(diags, changed)
        config = load_config(loaded.config_bytes, diags)
        if config is None:
            return None
        self.progress.stage("Reading notes", len(loaded.notes))
        parsed = self.cache.get_many(loaded.notes, self.progress.advance)
        self.progress.stage("Checking notes")
        self.cache.prune({(s.rel, s.digest) for s in loaded.notes})
        valid = validate(loaded, parsed, config, diags, self._kept,
                         sheet=self.theme_sheet(config.theme))
        refuse_link_secrets(self.root, config, loaded, diags)
        valid.said_private = said_private(loaded.store, [  # (sizes the loader knows)
            *((rel, ref.size) for rel, ref in loaded.assets.items()),
            *((r, None) for r in loaded.skipped if r.startswith(loaded.folders.base))])
        return Prepared(self.root, config, loaded, valid)

    def theme_sheet(self, name: str) -> dict[str, str]:
        """The classes and ids the theme's style sheets hide (ivsite.audit.sheethiding),
        which a note may not use; none when the theme cannot be read (the build
        stops at the theme then, see load_theme)."""
        try:
            theme = self.theme(self.root, name)
        except ThemeError:
            return {}
        return sheets_hiding(theme.static_files().items())

    def theme(self, root: Path, name: str) -> Theme:
        """The site's theme; the one read before when its files are the same, so
        that its compiled templates serve again. Raises ThemeError."""
        theme = Theme.load(root, name)
        kept = self._theme
        if kept is not None and (kept.stamp, kept.template_dirs, kept.static_dirs) == (
                theme.stamp, theme.template_dirs, theme.static_dirs):
            kept.forget_static()
            return kept
        self._theme = theme
        return theme

    def encryption(self, passphrase: str) -> Encryption:
        """The mentor view's encryption, derived once per passphrase and salt (the
        key derivation is slow on purpose)."""
        share.get_or_create_token(self.root)
        key = f"{passphrase}\0{share.read_salt(self.root)!r}"
        if self._encryption is None or self._encryption[0] != key:
            self._encryption = (key, encryption(self.root, passphrase))
        return self._encryption[1]

    def begin(self) -> None:
        self.store.begin_build()

    def finish(self, made: bool = True) -> None:
        """A build ended: when it ``made`` the site, forget the work it did not ask
        for (a build stopped by an error asked for little, and the next one will
        want the rest); keep what is left on disk for the next build (when this
        pipeline persists)."""
        if made:
            self.store.end_build()
        if self.persists:
            share.ensure_state_dir(self.root)
            self.cache.save()
        self.audit_clean.rotate()

    def graph(self, prep: Prepared, audience: Audience, diags: Diagnostics,
              url_key: bytes | None = None) -> SiteGraph:
        """The audience's view and site graph."""
        self.progress.stage(f"Filtering the {audience} view")
        if audience not in self._filtered:
            # The first filter of an audience parses most of its views: across the
            # machine's cores, first (later ones find them in the parse cache).
            self._filtered.add(audience)
            sees = SEES[audience]
            self.cache.prefetch_views(
                [n.cut for n in prep.valid.notes if n.visibility in sees], sees)
        view = build_view(prep.valid, prep.config, audience, diags, self._kept,
                          parse_view=self.cache.view,
                          today=dt.date.today() if audience == "private" else None)
        return build_graph(view, url_key, self.store.get)

    def plan(
        self, prep: Prepared, graph: SiteGraph, theme: Theme, *, share_prefix: str = "",
        encrypt: Callable[[str], str] | None = None, lock_attrs: dict[str, str] | None = None,
        plain_assets: frozenset[str] | None = None,
    ) -> OutputPlan:
        return emit(graph, theme, encrypt=encrypt, lock_attrs=lock_attrs,
                    feedback_email=prep.config.share.feedback_email,
                    share_prefix=share_prefix, plain_assets=plain_assets,
                    pages=self.store.blob, keyed=self.store.get)


def load_theme(pipe: Pipeline, prep: Prepared, diags: Diagnostics) -> Theme | None:
    """The site's theme, or None with the problem as a diagnostic."""
    try:
        return pipe.theme(prep.root, prep.config.theme)
    except ThemeError as exc:
        themes = prep.root / "themes"
        known = {"default", *(p.name for p in themes.iterdir() if p.is_dir())} \
            if themes.is_dir() else {"default"}
        hint = did_you_mean(prep.config.theme, known) or \
            f"the themes this site has: {', '.join(sorted(known))} (built in: 'default')"
        diags.error("site.toml", 0, 0, "theme", str(exc), hint)
        return None

