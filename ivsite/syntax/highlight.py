"""``==highlight==`` as ``<mark>``, the way Obsidian writes it.

mdit-py-plugins has no mark plugin, so this is markdown-it's own strikethrough
rule with ``=`` for ``~``: the same delimiter runs and pairing, so emphasis
nesting and code spans behave as they do for ``~~``; code stays literal because
the code-span rule runs first and consumes its backticks' content.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import Delimiter, StateInline

_EQ = 0x3D


def _tokenize(state: StateInline, silent: bool) -> bool:
    """Each ``==`` of a run as a text token and a delimiter (pairs are made later)."""
    if silent or state.src[state.pos] != "=":
        return False
    scanned = state.scanDelims(state.pos, True)
    length = scanned.length
    if length < 2:
        return False
    if length % 2:
        state.push("text", "", 0).content = "="
        length -= 1
    for _ in range(length // 2):
        state.push("text", "", 0).content = "=="
        state.delimiters.append(Delimiter(marker=_EQ, length=0, token=len(state.tokens) - 1,
                                          end=-1, open=scanned.can_open,
                                          close=scanned.can_close))
    state.pos += scanned.length
    return True


def _pair(state: StateInline, delimiters: list[Delimiter]) -> None:
    lone: list[int] = []
    for start in delimiters:
        if start.marker != _EQ or start.end == -1:
            continue
        end = delimiters[start.end]
        opening, closing = state.tokens[start.token], state.tokens[end.token]
        opening.type, opening.nesting = "mark_open", 1
        closing.type, closing.nesting = "mark_close", -1
        for tok in (opening, closing):
            tok.tag, tok.markup, tok.content = "mark", "==", ""
        before = state.tokens[end.token - 1]
        if before.type == "text" and before.content == "=":
            lone.append(end.token - 1)
    # An odd run leaves one '=' first; it belongs after the closing tags.
    while lone:
        i = lone.pop()
        j = i + 1
        while j < len(state.tokens) and state.tokens[j].type == "mark_close":
            j += 1
        j -= 1
        if i != j:
            state.tokens[i], state.tokens[j] = state.tokens[j], state.tokens[i]


def _post_process(state: StateInline) -> None:
    _pair(state, state.delimiters)
    for meta in state.tokens_meta:
        if meta and "delimiters" in meta:
            _pair(state, meta["delimiters"])


def highlight_plugin(md: MarkdownIt) -> None:
    md.inline.add_terminator_char("=")
    md.inline.ruler.before("emphasis", "mark", _tokenize)
    md.inline.ruler2.before("emphasis", "mark", _post_process)
