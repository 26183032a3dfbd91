"""Stage 5 — the site graph: URLs, lists, tags, roles, backlinks, questions.

Everything here is computed from one :class:`~ivsite.audience.AudienceView`, so a
listing, a tag, a count or a backlink can only ever show what that audience may
see. Emitters read the graph; they never see the view's source notes.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from .audience import BY_TITLE, NEWEST_FIRST, TAG_ORDER, AudienceView, ViewNote, order_by
from .memo import Memos
from .notes import Question
from .render import heading_anchors
from .slugs import comparable, slugify

COLLECTION_TITLES = {
    "interviews": "Interviews",
    "reflections": "Reflections",
    "roles": "Roles",
    "pages": "Pages",
}


@dataclass(eq=False)
class Answer:
    note: ViewNote
    question: str
    anchor: str
    tokens: list[Token]


@dataclass
class BankEntry:
    question: Question
    answers: list[Answer] = field(default_factory=list)


@dataclass
class Tag:
    name: str
    slug: str
    notes: list[ViewNote] = field(default_factory=list)


Place = tuple[str, Any, int]
"""(list kind, key, position): ``("collections", "interviews", 3)`` is the fourth
interview listed; ``("prev_next", id, 0)`` the older neighbour of note ``id``."""


@dataclass
class SiteGraph:
    view: AudienceView
    by_id: dict[str, ViewNote]
    collections: dict[str, list[ViewNote]]
    home: ViewNote | None
    tags: list[Tag]
    backlinks: dict[str, list[ViewNote]]
    prev_next: dict[str, tuple[ViewNote | None, ViewNote | None]]
    role_interviews: dict[str, list[ViewNote]]
    role_reflections: dict[str, list[ViewNote]]
    bank: list[BankEntry]
    other_questions: list[Answer]
    answers_by_note: dict[str, list[Answer]]
    url_key: bytes | None = None
    """When set (an encrypted mentor view), note and tag URLs are opaque: a keyed hash
    instead of the slug, so file names reveal nothing the passphrase protects."""
    changed: list[ViewNote] | None = None
    """Set by :func:`substitute`: the only notes that differ from ``base``, which
    differ in nothing another page shows (see ivsite.pipeline.Pipeline.graph)."""
    base: SiteGraph | None = None
    answers_changed: bool = False
    """With ``changed``: whether their answers did (the questions page changes)."""
    places: dict[str, list[Place]] | None = None
    """Where each note stands in the lists above (see :func:`places`); made for
    :func:`substitute`, which then swaps notes without going through every list."""

    def _opaque(self, text: str) -> str:
        assert self.url_key is not None
        return hmac.new(self.url_key, text.encode("utf-8"), hashlib.sha256).hexdigest()[:16]

    def url(self, note: ViewNote) -> str:
        """Site-relative directory URL of a note's page ('' for the home page)."""
        if note.collection == "pages" and note.slug == "index":
            return ""
        slug = self._opaque(note.id) if self.url_key is not None else note.slug
        if note.collection == "pages":
            return f"{slug}/"
        return f"{note.collection}/{slug}/"

    def url_of(self, note_id: str) -> str | None:
        note = self.by_id.get(note_id)
        return self.url(note) if note else None

    def tag_url(self, name: str) -> str:
        slug = slugify(name) or "tag"
        if self.url_key is not None:
            slug = self._opaque("tag:" + slug)
        return f"tags/{slug}/"


