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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import share
from .audience import SEES, Audience, build_view
from .audit import AssetSecret, Hit, audit_files, audit_folder
from .config import SiteConfig, load_config
from .diagnostics import Diagnostics
from .emit import EmitError, emit, emit_changed
from .graph import SiteGraph, build_graph, same_but_bodies, substitute
from .load import LoadCache, LoadedSite, load_site
from .memo import PATCHED_IN_A_ROW, Memos
from .notes import ValidSite
from .output import OutputPlan
from .parsecache import ParseCache
from .progress import QUIET, Progress
from .recordings import recording_files
from .secrets import visible_source, withheld
from .theme import Theme, ThemeError
from .validate import validate
from .write import Layer, check_output_dir, discard, swap_in, write_temp

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
    """One site; keeps the parse cache between builds (warm builds, live preview)."""

    def __init__(self, root: Path, *, persist_cache: bool = True, read_cache: bool = False,
                 incremental: bool = False, progress: Progress = QUIET) -> None:
        """``persist_cache``: read and write the parse cache in .ivsite/cache/ (warm
        builds); ``read_cache``: only read it, if a build left one (the live
        preview's first build)."""
        self.root = root.resolve()
        self.progress = progress
        """Told each stage and step (a terminal line for ``ivsite build``)."""
        cache_dir = (self.root / share.STATE_DIR / "cache"
                     if persist_cache or read_cache else None)
        self.cache = ParseCache(cache_dir, read_only=not persist_cache)
        self._persist = persist_cache
        self.memos = Memos() if incremental else None
        """Per-note work kept between builds (the live preview); see ivsite.memo."""
        self.load_cache = LoadCache() if incremental else None
        self._last_graph: dict[tuple[str, bytes | None], tuple[str, SiteGraph]] = {}
        """(site shape, graph) last made for each (audience, url key), kept builds only."""
        self._last_plan: dict[tuple[object, ...], tuple[SiteGraph, OutputPlan]] = {}
        """(graph, plan) last emitted for each layer, kept builds only."""
        self.reused = False
        """Whether the build under way reused a last graph and plan (see graph)."""
        self.reused_in_a_row = 0

    def prepare(self, diags: Diagnostics, changed: set[str] | None = None) -> Prepared | None:
        """Load, parse and validate. ``changed`` (the live preview's watcher): every
        path that changed since the last prepare, so that load looks at those alone."""
        self.progress.stage("Reading content/")
        loaded = load_site(self.root, diags, self.load_cache, changed)
        config = load_config(loaded.config_bytes, diags)
        if config is None:
            return None
        self.progress.stage("Reading notes", len(loaded.notes))
        parsed = self.cache.get_many(loaded.notes, self.progress.advance)
        self.progress.stage("Checking notes")
        if self.memos is None or self.cache.stale(len(parsed)):
            self.cache.prune({(s.rel, s.digest) for s in loaded.notes})
        valid = validate(loaded, parsed, config, diags, self.memos)
        return Prepared(self.root, config, loaded, valid)

    def save_cache(self) -> None:
        if self._persist:
            share.ensure_state_dir(self.root)
            self.cache.save()

    def graph(self, prep: Prepared, audience: Audience, diags: Diagnostics,
              url_key: bytes | None = None, remember: bool = True) -> SiteGraph:
        """The audience's view and site graph.

        With kept work, when the view differs from the last one only in note bodies
        (same site shape, same cards, links, passages, files and answers; see
        graph.same_but_bodies) the last graph is reused with the new notes swapped
        in, and ``plan`` then makes only their pages again."""
        self.progress.stage(f"Filtering the {audience} view")
        if self.memos is None:  # a one-shot build: parse the views across cores first
            sees = SEES[audience]
            self.cache.prefetch_views(
                [n.cut for n in prep.valid.notes if n.visibility in sees], sees)
        view = build_view(prep.valid, prep.config, audience, diags, self.memos,
                          parse_view=self.cache.view)
        if self.memos is None:
            return build_graph(view, url_key)
        key = (audience, url_key)
        last = self._last_graph.get(key)
        graph = None
        # Every so often a save is built in full, so that kept pages and graph work
        # that no longer belong to the site are forgotten (see finish).
        if (last is not None and last[0] == prep.valid.shape
                and self.reused_in_a_row < PATCHED_IN_A_ROW):
            pairs = same_but_bodies(last[1].view, view)
            if pairs is not None:
                graph = substitute(last[1], view, pairs, self.memos)
        if graph is None:
            graph = build_graph(view, url_key, self.memos)
        elif remember:
            self.reused = True
        if remember:
            self._last_graph[key] = (prep.valid.shape, graph)
        return graph

    def plan(
        self, prep: Prepared, graph: SiteGraph, theme: Theme, *, share_prefix: str = "",
        encrypt: Callable[[str], str] | None = None, lock_attrs: dict[str, str] | None = None,
        plain_assets: frozenset[str] | None = None,
    ) -> OutputPlan:
        feedback = prep.config.share.feedback_email
        if self.memos is None or encrypt is not None:
            return emit(graph, theme, encrypt=encrypt, lock_attrs=lock_attrs,
                        feedback_email=feedback, share_prefix=share_prefix,
                        plain_assets=plain_assets, memos=self.memos, progress=self.progress)
        key = (graph.view.audience, share_prefix, theme.stamp, graph.url_key, feedback)
        last = self._last_plan.get(key)
        if graph.changed is not None and last is not None and last[0] is graph.base:
            plan = emit_changed(graph, theme, last[1], feedback_email=feedback,
                                share_prefix=share_prefix, memos=self.memos)
        else:
            plan = emit(graph, theme, feedback_email=feedback, share_prefix=share_prefix,
                        plain_assets=plain_assets, memos=self.memos, progress=self.progress)
        self._last_plan[key] = (graph, plan)
        return plan

    def finish(self) -> None:
        """A build succeeded: forget kept work it did not use (all of it, unless the
        build reused the last graph and pages, which it then did not look up)."""
        if self.memos is not None:
            self.memos.rotate(partial=self.reused)
        self.reused_in_a_row = self.reused_in_a_row + 1 if self.reused else 0
        self.reused = False


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


