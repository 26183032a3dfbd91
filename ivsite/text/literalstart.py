"""Trying a name form's pattern only where a match can start.

A page that names many people asks for thousands of forms of their names
(ivsite.text.textmatch.Confirmed), and Python's regular-expression engine cannot skip
ahead to a case-insensitive pattern's first letters: it tries the pattern at every
place of the page. On the 1,000-note bench site that was a third of a cold build.
Most forms start with a word of the name; every match then starts where that word
stands in the text, case aside, so the pattern is tried there alone
(:func:`matches`), found with ``str.find`` in the text keyed by case
(:func:`case_key`).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the engine's own lower case
import functools
import re
from collections.abc import Iterator
from re import _casefix, _constants, _parser  # type: ignore[attr-defined]
from typing import Any


class _Keys(dict[int, int]):
    """A character's key: the smallest of the characters a case-insensitive
    pattern takes for it (the engine's own lower case, and the few it adds:
    "ſ" for "s", "ı" and "İ" for "i", the Kelvin sign for "k")."""

    def __missing__(self, code: int) -> int:
        low = int(_sre.unicode_tolower(code))
        extra: tuple[int, ...] = _casefix._EXTRA_CASES.get(low, ())
        key = min((low, *extra))
        self[code] = key
        return key


_KEYS = _Keys()
_EXTRA = re.compile("[" + "".join(re.escape(chr(c)) for k, v in _casefix._EXTRA_CASES.items()
                                  for c in (k, *v) if c > 0x7F) + "]")


def case_key(text: str) -> str:
    """``text`` with each character as its key, as long as ``text``: where two
    texts' keys are equal, a case-insensitive literal matches one as the other."""
    if text.isascii():
        return text.lower()
    lower = text.lower()
    if len(lower) == len(text) and not _EXTRA.search(text):
        return lower  # (full and simple lower case agree where lengths do)
    return text.translate(_KEYS)


@functools.lru_cache(maxsize=1 << 15)
def literal_start(pattern: str) -> str:
    """The letters (keyed, :func:`case_key`) that every match of ``pattern``
    starts with, or ``""`` where that is not known (a branch, a class, a
    repeat first): read from the pattern as the engine parses it, past empty
    groups and the look-arounds that stand before its first letter."""
    try:
        parsed = _parser.parse(pattern, re.I)
    except (re.error, RecursionError):
        return ""
    out: list[str] = []
    _prefix(list(parsed), out)
    return case_key("".join(out))


def _prefix(items: list[tuple[Any, Any]], out: list[str]) -> bool:
    """Add the literal letters ``items`` start with to ``out``; whether all of
    ``items`` were letters (so that what follows them continues the prefix)."""
    for op, av in items:
        if op is _constants.LITERAL:
            out.append(chr(av))
        elif op is _constants.SUBPATTERN:
            if not _prefix(list(av[3]), out):
                return False
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT) and not out:
            continue  # zero-width before the first letter: the match starts after it
        else:
            return False
    return True


def matches(compiled: re.Pattern[str], start: str, text: str,
            keyed: str) -> Iterator[re.Match[str]]:
    """Every match of ``compiled`` in ``text`` that starts where ``start`` (from
    :func:`literal_start`) stands in ``keyed`` (``case_key(text)``): a superset of
    ``finditer``'s, which leaves out matches that overlap an earlier one."""
    at = keyed.find(start)
    while at >= 0:
        found = compiled.match(text, at)
        if found is not None:
            yield found
        at = keyed.find(start, at + 1)
