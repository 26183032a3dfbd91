"""A list of words as one regular expression shaped as a tree of their beginnings.

Python's regular-expression engine tries each word of an alternation in turn at
every place of a text. The contact readings (ivsite.contacts.otherdigits, the
number words; ivsite.contacts.symbolwords, the words for "@" and ".") look for
hundreds of words in every page of every build: as a tree, one scan tries a few
letters at each place, not hundreds of words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_Node = dict[str, "_Node"]


def trie(words: Iterable[str], *, space: str = " ",
         first: Callable[[str], str] = lambda char: "") -> str:
    """An alternation of ``words`` as a tree (the longest word at a place wins,
    a shorter one where what follows it fails). ``space``: the pattern a space in
    a word stands for (a word of several: "guion bajo"); ``first``: a pattern put
    after each first letter (a look-behind at the letter before it, which the
    engine then tries only where a word starts)."""
    tree: _Node = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree, space, first)


def _branches(node: _Node, space: str,
              first: Callable[[str], str] | None = None) -> str:
    alts = [(space if c == " " else re.escape(c)) + (first(c) if first else "")
            + _branches(sub, space) for c, sub in sorted(node.items()) if c]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
    return f"(?:{body})?" if "" in node else body
