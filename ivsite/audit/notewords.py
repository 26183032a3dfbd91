"""A withheld note's words, wherever Markdown keeps them (red team 16, R16-03).

The audit looks for a withheld note's text in every output, sentence by
sentence (ivsite.audit.sentences). It used to take that text from the inline
tokens' ``text`` and ``code_inline`` children and from code blocks alone, so
words Markdown holds elsewhere were no secret: a raw HTML block (``<p>``,
``<div>``, a ``<table>`` pasted from a web clip or an e-mail), a picture's alt
text, a link's title, a raw tag's attribute (``<img alt>``, ``<abbr title>``),
a wiki link's label. A journal export linked from a public page that carried
such a sentence was published.

So each token is read here for all the words it holds, by its shape rather than
by a list of the token types ivsite's dialect makes today:

- an inline token: its text as drawn, each child's words in their place (a
  picture's alt text, a wiki link's label or target, an inline tag); an HTML
  tag's words are not drawn there, and are read apart below;
- each link's and picture's title, and each raw tag's attribute that reads as
  words (ivsite.markup.saidwords), as a text of its own;
- a raw HTML block: its text whole (comments and ``<style>`` out: a comment is
  ivsite.audit.comments', CSS the page's machinery but for its strings, which
  ``content:`` draws), and the text of each element apart, at its own line (a
  table's cells, a list's items);
- code (a fence, an indented block): each line.

No reading of a note's raw HTML as a browser draws it (list markers, SVG text,
``data:`` URIs): those are the names' business; a sentence of a note is its
words.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from markdown_it.token import Token

from ..markup.saidwords import TAG, attribute_words, css_words

_UNSEEN = re.compile(r"<!--.*?(?:-->|\Z)|<style\b.*?(?:</style\s*>|\Z)", re.S | re.I)
_STYLE = re.compile(r"<style\b.*?(?:</style\s*>|\Z)", re.S | re.I)


def note_words(tokens: list[Token]) -> Iterator[tuple[Token, int, str]]:
    """Each text a withheld note's tokens hold: (its token, lines after the
    token's first, the text with single spaces)."""
    for tok in tokens:
        if tok.type == "inline":
            yield from ((tok, 0, said) for said in _inline_words(tok))
        elif tok.type in ("fence", "code_block"):
            for n, line in enumerate(tok.content.split("\n")):
                if line.strip():
                    yield tok, n + 1, line.strip()
        elif tok.type == "html_block":
            yield from ((tok, n, said) for n, said in _block_words(tok.content))


def _inline_words(tok: Token) -> Iterator[str]:
    drawn: list[str] = []
    apart: list[str] = []
    for child in tok.children or ():
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            drawn.append(" ")
        elif kind == "html_inline":
            apart.extend(attribute_words(child.content))
        elif kind == "image":  # its alt text is its children, drawn where it stands
            drawn.append(" ".join(c.content for c in child.children or ()))
        elif kind == "wikilink":
            drawn.append(str(child.meta.get("label") or child.meta.get("target") or ""))
        elif not kind.endswith(("_open", "_close")):
            drawn.append(child.content)
        title = child.attrGet("title")
        if isinstance(title, str) and title.strip():
            apart.append(title)
    text = " ".join("".join(drawn).split())
    if text:
        yield text
    yield from (" ".join(said.split()) for said in apart if said.strip())


def _block_words(content: str) -> Iterator[tuple[int, str]]:
    """(line in the block, text) for a raw HTML block: all of it, then the text
    between each two tags (an element's) and each tag's attributes' words, each
    at the line it starts on."""
    shown = _UNSEEN.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), content)
    whole = " ".join(html.unescape(TAG.sub(" ", shown)).split())
    if whole:
        yield 0, whole
    for css in _STYLE.finditer(content):  # what a style draws: content: "…"
        at = content.count("\n", 0, css.start())
        yield from ((at, said) for said in css_words(css.group()))
    start = line = seen = 0  # lines counted up to ``seen`` (once over the block)
    for m in [*TAG.finditer(shown), None]:
        end = m.start() if m is not None else len(shown)
        piece = shown[start:end]
        said = " ".join(html.unescape(piece).split())
        if said and said != whole:
            at = start + len(piece) - len(piece.lstrip())
            line, seen = line + shown.count("\n", seen, at), at
            yield line, said
        if m is not None:
            line, seen = line + shown.count("\n", seen, m.start()), m.start()
            yield from ((line, words) for words in attribute_words(m.group()))
            start = m.end()
