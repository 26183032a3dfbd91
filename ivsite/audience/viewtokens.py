"""The tokens the audience filter writes in place of what it rewrites.

A link to a note becomes a link to a placeholder address (``ivsite:note/…``,
turned into a relative URL by ivsite.markdown.render) or, when the audience may not see
the note, its label alone ("a private note" when it has none: never the note's
name). Kept apart from the filter so that the filter's embeds (ivsite.audience.viewembeds)
write the very same tokens as its links.
"""

from __future__ import annotations

from markdown_it.token import Token

from ..core.slugs import slugify
from ..core.sourcefiles import AssetRef
from ..markdown.dialect import inline_text
from ..markdown.notes import AssetTarget, BrokenTarget, ExternalTarget, NoteTarget

WITHHELD_LABEL = "a private note"


def link_tokens(
    target: NoteTarget | AssetTarget | ExternalTarget | BrokenTarget, label: str,
    ids: dict[str, str], titles: dict[str, str], links_to: list[str], texts: list[str],
) -> list[Token]:
    """A wiki-link's tokens: a link to a note this audience sees (``ids``), else
    the label alone. What it shows goes to ``texts``, the note it leads to to
    ``links_to``."""
    if isinstance(target, NoteTarget):
        tid = ids.get(target.note.key)
        if tid is not None:
            links_to.append(tid)
            shown = label or titles[target.note.key]
            texts.append(shown)
            return [
                Token("link_open", "a", 1, attrs={"href": note_ref(tid, target.fragment)},
                      meta={"wiki": True}),
                text_token(shown),
                Token("link_close", "a", -1),
            ]
    # A note not written yet reads as its name; a withheld one is never named.
    missing = isinstance(target, BrokenTarget) and target.code == "missing-note"
    shown = label or (target.shown if missing and isinstance(target, BrokenTarget)
                      else "") or WITHHELD_LABEL
    texts.append(shown)
    return [text_token(shown)]


def tag_link(name: str, shown: str) -> list[Token]:
    """An inline ``#tag`` as a link to its tag page (``ivsite:tag/…``)."""
    return [Token("link_open", "a", 1, attrs={"href": f"ivsite:tag/{name}", "class": "tag"}),
            text_token(shown), Token("link_close", "a", -1)]


def picture_link(src: str, alt: str) -> list[Token]:
    """A picture on another host, shown as a link to it with its alt text: the page
    loads nothing from another host (see ivsite.markup.remoteloads)."""
    return [Token("link_open", "a", 1, attrs={"href": src, "class": "remote-picture"}),
            text_token(alt or src), Token("link_close", "a", -1)]


def note_ref(note_id: str, fragment: str) -> str:
    """A placeholder the emitter turns into a URL relative to the page it is on."""
    return f"ivsite:note/{note_id}" + (f"#{slugify(fragment)}" if fragment else "")


def asset_ref(asset: AssetRef, fragment: str) -> str:
    return f"ivsite:asset/{asset.out}" + (f"#{fragment}" if fragment else "")


def paragraph(children: list[Token]) -> list[Token]:
    return [Token("paragraph_open", "p", 1, block=True),
            Token("inline", "", 0, children=children,
                  content="".join(c.content for c in children if c.type == "text")),
            Token("paragraph_close", "p", -1, block=True)]


def words(tokens: list[Token]) -> list[str]:
    """The words of block tokens (their inline text and code)."""
    return [inline_text(t) if t.type == "inline" else t.content for t in tokens
            if t.type in ("inline", "fence", "code_block")]


def text_token(content: str) -> Token:
    return Token("text", "", 0, content=content)
