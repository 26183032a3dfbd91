"""The one Markdown dialect ivsite reads: CommonMark plus the contract's extensions.

Tables, strikethrough, footnotes, task lists, definition lists, ``::: private`` and
``::: mentor`` containers and ``[[wiki-links]]``, and Obsidian's callouts,
``==highlight==``, inline ``#tags`` and ``![[embeds]]`` (see ivsite.syntax); fenced
code with a known language is coloured when rendered (ivsite.markdown.codehighlight). The
parser only ever reads the text an audience may see (ivsite.markdown.passages cuts the
rest out first); the passages left in it become container tokens, so that the
views can mark them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from ..syntax.brackets import double_bracket_rule
from ..syntax.callouts import callouts_plugin
from ..syntax.embeds import embeds_plugin
from ..syntax.highlight import highlight_plugin
from ..syntax.inlinetags import inline_tags_plugin
from .codehighlight import highlight_code

PASSAGE_KINDS = ("private", "mentor")


_wikilink = double_bracket_rule("[[", "wikilink", "label")
"""``[[target]]``, ``[[target|label]]`` and ``[[target#part|label]]``."""


@cache
def markdown() -> MarkdownIt:
    """The configured parser (built once; parsing is thread-compatible)."""
    md = MarkdownIt("commonmark", {"html": True, "highlight": highlight_code}).enable(
        ["table", "strikethrough"])
    for kind in PASSAGE_KINDS:
        container_plugin(md, kind)
    footnote_plugin(md, inline=False, move_to_end=False)
    tasklists_plugin(md)
    deflist_plugin(md)
    md.inline.ruler.before("link", "wikilink", _wikilink)
    callouts_plugin(md)
    highlight_plugin(md)
    inline_tags_plugin(md)
    embeds_plugin(md)
    return md


def parse_body(body: str) -> tuple[list[Token], dict[str, object]]:
    """Block and inline tokens of a note's body, and the parser's env (footnotes)."""
    env: dict[str, object] = {}
    tokens = markdown().parse(body, env)
    return tokens, env


def inline_text(tok: Token) -> str:
    """The words an inline token shows (its text and code, line breaks as spaces)."""
    return "".join(
        " " if c.type in ("softbreak", "hardbreak") else c.content
        for c in (tok.children or ()) if c.type in ("text", "code_inline", "softbreak",
                                                     "hardbreak")
    )


def drawn_inline_text(tok: Token) -> str:
    """:func:`inline_text` with each picture's alt text where it stands (an
    ``![[embed]]`` of a picture is one too): a picture that does not load draws it
    in the line, and screen readers, the search index and a copy of the page read
    it (red team 16, R16-03)."""
    return "".join(
        " " if c.type in ("softbreak", "hardbreak") else
        "".join(g.content for g in c.children or ()) if c.type == "image" else c.content
        for c in (tok.children or ()) if c.type in ("text", "code_inline", "softbreak",
                                                     "hardbreak", "image")
    )


def with_lines(tokens: list[Token]) -> Iterator[tuple[Token, int]]:
    """Every token with its 0-based body line (a child: its parent's line plus the
    line breaks before it)."""
    for tok in tokens:
        start = tok.map[0] if tok.map else 0
        yield tok, start
        breaks = 0
        for child in tok.children or ():
            if child.type in ("softbreak", "hardbreak"):
                breaks += 1
            yield child, start + breaks
