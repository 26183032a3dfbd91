"""The build, top to bottom: load → parse → validate → audience filter → site
graph → emit → write → audit.

Each stage lives in its own module; this one only runs them in order, collects
their diagnostics and decides what is written. ``ivsite build``, ``check``,
``audit``, ``share`` and the live preview all go through it, so there is no path
around the audience filter.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import share
from .audience import SEES, Audience, build_view
from .audit import AssetSecret, Hit, audit_files, audit_folder
from .auditcache import FILE as AUDIT_CLEAN_FILE
from .auditcache import CleanFiles
from .config import SiteConfig, load_config
from .diagnostics import Diagnostics, did_you_mean
from .emit import EmitError, emit
from .graph import SiteGraph, build_graph
from .incremental import last_build
from .incremental.store import Store
from .keyed import digest
from .load import LoadCache, LoadedSite, load_site
from .notes import ValidSite
from .output import OutputPlan
from .parsecache import ParseCache
from .progress import QUIET, Progress
from .recordings import recording_files
from .secrets import Secret, published_names, visible_source, withheld
from .theme import Theme, ThemeError
from .validate import validate
from .write import Layer, Staged, check_output_dir, discard, swap_in

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


@dataclass
class Prepared:
    """A site after load, parse and validate: everything every audience starts from."""

    root: Path
    config: SiteConfig
    loaded: LoadedSite
    valid: ValidSite


@dataclass
class BuildResult:
    status: int
    diagnostics: Diagnostics
    output: Path | None = None
    files: int = 0
    hits: list[Hit] = field(default_factory=list)
    share_url: str = ""


class Pipeline:
    """One site and the store its builds keep their work in.

    Every stage is a pure function; the per-note work of validate, the audience
    filter, the graph and emit is handed to ``self.store`` under keys that name
    all it reads (see ivsite.incremental), so a build after a change does the
    work of what changed. ``ivsite build`` keeps rendered pages on disk in
    ``.ivsite/cache/`` (a new process finds them); the live preview keeps one
    Pipeline for its life, in memory."""

    def __init__(self, root: Path, *, persist_cache: bool = True, read_cache: bool = False,
                 progress: Progress = QUIET, pages: str = "") -> None:
        """``persist_cache``: read and write .ivsite/cache/ (parsed notes, and the
        pages of the ``pages`` kind of build, e.g. "public"); ``read_cache``: only
        read the parse cache, if a build left one (the live preview's first build)."""
        self.root = root.resolve()
        self.progress = progress
        """Told each stage and step (a terminal line for ``ivsite build``)."""
        cache_dir = self.root / share.STATE_DIR / "cache"
        self.cache = ParseCache(cache_dir if persist_cache or read_cache else None,
                                read_only=not persist_cache)
        self.persists = persist_cache
        self.store = Store(cache_dir / f"pages-{pages}" if persist_cache and pages else None)
        self.files = LoadCache()
        self._filtered: set[Audience] = set()
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
        valid = validate(loaded, parsed, config, diags, self.store.get)
        return Prepared(self.root, config, loaded, valid)

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
        view = build_view(prep.valid, prep.config, audience, diags, self.store.get,
                          parse_view=self.cache.view)
        return build_graph(view, url_key, self.store.get)

    def plan(
        self, prep: Prepared, graph: SiteGraph, theme: Theme, *, share_prefix: str = "",
        encrypt: Callable[[str], str] | None = None, lock_attrs: dict[str, str] | None = None,
        plain_assets: frozenset[str] | None = None,
    ) -> OutputPlan:
        return emit(graph, theme, encrypt=encrypt, lock_attrs=lock_attrs,
                    feedback_email=prep.config.share.feedback_email,
                    share_prefix=share_prefix, plain_assets=plain_assets,
                    pages=self.store.blob)


def shown(prep: Prepared, audience: Audience, theme: Theme) -> str:
    """What the audit may find in an audience's output without it being a leak: the
    visible source, and the words the theme prints on its own."""
    config = prep.config  # the site's title and author are on every page
    return "\n".join((visible_source(prep.valid, audience), theme.vocabulary(), config.title,
                      config.author or ""))


def withheld_assets(prep: Prepared, published: OutputPlan) -> list[AssetSecret]:
    """Files the output must not hold, by hash: each one the audience was not given,
    and every recording whatever the plan says (found here again, from the notes,
    so that the audit does not depend on validation having taken them out)."""
    shown = {ref.digest for ref in published.assets.values()}
    recordings = recording_files(prep.valid.notes, prep.loaded.assets)
    return [AssetSecret(ref.digest, ref.rel) for ref in prep.loaded.assets.values()
            if (ref.digest not in shown or ref.rel in recordings) and ref.size > 0]


Encryption = tuple[Callable[[str], str] | None, dict[str, str] | None, bytes | None]
"""(page encrypter, the locked page's attributes, the key for opaque URLs), or
three Nones when the mentor view is not encrypted (see :func:`encryption`)."""
PLAIN: Encryption = (None, None, None)


@dataclass
class Site:
    """One audience's site, made and not yet written: the layers the writer puts
    in the output folder, and what the audit needs to check them."""

    prep: Prepared
    theme: Theme
    main: SiteGraph
    mentor: SiteGraph | None
    """The mentor copy under share/<token>/ (a public build with sharing on)."""
    layers: list[Layer]
    encrypted: bool


def make_site(pipe: Pipeline, prep: Prepared, theme: Theme, audience: Audience,
              diags: Diagnostics, enc: Encryption = PLAIN, strict: bool = False) -> Site | None:
    """The filter, the graph and emit for one audience (and the mentor copy a
    public site shares): what ``ivsite build`` writes and the live preview serves.
    None, with the diagnostics, when the site has errors."""
    encrypt, lock_attrs, url_key = enc
    main = pipe.graph(prep, audience, diags, url_key=url_key if audience == "mentor" else None)
    mentor = None
    if audience == "public" and prep.config.share.enabled:
        mentor = pipe.graph(prep, "mentor", diags, url_key=url_key)
    if diags.has_errors(strict):
        return None
    try:
        layers = _layers(pipe, prep, theme, audience, main, mentor, encrypt, lock_attrs)
    except (ThemeError, EmitError) as exc:
        made_wrong(prep, exc, diags)
        return None
    return Site(prep, theme, main, mentor, layers, encrypt is not None)


def made_wrong(prep: Prepared, exc: ThemeError | EmitError, diags: Diagnostics) -> None:
    """A theme or page problem found while making the pages (some are found only
    when a page is rendered, which may be as it is written)."""
    if isinstance(exc, ThemeError):
        diags.error(f"themes/{prep.config.theme}", 0, 0, "theme", str(exc))
    else:
        diags.error("content", 0, 0, "output-clash", str(exc),
                    "rename the page or file so that it does not take ivsite's own path")


def build(
    root: Path, *, audience: Audience = "public", out: Path | None = None,
    strict: bool = False, pipeline: Pipeline | None = None,
) -> BuildResult:
    """``ivsite build``: make the site, write it beside the output folder, audit
    what was written, and swap it in only when the audit found nothing."""
    diags = Diagnostics()
    pipe = pipeline or Pipeline(root, pages=audience)
    pipe.begin()
    result = BuildResult(EXIT_USAGE, diags)
    try:
        result = _build(pipe, diags, audience, out, strict)
        return result
    finally:
        pipe.finish(made=result.status == EXIT_OK)


def _build(pipe: Pipeline, diags: Diagnostics, audience: Audience, out: Path | None,
           strict: bool) -> BuildResult:
    found = Diagnostics()
    loaded = pipe.load(found)
    inputs, out_dir, read_theme = _inputs(pipe, loaded, audience, out, strict)
    record = pipe.root / share.STATE_DIR / "cache" / f"last-build-{audience}.json"
    if inputs and out_dir is not None and pipe.persists:
        same = last_build.read(record, inputs, out_dir)
        if same is not None:
            diags.extend(same[0])
            return BuildResult(EXIT_OK, diags, out_dir, same[1], share_url=same[2])
    diags.extend(found)
    prep = pipe.prepare(diags, loaded=loaded)
    if prep is None:
        return BuildResult(EXIT_USAGE, diags)
    if audience == "private":
        diags.error("site.toml", 0, 0, "audience",
                    "the private view is never written by build; use `ivsite serve`")
        return BuildResult(EXIT_USAGE, diags)
    theme = read_theme or load_theme(prep, diags)
    if theme is None:
        return BuildResult(EXIT_USAGE, diags)
    out_dir = (out or prep.root / prep.config.output_dir).resolve()
    folders = prep.loaded.folders
    if not check_output_dir(prep.root, out_dir, diags,
                            ("content",) if not folders.vault else folders.dirs()):
        return BuildResult(EXIT_USAGE, diags)
    share_cfg = prep.config.share
    enc = PLAIN
    if share_cfg.passphrase_env and (share_cfg.enabled or audience == "mentor"):
        passphrase = read_passphrase(share_cfg.passphrase_env, "building", diags)
        if not passphrase:
            return BuildResult(EXIT_USAGE, diags)
        enc = encryption(prep.root, passphrase)
    site = make_site(pipe, prep, theme, audience, diags, enc, strict)
    if site is None:
        usage = any(d.code == "theme" for d in diags)
        return BuildResult(EXIT_USAGE if usage else EXIT_CONTENT, diags)
    layers = site.layers
    token = (share.read_token(prep.root) or "") if site.mentor is not None else ""
    assert prep.loaded.store is not None
    try:  # pages are made as they are written (see output.Files)
        staged = Staged.write(layers, out_dir, prep.loaded.store, pipe.progress)
    except (ThemeError, EmitError) as exc:
        made_wrong(prep, exc, diags)
        return BuildResult(EXIT_USAGE if isinstance(exc, ThemeError) else EXIT_CONTENT, diags)
    except (OSError, subprocess.SubprocessError) as exc:
        diags.error(str(out_dir), 0, 0, "write", f"the output could not be written: {exc}",
                    "nothing was changed in the output folder")
        return BuildResult(EXIT_USAGE, diags)
    try:
        # The search indexers run now: audit what is written meanwhile.
        checks = layer_checks(pipe, site)
        early = audit_staged(pipe, staged, checks)
        plain = audit_before_encryption(pipe, site) if site.encrypted else []
        written = staged.finish()
    except (OSError, subprocess.SubprocessError) as exc:
        staged.discard()
        diags.error(str(out_dir), 0, 0, "write", f"the output could not be written: {exc}",
                    "nothing was changed in the output folder")
        return BuildResult(EXIT_USAGE, diags)
    except BaseException:
        staged.discard()
        raise
    hits = audit_checks(pipe, written.path, checks, early=early) + plain
    if hits:
        discard(written.path)
        for hit in hits:
            diags.error(hit.secret.source, hit.secret.line, 1, "audit",
                        f"{hit.secret.kind} would be published in {hit.output}",
                        "nothing was written; take it out of the visible text or file, "
                        "or report a bug if ivsite's own pages put it there")
        return BuildResult(EXIT_CONTENT, diags, hits=hits)
    swap_in(written.path, out_dir)
    url = ""
    if token:
        url = prep.config.base_url + f"share/{token}/"
    if inputs and pipe.persists:
        last_build.write(record, inputs, out_dir, list(diags), len(written.files), url)
    return BuildResult(EXIT_OK, diags, out_dir, len(written.files), share_url=url)


def _inputs(pipe: Pipeline, loaded: LoadedSite, audience: Audience, out: Path | None,
            strict: bool) -> tuple[str, Path | None, Theme | None]:
    """The digest of all a build reads (see ivsite.incremental.last_build), the
    output folder and the theme (read once, for the build too); "" and None when
    there is none to be had (no valid site.toml or theme, or a passphrase, which
    the digest would have to name)."""
    config = load_config(loaded.config_bytes, Diagnostics())
    if config is None:
        return "", None, None
    try:
        theme = Theme.load(pipe.root, config.theme)
    except ThemeError:
        return "", None, None
    if config.share.passphrase_env:
        return "", None, theme
    out_dir = (out or pipe.root / config.output_dir).resolve()
    token = share.read_token(pipe.root) or ""
    statics = sorted((k, hashlib.sha256(v).hexdigest()) for k, v in theme.static_files().items())
    return digest("build", last_build.code_digest(), loaded.digest(), audience, str(out_dir),
                  strict, theme.stamp, statics, token), out_dir, theme


def load_theme(prep: Prepared, diags: Diagnostics) -> Theme | None:
    try:
        return Theme.load(prep.root, prep.config.theme)
    except ThemeError as exc:
        themes = prep.root / "themes"
        known = {"default", *(p.name for p in themes.iterdir() if p.is_dir())} \
            if themes.is_dir() else {"default"}
        hint = did_you_mean(prep.config.theme, known) or \
            f"the themes this site has: {', '.join(sorted(known))} (built in: 'default')"
        diags.error("site.toml", 0, 0, "theme", str(exc), hint)
        return None


def audit_site(pipe: Pipeline, site: Site, folder: Path,
               stop: Callable[[], bool] | None = None) -> list[Hit]:
    """The audit of a written site: its folder, and an encrypted view's pages made
    again without encryption."""
    hits = audit_checks(pipe, folder, layer_checks(pipe, site), stop=stop)
    if site.encrypted:
        hits += audit_before_encryption(pipe, site)
    return hits


def _layers(
    pipe: Pipeline, prep: Prepared, theme: Theme, audience: Audience, main: SiteGraph,
    mentor: SiteGraph | None, encrypt: Callable[[str], str] | None,
    lock_attrs: dict[str, str] | None,
) -> list[Layer]:
    """The root layer for the audience built, and the mentor copy under share/<token>/."""
    if audience == "mentor":
        return [Layer("", pipe.plan(prep, main, theme, encrypt=encrypt, lock_attrs=lock_attrs))]
    layers = [Layer("", pipe.plan(prep, main, theme))]
    if mentor is not None:
        # A copy: the plan itself may be kept for the next build (see Pipeline.plan).
        root = layers[0].plan
        files = root.files.copy()
        files[share.INDEX_PATH] = share.INDEX_PAGE
        layers[0] = Layer("", dataclasses.replace(root, files=files))
        token = share.get_or_create_token(prep.root)
        prefix = f"share/{token}/"
        layers.append(Layer(prefix, pipe.plan(prep, mentor, theme, share_prefix=prefix,
                                              encrypt=encrypt, lock_attrs=lock_attrs)))
    return layers


@dataclass
class LayerCheck:
    """What the audit looks for in one layer of the output."""

    prefix: str
    secrets: list[Secret]
    visible: str
    assets: list[AssetSecret]
    skip: tuple[str, ...]
    """Sub-layers' folders, audited for an audience of their own."""
    base_url: str
    consented: tuple[str, ...]
    """The names of people who agreed to be named (see audit.audit_files)."""


def layer_checks(pipe: Pipeline, site: Site) -> list[LayerCheck]:
    """What the audit looks for in each layer: what that layer's audience may not
    see, found from the source (see ivsite.secrets), not from the filter's view."""
    prep, theme, layers, main, mentor = site.prep, site.theme, site.layers, site.main, \
        site.mentor
    checks = []
    share_prefixes = tuple(layer.prefix for layer in layers if layer.prefix)
    for layer in layers:
        graph = main if not layer.prefix else mentor
        if graph is None:
            continue
        plan = layer.plan
        if site.encrypted:
            # Readable bytes of an encrypted view must hold nothing the public may not see.
            graph = main if main.view.audience == "public" else \
                pipe.graph(prep, "public", Diagnostics())
            plan = OutputPlan(assets={k: v for k, v in layer.plan.assets.items()})
        audience = graph.view.audience
        checks.append(LayerCheck(layer.prefix, withheld(prep.valid, audience),
                                 shown(prep, audience, theme), withheld_assets(prep, plan),
                                 () if layer.prefix else share_prefixes, prep.config.base_url,
                                 published_names(prep.valid, audience)))
    return checks


def audit_checks(pipe: Pipeline, folder: Path, checks: list[LayerCheck],
                 stop: Callable[[], bool] | None = None,
                 early: frozenset[str] = frozenset()) -> list[Hit]:
    """Every layer's folder, whole. A file found clean before with the same key
    (``early``: while the search index was made) is not read again."""
    hits: list[Hit] = []
    for c in checks:
        found = audit_folder(
            folder / c.prefix if c.prefix else folder, c.secrets, c.visible, c.assets,
            skip_prefixes=c.skip, progress=pipe.progress, stop=stop,
            base_url=c.base_url, clean=pipe.audit_clean.known | early,
            consented=c.consented)
        pipe.audit_clean.add(found.clean)
        hits += [Hit(c.prefix + h.output, h.secret) for h in found.hits]
    return hits


def audit_staged(pipe: Pipeline, staged: Staged, checks: list[LayerCheck]) -> frozenset[str]:
    """The files written, audited where they are while Pagefind indexes them: the
    keys of those found clean, which audit_checks then does not read again (it
    reads Pagefind's files, and finds again any hit found here)."""
    bases = {layer.prefix: (layer.plan, base) for layer, base in staged.layers}
    pipe.progress.stage("Checking the output while the search index is made",
                        sum(len(bases[c.prefix][0].files) + len(bases[c.prefix][0].assets)
                            for c in checks if c.prefix in bases))
    clean: set[str] = set()
    for c in checks:
        if c.prefix not in bases:
            continue
        plan, base = bases[c.prefix]

        def files(plan: OutputPlan = plan, base: Path = base) -> Iterator[tuple[str, bytes]]:
            for rel in (*sorted(plan.files), *sorted(plan.assets)):
                pipe.progress.advance()
                yield rel, (base / rel).read_bytes()

        clean |= audit_files(files(), c.secrets, c.visible, c.assets, c.base_url,
                             pipe.audit_clean.known, c.consented).clean
    return frozenset(clean)


def audit_before_encryption(pipe: Pipeline, site: Site) -> list[Hit]:
    """The encrypted view's pages, made again without encryption and audited for what
    the mentor may not see: the audit cannot read cipher text, and the filter must
    not be the only thing between a withheld passage and the mentor's pages."""
    prep, theme, mentor = site.prep, site.theme, site.mentor or site.main
    prefix = next((layer.prefix for layer in site.layers if layer.prefix), "")
    pipe.progress.stage("Checking the mentor view before encryption")
    plain = emit(mentor, theme, feedback_email=prep.config.share.feedback_email,
                 share_prefix=prefix)
    found = audit_files(plain.files.items(), withheld(prep.valid, "mentor"),
                        shown(prep, "mentor", theme), withheld_assets(prep, plain),
                        prep.config.base_url, pipe.audit_clean.known,
                        published_names(prep.valid, "mentor"))
    pipe.audit_clean.add(found.clean)
    return [Hit(f"{prefix}{h.output} (before encryption)", h.secret) for h in found.hits]


def read_passphrase(env: str, before: str, diags: Diagnostics) -> str:
    """The passphrase from the variable ``[share] passphrase_env`` names; ``""`` (an
    error) when it is not set, and a warning naming the variable when it is weak."""
    from .crypto import weakness

    passphrase = os.environ.get(env, "")
    if not passphrase:
        diags.error("site.toml", 0, 0, "passphrase-missing",
                    f"[share] passphrase_env names {env}, which is not set",
                    f"export {env}=... before {before}, or remove passphrase_env to share "
                    "the mentor view unencrypted")
        return ""
    why = weakness(passphrase)
    if why:
        diags.warning("site.toml", 0, 0, "passphrase-weak",
                      f"the passphrase in {env} is weak: {why}; anyone with a page can "
                      "try guesses at it offline",
                      "use four or more random words, or a passphrase of 16 characters or more")
    return passphrase


def encryption(root: Path, passphrase: str) -> Encryption:
    """The page encrypter, the locked page's attributes, and the secret key for
    opaque URLs (derived from the page key, so URLs cannot be guessed from slugs)."""
    from .crypto import derive_key, encrypt_text, envelope_attributes

    share.get_or_create_token(root)
    key = derive_key(passphrase, share.read_salt(root))

    def encrypt(text: str) -> str:
        return encrypt_text(key, text)

    url_key = hmac.new(key.key, b"ivsite opaque urls", hashlib.sha256).digest()
    return encrypt, envelope_attributes(key), url_key


def audit_dir(root: Path, folder: Path, audience: Audience) -> tuple[int, Diagnostics, list[Hit]]:
    """``ivsite audit DIR``: the build's own check, on any folder."""
    diags = Diagnostics()
    pipe = Pipeline(root, persist_cache=False)
    prep = pipe.prepare(diags)
    if prep is None:
        return EXIT_USAGE, diags, []
    if not folder.is_dir():
        diags.error(str(folder), 0, 0, "audit", "there is no such folder")
        return EXIT_USAGE, diags, []
    graph = pipe.graph(prep, audience, Diagnostics())
    theme = load_theme(prep, diags)
    if theme is None:
        return EXIT_USAGE, diags, []
    assets = withheld_assets(prep, pipe.plan(prep, graph, theme))
    mentor_graph = pipe.graph(prep, "mentor", Diagnostics())
    mentor_assets = withheld_assets(prep, pipe.plan(prep, mentor_graph, theme))
    share_dirs = sorted(p for p in (folder / "share").glob("*") if p.is_dir()) \
        if audience == "public" else []
    skip = tuple(f"share/{p.name}/" for p in share_dirs)
    hits = audit_folder(folder, withheld(prep.valid, audience),
                        shown(prep, audience, theme), assets, skip_prefixes=skip,
                        base_url=prep.config.base_url,
                        consented=published_names(prep.valid, audience)).hits
    for sub in share_dirs:
        for hit in audit_folder(sub, withheld(prep.valid, "mentor"),
                                shown(prep, "mentor", theme), mentor_assets,
                                base_url=prep.config.base_url,
                                consented=published_names(prep.valid, "mentor")).hits:
            hits.append(Hit(f"share/{sub.name}/{hit.output}", hit.secret))
    return (EXIT_CONTENT if hits else EXIT_OK), diags, hits