def build(
    root: Path, *, audience: Audience = "public", out: Path | None = None,
    strict: bool = False, pipeline: Pipeline | None = None,
) -> BuildResult:
    diags = Diagnostics()
    pipe = pipeline or Pipeline(root)
    prep = pipe.prepare(diags)
    if prep is None:
        return BuildResult(EXIT_USAGE, diags)
    if audience == "private":
        diags.error("site.toml", 0, 0, "audience",
                    "the private view is never written by build; use `ivsite serve`")
        return BuildResult(EXIT_USAGE, diags)
    try:
        theme = Theme.load(prep.root, prep.config.theme)
    except ThemeError as exc:
        diags.error("site.toml", 0, 0, "theme", str(exc), "the built-in theme is 'default'")
        return BuildResult(EXIT_USAGE, diags)
    out_dir = (out or prep.root / prep.config.output_dir).resolve()
    if not check_output_dir(prep.root, out_dir, diags):
        return BuildResult(EXIT_USAGE, diags)
    share_cfg = prep.config.share
    passphrase = ""
    if share_cfg.passphrase_env and (share_cfg.enabled or audience == "mentor"):
        passphrase = read_passphrase(share_cfg.passphrase_env, "building", diags)
        if not passphrase:
            return BuildResult(EXIT_USAGE, diags)
    salt = None
    if passphrase:
        share.get_or_create_token(prep.root)
        salt = share.read_salt(prep.root)
    encrypt, lock_attrs, url_key = _encryption(passphrase, salt)
    main_graph = pipe.graph(prep, audience, diags,
                            url_key=url_key if audience == "mentor" else None)
    mentor_graph = None
    if audience == "public" and share_cfg.enabled:
        mentor_graph = pipe.graph(prep, "mentor", diags, url_key=url_key)
    if diags.has_errors(strict):
        pipe.save_cache()
        return BuildResult(EXIT_CONTENT, diags)
    try:
        layers = _layers(pipe, prep, theme, audience, main_graph, mentor_graph,
                         encrypt, lock_attrs)
    except ThemeError as exc:
        diags.error(f"themes/{prep.config.theme}", 0, 0, "theme", str(exc))
        return BuildResult(EXIT_USAGE, diags)
    except EmitError as exc:
        diags.error("content", 0, 0, "output-clash", str(exc),
                    "rename the page or file so that it does not take ivsite's own path")
        return BuildResult(EXIT_CONTENT, diags)
    token = (share.read_token(prep.root) or "") if mentor_graph is not None else ""
    assert prep.loaded.store is not None
    pipe.progress.stage("Writing files" + (" and the search index"
                                            if any(la.plan.search_index for la in layers)
                                            else ""))
    try:
        written = write_temp(layers, out_dir, prep.loaded.store)
    except (OSError, subprocess.SubprocessError) as exc:
        diags.error(str(out_dir), 0, 0, "write", f"the output could not be written: {exc}",
                    "nothing was changed in the output folder")
        return BuildResult(EXIT_USAGE, diags)
    hits = audit_layers(pipe, prep, theme, written.path, layers, main_graph, mentor_graph,
                        encrypted=encrypt is not None)
    if encrypt is not None:
        hits += audit_before_encryption(pipe, prep, theme, layers,
                                        mentor_graph or main_graph)
    if hits:
        discard(written.path)
        for hit in hits:
            diags.error(hit.secret.source, hit.secret.line, 1, "audit",
                        f"{hit.secret.kind} would be published in {hit.output}",
                        "nothing was written; take it out of the visible text or file, "
                        "or report a bug if ivsite's own pages put it there")
        pipe.save_cache()
        return BuildResult(EXIT_CONTENT, diags, hits=hits)
    swap_in(written.path, out_dir)
    pipe.save_cache()
    url = ""
    if token:
        url = prep.config.base_url + f"share/{token}/"
    return BuildResult(EXIT_OK, diags, out_dir, len(written.files), share_url=url)


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
        layers[0] = Layer("", dataclasses.replace(
            root, files={**root.files, share.INDEX_PATH: share.INDEX_PAGE}))
        token = share.get_or_create_token(prep.root)
        prefix = f"share/{token}/"
        layers.append(Layer(prefix, pipe.plan(prep, mentor, theme, share_prefix=prefix,
                                              encrypt=encrypt, lock_attrs=lock_attrs)))
    return layers


