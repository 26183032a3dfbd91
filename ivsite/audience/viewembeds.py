"""The audience filter's part for ``![[embeds]]`` (see ivsite.audience.stage).

An embedded note is shown as the audience's own view of it, made by the same
function that makes its page (``Embeds.view_of``): its withheld passages are not
in it, its links are filtered, and a note the audience may not see is never
inlined but written like a link to it ("a private note"). Embeds inside
embedded notes are followed to ``embedding.MAX_DEPTH``; a cycle is a warning and
a link. A file embed is an image (with its width) or a link to the file.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from markdown_it.token import Token

from ..core.diagnostics import Diagnostics
from ..core.sourcefiles import AssetRef
from ..markdown.notes import AssetTarget, Note, NoteTarget, Target, ValidSite, resolve_wiki
from ..syntax.embeds import is_file, size_of
from ..validate import embedding
from . import fragments
from .viewtokens import asset_ref, link_tokens, paragraph, text_token, words


class EmbeddedView(Protocol):
    """What an embed takes of the embedded note's view (a viewnote.ViewNote)."""

    tokens: list[Token]
    links_to: list[str]
    assets: list[AssetRef]


@dataclass(frozen=True)
class Embeds:
    """How the notes a note embeds are filled in: ``chain`` holds the notes that
    embed this one, itself last (a cycle and the depth are told from it);
    ``view_of`` makes a note's view for this audience, the same way as for its
    own page, so an embed shows nothing its own page would not."""

    chain: tuple[str, ...]
    found: Diagnostics
    view_of: Callable[[Note, tuple[str, ...], Diagnostics], EmbeddedView]
    anchors_of: Callable[[Note], frozenset[str]]
    """The heading and block anchors of a note's view for this audience (what a
    link's ``#fragment`` may name, see ivsite.audience.fragments)."""


@dataclass
class EmbedFilter:
    """One note's embeds, for one audience; what they show and lead to is added
    to the note's ``links_to``, ``assets`` and ``texts``."""

    site: ValidSite
    note: Note
    ids: dict[str, str]
    """The notes this audience sees (key to id)."""
    titles: dict[str, str]
    links_to: list[str]
    assets: list[AssetRef]
    texts: list[str]
    embeds: Embeds
    count: int = field(default=0)
    """Notes embedded so far (their anchors are numbered apart)."""
    line: int = field(default=0)
    """The note's line the filter is at (inline tokens carry none)."""

    def checked(self, target: Target, written: str) -> Target:
        """``target`` without its fragment when the fragment names no heading or
        block this audience sees in that note: the slug of a withheld heading is
        withheld text, so the link leads to the page itself."""
        if not isinstance(target, NoteTarget) or target.note.key not in self.ids \
                or fragments.kept(target.fragment, self.embeds.anchors_of(target.note)):
            return target
        if fragments.kept(target.fragment, fragments.anchors(target.note.tokens)):
            code, why = "link-fragment-withheld", "points into withheld text"
        else:
            code, why = "link-fragment-missing", "names no heading or block id there"
        self.embeds.found.warning(
            self.note.source, self.line, 1, code,
            f"the link '{written}' {why}; it leads to the page itself",
            "link the note without '#', or to a heading its readers see")
        return NoteTarget(target.note, "")

    def block(self, tok: Token) -> list[Token]:
        """A note embedded alone in its paragraph: the note's text as this audience
        reads it (or a heading's section of it), or, for a note it may not see, the
        words a link to it would leave ("a private note")."""
        name, label = str(tok.meta["target"]), str(tok.meta.get("extra") or "")
        self.line = self.note.line_of(tok)
        target = resolve_wiki(self.site, name)

        def source() -> list[Token]:
            return paragraph(link_tokens(self.checked(target, name), label, self.ids,
                                         self.titles, self.links_to, self.texts))

        if not isinstance(target, NoteTarget) or target.note.key not in self.ids:
            return source()
        key, chain, found = target.note.key, self.embeds.chain, self.embeds.found
        problem: tuple[str, str] | None = None
        body: list[Token] = []
        if key in chain:
            problem = ("embed-cycle", f"'![[{name}]]' embeds a note that embeds this one "
                       f"({' → '.join(chain)} → {key}); it is shown as a link")
        elif len(chain) > embedding.MAX_DEPTH:
            problem = ("embed-depth", f"'![[{name}]]' is more than {embedding.MAX_DEPTH} "
                       "embeds deep; it is shown as a link")
        else:
            sub = self.embeds.view_of(target.note, (*chain, key), found)
            body = embedding.section(sub.tokens, target.fragment) if target.fragment \
                else sub.tokens
            if target.fragment and not body:
                problem = ("embed-heading", f"'![[{name}]]': the note has no heading "
                           f"'{target.fragment}' that this view shows; it is shown as a link")
            else:
                self.links_to.extend(sub.links_to)
                self.assets.extend(sub.assets)
        if problem is not None:
            found.warning(self.note.source, self.note.line_of(tok), 1, *problem,
                          "embed the note in another place, or link it with [[...]]")
            return source()
        head = source()
        head[0].attrs["class"] = "embed-source"
        self.texts.extend(words(body))
        self.count += 1
        return [Token("embed_open", "div", 1, attrs={"class": "embed"}, block=True), *head,
                *embedding.standalone(body, f"embed-{self.count}"),
                Token("embed_close", "div", -1, block=True)]

    def inline(self, child: Token) -> list[Token]:
        """An embed inside a line: a file as an image or a link, a note as a link."""
        name, extra = str(child.meta["target"]), str(child.meta.get("extra") or "")
        if not is_file(name):
            return link_tokens(self.checked(resolve_wiki(self.site, name), name), extra,
                               self.ids, self.titles, self.links_to, self.texts)
        size = size_of(extra)
        shown = extra if extra and size is None else posixpath.basename(name)
        self.texts.append(shown)
        found = embedding.find_file(self.site, name)
        if not isinstance(found, AssetTarget):
            return [text_token(shown)]  # validation reports it
        self.assets.append(found.asset)
        ref = asset_ref(found.asset, "")
        if not embedding.is_image(found.asset.rel):
            return [Token("link_open", "a", 1, attrs={"href": ref}), text_token(shown),
                    Token("link_close", "a", -1)]
        attrs: dict[str, str | int | float] = {"src": ref, "alt": ""}
        if size is not None:
            attrs["width"] = size[0]
            if size[1]:
                attrs["height"] = size[1]
        return [Token("image", "img", 0, attrs=attrs, children=[text_token(shown)],
                      content=shown)]
