"""The audit of what a build made: what each layer's audience may not see, found
again from the source (see ivsite.audit.secrets) and not from the filter's view, then
looked for in the written files, in memory, or in any folder (``audit DIR``)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..audience.viewnote import Audience
from ..audit.notefiles import note_file_secrets
from ..audit.saidconsent import said_consent
from ..audit.scripts import OwnScripts
from ..audit.search import AssetSecret, Hit
from ..audit.secrets import (
    Secret,
    printed_comments,
    published_names,
    visible_source,
    withheld,
    without_comments,
)
from ..audit.sheethiding import sheets_hiding
from ..audit.stage import Contents, audit_files, audit_folder
from ..audit.strayrecords import stray_files, stray_secrets
from ..audit.twins import without_twins
from ..audit.unreadfields import field_recordings, unread_file_secrets, unread_notes
from ..core import nearcopy
from ..core.diagnostics import Diagnostics
from ..core.sourcefiles import AssetRef
from ..emit import emit
from ..emit.output import OutputPlan
from ..emit.theme import Theme
from ..markdown.notelike import is_note_like
from ..names.ownednames import owned_names
from ..names.people import NAME_KINDS
from ..readers import pagefind_engine
from ..switches.pathprivacy import path_privacy
from ..validate.namesakes import recording_namesakes
from ..validate.recordings import recording_files, unplaced_recordings
from ..write.stage import Staged
from .linksecrets import audit_base_url, link_secrets
from .site import Site
from .stages import Pipeline, Prepared


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
    hidden: frozenset[str]
    """The classes and ids the theme's style sheets hide (see audit.audit_files)."""
    scripts: OwnScripts
    """The theme's and Pagefind's scripts, the only ones the output may hold."""
    authored: frozenset[str]
    """The SHA-256 of the files of the author's content (see audit.audit_files)."""


def shown(prep: Prepared, audience: Audience, theme: Theme) -> str:
    """What the audit may find in an audience's output without it being a leak: the
    visible source, and the words the theme prints on its own."""
    config = prep.config  # the site's title and author are on every page
    # A note the audience sees whose file is a withheld note's excuses nothing (R16-09).
    site = without_twins(said_consent(prep.valid), prep.loaded.notes, audience)
    return "\n".join((visible_source(site, audience), theme.vocabulary(),
                      without_comments(config.title), without_comments(config.author or "")))


def secrets_of(prep: Prepared, audience: Audience, token: bool = True) -> list[Secret]:
    """What the audience must not see: the notes' (ivsite.audit.secrets), what a
    comment says in the site's title or author, which every page prints (R10-30),
    and the mentor link's passphrase and, but in the mentor copy's own folder
    (``token`` False), its token (ivsite.pipeline.linksecrets, R12-01)."""
    return [*withheld(said_consent(prep.valid), audience),  # consent said in a body (R17-03)
            *note_file_secrets(prep.valid, audience),  # R16-12
            *unread_file_secrets(prep.loaded.store, prep.loaded.assets, prep.loaded.folders,
                                 prep.valid.public_contacts),
            *stray_secrets(prep.loaded.store, stray_files(prep.loaded.assets, prep.loaded.skipped,
                                                  prep.loaded.folders),
                           prep.valid.public_contacts),  # R16-04
            *printed_comments("site.toml", (prep.config.title, prep.config.author)),
            *link_secrets(prep.root, prep.config, token=token)]


def withheld_assets(prep: Prepared, published: OutputPlan) -> list[AssetSecret]:
    """Files the output must not hold, by hash: each one the audience was not given,
    every recording whatever the plan says (found here again, from the notes,
    so that the audit does not depend on validation having taken them out; every
    file that shares a recording's name; every
    sound or video file while a ``recording_file`` names no file), every
    file whose path says private (see ivsite.switches.pathprivacy) likewise, and
    the source of every note: no view publishes a note's file as it is written
    (front matter, withheld passages and all), so a copy or hard link of one
    linked as a file is a leak whoever may read the note's page."""
    given = {ref.digest for ref in published.assets.values()}
    notes, assets = prep.valid.notes, prep.loaded.assets
    named = {**dict.fromkeys(field_recordings(notes, assets), ""),  # R13-07
             **recording_files(notes, assets)}
    recordings = {*named, *recording_namesakes(notes, assets, named),  # R17-01
                  *unplaced_recordings(notes, assets)}  # R16-02
    unread = set(unread_notes(prep.loaded.store, prep.loaded.assets, prep.loaded.folders))  # R13-06
    return [*(AssetSecret(ref.digest, ref.rel,
                          _windows(prep, ref) if ref.rel in recordings else None)
              for ref in prep.loaded.assets.values()
              if (ref.digest not in given or ref.rel in recordings or is_note_like(ref.rel)
                  or ref.says_private or path_privacy(ref.rel) or ref.rel in unread)
              and ref.size > 0),
            *(AssetSecret(src.digest, src.rel) for src in prep.loaded.notes if src.data)]


