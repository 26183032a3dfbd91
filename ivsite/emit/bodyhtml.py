"""A rendered body fitted into a page: heading levels under the page's own, ids
that cannot clash with the page's, and labels for assistive technology."""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_it.token import Token

_PASSAGE_LABEL = re.compile(r'(<aside class="passage[^"]*"[^>]*?) aria-label="[^"]*"')
_TASK_BOX = re.compile(r'<input class="task-list-item-checkbox"( checked="checked")?')
_ID_ATTR = re.compile(r'(?<![\w-])id="([^"]*)"')
_FRAGMENT_HREF = re.compile(r'(?<![\w-])href="#([^"]*)"')


def retag(tok: Token, tag: str) -> Token:
    return Token(tok.type, tag, tok.nesting, attrs=dict(tok.attrs), map=tok.map,
                 level=tok.level, children=tok.children, content=tok.content,
                 markup=tok.markup, info=tok.info, meta=dict(tok.meta), block=tok.block,
                 hidden=tok.hidden)


def headings_from(tokens: list[Token], base: int) -> list[Token]:
    """Renumber headings so the body's outline starts at ``base`` and never skips a level.

    The page's own title is the one h1; a note that starts at '#' or jumps from
    '##' to '####' still gives an outline that assistive technology can follow.
    """
    out: list[Token] = []
    stack: list[tuple[int, int]] = []  # (source level, new level)
    pending: str | None = None
    for tok in tokens:
        if tok.type == "heading_open" and tok.tag[1:].isdigit():
            src = int(tok.tag[1:])
            while stack and stack[-1][0] >= src:
                stack.pop()
            new = min(stack[-1][1] + 1 if stack else base, 6)
            stack.append((src, new))
            pending = f"h{new}"
            out.append(tok if tok.tag == pending else retag(tok, pending))
        elif tok.type == "heading_close" and pending is not None:
            out.append(tok if tok.tag == pending else retag(tok, pending))
            pending = None
        else:
            out.append(tok)
    return out


def without_title(tokens: list[Token], title: str) -> list[Token]:
    """The body without a first ``# heading`` that is the page's title: a vault note
    titled by its heading (see ivsite.validate.fallback) would otherwise show it twice, once
    as the page's title and again as the body's first heading."""
    if (len(tokens) >= 3 and tokens[0].type == "heading_open" and tokens[0].tag == "h1"
            and tokens[1].type == "inline"
            and " ".join(tokens[1].content.split()) == " ".join(title.split())):
        return tokens[3:]
    return tokens


def balanced(tokens: Iterable[Token]) -> list[Token]:
    """A slice of block tokens with unmatched closers dropped and open blocks closed."""
    out: list[Token] = []
    stack: list[Token] = []
    for tok in tokens:
        if tok.nesting == 1 and tok.block:
            stack.append(tok)
        elif tok.nesting == -1 and tok.block:
            if not stack:
                continue
            stack.pop()
        out.append(tok)
    for tok in reversed(stack):
        close_type = tok.type[:-len("_open")] + "_close" if tok.type.endswith("_open") else \
            tok.type
        out.append(Token(close_type, tok.tag, -1, block=True, meta=dict(tok.meta)))
    return out


def accessible(html: str) -> str:
    """Two fixes to the body HTML for assistive technology.

    A passage's visible label already names it; as an ``aria-label`` it would
    make every passage a landmark, several with the same name on one page. A
    task-list checkbox gets a name that says its state.
    """
    html = _PASSAGE_LABEL.sub(r"\1", html)
    return _TASK_BOX.sub(
        lambda m: '<input class="task-list-item-checkbox" aria-label="'
        + ("Done" if m.group(1) else "To do") + '"' + (m.group(1) or ""), html)


def safe_id(value: str) -> str:
    """A note's id, moved aside when it is one the theme uses (#main, #iv-…)."""
    return f"section-{value}" if value in ("main", "top") or value.startswith("iv-") \
        else value


def avoid_reserved_ids(html: str) -> str:
    """Note headings must not take ids the theme uses (#main, #iv-…)."""
    if 'id="main"' not in html and 'id="top"' not in html and '"iv-' not in html \
            and '"#iv-' not in html:
        return html
    html = _ID_ATTR.sub(lambda m: f'id="{safe_id(m.group(1))}"', html)
    return _FRAGMENT_HREF.sub(lambda m: f'href="#{safe_id(m.group(1))}"', html)


def scope_ids(html: str, prefix: str, page_href: str) -> str:
    """An answer shown on another page: its ids get a prefix (they must be unique
    there) and its in-page links point back at the interview's page."""
    html = _ID_ATTR.sub(lambda m: f'id="{prefix}{m.group(1)}"', html)
    return _FRAGMENT_HREF.sub(lambda m: f'href="{page_href}#{m.group(1)}"', html)
