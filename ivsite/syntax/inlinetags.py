"""Inline ``#tags`` and ``#nested/tags``, as Obsidian reads them.

A tag starts with ``#`` at the start of a line or after a space, runs over
letters, digits, ``_``, ``-`` and ``/``, and is not digits alone (``#123`` is an
issue number, not a tag). It is never one in code (the code-span rule runs
first), in a URL or an entity (``&#123;`` and ``/#part`` have no space before
the ``#``), in a heading or inside a link's or image's words: there it stays
text. The audience filter collects the tags of the text an audience may read and
merges them with the front matter's.
"""

from __future__ import annotations

import re
from html import escape

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

_TAG = re.compile(r"#([\w/-]+)")
TOKEN = "inline_tag"


def _tag(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] != "#" or (pos > 0 and not src[pos - 1].isspace()):
        return False
    m = _TAG.match(src, pos)
    if m is None:
        return False
    name = m.group(1).rstrip("/")
    if not name or name.replace("/", "").isdigit() or name.startswith("/"):
        return False
    if not silent:
        tok = state.push(TOKEN, "", 0)
        tok.content = "#" + name
        tok.meta = {"tag": name}
    state.pos = pos + 1 + len(name)
    return True


def _as_text(tok: Token) -> None:
    tok.type, tok.meta = "text", {}


def _untag(state: StateCore) -> None:
    """Tags in headings and in a link's or image's words are text again."""
    heading = False
    for tok in state.tokens:
        if tok.type in ("heading_open", "heading_close"):
            heading = tok.nesting == 1
            continue
        if tok.type != "inline" or not tok.children:
            continue
        depth = 0
        for c in tok.children:
            if c.type == "link_open":
                depth += 1
            elif c.type == "link_close":
                depth = max(depth - 1, 0)
            elif c.type == TOKEN and (heading or depth):
                _as_text(c)
            elif c.type == "image":
                for sub in c.children or ():
                    if sub.type == TOKEN:
                        _as_text(sub)


def _render(self: RendererProtocol, tokens: list[Token], idx: int, options: OptionsDict,
            env: EnvType) -> str:
    return f'<span class="tag">{escape(tokens[idx].content)}</span>'


def inline_tags_plugin(md: MarkdownIt) -> None:
    md.inline.add_terminator_char("#")
    md.inline.ruler.before("link", "inline_tag", _tag)
    md.core.ruler.before("text_join", "inline_tag_untag", _untag)
    md.add_render_rule(TOKEN, _render)


def tags_of(tokens: list[Token]) -> list[str]:
    """The inline tags of a token list, in order (each as written, without '#')."""
    return [str(c.meta["tag"]) for t in tokens if t.type == "inline"
            for c in t.children or () if c.type == TOKEN]
