"""``![[note]]``, ``![[note#Heading]]``, ``![[image.png]]`` and ``![[image.png|300]]``.

The parser only marks where an embed stands: an ``embed`` inline token (target,
and what follows ``|``: a label, or a width such as ``300`` or ``300x200``),
and an ``embed_block`` token for an embed of a note that is a paragraph alone,
where the note's text can stand. What is shown in its place is the audience
filter's to decide (ivsite.validate.embedding): only a visible note's text as that
audience may read it, and a withheld note as "a private note", like a link.
Left unfiltered, an embed renders as nothing (never its target's name).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .brackets import double_bracket_rule

_FILE = re.compile(r"\.(?!md$|markdown$)[A-Za-z0-9]{1,5}$")
_SIZE = re.compile(r"(\d{1,5})(?:x(\d{1,5}))?")


def is_file(target: str) -> bool:
    """Whether an embed names a file (``x.png``) rather than a note (``x``, ``x.md``)."""
    return _FILE.search(target.partition("#")[0].strip()) is not None


def size_of(extra: str) -> tuple[str, str] | None:
    """The (width, height) a ``|300`` or ``|300x200`` asks for ('' for no height)."""
    m = _SIZE.fullmatch(extra.strip())
    return (m.group(1), m.group(2) or "") if m else None


_embed = double_bracket_rule("![[", "embed", "extra")


def _blocks(state: StateCore) -> None:
    """A paragraph that is one embed of a note alone becomes an ``embed_block``."""
    tokens = state.tokens
    for i in range(len(tokens) - 2, 0, -1):
        inline = tokens[i]
        if tokens[i - 1].type != "paragraph_open" or inline.type != "inline":
            continue
        kids = [c for c in inline.children or () if c.type != "text" or c.content.strip()]
        if len(kids) != 1 or kids[0].type != "embed" or is_file(str(kids[0].meta["target"])):
            continue
        block = Token("embed_block", "div", 0, map=inline.map, level=tokens[i - 1].level,
                      meta=dict(kids[0].meta), content=kids[0].content, block=True)
        tokens[i - 1:i + 2] = [block]


def _render_nothing(self: RendererProtocol, tokens: list[Token], idx: int,
                    options: OptionsDict, env: EnvType) -> str:
    return ""


def embeds_plugin(md: MarkdownIt) -> None:
    md.inline.add_terminator_char("!")
    md.inline.ruler.before("wikilink", "embed", _embed)
    md.core.ruler.after("inline", "embed_blocks", _blocks)
    md.add_render_rule("embed", _render_nothing)
    md.add_render_rule("embed_block", _render_nothing)