def build_graph(view: AudienceView, url_key: bytes | None = None,
                memos: Memos | None = None) -> SiteGraph:
    by_id = {n.id: n for n in view.notes}
    for n in view.notes:
        n.card()  # made once per view note, with its sort keys and tag slugs
    collections: dict[str, list[ViewNote]] = {c: [] for c in COLLECTION_TITLES}
    home = None
    for n in view.notes:
        if n.collection == "pages" and n.slug == "index":
            home = n
            continue
        collections[n.collection].append(n)
    for name in ("interviews", "reflections"):
        collections[name].sort(key=order_by(NEWEST_FIRST))
    for name in ("roles", "pages"):
        collections[name].sort(key=order_by(BY_TITLE))
    tags_by_slug: dict[str, Tag] = {}
    for n in view.notes:
        # Two spellings of one tag ('UX', 'ux') list the note once.
        for slug, t in n.tag_slugs:
            tag = tags_by_slug.get(slug)
            if tag is None:
                tag = tags_by_slug[slug] = Tag(t, slug)
            tag.notes.append(n)
    for tag in tags_by_slug.values():
        tag.notes.sort(key=order_by(TAG_ORDER))
    backlinks: dict[str, list[ViewNote]] = defaultdict(list)
    for n in view.notes:
        for target in dict.fromkeys(n.links_to):  # each linking note once
            if target != n.id:
                backlinks[target].append(n)
    prev_next: dict[str, tuple[ViewNote | None, ViewNote | None]] = {}
    for name in ("interviews", "reflections"):
        items = collections[name]
        for i, n in enumerate(items):
            newer = items[i - 1] if i > 0 else None
            older = items[i + 1] if i + 1 < len(items) else None
            prev_next[n.id] = (older, newer)
    role_interviews: dict[str, list[ViewNote]] = defaultdict(list)
    role_reflections: dict[str, list[ViewNote]] = defaultdict(list)
    for n in collections["interviews"]:
        if n.role_id:
            role_interviews[n.role_id].append(n)
    for n in collections["reflections"]:
        for rid in n.role_ids:
            role_reflections[rid].append(n)
    bank, other, by_note = _questions(view.questions, collections["interviews"], memos)
    graph = SiteGraph(
        view=view, by_id=by_id, collections=collections, home=home,
        tags=sorted(tags_by_slug.values(), key=lambda t: t.name.casefold()),
        backlinks=dict(backlinks), prev_next=prev_next,
        role_interviews=dict(role_interviews), role_reflections=dict(role_reflections),
        bank=bank, other_questions=other, answers_by_note=by_note, url_key=url_key,
    )
    if memos is not None:  # a kept graph: the next save may swap notes in it
        graph.places = places(graph)
    return graph


def extract_answers(note: ViewNote) -> list[Answer]:
    """A heading ending in '?' is a question; its answer runs to the next heading
    of the same or a higher level."""
    tokens = note.tokens
    anchors = heading_anchors(tokens)
    out: list[Answer] = []
    for i, (anchor, text) in anchors.items():
        if not text.rstrip().endswith("?"):
            continue
        level = int(tokens[i].tag[1:]) if tokens[i].tag[1:].isdigit() else 6
        j = i + 3
        end = j
        while end < len(tokens):
            t = tokens[end]
            if t.type == "heading_open" and int(t.tag[1:] or 6) <= level:
                break
            if t.type == "footnote_block_open":
                break
            end += 1
        out.append(Answer(note, text, anchor, tokens[j:end]))
    return out


def _answers_of(note: ViewNote, memos: Memos | None) -> tuple[list[Answer], list[str]]:
    """A view note's answers and their questions made comparable; kept with the
    very note object they point at."""
    def make() -> tuple[ViewNote, list[Answer], list[str]]:
        answers = extract_answers(note)
        if memos is not None:
            # An answer that reads the same as one made before is that same object,
            # so the questions page (keyed by answer objects) stays as it was when
            # an edit to the interview left its answers alone.
            answers = [memos.answer_objects.get(("answer", _answer_digest(a)),
                                                functools.partial(_itself, a))
                       for a in answers]
        return note, answers, [comparable(a.question) for a in answers]
    if memos is None:
        return make()[1:]
    _, answers, keys = memos.answers.get(("answers", id(note), note.digest), make)
    return answers, keys


def _itself(a: Answer) -> Answer:
    return a


