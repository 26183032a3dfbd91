"""Work kept from one build to the next, for a pipeline that builds many times.

The live preview rebuilds the whole site on every save, through every stage,
so that nothing ever takes a path around the audience filter. What keeps a save
fast is that each stage looks up the result of its per-note work under a key
made of *everything that result is computed from* (the note's bytes, the
audience, a digest of the rest of the site that the work can look at) and only
computes what is not there. A stale entry can never be found: change any input
and the key changes.

Looking up every note is itself a few microseconds a note, so at 10,000 notes
the stages that go through every note also keep their last whole result
(validate's ``LastCheck``, the audience filter's ``LastView``, the last graph and
plan in the pipeline) and, when a save changed a few notes and not the site's
shape, patch it with those notes' new results. The patch is the same function of
the same inputs as the full pass; every 20th save is made in full anyway.

A :class:`Memo` marks each entry with the last build that used it, and
:meth:`Memo.rotate` after each build forgets everything that build did not ask
for, so memory follows the size of the site, not the number of edits. (A build
that patched does not sweep: the stage that patched lets the replaced entries go
itself.) A one-off ``ivsite build`` makes no memos (``Memos`` is None).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from markupsafe import Markup

    from .audience import LastView, ViewNote
    from .diagnostics import Diagnostic
    from .graph import Answer
    from .notes import Note, Question
    from .validate import LastCheck

__all__ = ["Memo", "Memos", "patchable"]

V = TypeVar("V")

PATCH_AT_MOST = 8
"""Changed notes a save may have for a stage to patch its last result."""
PATCHED_IN_A_ROW = 20
"""Patched results before a stage makes one in full again (forgetting what the
patches let stand)."""


def patchable(now: list[Any], before: list[Any], patched_in_a_row: int) -> list[int] | None:
    """The places where ``now`` holds another object than ``before``, when a stage
    may patch its last result there: the same length, a few of them, and not too
    many patches in a row. None when it should make its result in full."""
    if patched_in_a_row + 1 >= PATCHED_IN_A_ROW or len(now) != len(before):
        return None
    changed = [i for i, (a, b) in enumerate(zip(now, before, strict=True)) if a is not b]
    return changed if len(changed) <= PATCH_AT_MOST else None


class Memo(Generic[V]):
    """Results by key, each marked with the last build that used it."""

    def __init__(self, slack: int = 0) -> None:
        self._entries: dict[Hashable, list[Any]] = {}  # key -> [build, value]
        self._slack = slack
        """Unused entries :meth:`rotate` lets wait before it sweeps."""
        self._build = 0
        self._used = 0
        """Entries the build under way has used (looked up or made)."""
        self._skipped = False
        self.hits = 0
        self.misses = 0
        self.last_hits = 0
        """Values found (``hits``) and made (``misses``) by the build before rotate."""
        self.last_misses = 0

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value stored under ``key``, or ``make()`` stored there now."""
        entry = self._entries.get(key)
        if entry is None:
            self.misses += 1
            value = make()
            self._entries[key] = [self._build, value]
            self._used += 1
            return value
        self.hits += 1
        if entry[0] != self._build:
            entry[0] = self._build
            self._used += 1
        return entry[1]  # type: ignore[no-any-return]

    def rotate(self) -> None:
        """Forget what the build that just ended did not use.

        Going through every entry costs about as much as the lookups of a small
        save on a large site, so the sweep waits until more than ``slack`` entries
        went unused. A build that did not look this memo up in full (see
        :meth:`skip`) forgets nothing: it is only ticked."""
        if self._skipped:
            self.tick()
            return
        if len(self._entries) - self._used > self._slack:
            build = self._build
            self._entries = {k: e for k, e in self._entries.items() if e[0] == build}
        self.tick()

    def skip(self) -> None:
        """The build under way looks up only some entries (it reuses the last
        build's result for the rest), so its :meth:`rotate` forgets nothing."""
        self._skipped = True

    def tick(self) -> None:
        """A build ended that did not look this memo up in full: forget nothing now;
        what it used is marked as this build's, for the next :meth:`rotate`."""
        self._build += 1
        self._used = 0
        self._skipped = False
        self.last_hits, self.last_misses = self.hits, self.misses
        self.hits = self.misses = 0

    def discard(self, key: Hashable) -> None:
        """Forget one entry now (its owner knows it is stale)."""
        entry = self._entries.pop(key, None)
        if entry is not None and entry[0] == self._build:
            self._used -= 1

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)


