"""Whether a secret holds a consented name, asked of thousands of names at once.

A hit on a secret that holds a consented name is never excused by taking the
consented names out of the text (:func:`holds_name`). The
filter and the audit ask that of every hit, and a site of thousands of interviews
has thousands of consented names: compared one by one, the question grew with the
square of the site. Every way a text holds a name but one needs a word they share
(all the name's words; either written shorter than the other:
:func:`~ivsite.names.identity.written_shorter`), and the other, the name's words run
together, is one of the text's neighbouring words run together. So only the names
that share a word with the text are compared, and its runs are looked up.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..text.normalise import compact, words
from . import identity

__all__ = ["ConsentedNames", "holds_name"]


class ConsentedNames:
    """Consented names, indexed by their words and by their words run together."""

    def __init__(self, names: Iterable[str]) -> None:
        self._words: list[list[str]] = []
        self._by_word: dict[str, list[int]] = {}
        self._runs: set[str] = set()
        for name in names:
            ws = identity.name_words(name)
            if not ws:
                continue
            for w in set(ws):
                self._by_word.setdefault(w, []).append(len(self._words))
            self._words.append(ws)
            self._runs.add(compact(ws))
        self._known: dict[str, bool] = {}

    def held_by(self, text: str) -> bool:
        """Whether ``text`` holds one of the names, as holds_name reads it."""
        known = self._known.get(text)
        if known is None:
            known = self._known[text] = self._holds(words(text))
        return known

    def _holds(self, ws: list[str]) -> bool:
        if not self._words:
            return False
        runs = ("".join(ws[i:j]) for i in range(len(ws)) for j in range(i + 1, len(ws) + 1))
        if any(run in self._runs for run in runs):
            return True
        have = set(ws)
        shorter = identity.written_shorter  # (looked up here: tests switch it off)
        for i in sorted({i for w in have for i in self._by_word.get(w, ())}):
            nw = self._words[i]
            if set(nw) <= have or shorter(nw, ws) or shorter(ws, nw):
                return True
        return False


def holds_name(text: str, names: Iterable[str]) -> bool:
    """Whether ``text`` (a secret: an unconsented name, a withheld passage) holds one
    of ``names`` (consented names), as the matcher reads words: all its words, or
    its words run together as some of ``text``'s, or either written shorter than
    the other (:func:`~ivsite.names.identity.written_shorter`). Taking such a name
    out of a page would take the secret with it, so a hit on this secret is never
    excused by it. (Asked of many texts: :class:`ConsentedNames`, made once.)"""
    return ConsentedNames(names).held_by(text)
