"""The one inline rule behind ``[[target|label]]`` wiki-links and ``![[target|…]]``
embeds: both are a target and what follows ``|`` between double brackets, on one
line, with no bracket inside; they differ only in their opener and their token."""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.rules_inline import StateInline

InlineRule = Callable[[StateInline, bool], bool]


def double_bracket_rule(opener: str, token_type: str, after_bar: str) -> InlineRule:
    """A rule that pushes a ``token_type`` token whose meta holds ``target`` and, under
    ``after_bar``, what follows ``|`` (both stripped)."""

    def rule(state: StateInline, silent: bool) -> bool:
        src, pos = state.src, state.pos
        if not src.startswith(opener, pos):
            return False
        start = pos + len(opener)
        end = src.find("]]", start)
        if end < 0:
            return False
        inner = src[start:end]
        if not inner.strip() or "\n" in inner or "[" in inner:
            return False
        if not silent:
            target, _, rest = inner.partition("|")
            tok = state.push(token_type, "", 0)
            tok.meta = {"target": target.strip(), after_bar: rest.strip()}
            tok.content = inner
            tok.markup = opener
        state.pos = end + 2
        return True

    return rule
