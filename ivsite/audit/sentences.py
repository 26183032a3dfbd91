"""Withheld prose cut into the pieces the audit looks for.

A withheld note, passage or comment is looked for sentence by sentence (a copy
with its sentences reordered, or one sentence quoted, is still found), and a
sentence of fewer than :data:`MIN_WORDS` words is not looked for alone: "Thanks
again." or "Yes." is said by public pages too, and refusing them would refuse
ordinary sites.

Terse private notes are made of nothing else, though ("Offer: 85k base. Start: 3
March. Manager: difficult."), and a copy of one in a linked text file was
published whole (red team 3, H25). So each short sentence is also looked for
together with the sentences that follow it in the same note — across
paragraphs and list items — up to :data:`MIN_WORDS` words ("offer 85k base start
3 march"), or with those before it when the note ends first. Five words of a
withheld note in a row, across its sentence ends, is what no public text says
unless it copies the note; the audit excuses, as for any sentence, a run the
audience legitimately reads elsewhere. A withheld note whose whole text is
shorter than that is not looked for (see README, "What the audit reads").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .secrets import Secret

MIN_WORDS = 5
_END = re.compile(r"(?<=[.!?;:])\s+")
_WORD = re.compile(r"\w+")


def sentences(text: str) -> list[str]:
    """A passage's sentences (cut after ``. ! ? ; :``)."""
    return [p for p in _END.split(text) if p.strip()]


def short_runs(texts: Iterable[str]) -> list[tuple[int, str]]:
    """For each sentence shorter than MIN_WORDS words in these texts (one note's
    withheld paragraphs, in order), it and its neighbours up to MIN_WORDS words:
    (the index of the text it starts in, the run). A note shorter than that gives
    none."""
    cut = [(i, s, len(_WORD.findall(s))) for i, t in enumerate(texts) for s in sentences(t)]
    runs: dict[str, int] = {}
    for at, (_, _, n) in enumerate(cut):
        if n >= MIN_WORDS or n == 0:
            continue
        end = at
        while n < MIN_WORDS and end + 1 < len(cut):
            end += 1
            n += cut[end][2]
        start = at
        while n < MIN_WORDS and start > 0:
            start -= 1
            n += cut[start][2]
        if n >= MIN_WORDS:
            runs.setdefault(" ".join(s for _, s, _ in cut[start:end + 1]), cut[start][0])
    return [(i, run) for run, i in runs.items()]


def is_prose(s: Secret) -> bool:
    """Whether a secret is withheld prose, looked for sentence by sentence."""
    return s.kind.endswith(("passage", "withheld note", "comment"))


def chained(secrets: list[Secret]) -> dict[int, list[str]]:
    """Each withheld note's short sentences with their neighbours, by the secret
    (paragraph, passage) they start in (see ivsite.audit.sentences)."""
    notes: dict[tuple[str, str], list[Secret]] = {}
    for s in secrets:
        if is_prose(s):
            notes.setdefault((s.source, s.kind), []).append(s)
    chained: dict[int, list[str]] = {}
    for paragraphs in notes.values():
        for i, run in short_runs(p.text for p in paragraphs):
            chained.setdefault(id(paragraphs[i]), []).append(run)
    return chained
