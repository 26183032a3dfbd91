"""Where a made site goes: written beside the output folder (readable by its user
only, see ivsite.write.staging), audited and swapped in (``build``); made and audited in
memory (``check``); nowhere (``share``, which only counts it); or compared with a
folder already written (``audit DIR``). The live preview's writer, which syncs a
folder it serves, is in ivsite.preview."""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
from pathlib import Path

from ..audit.search import Hit
from ..core.diagnostics import Diagnostics, as_plain
from ..core.keyed import digest
from ..core.outfolders import audience_dir, output_folder, public_folder_problem
from ..emit import EmitError
from ..emit.theme import ThemeError
from ..incremental import last_build
from ..load.stage import LoadedSite
from ..mentor import share
from ..names.people import CONTACT_KINDS
from ..validate.config import load_config
from ..write.stage import Layer, Staged, check_output_dir
from .checks import (
    audit_before_encryption,
    audit_checks,
    audit_made,
    audit_staged,
    folder_checks,
    layer_checks,
)
from .driver import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Request, Result
from .site import Site, made_wrong
from .stages import Pipeline, Prepared

AUDIT_HINT = ("nothing was written; take it out of the visible text or file, or report a "
              "bug if ivsite's own pages put it there")


UNREAD_HINT = ("the audit could not read all of this file, so it cannot tell what the file "
               "shows: save it again in a form it reads (a PDF without a password or unusual "
               "filters, e.g. printed to PDF again; an archive as ZIP or tar), or leave it out")


CONTACT_HINT = ("if it is your own or an organisation's public address or number (one "
                "ivsite's own pages print) and in no one's interview record, list it in "
                "site.toml's [privacy] public_contacts; a detail a person's or a referral's "
                "record holds, under any key, is never public")


def hit_errors(hits: list[Hit], diags: Diagnostics, hint: str = AUDIT_HINT) -> None:
    """Each audit hit as an error at its source; a file the audit could not read
    whole (an encrypted PDF, an archive it cannot open) says what to do instead,
    and a contact detail how to declare one that is public (R12-09)."""
    for hit in hits:
        kind = hit.secret.kind
        more = UNREAD_HINT if kind.startswith("file not read whole (") else \
            CONTACT_HINT if kind.startswith(CONTACT_KINDS) else ""
        diags.error(hit.secret.source, hit.secret.line, 1, "audit",
                    f"{kind} would be published in {hit.output}",
                    f"{hint}; {more}" if more else hint)


class _Writer:
    """Nothing to cut short and nothing to get ready."""

    def before(self, pipe: Pipeline, loaded: LoadedSite, request: Request,
               diags: Diagnostics, found: Diagnostics) -> Result | None:
        return None

    def ready(self, prep: Prepared, request: Request, diags: Diagnostics) -> bool:
        return True


class Nowhere(_Writer):
    """The site made and handed back (``share`` counts what the mentor sees)."""

    def write(self, pipe: Pipeline, site: Site, request: Request,
              diags: Diagnostics) -> Result:
        return Result(EXIT_OK, diags, site=site)


class Rehearse(_Writer):
    """Every page made and audited as a build would, and nothing written, so that
    ``check`` says ok only of a site that ``build`` would write."""

    def write(self, pipe: Pipeline, site: Site, request: Request,
              diags: Diagnostics) -> Result:
        try:
            site.layers = [Layer(la.prefix, dataclasses.replace(la.plan,
                                                                files=la.plan.files.made()))
                           for la in site.layers]
        except (ThemeError, EmitError) as exc:
            made_wrong(site.prep, exc, diags)
            return Result(EXIT_USAGE if isinstance(exc, ThemeError) else EXIT_CONTENT, diags)
        # The private view withholds nothing: there is nothing to look for.
        hits = audit_made(pipe, site) if request.audience != "private" else []
        hit_errors(hits, diags, "`ivsite build` would refuse to write this site; take it "
                   "out of the visible text or file, or report a bug if ivsite's own "
                   "pages put it there")
        status = EXIT_CONTENT if hits or diags.has_errors(request.strict) else EXIT_OK
        return Result(status, diags, files=sum(len(la.plan.files) for la in site.layers),
                      hits=hits, site=site)