def audit_layers(
    pipe: Pipeline, prep: Prepared, theme: Theme, folder: Path, layers: list[Layer],
    main: SiteGraph, mentor: SiteGraph | None, encrypted: bool = False,
    stop: Callable[[], bool] | None = None,
) -> list[Hit]:
    hits: list[Hit] = []
    share_prefixes = tuple(layer.prefix for layer in layers if layer.prefix)
    for layer in layers:
        graph = main if not layer.prefix else mentor
        if graph is None:
            continue
        plan = layer.plan
        if encrypted:
            # Readable bytes of an encrypted view must hold nothing the public may not see.
            graph = main if main.view.audience == "public" else \
                pipe.graph(prep, "public", Diagnostics(), remember=False)
            plan = OutputPlan(assets={k: v for k, v in layer.plan.assets.items()})
        found = audit_folder(
            folder / layer.prefix if layer.prefix else folder,
            withheld(prep.valid, graph.view.audience),
            shown(prep, graph.view.audience, theme), withheld_assets(prep, plan),
            skip_prefixes=() if layer.prefix else share_prefixes,
            progress=pipe.progress, stop=stop, base_url=prep.config.base_url,
        )
        hits += [Hit(layer.prefix + h.output, h.secret) for h in found]
    return hits


def audit_before_encryption(pipe: Pipeline, prep: Prepared, theme: Theme,
                            layers: list[Layer], mentor: SiteGraph) -> list[Hit]:
    """The encrypted view's pages, made again without encryption and audited for what
    the mentor may not see: the audit cannot read cipher text, and the filter must
    not be the only thing between a withheld passage and the mentor's pages."""
    prefix = next((layer.prefix for layer in layers if layer.prefix), "")
    pipe.progress.stage("Checking the mentor view before encryption")
    plain = emit(mentor, theme, feedback_email=prep.config.share.feedback_email,
                 share_prefix=prefix)
    found = audit_files(plain.files.items(), withheld(prep.valid, "mentor"),
                        shown(prep, "mentor", theme), withheld_assets(prep, plain),
                        prep.config.base_url)
    return [Hit(f"{prefix}{h.output} (before encryption)", h.secret) for h in found]


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


def _encryption(
    passphrase: str, salt: bytes | None,
) -> tuple[Callable[[str], str] | None, dict[str, str] | None, bytes | None]:
    """The page encrypter, the locked page's attributes, and the secret key for
    opaque URLs (derived from the page key, so URLs cannot be guessed from slugs)."""
    if not passphrase:
        return None, None, None
    from .crypto import derive_key, encrypt_text, envelope_attributes

    key = derive_key(passphrase, salt)

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
    try:
        theme = Theme.load(prep.root, prep.config.theme)
    except ThemeError as exc:
        diags.error("site.toml", 0, 0, "theme", str(exc), "the built-in theme is 'default'")
        return EXIT_USAGE, diags, []
    assets = withheld_assets(prep, pipe.plan(prep, graph, theme))
    mentor_graph = pipe.graph(prep, "mentor", Diagnostics())
    mentor_assets = withheld_assets(prep, pipe.plan(prep, mentor_graph, theme))
    share_dirs = sorted(p for p in (folder / "share").glob("*") if p.is_dir()) \
        if audience == "public" else []
    skip = tuple(f"share/{p.name}/" for p in share_dirs)
    hits = audit_folder(folder, withheld(prep.valid, audience),
                        shown(prep, audience, theme), assets, skip_prefixes=skip,
                        base_url=prep.config.base_url)
    for sub in share_dirs:
        for hit in audit_folder(sub, withheld(prep.valid, "mentor"),
                                shown(prep, "mentor", theme), mentor_assets,
                                base_url=prep.config.base_url):
            hits.append(Hit(f"share/{sub.name}/{hit.output}", hit.secret))
    return (EXIT_CONTENT if hits else EXIT_OK), diags, hits
