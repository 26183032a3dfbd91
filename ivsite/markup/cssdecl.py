"""CSS declarations as a browser reads them: escapes decoded, comments out.

``l\\65 ft:0`` is ``left:0`` to a browser; a check that looks for the property
by its spelling must read it decoded. Shared by the filter's markup checks
(ivsite.markup.hidinghtml, ivsite.markup.drawnhtml) and the audit's readings of style sheets
(ivsite.markup.sheetstyle, ivsite.markup.drawntext).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)


def decoded(css: str) -> str:
    """CSS text with its escapes decoded and its comments taken out."""
    return _CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1)
                           and 0 < int(m.group(1), 16) <= 0x10FFFF else m.group(2) or "",
                           _CSS_COMMENT.sub("", css))


def declarations(style: str) -> Iterator[tuple[str, str]]:
    """A style attribute's declarations as the browser reads them (escapes decoded,
    comments out, lower case): (property, value)."""
    for decl in decoded(style).split(";"):
        prop, colon, value = decl.partition(":")
        if colon:
            yield prop.strip().casefold(), value.casefold().replace("!important", "").strip()
