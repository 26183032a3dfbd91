"""How values read on a page: dates, formats, statuses, follow-ups, card titles
and bylines.

Plain functions of a value, the same for every page and audience: a page's key
(see ivsite.emit.pagekey) need not name them.
"""

from __future__ import annotations

import datetime as dt
import re

from ..audience.viewnote import NoteCard, ViewNote
from ..graph.stage import COLLECTION_TITLES

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
FORMAT_LABELS = {
    "coffee": "Coffee chat", "video": "Video call", "phone": "Phone call",
    "in-person": "In person", "email": "By email", "other": "Other",
}
STATUS_LABELS = {"planned": "Planned", "done": "Done", "cancelled": "Cancelled"}
ROLE_STATUS_LABELS = {"exploring": "Exploring", "pursuing": "Pursuing", "dropped": "Dropped"}
FOLLOW_UP_LABELS = {
    "thank_you": "Thank-you sent", "next": "Next follow-up", "keep_in_touch": "Keep in touch",
    "portfolio_review": "Portfolio review",
}


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def follow_up(n: ViewNote) -> list[tuple[str, str]]:
    """The private follow-up fields, labelled for people (only the private view has them)."""
    if n.contact is None:
        return []
    out = []
    for key, value in sorted(n.contact.follow_up.items()):
        label = FOLLOW_UP_LABELS.get(key, key.replace("_", " ").capitalize())
        shown = {"True": "Yes", "False": "No"}.get(value, value)
        if _DAY.fullmatch(shown):
            shown = date_label(dt.date.fromisoformat(shown))
        out.append((label, shown))
    return out


def card_title(n: NoteCard) -> str:
    """What a card leads with: an interview's job and organisation ("Senior UX
    Researcher at Northwind Health"), which say more in a list than "Conversation
    with…"; any other note's title."""
    if n.collection != "interviews":
        return n.title
    if n.person_role and n.company:
        return f"{n.person_role} at {n.company}"
    return n.person_role or n.company or n.title


def byline(n: NoteCard) -> str:
    """What an interview's card says beside its :func:`card_title`: a title the
    author wrote, and who it was with, in words the card does not already show."""
    lead = card_title(n).casefold()
    title = n.title.casefold()
    parts = []
    own_title = title not in (lead, f"conversation with {n.display_name}".casefold())
    if own_title:
        parts.append(n.title)
    name = n.display_name.casefold()
    if name and name not in lead and lead not in name and not (own_title and name in title):
        parts.append(f"with {n.display_name}")
    return " · ".join(parts)


def collection_label(collection: str) -> str:
    """'Interview', 'Reflection', 'Role', 'Page': one item of a collection."""
    return COLLECTION_TITLES.get(collection, collection).removesuffix("s")


def date_label(d: dt.date | None) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else ""
