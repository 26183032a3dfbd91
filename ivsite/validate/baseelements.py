"""A ``<base>`` element in a note (red team 4, J1): checked in every note, private
ones too, since the private preview shows them and runs the site's own scripts."""

from __future__ import annotations

from markdown_it.token import Token

from ..core.diagnostics import Diagnostics
from ..markdown.dialect import with_lines
from ..markup.hidinghtml import redirecting


def base_elements(path: str, body_line: int, tokens: list[Token], diags: Diagnostics) -> bool:
    """A ``<base>`` element anywhere in the note, private passages and private notes
    too: the private preview shows them, and a base address sends the page's own
    relative addresses (the theme's scripts, the preview's reload script, which
    runs with the key) to another host (red team 4, J1). Whether any was found."""
    found = False
    for tok, src in with_lines(tokens):
        if tok.type in ("html_block", "html_inline") and redirecting(tok.content):
            found = True
            diags.error(path, src + body_line, 1, "base-element",
                        "a <base> element changes where every relative address on the "
                        "page leads, the site's own scripts and styles included",
                        "remove it, and write each link's address in full instead")
    return found
