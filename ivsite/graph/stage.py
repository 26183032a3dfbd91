"""Stage 5 — the site graph: URLs, lists, tags, roles, backlinks, questions.

Everything here is computed from one :class:`~ivsite.audience.viewnote.AudienceView`, so a
listing, a tag, a count or a backlink can only ever show what that audience may
see. Emitters read the graph; they never see the view's source notes.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from collections import defaultdict
from dataclasses import dataclass, field

from markdown_it.token import Token

from ..audience.viewnote import BY_TITLE, NEWEST_FIRST, TAG_ORDER, AudienceView, ViewNote, order_by
from ..core.keyed import Keyed, compute
from ..core.slugs import comparable, slugify
from ..markdown.notes import Question
from ..markdown.render import heading_anchors

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
                keyed: Keyed = compute) -> SiteGraph:
    """The audience's site; each interview's answers are cut out through ``keyed``
    under the view note's digest (all they are made from)."""
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
    bank, other, by_note = _questions(view.questions, collections["interviews"], keyed)
    graph = SiteGraph(
        view=view, by_id=by_id, collections=collections, home=home,
        tags=sorted(tags_by_slug.values(), key=lambda t: t.name.casefold()),
        backlinks=dict(backlinks), prev_next=prev_next,
        role_interviews=dict(role_interviews), role_reflections=dict(role_reflections),
        bank=bank, other_questions=other, answers_by_note=by_note, url_key=url_key,
    )
    return graph


def extract_answers(note: ViewNote) -> list[Answer]:
    """A heading ending in '?' is a question; its answer runs to the next heading
    of the same or a higher level."""
    tokens = note.tokens
    anchors = heading_anchors(tokens)
    embedded = _in_embeds(tokens)
    out: list[Answer] = []
    for i, (anchor, text) in anchors.items():
        if not text.rstrip().endswith("?") or i in embedded:
            continue  # (an embedded note's questions are that note's answers)
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


def _in_embeds(tokens: list[Token]) -> set[int]:
    """Indexes of the tokens inside an embedded note (see ivsite.validate.embedding)."""
    out: set[int] = set()
    depth = 0
    for i, t in enumerate(tokens):
        depth += (t.type == "embed_open") - (t.type == "embed_close")
        if depth:
            out.add(i)
    return out


def _answers_of(note: ViewNote) -> tuple[list[Answer], list[str]]:
    """A view note's answers and their questions made comparable."""
    answers = extract_answers(note)
    return answers, [comparable(a.question) for a in answers]


def _questions(
    bank: list[Question], interviews: list[ViewNote], keyed: Keyed,
) -> tuple[list[BankEntry], list[Answer], dict[str, list[Answer]]]:
    entries = [BankEntry(q) for q in bank]
    index: dict[str, BankEntry] = {}
    for e in entries:
        for k in e.question.match_keys():
            index.setdefault(k, e)
    other: list[Answer] = []
    by_note: dict[str, list[Answer]] = {}
    for note in interviews:
        answers, keys = keyed(("answers", note.id, note.digest),
                              functools.partial(_answers_of, note))
        by_note[note.id] = answers
        for a, key in zip(answers, keys, strict=True):
            entry = index.get(key)
            if entry is not None:
                entry.answers.append(a)
            else:
                other.append(a)
    return entries, other, by_note
