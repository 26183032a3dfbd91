"""Comments and privacy markers in the texts outside notes that pages print
(red team 10, R10-30): ``site.toml``'s ``title`` and ``author`` (on every page)
and ``questions.yaml``'s question texts and aliases (on the question pages).

Each is printed as written, escaped so that readers see it: a comment there
(``<!-- ask about the Kroggle salary band -->``, ``%% … %%``) hides nothing, and
neither does a fence, a label or another tool's tag (see ivsite.validate.frontmarkers).
So each is an error, as in a note's front matter (``comment-in-front-matter``);
the audit looks for a comment's text there on its own (ivsite.audit.secrets).
"""

from __future__ import annotations

from ..core.diagnostics import Diagnostics
from ..switches.fmchecks import comment_kind
from .frontmarkers import text_markers
from .unreadlinks import WIKI

_HINT = ("it is printed as written on every page that shows it: take it out, and keep "
         "the note in a private note or a '::: private' passage")


def printed_text(path: str, line: int, where: str, text: str, code: str,
                 diags: Diagnostics) -> bool:
    """Report a comment (as ``code``) and the privacy markers in one printed text;
    whether any."""
    found = False
    kind = comment_kind(text)
    if kind:
        found = True
        diags.error(path, line, 1, code,
                    f"{kind} in {where} would be printed as text, not hidden", _HINT)
    for marker, message in text_markers(text, where):
        found = True
        diags.error(path, line, 1, marker, message, _HINT)
    for m in WIKI.finditer(text):  # R11-25: printed as written, a note's name in it
        found = True
        diags.error(path, line, 1, "unread-wiki-link",
                    f"'{m.group(0)}' in {where} is not read as a link: ivsite would print "
                    "it as written, with the name of the note it links to", _HINT)
    return found