class AuditFolder(_Writer):
    """``audit DIR``: the build's own output check, on a folder written before."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def ready(self, prep: Prepared, request: Request, diags: Diagnostics) -> bool:
        if not self.folder.is_dir():
            diags.error(str(self.folder), 0, 0, "audit", "there is no such folder")
            return False
        return True

    def write(self, pipe: Pipeline, site: Site, request: Request,
              diags: Diagnostics) -> Result:
        hits = audit_checks(pipe, self.folder, folder_checks(pipe, site, self.folder))
        return Result(EXIT_CONTENT if hits else EXIT_OK, diags, self.folder, hits=hits)


class SwapIn(_Writer):
    """``build``: write beside the output folder, audit what was written (while
    Pagefind indexes it), and swap it in only when the audit found nothing. A build
    whose inputs and output folder are as the last one left them is that build."""

    def __init__(self, out: Path | None) -> None:
        self.out = out
        self.inputs = ""
        self.out_dir: Path | None = None

    def before(self, pipe: Pipeline, loaded: LoadedSite, request: Request,
               diags: Diagnostics, found: Diagnostics) -> Result | None:
        if request.audience == "private":
            diags.error("site.toml", 0, 0, "audience",
                        "the private view is never written by build; use `ivsite serve`")
            return Result(EXIT_USAGE, diags)
        self.inputs, self.out_dir = self._inputs(pipe, loaded, request, found)
        if not (self.inputs and self.out_dir is not None and pipe.persists):
            return None
        same = last_build.read(self._record(pipe, request), self.inputs, self.out_dir)
        if same is None:
            return None
        diags.extend(same[0])
        return Result(EXIT_OK, diags, self.out_dir, same[1], share_url=same[2])

    def ready(self, prep: Prepared, request: Request, diags: Diagnostics) -> bool:
        output_dir = prep.config.output_dir
        self.out_dir = output_folder(prep.root, output_dir, request.audience, self.out)
        problem = public_folder_problem(prep.root, output_dir, request.audience, self.out_dir)
        if problem:
            diags.error("site.toml", 0, 0, "output-dir",
                        f"the output folder {self.out or self.out_dir} {problem}",
                        f"leave out --out to write it to {audience_dir(output_dir, 'mentor')}/, "
                        "or choose a folder of its own")
            return False
        folders = prep.loaded.folders
        return check_output_dir(prep.root, self.out_dir, diags,
                                ("content",) if not folders.vault else folders.dirs())

    def write(self, pipe: Pipeline, site: Site, request: Request,
              diags: Diagnostics) -> Result:
        prep, out_dir = site.prep, self.out_dir
        assert out_dir is not None
        token = (share.read_token(prep.root) or "") if len(site.layers) > 1 else ""
        try:  # pages are made as they are written (see output.Files)
            staged = Staged.write(site.layers, out_dir, prep.loaded.store, pipe.progress,
                                 pipe.store)
        except (ThemeError, EmitError) as exc:
            made_wrong(prep, exc, diags)
            return Result(EXIT_USAGE if isinstance(exc, ThemeError) else EXIT_CONTENT, diags)
        except (OSError, subprocess.SubprocessError) as exc:
            return _not_written(diags, out_dir, exc)
        try:
            # The search indexers run now: audit what is written meanwhile.
            checks = layer_checks(pipe, site)
            audit_staged(pipe, staged, checks)
            plain = audit_before_encryption(pipe, site) if site.encrypted else []
            written = staged.finish()
            hits = audit_checks(pipe, written.path, checks) + plain
            if not hits:
                staged.swap_in(out_dir)
        except (OSError, subprocess.SubprocessError) as exc:
            staged.discard()
            return _not_written(diags, out_dir, exc)
        except BaseException:  # Ctrl-C or SIGTERM (see ivsite.commands.signals): leave nothing
            staged.discard()
            raise
        if hits:
            staged.discard()
            hit_errors(hits, diags)
            return Result(EXIT_CONTENT, diags, hits=hits)
        url = prep.config.base_url + f"share/{token}/" if token else ""
        if self.inputs and pipe.persists:
            last_build.write(self._record(pipe, request), self.inputs, out_dir, list(diags),
                             len(written.files), url)
        return Result(EXIT_OK, diags, out_dir, len(written.files), share_url=url, site=site)

    @staticmethod
    def _record(pipe: Pipeline, request: Request) -> Path:
        return pipe.root / share.STATE_DIR / "cache" / f"last-build-{request.audience}.json"

    def _inputs(self, pipe: Pipeline, loaded: LoadedSite, request: Request,
                found: Diagnostics) -> tuple[str, Path | None]:
        """The digest of all a build reads (see ivsite.incremental.last_build) and
        the output folder; "" and None when there is none to be had (no valid
        site.toml or theme, or a passphrase, which the digest would have to name).
        What load said of the files is in it too (R18-B01): whatever load reads
        that the digest of the files might miss, a verdict of load's that changed
        (a person record in a skipped file, a folder's settings) makes the build
        run, and one that refuses never matches a build that succeeded."""
        config = load_config(loaded.config_bytes, Diagnostics())
        if config is None or config.share.passphrase_env:
            return "", None
        try:
            theme = pipe.theme(pipe.root, config.theme)
        except ThemeError:
            return "", None
        out_dir = output_folder(pipe.root, config.output_dir, request.audience, self.out)
        token = share.read_token(pipe.root) or ""
        statics = sorted((k, hashlib.sha256(v).hexdigest())
                         for k, v in theme.static_files().items())
        return digest("build", last_build.code_digest(), loaded.digest(), request.audience,
                      str(out_dir), request.strict, request.share, theme.stamp, statics,
                      token, as_plain(found)), out_dir


def _not_written(diags: Diagnostics, out_dir: Path, exc: Exception) -> Result:
    diags.error(str(out_dir), 0, 0, "write", f"the output could not be written: {exc}",
                "nothing was changed in the output folder")
    return Result(EXIT_USAGE, diags)
