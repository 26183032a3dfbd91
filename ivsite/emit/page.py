"""What every page family makes: a :class:`Page`, the description of one output
page before it is rendered, and the small helpers the families share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..audience.viewnote import NoteCard, ViewNote
from ..graph.stage import Tag

VISIBILITY_BADGES = {"private": "Private", "mentor": "Mentor only"}

Late = Callable[[Any, "Page", dict[str, Any]], None]
"""``late(emitter, page, context)``: fills in the parts of a context that are costly
to make (rendered answers) when the page is made, not when its key is. It may only
read what the page's context already names, so the key still covers it."""


class EmitError(Exception):
    """The graph cannot be written as a site (e.g. two pages at one address)."""


PageStore = Callable[[str, Callable[[], bytes]], bytes]
"""Where pages come from: ``pages(key, make)`` returns the page kept under ``key``
or ``make()``. The key is a digest of everything the page is made from (see
:meth:`ivsite.emit.emitter.Emitter.page_key`), so a build engine may keep pages
across builds."""


def render_now(key: str, make: Callable[[], bytes]) -> bytes:
    """No kept pages: every page is rendered."""
    return make()


@dataclass
class Page:
    url: str
    template: str
    title: str
    description: str
    kind: str
    section: str = ""
    note: ViewNote | None = None
    context: dict[str, Any] = field(default_factory=dict)
    """All the page shows, as notes, cards, answers and plain values: its key is
    made of these (see ivsite.emit.pagekey)."""
    lockable: bool = True
    body: tuple[str, ViewNote, int] | None = None
    """(context name, note, heading level): a body rendered into the context only
    when the page is made (the note's digest in the key covers it)."""
    late: Late | None = None


def path_of(url: str) -> str:
    """The output file of a page address."""
    return url if url.endswith(".html") else f"{url}index.html"


def cards(notes: Iterable[ViewNote]) -> list[NoteCard]:
    """What a page may show of notes other than its own: no bodies."""
    return [n.card() for n in notes]


def card_tag(tag: Tag) -> Tag:
    return Tag(tag.name, tag.slug, cards(tag.notes))  # type: ignore[arg-type]
