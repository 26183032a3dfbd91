"""A note's table of contents, made at build time from the headings its page shows.

It is read from the same tokens the body is rendered from: the audience's view,
in which a withheld passage was cut out before Markdown read the text, so a
heading inside it is not there to be listed. The headings are renumbered and
given ids exactly as the rendered body's (:func:`ivsite.emit.bodyhtml.headings_from`,
:func:`ivsite.markdown.render.heading_anchors`, :func:`ivsite.emit.bodyhtml.safe_id`), so each
entry lands on its heading. The entries are plain values in the page's context,
so the page's key covers them.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from ..markdown.render import heading_anchors
from .bodyhtml import headings_from, safe_id

MIN_ENTRIES = 3
"""A note with fewer headings than this is short: it gets no table of contents."""


def table_of_contents(tokens: Sequence[Token], base_level: int) -> list[dict[str, str | int]]:
    """The body's headings of the first two levels (h2 and h3 under a page's h1)
    as ``{"anchor", "text", "depth"}`` (depth 1 or 2), or ``[]`` for a short note."""
    renumbered = headings_from(list(tokens), base_level)
    entries: list[dict[str, str | int]] = []
    for i, (anchor, text) in sorted(heading_anchors(renumbered).items()):
        depth = int(renumbered[i].tag[1:]) - base_level + 1
        if depth <= 2 and text:
            entries.append({"anchor": safe_id(anchor), "text": text, "depth": depth})
    return entries if len(entries) >= MIN_ENTRIES else []
