"""What the audience filter makes: a note as one audience may see it, and the
view of the whole site that every later stage (graph, emit, audit) works from.

The audiences and what each sees are here too, so that a stage can name an
audience without importing the filter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Literal

from markdown_it.token import Token

from ..core.slugs import slugify
from ..core.sourcefiles import AssetRef
from ..markdown.notes import Question
from ..validate.config import SiteConfig
from .followup import FollowItem

Audience = Literal["public", "mentor", "private"]
AUDIENCES: tuple[Audience, ...] = ("public", "mentor", "private")
SEES: dict[str, frozenset[str]] = {
    "public": frozenset({"public"}),
    "mentor": frozenset({"public", "mentor"}),
    "private": frozenset({"public", "mentor", "private"}),
}

@dataclass(frozen=True)
class Contact:
    """Fields only the private view carries."""

    name: str
    email: str | None
    phone: str | None
    linkedin: str | None
    referred_by: str | None
    referrals: tuple[str, ...]
    recording_file: str | None
    follow_up: dict[str, str]


@dataclass(eq=False)
class NoteCard:
    """What a list, a neighbour link or a backlink shows of a note: everything but
    its body. Pages that list notes get cards, so they cannot print a body and
    need not be rendered again when only a body changed (see ivsite.emit.pagekey)."""

    id: str
    collection: str
    slug: str
    title: str
    visibility: str
    date: dt.date | None
    summary: str
    tags: list[str]
    # Interviews
    display_name: str = ""
    name_published: bool = False
    person_role: str = ""
    company: str = ""
    industry: str = ""
    location: str = ""
    format: str = ""
    status: str = ""
    interest: int | None = None
    role_id: str | None = None
    # Reflections
    role_ids: list[str] = field(default_factory=list)
    # Roles
    role_status: str = ""
    skills: list[str] = field(default_factory=list)
    card_digest: str = ""
    """Fingerprint of the fields above (for render caches)."""


CARD_FIELDS = tuple(f.name for f in fields(NoteCard) if f.name != "card_digest")


@dataclass(eq=False)
class ViewNote(NoteCard):
    """A note as one audience may see it."""

    tokens: list[Token] = field(default_factory=list)
    env: dict[str, object] = field(default_factory=dict)
    contact: Contact | None = None
    # Derived from the filtered body
    links_to: list[str] = field(default_factory=list)
    assets: list[AssetRef] = field(default_factory=list)
    passages: list[tuple[str, str, str]] = field(default_factory=list)
    """(kind, anchor, excerpt) for every passage left in this view."""
    text: str = ""
    """Visible plain text of the body (excerpts, search, name checks)."""
    inline_tags: list[str] = field(default_factory=list)
    """The ``#tags`` in the text this audience reads (joined to ``tags``)."""
    digest: str = ""
    """Fingerprint of everything this view note was made from (for render caches)."""
    _card: NoteCard | None = field(default=None, repr=False, compare=False)
    sort_keys: tuple[tuple[object, ...], ...] = field(default=(), repr=False, compare=False)
    """(view, newest first, title) orders, made once with the card (see order_by)."""
    tag_slugs: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)
    """(slug, name) of each tag, two spellings of one slug once; made with the card."""

    def card(self) -> NoteCard:
        """This note without its body (made once; the view note is not changed after)."""
        if self._card is None:
            values = {name: getattr(self, name) for name in CARD_FIELDS}
            self._card = NoteCard(**values, card_digest=_card_digest(values))
            self.card_digest = self._card.card_digest
            day = self.date.toordinal() if self.date else 0
            title = self.title.casefold()
            self.sort_keys = ((self.collection, -day, self.id),
                              (self.date is None, -day, title), (title,), (-day, title))
            # The first spelling wins (reversed: later ones are overwritten).
            self.tag_slugs = tuple({slugify(t) or "tag": t for t in reversed(self.tags)}.items())
        return self._card


def order_by(kind: int) -> Callable[[ViewNote], tuple[object, ...]]:
    """A sort key over view notes: VIEW_ORDER, NEWEST_FIRST, BY_TITLE or TAG_ORDER
    (kept on each note, so sorting a large site calls no Python per comparison)."""
    return lambda n: n.sort_keys[kind]


VIEW_ORDER, NEWEST_FIRST, BY_TITLE, TAG_ORDER = range(4)


def _card_digest(values: dict[str, object]) -> str:
    h = hashlib.sha256()
    for name in CARD_FIELDS:
        h.update(f"\0{name}\0{values[name]!r}".encode())
    return h.hexdigest()


@dataclass
class AudienceView:
    audience: Audience
    config: SiteConfig
    notes: list[ViewNote]
    questions: list[Question]
    withheld_note_count: int = 0
    follow_ups: list[FollowItem] = field(default_factory=list)
    """What the author owes their contacts (the private view's alone: they name
    people), grouped against ``today``."""
    today: dt.date | None = None
