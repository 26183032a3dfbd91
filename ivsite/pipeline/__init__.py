"""The build, top to bottom: load → parse → validate → audience filter → site
graph → emit → write → audit.

Each stage lives in its own package (``ivsite.load`` … ``ivsite.audit``); this
package runs them in order (:mod:`.stages`, :mod:`.site`), collects their
diagnostics, and hands what they made to a writer (:mod:`.writers`), whose output
the audit (:mod:`.checks`) reads again. :func:`run` (:mod:`.driver`) is the one
way through: every command below is a request and a writer.
"""

from __future__ import annotations

from pathlib import Path

from ..audience.viewnote import Audience
from .checks import audit_site
from .driver import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Request, Result, Writer, run
from .secrecy import Encryption, encryption, read_passphrase
from .site import Site, made_wrong, make_site
from .stages import Pipeline, Prepared, load_theme
from .writers import AuditFolder, Nowhere, Rehearse, SwapIn, hit_errors

__all__ = [
    "EXIT_CONTENT", "EXIT_OK", "EXIT_USAGE", "AuditFolder", "Encryption", "Nowhere",
    "Pipeline", "Prepared", "Rehearse", "Request", "Result", "Site", "SwapIn", "Writer",
    "audit_dir", "audit_site", "build", "check", "encryption", "hit_errors", "load_theme",
    "made_wrong", "make_site", "read_passphrase", "run",
]


def build(root: Path, *, audience: Audience = "public", out: Path | None = None,
          strict: bool = False, pipeline: Pipeline | None = None,
          share: bool = True) -> Result:
    """``ivsite build``: make the site, write it beside the output folder, audit
    what was written, and swap it in only when the audit found nothing. ``share``
    False leaves out the mentor copy of a site that shares (``--no-share``)."""
    pipe = pipeline or Pipeline(root, pages=audience)
    return run(pipe, Request(audience, strict, share=share), SwapIn(out))


def check(root: Path, *, strict: bool = False, pipeline: Pipeline | None = None) -> Result:
    """``ivsite check``: everything ``build`` does for the public site and the mentor
    view (pages made and audited, in memory), and nothing written to the output."""
    pipe = pipeline or Pipeline(root, persist_cache=False, read_cache=True, pages="public")
    return run(pipe, Request("public", strict, lock=False, mentor_too=True), Rehearse())


def audit_dir(root: Path, folder: Path, audience: Audience) -> Result:
    """``ivsite audit DIR``: the build's own check, on any folder."""
    return run(Pipeline(root, persist_cache=False),
               Request(audience, lock=False, mentor_too=True), AuditFolder(folder))


