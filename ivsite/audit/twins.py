"""Notes read twice: one file's text as a withheld note and as a shown one.

The audit excuses a withheld sentence that a note the audience may read says
too. When that note's file holds the same bytes as the withheld note's (a hard
link, red team 16, R16-09, or a copy), the excuse is the leak itself: the same
text is private in one place and published in the other. So the text the audit
takes as shown leaves out every such note, found here from the files' hashes
and the audit's own reading of who may see each note, not from validation's
refusal of links and copies.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..audience.viewnote import SEES, Audience
from ..core.sourcefiles import SourceFile
from ..markdown.notes import ValidSite
from .visibility import audit_visibility


def without_twins(site: ValidSite, sources: Iterable[SourceFile],
                  audience: Audience) -> ValidSite:
    """``site`` without the notes ``audience`` sees whose file has the bytes of a
    note it does not see."""
    sees = SEES[audience]
    digest = {src.rel: src.digest for src in sources}
    hidden = {digest[n.source] for n in site.notes
              if n.source in digest and audit_visibility(n, site) not in sees}
    if not hidden:
        return site
    return dataclasses.replace(site, notes=[n for n in site.notes
                                            if digest.get(n.source) not in hidden])
