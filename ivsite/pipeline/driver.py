"""The one driver: :func:`run` takes a request through every stage and hands the
site it made to a writer. ``ivsite build``, ``check``, ``share``, ``audit DIR`` and
the live preview are requests with different writers (see ivsite.pipeline.writers
and ivsite.preview.session); none of them runs a stage on its own, so there is no
path around the audience filter or the audit."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..audience.viewnote import Audience
from ..audit.search import Hit
from ..core.diagnostics import Diagnostics
from ..load.stage import LoadedSite
from .secrecy import PLAIN, Encryption, read_passphrase
from .site import Site, make_site
from .stages import Pipeline, Prepared, load_theme

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Request:
    """What a command asks of the pipeline."""

    audience: Audience = "public"
    strict: bool = False
    """Warnings count as errors."""
    lock: bool = True
    """Encrypt the mentor view when site.toml names a passphrase (a check, an
    audit and the preview of the mentor audience look at it unencrypted)."""
    share: bool = True
    """Put the mentor copy under share/<token>/ of a public site that shares
    (``build --no-share`` leaves it out: a build on a host's machines)."""
    mentor_too: bool = False
    """Filter a public site's mentor view even when it is not shared."""
    despite_errors: bool = False
    """Hand over the site made even when it has errors: ``share`` counts what the
    mentor would see (and rotates a leaked link) on a site being fixed. Writers
    that write never ask for it."""
    changed: frozenset[str] | None = None
    """Paths the preview's watcher saw change, read again whatever their times say."""
    before: str = "building"
    """What the user was doing, for the hint of a missing passphrase."""


@dataclass
class Result:
    status: int
    diagnostics: Diagnostics
    output: Path | None = None
    files: int = 0
    hits: list[Hit] = field(default_factory=list)
    share_url: str = ""
    site: Site | None = None


class Writer(Protocol):
    """Where a made site goes, and what may cut a run short before it is made."""

    def before(self, pipe: Pipeline, loaded: LoadedSite, request: Request,
               diags: Diagnostics, found: Diagnostics) -> Result | None:
        """A result without making the site (a build whose inputs, what load
        said of them (``found``) and output are as the last one left them), or
        None to go on."""

    def ready(self, prep: Prepared, request: Request, diags: Diagnostics) -> bool:
        """Whether the writer can take the site (e.g. its output folder is one it
        may write); False with the problem in ``diags``."""

    def write(self, pipe: Pipeline, site: Site, request: Request,
              diags: Diagnostics) -> Result: ...


def run(pipe: Pipeline, request: Request, writer: Writer) -> Result:
    """load → parse → validate → audience filter → site graph → emit, then the
    writer (which writes and audits, or audits only)."""
    diags = Diagnostics()
    found = Diagnostics()
    loaded = pipe.load(found, set(request.changed) if request.changed else None)
    done = writer.before(pipe, loaded, request, diags, found)
    if done is not None:
        # The last build's output stands. Nothing is made, so nothing of what the
        # store keeps is forgotten: the next build after an edit needs all of it.
        return done
    diags.extend(found)
    pipe.begin()
    result = Result(EXIT_USAGE, diags)
    try:
        result = _run(pipe, request, writer, diags, loaded)
        return result
    finally:
        pipe.finish(made=result.status == EXIT_OK)


def _run(pipe: Pipeline, request: Request, writer: Writer, diags: Diagnostics,
         loaded: LoadedSite) -> Result:
    prep = pipe.prepare(diags, loaded=loaded)
    if prep is None or not writer.ready(prep, request, diags):
        return Result(EXIT_USAGE, diags)
    theme = load_theme(pipe, prep, diags)
    if theme is None:
        return Result(EXIT_USAGE, diags)
    enc = _encryption(pipe, prep, request, diags)
    if enc is None:
        return Result(EXIT_USAGE, diags)
    site = make_site(pipe, prep, theme, request.audience,
                     Diagnostics() if request.despite_errors else diags, enc, request.strict,
                     request.mentor_too, request.share)
    if site is None:
        usage = any(d.code == "theme" for d in diags)
        return Result(EXIT_USAGE if usage else EXIT_CONTENT, diags)
    return writer.write(pipe, site, request, diags)


def _encryption(pipe: Pipeline, prep: Prepared, request: Request,
                diags: Diagnostics) -> Encryption | None:
    """The mentor view's encryption, when it is shown and site.toml names a
    passphrase; None (an error) when the passphrase is not set."""
    share = prep.config.share
    shown = request.audience == "mentor" or (
        request.audience == "public" and share.enabled and request.share)
    if not (share.passphrase_env and request.lock and shown):
        return PLAIN
    passphrase = read_passphrase(share.passphrase_env, request.before, diags)
    return pipe.encryption(passphrase) if passphrase else None