_EVERY_BUILD = ("notes", "questions", "references", "views")
"""The kinds a build looks up in full unless validate or the audience filter
patched its last result (they then mark their memos skipped themselves)."""
_KINDS = ("notes", "questions", "references", "views", "answers", "answer_objects",
          "bodies", "pages", "entries", "search")


def _slack() -> Memo[Any]:
    """A memo every full build looks up in full: it sweeps now and then (a save
    leaves at most the edited note's last version behind, and the stage that knows
    so lets it go at once; see validate and audience)."""
    return Memo(slack=8)


@dataclass
class Memos:
    """One memo per kind of per-note work; owned by a long-lived Pipeline."""

    notes: Memo[tuple[Note | None, list[Diagnostic]]] = field(default_factory=_slack)
    """validate: a note's front matter checked (key: path, bytes digest, config)."""
    questions: Memo[tuple[list[Question], list[Diagnostic]]] = field(default_factory=_slack)
    """validate: the question bank read from questions.yaml (key: its bytes' hash)."""
    references: Memo[list[Diagnostic]] = field(default_factory=_slack)
    """validate: a note's links and role names checked against the site's shape."""
    views: Memo[tuple[ViewNote, list[Diagnostic]]] = field(default_factory=_slack)
    """audience filter: a note as one audience sees it, with its name problems."""
    answers: Memo[tuple[ViewNote, list[Answer], list[str]]] = field(default_factory=Memo)
    """site graph: the answers cut from one view note."""
    answer_objects: Memo[Answer] = field(default_factory=Memo)
    """site graph: one Answer object per distinct answer (see graph._answers_of)."""
    bodies: Memo[Markup] = field(default_factory=Memo)
    """emit: a body or an answer rendered to HTML for one page address."""
    pages: Memo[bytes] = field(default_factory=Memo)
    """emit: a whole page, under the fingerprint of all its template can read."""
    entries: Memo[dict[str, Any]] = field(default_factory=Memo)
    """emit: a part of a page made of many kept parts (a question's answers)."""
    search: Memo[bytes] = field(default_factory=Memo)
    """emit: one note's entry in the JSON search index."""
    last_check: LastCheck | None = None
    """validate: the last result, which a save of a few bodies patches."""
    last_views: dict[str, LastView] = field(default_factory=dict)
    """audience filter: each audience's last view, which such a save patches."""
    page_at: dict[Hashable, Hashable] = field(default_factory=dict)
    """emit: the ``pages`` key each page address was last made under, so that a
    page made again lets its last version go at once (a questions page is tens of
    megabytes on a large site, and a save that reuses the last graph sweeps no
    memo)."""

    def replace_page(self, where: Hashable, key: Hashable) -> None:
        """The page at ``where`` is now the one under ``key``: forget its last one."""
        old = self.page_at.get(where)
        if old is not None and old != key:
            self.pages.discard(old)
        self.page_at[where] = key

    def rotate(self, partial: bool = False) -> None:
        """After a build: forget what it did not use. ``partial`` after a build that
        reused the last graph and pages (only a body changed): the graph's and
        emit's work was not looked up, only that of the stages before, so only
        those forget."""
        for name in _KINDS:
            memo = getattr(self, name)
            if partial and name not in _EVERY_BUILD:
                memo.skip()
            memo.rotate()
        if not partial:
            self.page_at = {w: k for w, k in self.page_at.items() if k in self.pages}

    def sizes(self) -> dict[str, int]:
        return {name: len(getattr(self, name))
                for name in _KINDS}