def _windows(prep: Prepared, ref: AssetRef) -> nearcopy.Windows | None:
    """A recording's windows, by which a clip of it is known (ivsite.core.nearcopy),
    read from its file; None when it cannot be read (gone since it was listed:
    it cannot be copied either)."""
    store = prep.loaded.store
    try:
        return nearcopy.windows_by(ref.digest, lambda: store.read(ref))
    except OSError:
        return None


def authored_files(prep: Prepared) -> frozenset[str]:
    """The SHA-256 of every file of the content that is not a note: what the author
    wrote, published as written, which the audit judges as it judges a page
    (red team 11, R11-26)."""
    return frozenset(ref.digest for ref in prep.loaded.assets.values())


def theme_hidden(theme: Theme) -> frozenset[str]:
    """The classes and ids the theme's style sheets hide, read here from the sheets
    (not from what the filter refused)."""
    return frozenset(sheets_hiding(theme.static_files().items()))


def consented_of(prep: Prepared, audience: Audience, secrets: list[Secret]) -> tuple[str, ...]:
    """The names the audit takes out of a text before it looks for names: those of
    the people who agreed, and the site's author and title, which every page
    prints, unless one holds an unconsented name (ivsite.names.ownednames, R12-03)."""
    config = prep.config
    owned = owned_names(without_comments(config.author or ""), without_comments(config.title),
                        (s.text for s in secrets if s.kind.startswith(NAME_KINDS)))
    return tuple(sorted({*published_names(said_consent(prep.valid), audience), *owned}))


def _check(prep: Prepared, theme: Theme, audience: Audience, prefix: str, plan: OutputPlan,
           skip: tuple[str, ...]) -> LayerCheck:
    # The token is the mentor's own: a secret only to the public, outside its copy.
    secrets = secrets_of(prep, audience, token=audience == "public" and not prefix)
    return LayerCheck(prefix, secrets, shown(prep, audience, theme),
                      withheld_assets(prep, plan), skip, audit_base_url(prep.root, prep.config),
                      consented_of(prep, audience, secrets), theme_hidden(theme),
                      OwnScripts.of(theme.static_files()), authored_files(prep))


def layer_checks(pipe: Pipeline, site: Site) -> list[LayerCheck]:
    """What the audit looks for in each layer of a site."""
    prep, theme = site.prep, site.theme
    share_prefixes = tuple(layer.prefix for layer in site.layers if layer.prefix)
    checks = []
    for layer in site.layers:
        graph = site.mentor if layer.prefix else site.main
        if graph is None:
            continue
        plan = layer.plan
        if site.encrypted:
            # Readable bytes of an encrypted view must hold nothing the public may not see.
            graph = site.main if site.main.view.audience == "public" else \
                pipe.graph(prep, "public", Diagnostics())
            plan = OutputPlan(assets=dict(layer.plan.assets))
        checks.append(_check(prep, theme, graph.view.audience, layer.prefix, plan,
                             () if layer.prefix else share_prefixes))
    return checks


def folder_checks(pipe: Pipeline, site: Site, folder: Path) -> list[LayerCheck]:
    """What ``audit DIR`` looks for: the site's audience in the folder, and the
    mentor's in each ``share/*/`` folder of a public site's output (any token's)."""
    prep, theme = site.prep, site.theme
    audience = site.main.view.audience
    shared = sorted(p.name for p in (folder / "share").glob("*") if p.is_dir()) \
        if audience == "public" and site.mentor is not None else []
    skip = tuple(f"share/{name}/" for name in shared)
    checks = [_check(prep, theme, audience, "", site.layers[0].plan, skip)]
    if site.mentor is not None and shared:
        mentor_plan = pipe.plan(prep, site.mentor, theme)
        checks += [_check(prep, theme, "mentor", prefix, mentor_plan, ()) for prefix in skip]
    return checks


def audit_checks(pipe: Pipeline, folder: Path, checks: list[LayerCheck],
                 stop: Callable[[], bool] | None = None) -> list[Hit]:
    """Every layer's folder, whole. A file found clean before with the same key
    (by the last build, or by this one while the search index was made) is not
    read again."""
    hits: list[Hit] = []
    for c in checks:
        found = audit_folder(
            folder / c.prefix if c.prefix else folder, c.secrets, c.visible, c.assets,
            skip_prefixes=c.skip, progress=pipe.progress, stop=stop,
            base_url=c.base_url, clean=pipe.audit_clean.view(),
            consented=c.consented, hidden=c.hidden, scripts=c.scripts, authored=c.authored)
        pipe.audit_clean.add(found.ids, found.clean)
        hits += [Hit(c.prefix + h.output, h.secret) for h in found.hits]
    return hits


