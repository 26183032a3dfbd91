"""How values read on a page: dates, formats, statuses, follow-ups, bylines.

Plain functions of a value, the same for every page and audience: a page's key
(see ivsite.pagekey) need not name them.
"""

from __future__ import annotations

import datetime as dt
import re

from .audience import ViewNote
from .graph import COLLECTION_TITLES

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


def follow_up(n: ViewNote) -> list[tuple[str, str]]:
    """The private follow-up fields, labelled for people (only the private view has them)."""
    if n.contact is None:
        return []
    out = []
    for key, value in sorted(n.contact.follow_up.items()):
        label = FOLLOW_UP_LABELS.get(key, key.replace("_", " ").capitalize())
        shown = {"True": "Yes", "False": "No"}.get(value, value)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", shown):
            shown = date_label(dt.date.fromisoformat(shown))
        out.append((label, shown))
    return out


def byline(n: ViewNote) -> str:
    """Who an interview was with, in the words its title does not already use."""
    title = n.title.casefold()
    parts = []
    if n.display_name and n.display_name.casefold() not in title:
        parts.append(n.display_name)
    if n.person_role and (n.name_published or n.person_role.casefold() not in title):
        parts.append(n.person_role)
    if n.company and n.company.casefold() not in title:
        parts.append(n.company)
    return ", ".join(parts)


def collection_label(collection: str) -> str:
    """'Interview', 'Reflection', 'Role', 'Page': one item of a collection."""
    return COLLECTION_TITLES.get(collection, collection).removesuffix("s")


def date_label(d: dt.date | None) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else ""