def _answer_digest(a: Answer) -> bytes:
    """Everything an answer is shown from: its interview's address and card, its
    anchor and question, its tokens (not their line numbers, which never show) and
    the interview's footnotes."""
    h = hashlib.blake2b(digest_size=20)
    h.update(repr((a.note.id, a.note.card_digest, a.anchor, a.question,
                   a.note.env)).encode())

    def walk(tokens: list[Token]) -> None:
        for t in tokens:
            h.update(repr((t.type, t.tag, t.nesting, t.content, t.markup, t.info, t.attrs,
                           t.meta, t.hidden, t.block, t.level)).encode())
            if t.children:
                h.update(b"(")
                walk(t.children)
                h.update(b")")
    walk(a.tokens)
    return h.digest()


def _questions(
    bank: list[Question], interviews: list[ViewNote], memos: Memos | None = None,
) -> tuple[list[BankEntry], list[Answer], dict[str, list[Answer]]]:
    entries = [BankEntry(q) for q in bank]
    index: dict[str, BankEntry] = {}
    for e in entries:
        for k in e.question.match_keys():
            index.setdefault(k, e)
    other: list[Answer] = []
    by_note: dict[str, list[Answer]] = {}
    for note in interviews:
        answers, keys = _answers_of(note, memos)
        by_note[note.id] = answers
        for a, key in zip(answers, keys, strict=True):
            entry = index.get(key)
            if entry is not None:
                entry.answers.append(a)
            else:
                other.append(a)
    return entries, other, by_note


def same_but_bodies(old: AudienceView, new: AudienceView) -> list[tuple[ViewNote, ViewNote]] | None:
    """The pairs of view notes that differ between two views of one site shape, when
    they differ only where no page but their own looks: the body (text, tokens,
    footnotes, contact) but not the card, links, passages, files or order. None
    when anything else differs (then the graph is built anew)."""
    if (len(old.notes) != len(new.notes) or old.audience != new.audience
            or old.withheld_note_count != new.withheld_note_count
            or old.questions != new.questions):
        return None
    pairs = []
    for a, b in zip(old.notes, new.notes, strict=True):
        if a is b:
            continue
        if (a.id != b.id or a.card_digest != b.card_digest or a.links_to != b.links_to
                or a.passages != b.passages
                or [(r.rel, r.digest) for r in a.assets] != [(r.rel, r.digest) for r in b.assets]):
            return None
        pairs.append((a, b))
    return pairs


