"""A note's body as one audience sees it: what the filter does to the tokens the
parser made of the text the audience may read (the withheld passages were cut
out before parsing, see ivsite.markdown.passages).

Links to notes the audience may not see become plain labels, links to files and
pages are checked against what the audience may reach, footnotes are gathered at
the end, comments in raw HTML are dropped once more, and the text the note shows
(for excerpts, search and the name check) is collected.
"""

from __future__ import annotations

import html
import re

from markdown_it.token import Token

from ..core.urlparts import attribute_addresses, split_url, url_path
from ..markdown.dialect import inline_text
from ..markdown.notes import (
    AssetTarget,
    BrokenTarget,
    Note,
    NoteTarget,
    ValidSite,
    resolve_href,
    resolve_wiki,
)
from ..markup.remoteloads import own_host, remote_host
from ..syntax.inlinetags import TOKEN as INLINE_TAG
from .viewembeds import EmbedFilter, Embeds
from .viewnote import Audience, ViewNote
from .viewtokens import asset_ref, link_tokens, note_ref, picture_link, tag_link, text_token

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_ATTRIBUTE = re.compile(r"""(\s[\w:.-]+\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_URL_PIECES = re.compile(r"[\s,;()'\"=]+")
"""What separates addresses inside an attribute (srcset, style's url(...), a meta
refresh's content="0; url=...")."""



class BodyFilter:
    """One audience's tokens of a note, which hold nothing withheld (the passages
    were cut out before parsing): links rewritten, footnotes gathered at the end,
    comments in raw HTML dropped once more, and what the text says collected."""

    def __init__(self, note: Note, site: ValidSite, tokens: list[Token],
                 env: dict[str, object], ids: dict[str, str], titles: dict[str, str],
                 hidden: frozenset[str], base_url: str, vn: ViewNote, embeds: Embeds,
                 audience: Audience) -> None:
        self.note, self.site, self.ids, self.titles, self.vn = note, site, ids, titles, vn
        self.audience = audience
        self.hidden = hidden
        """Slugs and file names of the notes this audience may not see."""
        self.own_host = own_host(base_url)
        """The site's own host name (no port, user or final dot; "" without a
        base_url): an absolute address there is a page of this site, and a picture
        there is not loaded from another host."""
        self.tokens, self.env = tokens, env
        self.texts: list[str] = []
        self.refs_seen: dict[str, list[int]] = {}
        self.embeds = EmbedFilter(site, note, ids, titles, vn.links_to, vn.assets, self.texts,
                                  embeds)

    def run(self) -> None:
        vn = self.vn
        out: list[Token] = []
        passage_n = 0
        defs: dict[str, list[Token]] = {}
        current: list[Token] | None = None
        for tok in self.tokens:
            if tok.type.startswith("container_"):
                if tok.nesting == 1:
                    passage_n += 1
                    kind = tok.type[len("container_"):].rsplit("_", 1)[0]
                    anchor = f"{kind}-passage-{passage_n}"
                    out.append(Token("passage_open", "aside", 1, attrs={"id": anchor},
                                     meta={"kind": kind}, map=tok.map, block=True))
                    vn.passages.append((kind, anchor, ""))  # excerpt filled in below
                else:
                    out.append(Token("passage_close", "aside", -1, block=True))
                continue
            if tok.type == "embed_block" and current is None:
                out.extend(self.embeds.block(tok))
                continue
            if tok.type == "footnote_reference_open":
                current = [tok]
                defs[str(tok.meta.get("label"))] = current
                continue
            if current is not None:
                current.append(tok)
                if tok.type == "footnote_reference_close":
                    current = None
                continue
            out.append(self._rewrite(tok))
        # Definitions go last, as the parser would put them.
        if defs:
            out.extend(self._footnote_block(defs))
        vn.tokens = out
        _passage_excerpts(vn)
        vn.env = {k: v for k, v in self.env.items() if k == "footnotes"}
        vn.text = " ".join(" ".join(self.texts).split())
        if not vn.summary:
            vn.summary = _excerpt(vn.text)

    def _footnote_block(self, defs: dict[str, list[Token]]) -> list[Token]:
        data = self.env.get("footnotes")
        listing = data.get("list", {}) if isinstance(data, dict) else {}
        out = [Token("footnote_block_open", "", 1)]
        for fid, info in sorted(listing.items()):
            label = str(info.get("label"))
            body = defs.get(label)
            subs = self.refs_seen.get(label)
            if body is None or not subs:
                continue  # never referred to
            out.append(Token("footnote_open", "", 1, meta={"id": fid, "label": label}))
            inner = [r for t in body[1:-1] for r in (
                self.embeds.block(t) if t.type == "embed_block" else [self._rewrite(t)])]
            last = inner.pop() if inner and inner[-1].type == "paragraph_close" else None
            out.extend(inner)
            for sub in subs:
                out.append(Token("footnote_anchor", "", 0,
                                 meta={"id": fid, "subId": sub, "label": label}))
            if last is not None:
                out.append(last)
            out.append(Token("footnote_close", "", -1))
        out.append(Token("footnote_block_close", "", -1))
        return out if len(out) > 2 else []

    def _raw_html(self, content: str) -> str:
        """Raw HTML with any link to a withheld note taken out: an address that
        resolves to one as a source path, or names one as a page address."""
        content = _COMMENT.sub("", content)
        if "=" not in content:
            return content
        return _ATTRIBUTE.sub(lambda m: "" if self._withheld_url(m) else m.group(0), content)

    def _withheld_url(self, m: re.Match[str]) -> bool:
        """Whether an attribute, any attribute, holds an address of a withheld note."""
        value = html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        # As a browser reads it: backslashes as slashes, no tabs (red team 13, R13-02).
        for url in attribute_addresses(value, _URL_PIECES):
            parts = split_url(url)
            if parts.scheme or parts.netloc:
                host = (parts.hostname or "").rstrip(".")
                if not self.own_host or host.casefold() != self.own_host.casefold():
                    continue
                url = parts.path  # this site's own page, written out in full
            if "/" not in url_path(split_url(url)) \
                    and not url.casefold().endswith((".md", ".html")):
                continue  # a word (a class, an alt text), not an address
            target = resolve_href(self.site, self.note.source, url)
            if isinstance(target, NoteTarget) and target.note.key not in self.ids:
                return True
            segments = url_path(parts).casefold().split("/")
            for seg in segments:
                stem = seg.removesuffix(".html").removesuffix(".md")
                if stem and stem in self.hidden:
                    return True
        return False

    def _rewrite(self, tok: Token) -> Token:
        if tok.type in ("html_block", "html_inline"):
            return _copy(tok, content=self._raw_html(tok.content))
        if tok.type in ("fence", "code_block"):
            self.texts.append(tok.content)
            return tok
        if tok.type == "inline" and tok.children is not None:
            self.embeds.line = self.note.line_of(tok)
            new = _copy(tok, children=self._rewrite_inline(tok.children))
            new.content = inline_text(new)  # the raw source may name what was withheld
            return new
        return tok

    def _rewrite_inline(self, children: list[Token]) -> list[Token]:
        vn, site, note, texts = self.vn, self.site, self.note, self.texts
        out: list[Token] = []
        withheld_link_depth = 0
        links = 0  # how many links the child stands in (a link holds no other link)
        for child in children:
            t = child.type
            links += (t == "link_open") - (t == "link_close")
            if t == "html_inline":
                out.append(_copy(child, content=self._raw_html(child.content)))
                continue
            if t == "footnote_ref":
                label = str(child.meta.get("label"))
                self.refs_seen.setdefault(label, []).append(int(child.meta.get("subId", 0)))
                out.append(child)
                continue
            if t == INLINE_TAG:
                name = str(child.meta["tag"])
                vn.inline_tags.append(name)
                texts.append(child.content)
                out += tag_link(name, child.content)
                continue
            if t == "embed":
                out.extend(self.embeds.inline(child))
                continue
            if t == "wikilink":
                name = str(child.meta["target"])
                target = self.embeds.checked(resolve_wiki(site, name), name)
                label = str(child.meta.get("label") or "")
                out.extend(link_tokens(target, label, self.ids, self.titles, vn.links_to, texts))
                continue
            if t == "link_open":
                href = str(child.attrs.get("href", ""))
                target = self.embeds.checked(resolve_href(site, note.source, href), href)
                if isinstance(target, NoteTarget):
                    tid = self.ids.get(target.note.key)
                    if tid is None:
                        withheld_link_depth += 1
                        continue
                    vn.links_to.append(tid)
                    out.append(_copy(child, attrs={**child.attrs,
                                                   "href": note_ref(tid, target.fragment)}))
                    continue
                if isinstance(target, AssetTarget):
                    vn.assets.append(target.asset)
                    out.append(_copy(child, attrs={
                        **child.attrs, "href": asset_ref(target.asset, target.fragment)}))
                    continue
                out.append(child)
                continue
            if t == "link_close" and withheld_link_depth:
                withheld_link_depth -= 1
                continue
            if t == "image":
                src = str(child.attrs.get("src", ""))
                target = resolve_href(site, note.source, src)
                if isinstance(target, AssetTarget):
                    vn.assets.append(target.asset)
                    out.append(_copy(child, attrs={**child.attrs,
                                                   "src": asset_ref(target.asset, "")}))
                elif isinstance(target, NoteTarget | BrokenTarget):
                    out.append(text_token(child.content or ""))
                elif remote_host(src, self.own_host) is not None:
                    out += [text_token(child.content or "")] if links else \
                        picture_link(src, child.content or "")
                else:
                    out.append(child)
                texts.append(child.content or "")
                continue
            if t in ("text", "code_inline"):
                texts.append(child.content)
            out.append(child)
        return out


def _copy(tok: Token, **changes: object) -> Token:
    new = Token(tok.type, tok.tag, tok.nesting, attrs=dict(tok.attrs), map=tok.map,
                level=tok.level, children=tok.children, content=tok.content, markup=tok.markup,
                info=tok.info, meta=dict(tok.meta), block=tok.block, hidden=tok.hidden)
    for k, v in changes.items():
        setattr(new, k, v)
    return new


def _passage_excerpts(vn: ViewNote) -> None:
    """Each passage's excerpt, from its own filtered text (never a nested withheld one)."""
    excerpts: dict[str, str] = {}
    open_ids: list[str] = []
    for tok in vn.tokens:
        if tok.type == "passage_open":
            open_ids.append(str(tok.attrs.get("id", "")))
        elif tok.type == "passage_close":
            if open_ids:
                open_ids.pop()
        elif tok.type == "inline" and open_ids and open_ids[-1] not in excerpts:
            text = inline_text(tok)
            if text.strip():
                excerpts[open_ids[-1]] = _excerpt(text, 120)
    vn.passages = [(k, a, excerpts.get(a, "")) for k, a, _ in vn.passages]


EXCERPT = 200
"""How many characters of its text a list shows of a note without a summary."""


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"