def audit_site(pipe: Pipeline, site: Site, folder: Path,
               stop: Callable[[], bool] | None = None) -> list[Hit]:
    """The audit of a written site: its folder, and an encrypted view's pages made
    again without encryption."""
    hits = audit_checks(pipe, folder, layer_checks(pipe, site), stop=stop)
    if site.encrypted:
        hits += audit_before_encryption(pipe, site)
    return hits


def audit_made(pipe: Pipeline, site: Site) -> list[Hit]:
    """The audit of a site made and not written (``check``): every page and file as
    it would be written."""
    layers = {layer.prefix: layer.plan for layer in site.layers}
    store = site.prep.loaded.store
    hits: list[Hit] = []
    for c in layer_checks(pipe, site):
        plan = layers[c.prefix]

        # Each page is made where it is audited (in a forked process, see
        # audit.audit_files), not all of them here first.
        files: list[tuple[str, Contents]] = [
            (rel, functools.partial(plan.files.__getitem__, rel)) for rel in sorted(plan.files)]
        files += [(rel, functools.partial(store.read, ref))
                  for rel, ref in sorted(plan.assets.items())]
        found = audit_files(files, c.secrets, c.visible, c.assets, c.base_url,
                            pipe.audit_clean.view(), c.consented, hidden=c.hidden,
                            scripts=c.scripts, authored=c.authored)
        pipe.audit_clean.add(found.ids, found.clean)
        hits += [Hit(c.prefix + h.output, h.secret) for h in found.hits]
    if site.encrypted:
        hits += audit_before_encryption(pipe, site)
    return hits


def audit_staged(pipe: Pipeline, staged: Staged, checks: list[LayerCheck]) -> None:
    """The files written, audited where they are while Pagefind indexes them: the
    keys of those found clean are kept (``pipe.audit_clean``), and audit_checks
    then does not read them again (it reads Pagefind's files, and finds again any
    hit found here)."""
    bases = {layer.prefix: (layer.plan, base) for layer, base in staged.layers}
    pipe.progress.stage("Checking the output while the search index is made",
                        sum(len(bases[c.prefix][0].files) + len(bases[c.prefix][0].assets)
                            for c in checks if c.prefix in bases))
    for c in checks:
        if c.prefix not in bases:
            continue
        plan, base = bases[c.prefix]

        files: list[tuple[str, Contents]] = [
            (rel, (base / rel).read_bytes) for rel in (*sorted(plan.files), *sorted(plan.assets))]
        found = audit_files(files, c.secrets, c.visible, c.assets, c.base_url,
                            pipe.audit_clean.view(), c.consented, pipe.progress.advance,
                            c.hidden | _pagefind_hidden(plan), scripts=c.scripts,
                            authored=c.authored)
        pipe.audit_clean.add(found.ids, found.clean)


def _pagefind_hidden(plan: OutputPlan) -> frozenset[str]:
    """What the style sheets Pagefind is writing into this layer will hide. The
    audit of the whole folder reads every page with them; read with them here too,
    a page gets the key it will have there, and is not read twice. Should Pagefind
    write other sheets, the keys differ and the folder's audit reads every page."""
    if not plan.search_index:
        return frozenset()
    return frozenset(sheets_hiding(
        (f"pagefind/{name}", data) for name, data in pagefind_engine.fixed_sheets().items()))


def audit_before_encryption(pipe: Pipeline, site: Site) -> list[Hit]:
    """The encrypted view's pages, made again without encryption and audited for what
    the mentor may not see: the audit cannot read cipher text, and the filter must
    not be the only thing between a withheld passage and the mentor's pages."""
    prep, theme, mentor = site.prep, site.theme, site.mentor or site.main
    prefix = next((layer.prefix for layer in site.layers if layer.prefix), "")
    pipe.progress.stage("Checking the mentor view before encryption")
    plain = emit(mentor, theme, feedback_email=prep.config.share.feedback_email,
                 share_prefix=prefix)
    pages: list[tuple[str, Contents]] = [
        (rel, functools.partial(plain.files.__getitem__, rel)) for rel in sorted(plain.files)]
    secrets = secrets_of(prep, "mentor", token=False)
    found = audit_files(pages, secrets, shown(prep, "mentor", theme), withheld_assets(prep, plain),
                        audit_base_url(prep.root, prep.config), pipe.audit_clean.view(),
                        consented_of(prep, "mentor", secrets), hidden=theme_hidden(theme),
                        scripts=OwnScripts.of(theme.static_files()),
                        authored=authored_files(prep))
    pipe.audit_clean.add(found.ids, found.clean)
    return [Hit(f"{prefix}{h.output} (before encryption)", h.secret) for h in found.hits]
