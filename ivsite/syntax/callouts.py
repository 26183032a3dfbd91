"""Obsidian callouts: a quote whose first line is ``[!type] Title``.

``> [!warning] Mind the gap`` becomes a ``<div class="callout callout-warning"
role="note">`` with its title first; ``[!type]-`` (folded) and ``[!type]+``
(open) become ``<details>`` with the title as ``<summary>``. Every Obsidian type
and alias is known and styled by its family; an unknown type reads as a note
with its own name. It is done after the block parse and before the inline one,
so the title is an inline token like any other (its links are filtered like
every link), and a callout is a quote in every other way: a passage inside it is
cut like a passage inside a quote.
"""

from __future__ import annotations

import re
from html import escape

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

FAMILIES = {
    "note": (), "abstract": ("summary", "tldr"), "info": (), "todo": (),
    "tip": ("hint", "important"), "success": ("check", "done"),
    "question": ("help", "faq"), "warning": ("caution", "attention"),
    "failure": ("fail", "missing"), "danger": ("error",), "bug": (), "example": (),
    "quote": ("cite",),
}
"""Obsidian's callout types: each family with its aliases (styled alike)."""
FAMILY_OF = {name: fam for fam, aliases in FAMILIES.items() for name in (fam, *aliases)}
_HEAD = re.compile(r"\[!([^\W\d_][\w-]*)\]([+-]?)[ \t]*(.*)")
"""A callout's first line; its type a word of any script (``[!비공개]``, red team
10, R10-29: a Korean or Japanese privacy word is a privacy callout)."""


def _callouts(state: StateCore) -> None:
    tokens = state.tokens
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if (tok.type != "blockquote_open" or i + 2 >= len(tokens)
                or tokens[i + 1].type != "paragraph_open"):
            i += 1
            continue
        inline = tokens[i + 2]
        first, _, rest = inline.content.partition("\n")
        m = _HEAD.fullmatch(first.strip())
        if m is None:
            i += 1
            continue
        kind, fold, title = m.group(1).casefold(), m.group(2), m.group(3).strip()
        family = FAMILY_OF.get(kind, "note")
        close = next((j for j in range(i + 1, len(tokens)) if tokens[j].type ==
                      "blockquote_close" and tokens[j].level == tok.level), None)
        if close is None:  # (markdown-it always closes a quote; a plain quote stays one)
            i += 1
            continue
        tag = "details" if fold else "div"
        meta = {"kind": kind, "family": family, "fold": fold}
        tok.type, tok.tag, tok.meta = "callout_open", tag, dict(meta)
        tokens[close].type, tokens[close].tag, tokens[close].meta = "callout_close", tag, dict(meta)
        head_map = [inline.map[0], inline.map[0] + 1] if inline.map else None
        title_tok = Token("inline", "", 0, content=title or kind.capitalize(), map=head_map,
                          level=inline.level, children=[])
        head = [Token("callout_title_open", "summary" if fold else "p", 1, meta=dict(meta),
                      map=head_map, level=tok.level + 1, block=True),
                title_tok,
                Token("callout_title_close", "summary" if fold else "p", -1, meta=dict(meta),
                      level=tok.level + 1, block=True)]
        if rest.strip():
            inline.content = rest
            if inline.map:
                inline.map = [inline.map[0] + 1, inline.map[1]]
                tokens[i + 1].map = list(inline.map)
            tokens[i + 1:i + 1] = head
        else:  # the title line was the whole paragraph
            tokens[i + 1:i + 4] = head
        i += 1


def _open(self: RendererProtocol, tokens: list[Token], idx: int, options: OptionsDict,
          env: EnvType) -> str:
    meta = tokens[idx].meta
    cls = f'callout callout-{meta["family"]}'
    kind = escape(str(meta["kind"]))
    if meta["fold"]:
        opened = " open" if meta["fold"] == "+" else ""
        return f'<details class="{cls}" data-callout="{kind}"{opened}>\n'
    return f'<div class="{cls}" data-callout="{kind}" role="note">\n'


def _close(self: RendererProtocol, tokens: list[Token], idx: int, options: OptionsDict,
           env: EnvType) -> str:
    return "</details>\n" if tokens[idx].meta["fold"] else "</div>\n"


def _title_open(self: RendererProtocol, tokens: list[Token], idx: int, options: OptionsDict,
                env: EnvType) -> str:
    tag = "summary" if tokens[idx].meta["fold"] else "p"
    return f'<{tag} class="callout-title">'


def _title_close(self: RendererProtocol, tokens: list[Token], idx: int,
                 options: OptionsDict, env: EnvType) -> str:
    return "</summary>\n" if tokens[idx].meta["fold"] else "</p>\n"


def callouts_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("block", "callouts", _callouts)
    md.add_render_rule("callout_open", _open)
    md.add_render_rule("callout_close", _close)
    md.add_render_rule("callout_title_open", _title_open)
    md.add_render_rule("callout_title_close", _title_close)
