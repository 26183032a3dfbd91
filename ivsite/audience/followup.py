"""The follow-up model: what the author owes each contact, and by when.

An informational interview goes on after the meeting: a thank-you within a day,
the next contact the two agreed on, keeping in touch every few months, a
portfolio review offered and then done. This module turns the interview notes'
front matter into one list of dated items; ``ivsite todo`` prints it, its
calendar file (ivsite.commands.icsfile) exports it, and the private preview can show a
role's open items (:func:`open_by_role`). Keeping the rules in one place means the
terminal, the calendar and the preview never disagree about what is due.

The items do not depend on today: :func:`grouped` sorts them into overdue, this
week and later for a given day. Each item's id is a digest of the note's path and
the item's kind, never of its position or dates, so editing, reordering or moving
a date keeps the id (and a calendar that imports the file again updates the event
instead of adding a second one).

The items hold real names: they are for the author only. :func:`for_audience`
gives nothing to any audience but ``private``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.models import InterviewMeta, NoteMeta
from ..names.identity import person_key
from ..validate.config import FollowUpSettings

THANK_YOU_AFTER = dt.timedelta(days=1)
"""The guides' advice: the thank-you goes out the day after the conversation."""
REVIEW_AFTER = dt.timedelta(days=7)
"""A portfolio review someone offered: send the portfolio within a week."""
WEEK = dt.timedelta(days=7)
LAST_DUE = dt.date.max - dt.timedelta(days=1)
"""The last day an item may fall on: its calendar event ends the day after, and a
date past the calendar's end cannot be written. An item that would fall later (a
"some day" ``next: 9999-12-31``, or the keeping in touch after it) is left out
rather than crash every command that lists the items."""

INTERVIEW, THANK_YOU, NEXT, KEEP_IN_TOUCH, REVIEW = (
    "interview", "thank-you", "next-contact", "keep-in-touch", "portfolio-review")
KINDS = (INTERVIEW, THANK_YOU, NEXT, KEEP_IN_TOUCH, REVIEW)
GROUPS = ("overdue", "this week", "later")


@dataclass(frozen=True, order=True)
class FollowItem:
    """One thing to do for one conversation, due on ``due``."""

    due: dt.date
    kind: str
    who: str
    """The person's real name and company, as the author wrote them."""
    source: str
    """The note's path, e.g. ``content/interviews/2026-03-01-acme.md``."""
    role: str | None = field(default=None, compare=False)
    """The slug of the role the conversation was about, if any."""

    @property
    def uid(self) -> str:
        return event_id(self.source, self.kind)

    @property
    def text(self) -> str:
        return {
            INTERVIEW: f"interview with {self.who}",
            THANK_YOU: f"send a thank-you to {self.who}",
            NEXT: f"contact {self.who} again",
            KEEP_IN_TOUCH: f"keep in touch with {self.who}",
            REVIEW: f"send your portfolio to {self.who} for the review they offered",
        }[self.kind]


def event_id(source: str, kind: str) -> str:
    """A stable id for the item ``kind`` of the note at ``source``."""
    digest = hashlib.sha256(f"{source}\0{kind}".encode()).hexdigest()[:32]
    return f"{digest}@ivsite"


def _who(meta: InterviewMeta) -> str:
    company = meta.person.company
    return meta.person.name + (f" ({company})" if company else "")


def _cadence(meta: InterviewMeta, settings: FollowUpSettings) -> dt.timedelta | None:
    keep = meta.follow_up.keep_in_touch if meta.follow_up else None
    if keep is True:
        return dt.timedelta(days=settings.keep_in_touch_days)
    if isinstance(keep, int) and not isinstance(keep, bool):
        return dt.timedelta(days=keep)
    return None


def _after(day: dt.date, delta: dt.timedelta = dt.timedelta(0)) -> dt.date | None:
    """``day`` plus ``delta``, or None when that is past :data:`LAST_DUE`."""
    return day + delta if day <= LAST_DUE - delta else None


def follow_ups(notes: Iterable[tuple[str, NoteMeta]],
               settings: FollowUpSettings) -> list[FollowItem]:
    """Every open item of the interview notes among ``notes`` ((path, meta) pairs),
    sorted by due date."""
    interviews = [(src, m) for src, m in notes
                  if isinstance(m, InterviewMeta) and m.date is not None
                  and m.status != "cancelled"]
    latest: dict[str, dt.date] = {}
    for _, m in interviews:
        assert m.date is not None
        key = person_key(m.person.name)
        latest[key] = max(latest.get(key, m.date), m.date)
    items: list[FollowItem] = []

    def add(day: dt.date, delta: dt.timedelta, kind: str, src: str, m: InterviewMeta) -> None:
        due = _after(day, delta)
        if due is not None:
            items.append(FollowItem(due, kind, _who(m), src, m.role))

    zero = dt.timedelta(0)
    for src, m in interviews:
        assert m.date is not None
        fu = m.follow_up
        if fu is not None and fu.next is not None:
            add(fu.next, zero, NEXT, src, m)
        if m.status == "planned":
            add(m.date, zero, INTERVIEW, src, m)
            continue
        if fu is None or not isinstance(fu.thank_you, dt.date):
            add(m.date, THANK_YOU_AFTER, THANK_YOU, src, m)
        if fu is not None and fu.portfolio_review == "requested":
            add(m.date, REVIEW_AFTER, REVIEW, src, m)
        cadence = _cadence(m, settings)
        # A later conversation with the same person (however the name is spelt,
        # as ivsite.names.people tells one person) carries the keeping in touch.
        if cadence is not None and latest[person_key(m.person.name)] == m.date:
            last = max(m.date, fu.next) if fu is not None and fu.next else m.date
            add(last, cadence, KEEP_IN_TOUCH, src, m)
    return sorted(items)


def group_of(item: FollowItem, today: dt.date) -> str:
    """'overdue' before today, 'this week' from today to six days on, else 'later'."""
    if item.due < today:
        return "overdue"
    return "this week" if item.due < today + WEEK else "later"


def grouped(items: Iterable[FollowItem], today: dt.date) -> dict[str, list[FollowItem]]:
    """The items under each of :data:`GROUPS` (every group present, maybe empty)."""
    out: dict[str, list[FollowItem]] = {g: [] for g in GROUPS}
    for item in sorted(items):
        out[group_of(item, today)].append(item)
    return out


def for_audience(items: list[FollowItem], audience: str) -> list[FollowItem]:
    """The items an audience may see: all of them in the private view, none elsewhere
    (they name people and say what the author owes them)."""
    return list(items) if audience == "private" else []


def open_by_role(items: list[FollowItem], audience: str,
                 today: dt.date) -> dict[str, list[dict[str, str]]]:
    """A role page's open items (role slug to a template's rows: due, group, kind,
    text, source), for the private view only. Plain strings, so that they can go
    into a page's template context, whose digest is the page's cache key."""
    out: dict[str, list[dict[str, str]]] = {}
    for item in sorted(for_audience(items, audience)):
        if item.role:
            out.setdefault(item.role, []).append({
                "due": item.due.isoformat(), "group": group_of(item, today),
                "kind": item.kind, "text": item.text, "source": item.source})
    return out
