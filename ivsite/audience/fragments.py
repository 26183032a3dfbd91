"""Which ``#fragment`` a link to another note may keep (red-team M8).

A link's fragment is the slug of a heading or a block id in the note it leads
to. When that heading stands in a passage this audience may not read, the slug
is withheld text: the link keeps its fragment only when the fragment names an
anchor in the target's view for the same audience, and otherwise leads to the
page itself. The anchors are taken from the target's tokens for the audience
(already without its withheld passages), so nothing here knows about passages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from ..core.slugs import slugify
from ..markdown.notes import Note, NoteTarget, ValidSite, resolve_href, resolve_wiki
from ..markdown.render import heading_anchors

_BLOCK_ID = re.compile(r"(?:^|\s)\^([A-Za-z0-9][A-Za-z0-9-]*)\s*$", re.MULTILINE)


def anchors(tokens: Sequence[Token]) -> frozenset[str]:
    """The slugs a fragment may name in these tokens: each heading's anchor (as the
    renderer makes it) and each ``^block-id`` at the end of a line."""
    out = {anchor for anchor, _ in heading_anchors(tokens).values()}
    for tok in tokens:
        if tok.type == "inline":
            out.update(slugify(m.group(1)) for m in _BLOCK_ID.finditer(tok.content))
    return frozenset(out)


def kept(fragment: str, shown: frozenset[str]) -> bool:
    """Whether a link may keep ``fragment``: it names an anchor the audience sees."""
    return not fragment or slugify(fragment) in shown


def fragment_links(note: Note) -> tuple[tuple[str, str], ...]:
    """The links of ``note`` that carry a fragment, as ``("wiki", target)`` or
    ``("href", href)``: a function of its text alone, so a stage may keep it under
    that text and look for them again only when the text changes."""
    out: list[tuple[str, str]] = []
    for tok in note.tokens:
        for t in (tok, *(tok.children or ())):
            if t.type in ("wikilink", "embed", "embed_block") and "#" in str(t.meta["target"]):
                out.append(("wiki", str(t.meta["target"])))
            elif t.type == "link_open" and "#" in str(t.attrs.get("href", "")):
                out.append(("href", str(t.attrs.get("href", ""))))
    return tuple(out)


def linked_texts(site: ValidSite, note: Note,
                 links: tuple[tuple[str, str], ...] | None = None) -> tuple[str, ...]:
    """The texts of the notes this note links to with a fragment: part of its view's
    cache key, since an edit there decides whether a fragment is kept. ``links``:
    :func:`fragment_links` of the note, when the caller kept them."""
    out: dict[str, str] = {}
    for kind, where in fragment_links(note) if links is None else links:
        target = resolve_wiki(site, where) if kind == "wiki" \
            else resolve_href(site, note.source, where)
        if isinstance(target, NoteTarget) and target.fragment:
            out[target.note.key] = target.note.fm.text
    return tuple(f"{k}\0{v}" for k, v in sorted(out.items()))