def substitute(base: SiteGraph, view: AudienceView, pairs: list[tuple[ViewNote, ViewNote]],
               memos: Memos | None) -> SiteGraph | None:
    """``base`` with the new view notes of ``pairs`` in place of the old ones: what
    :func:`build_graph` makes of ``view`` when :func:`same_but_bodies` holds, for a
    fraction of the work. When an interview's answers changed, the question bank
    is sorted again (``answers_changed``); None when the site gained or lost its
    first answer (the graph is then built anew)."""
    answers_changed = False
    for a, b in pairs:
        if b.collection != "interviews":
            continue
        answers, _ = _answers_of(b, memos)
        before = base.answers_by_note.get(a.id, [])
        if len(answers) != len(before) or any(
                x is not y for x, y in zip(answers, before, strict=True)):
            answers_changed = True

    if base.places is None:
        base.places = places(base)
    lists: dict[str, dict[Any, list[ViewNote]]] = {
        "collections": dict(base.collections),
        "backlinks": dict(base.backlinks),
        "role_interviews": dict(base.role_interviews),
        "role_reflections": dict(base.role_reflections),
    }
    tags = list(base.tags)
    prev_next = dict(base.prev_next)
    copied: set[tuple[str, object]] = set()
    for a, b in pairs:
        for kind, key, pos in base.places.get(a.id, ()):
            if kind == "prev_next":
                older, newer = prev_next[key]
                if (older, newer)[pos] is not a:
                    return None
                prev_next[key] = (b, newer) if pos == 0 else (older, b)
                continue
            if kind == "tags":
                assert isinstance(key, int)
                if (kind, key) not in copied:
                    t = tags[key]
                    tags[key] = Tag(t.name, t.slug, list(t.notes))
                    copied.add((kind, key))
                notes = tags[key].notes
            else:
                if (kind, key) not in copied:
                    lists[kind][key] = list(lists[kind][key])
                    copied.add((kind, key))
                notes = lists[kind][key]
            if notes[pos] is not a:
                return None  # not where the base said (never expected): build anew
            notes[pos] = b
    collections: dict[str, list[ViewNote]] = lists["collections"]
    by_id = dict(base.by_id)
    for _, b in pairs:
        by_id[b.id] = b
    bank, other, answers_by_note = base.bank, base.other_questions, base.answers_by_note
    if answers_changed:
        # The questions page is made again (see emit.emit_changed). When each note
        # still asks the same questions, its new answers take the old ones' places;
        # otherwise the bank is sorted again, unless the site gained or lost its
        # first answer (every page's menu would change: built anew).
        swapped = _swap_answers(base, pairs, memos)
        if swapped is not None:
            bank, other, answers_by_note = swapped
        else:
            bank, other, answers_by_note = _questions(view.questions,
                                                      collections["interviews"], memos)
            if _has_answers(bank, other) != _has_answers(base.bank, base.other_questions):
                return None
    home = next((b for a, b in pairs if a is base.home), base.home)
    return SiteGraph(
        view=view, by_id=by_id, collections=collections, home=home, tags=tags,
        backlinks=lists["backlinks"], prev_next=prev_next,
        role_interviews=lists["role_interviews"], role_reflections=lists["role_reflections"],
        bank=bank, other_questions=other,
        answers_by_note=answers_by_note, url_key=base.url_key,
        changed=[b for _, b in pairs], base=base, answers_changed=answers_changed,
        places=base.places,  # the same notes stand in the same places
    )


def places(graph: SiteGraph) -> dict[str, list[Place]]:
    """Every place a note stands in the graph's lists, by note id."""
    out: dict[str, list[Place]] = defaultdict(list)
    named: dict[str, dict[Any, list[ViewNote]]] = {
        "collections": graph.collections, "backlinks": graph.backlinks,
        "role_interviews": graph.role_interviews, "role_reflections": graph.role_reflections,
    }
    for kind, table in named.items():
        for key, notes in table.items():
            for pos, n in enumerate(notes):
                out[n.id].append((kind, key, pos))
    for i, tag in enumerate(graph.tags):
        for pos, n in enumerate(tag.notes):
            out[n.id].append(("tags", i, pos))
    for key, pair in graph.prev_next.items():
        for pos, neighbour in enumerate(pair):
            if neighbour is not None:
                out[neighbour.id].append(("prev_next", key, pos))
    return dict(out)


def _swap_answers(
    base: SiteGraph, pairs: list[tuple[ViewNote, ViewNote]], memos: Memos | None,
) -> tuple[list[BankEntry], list[Answer], dict[str, list[Answer]]] | None:
    """The bank with each changed interview's new answers where its old ones were,
    when it asks the same questions as before (same count, same question keys, so
    every answer joins the same entry at the same place); else None."""
    swap: dict[int, Answer] = {}
    answers_by_note = dict(base.answers_by_note)
    for a, b in pairs:
        if b.collection != "interviews":
            continue
        old = base.answers_by_note.get(a.id, [])
        new, keys = _answers_of(b, memos)
        if len(old) != len(new) or [comparable(x.question) for x in old] != keys:
            return None
        swap.update({id(x): y for x, y in zip(old, new, strict=True) if x is not y})
        answers_by_note[b.id] = new
    bank = [BankEntry(e.question, [swap.get(id(x), x) for x in e.answers]) for e in base.bank]
    other = [swap.get(id(x), x) for x in base.other_questions]
    return bank, other, answers_by_note


def _has_answers(bank: list[BankEntry], other: list[Answer]) -> bool:
    return bool(other) or any(e.answers for e in bank)
