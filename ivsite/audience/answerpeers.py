"""Answers shown side by side: where a person's given or family name alone counts
in another interview's answer.

A bank question's page shows every visible interview's answer to it, one after
another, each under its author's alias (ivsite.emit.questions). An unconsented
person's alias'd answer then stands beside every other answer to that question,
and "my old colleague Zabrowski" in one of them names him (red team 12, R12-12).
So in an interview's answer to a bank question, the given and family names alone
of the people whose interviews the audience sees answering it too count, as in a
note that links to theirs (ivsite.audience.notelinks). Only the answer: the rest
of the note is not on that page. The audit finds the same on the question page
itself, and on every list that shows a person's card (ivsite.audit.secrets).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from ..core.keyed import digest
from ..core.lastof import for_last
from ..core.sizedcache import sized_cache
from ..core.slugs import comparable
from ..markdown.notes import Note, ValidSite
from ..markdown.render import plain_text
from .notelinks import by_shape

_END = 1 << 30
"""A line after any note's last."""


def answers_in(site: ValidSite, note: Note, tokens: Sequence[Token]) -> list[tuple[str, int, int]]:
    """(bank question id, first line, last line) of each answer ``tokens`` give to
    a question of the bank: a heading that ends in '?' and is one of the bank's
    questions, to the next heading of its level or higher (as ivsite.graph reads
    answers). An interview's only: other notes give none."""
    if note.collection != "interviews":
        return []
    bank = _bank(site)
    out: list[tuple[str, int, int]] = []
    open_: list[tuple[str, int, int]] = []  # (id, level, first line) of the answers running
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open":
            continue
        level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 6
        line = note.line_of(tok)
        while open_ and open_[-1][1] >= level:
            done, _, first = open_.pop()
            out.append((done, first, line - 1))
        text = plain_text(tokens[i + 1]) if i + 1 < len(tokens) else ""
        asked = bank.get(comparable(text)) if text.rstrip().endswith("?") else None
        if asked is not None:
            open_.append((asked, level, line))
    out += [(qid, first, _END) for qid, _, first in open_]  # to the note's end
    return out


@dataclass(frozen=True)
class Peers:
    """The interviews the audience sees that answer one bank question: ``keys``,
    sorted, and their ``digest``, which stands in for them in a note's key (a
    question most interviews answer has thousands of them, and a key per note
    that listed them grew with the square of the site)."""

    keys: tuple[str, ...]
    digest: str


def question_peers(site: ValidSite, seen: Callable[[Note], bool]) -> dict[str, Peers]:
    """For each bank question, the interviews the audience sees (``seen``) that
    answer it: made once per build, the same for every note that answers it."""
    out: dict[str, Peers] = {}
    for qid, keys in sorted(_answering(site).items()):
        shown = tuple(sorted(k for k in keys if seen(site.by_key[k])))
        if shown:
            out[qid] = Peers(shown, digest(qid, *shown))
    return out


def answered(site: ValidSite, note: Note) -> tuple[str, ...]:
    """The bank questions ``note``'s source answers, sorted. Kept by the site's shape
    (which holds the bank) and the note's text (ivsite.audience.notelinks.by_shape):
    the filter asks for every note's at every build, the preview at every save."""
    return _answered(site, note)


@sized_cache(4 << 20, lambda site, note: 200, key=by_shape)
def _answered(site: ValidSite, note: Note) -> tuple[str, ...]:
    return tuple(sorted({qid for qid, _, _ in answers_in(site, note, note.tokens)}))


def _bank(site: ValidSite) -> dict[str, str]:
    """The bank's questions made comparable, to their ids (each alias too)."""
    out: dict[str, str] = {}
    for q in site.questions:
        if not q.withheld:
            for key in q.match_keys():
                out.setdefault(key, q.id)
    return out


@for_last  # asked for every note's, once per audience
def _answering(site: ValidSite) -> dict[str, set[str]]:
    """For each bank question id, the keys of the interviews whose source answers it."""
    out: dict[str, set[str]] = {}
    for note in site.notes:
        for qid in answered(site, note):
            out.setdefault(qid, set()).add(note.key)
    return out
