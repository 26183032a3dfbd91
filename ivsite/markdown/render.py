"""Markdown tokens of an audience view to HTML, with links relative to the page.

Links are written relative to the page they are on, so one build works at the
site root, under a base_url sub-path and under ``share/<token>/`` alike. The
placeholders the audience filter left (``ivsite:note/…``, ``ivsite:asset/…``,
``ivsite:tag/…`` for an inline ``#tag``) are turned into those relative URLs
here (a page without the address keeps the words); nothing else is rewritten.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable, Sequence
from typing import Any

from markdown_it.token import Token

from ..core.slugs import slugify
from .dialect import markdown

PASSAGE_LABELS = {
    "private": "Private — only you see this; never published",
    "mentor": "For review — shown to your mentor, not to the public",
}


def relative_url(from_url: str, to_url: str) -> str:
    """Both are site-relative directory-style URLs ('' is the home page)."""
    path, _, frag = to_url.partition("#")
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    if not from_url.endswith("/") and from_url:
        base = posixpath.dirname(from_url)
    rel = _relpath(path or ".", base or ".")
    if path.endswith("/") or path == "":
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{frag}" if frag else "")


def _relpath(path: str, base: str) -> str:
    """``posixpath.relpath`` for plain relative paths, without its trips through
    the working directory (it is called for every link on every page); anything
    unusual (absolute, '..', empty segments) goes to ``posixpath.relpath``."""
    p, b = path.split("/"), base.split("/")
    if path.startswith("/") or base.startswith("/") or ".." in p or ".." in b:
        return posixpath.relpath(path, base)
    p = [s for s in p if s and s != "."]
    b = [s for s in b if s and s != "."]
    i = 0
    while i < len(p) and i < len(b) and p[i] == b[i]:
        i += 1
    return "/".join([".."] * (len(b) - i) + p[i:]) or "."


def heading_anchors(tokens: Sequence[Token]) -> dict[int, tuple[str, str]]:
    """Index of each heading_open token to its (anchor, plain text)."""
    out: dict[int, tuple[str, str]] = {}
    used: set[str] = set()
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and i + 1 < len(tokens):
            text = plain_text(tokens[i + 1])
            base = slugify(text) or "section"
            anchor, n = base, 0
            while anchor in used:
                n += 1
                anchor = f"{base}-{n}"
            used.add(anchor)
            out[i] = (anchor, text)
    return out


def plain_text(inline: Token) -> str:
    if inline.children is None:
        return inline.content
    return "".join(
        c.content for c in inline.children
        if c.type in ("text", "code_inline", "softbreak") or c.type == "image"
    ).strip()


class Renderer:
    """Renders token lists for one page; ``resolve`` maps note ids to site URLs."""

    def __init__(self, note_url: Callable[[str], str | None],
                 asset_url: Callable[[str], str | None], mark_passages: bool,
                 tag_url: Callable[[str], str | None] = lambda name: None) -> None:
        self._note_url = note_url
        self._asset_url = asset_url
        self._tag_url = tag_url
        self._mark = mark_passages

    def render(self, tokens: list[Token], env: dict[str, Any], page_url: str) -> str:
        md = markdown()
        anchors = heading_anchors(tokens)
        out = list(tokens)
        for i, (anchor, _) in anchors.items():
            tok = out[i]
            out[i] = Token(tok.type, tok.tag, tok.nesting, attrs={**tok.attrs, "id": anchor},
                           map=tok.map, level=tok.level, markup=tok.markup, block=True)
        for i, tok in enumerate(out):
            if tok.type == "inline" and tok.children:
                out[i] = self._inline(tok, page_url)
        parts: list[str] = []
        chunk: list[Token] = []
        for tok in out:
            if tok.type in ("passage_open", "passage_close"):
                if chunk:
                    parts.append(md.renderer.render(chunk, md.options, dict(env)))
                    chunk = []
                parts.append(self._passage(tok))
            else:
                chunk.append(tok)
        if chunk:
            parts.append(md.renderer.render(chunk, md.options, dict(env)))
        return "".join(parts)

    def _passage(self, tok: Token) -> str:
        if tok.nesting == -1:
            return "</aside>\n"
        kind = str(tok.meta.get("kind"))
        label = PASSAGE_LABELS.get(kind, kind)
        anchor = html.escape(str(tok.attrs.get("id", "")))
        return (f'<aside class="passage passage-{kind}" id="{anchor}">\n'
                f'<p class="passage-label">{html.escape(label)}</p>\n')

    def _inline(self, tok: Token, page_url: str) -> Token:
        children: list[Token] = []
        assert tok.children is not None
        dropped_link = False
        for c in tok.children:
            if c.type == "link_close" and dropped_link:
                dropped_link = False
                continue
            key = "href" if c.type == "link_open" else "src" if c.type == "image" else ""
            value = str(c.attrs.get(key, "")) if key else ""
            if value.startswith("ivsite:"):
                resolved = self._resolve(value, page_url)
                if resolved is None:  # a file this view leaves out: keep only the words
                    if c.type == "link_open":
                        dropped_link = True
                    else:
                        children.append(Token("text", "", 0, content=c.content))
                    continue
                c = Token(c.type, c.tag, c.nesting, attrs=dict(c.attrs), map=c.map,
                          level=c.level, children=c.children, content=c.content,
                          markup=c.markup, info=c.info, meta=dict(c.meta), block=c.block)
                c.attrs[key] = resolved
            children.append(c)
        return Token(tok.type, tok.tag, tok.nesting, map=tok.map, level=tok.level,
                     children=children, content=tok.content, block=tok.block)

    def _resolve(self, ref: str, page_url: str) -> str | None:
        kind, _, rest = ref[len("ivsite:"):].partition("/")
        path, _, frag = rest.partition("#")
        target = self._note_url(path) if kind == "note" else self._tag_url(path) \
            if kind == "tag" else self._asset_url(path)
        if target is None:
            return None
        url = relative_url(page_url, target)
        return url + (f"#{frag}" if frag else "")
