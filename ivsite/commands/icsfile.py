"""The follow-up items (ivsite.audience.followup) as an iCalendar file, for ``todo --ics``.

Written with the ``icalendar`` package rather than by hand: RFC 5545 has escaping,
75-octet line folding, value types and nested components (the VALARM) whose
corner cases a hand-written writer got wrong once already, and calendar
programs are unforgiving. The package is small, pure Python, maintained and
reads the file back, which the tests do.

Importing the file again must update the events, not add them twice. Three things
make that work: each event's UID is the item's stable id (the note's path and the
item's kind, see :func:`ivsite.audience.followup.event_id`); DTSTAMP and LAST-MODIFIED are
the time of the export; and SEQUENCE is the number of minutes from
:data:`EPOCH` to the export, so every later export carries a higher revision
than any earlier one without ivsite keeping a record of what it exported
(calendars keep the event with the highest SEQUENCE for a UID).
"""

from __future__ import annotations

import datetime as dt

import icalendar

from ..audience.followup import FollowItem

EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
REMIND_AT = dt.timedelta(hours=9)
"""The alarm rings at 9:00 on the day (all-day events start at midnight)."""


def sequence(stamp: dt.datetime) -> int:
    """The revision number of an export made at ``stamp``: grows with time."""
    return max(0, int((stamp - EPOCH).total_seconds() // 60))


def to_ics(items: list[FollowItem], stamp: dt.datetime) -> bytes:
    """A calendar with one all-day event (and a reminder) per item."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//ivsite//todo//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "ivsite follow-ups")
    for item in items:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", sequence(stamp))
        event.add("dtstart", item.due)
        event.add("dtend", item.due + dt.timedelta(days=1))
        event.add("summary", item.text)
        event.add("description", f"{item.kind}: {item.source}")
        event.add("transp", "TRANSPARENT")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.text)
        alarm.add("trigger", REMIND_AT)
        event.add_component(alarm)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
