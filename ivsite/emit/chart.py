"""The interest chart of a role page: where each point of an inline SVG line chart
stands, worked out at build time from the interest (1-5) recorded after each
conversation, so the page needs no JavaScript to draw it.

The result is plain numbers and strings (a page's key is made of its context, see
ivsite.emit.pagekey); the theme's ``partials/interest-chart.html`` draws it and prints
the same points as a table for screen readers and anyone who prefers numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..audience.viewnote import NoteCard, ViewNote
from .labels import MONTHS

WIDTH, HEIGHT = 480, 220
"""The chart's viewBox: it scales to the column, its text with it."""
LEFT, RIGHT, TOP, BOTTOM = 40, 24, 16, 40
LOWEST, HIGHEST = 1, 5
EDGE = 36
"""A label whose tick is this close to either end of the axis grows inwards."""
MOST_LABELS = 4
"""At most this many month labels under the x axis, so they never overlap."""


@dataclass(frozen=True)
class Point:
    """One conversation's interest, as the chart reads it."""

    date: dt.date
    value: int
    note: NoteCard


def interest_points(interviews: list[ViewNote]) -> list[Point]:
    """The held conversations (status done) that recorded an interest, oldest first.
    A planned or cancelled conversation has no 'after' to be interested in."""
    points = [Point(n.date, n.interest, n.card()) for n in interviews
              if n.status == "done" and n.interest is not None and n.date is not None]
    points.sort(key=lambda p: (p.date, p.note.title.casefold()))
    return points


def chart(points: list[Point]) -> dict[str, Any]:
    """Coordinates of the line, the dots, the gridlines and the axis labels."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    first, last = points[0].date, points[-1].date
    span = (last - first).days

    def x(day: dt.date) -> float:
        if span == 0:
            return LEFT + plot_w / 2
        return round(LEFT + (day - first).days / span * plot_w, 1)

    def y(value: int) -> float:
        return round(TOP + (HIGHEST - value) / (HIGHEST - LOWEST) * plot_h, 1)

    dots = [{"x": x(p.date), "y": y(p.value), "value": p.value, "date": p.date,
             "note": p.note} for p in points]
    return {
        "width": WIDTH, "height": HEIGHT,
        "left": LEFT, "right": WIDTH - RIGHT, "bottom": HEIGHT - BOTTOM,
        "line": " ".join(f"{d['x']},{d['y']}" for d in dots),
        "dots": dots,
        "grid": [{"y": y(v), "label": str(v)} for v in range(LOWEST, HIGHEST + 1)],
        "months": [{"x": x(day), "label": label, "anchor": _anchor(x(day))}
                   for day, label in _months(first, last)],
        "summary": _summary(points),
    }


def _anchor(at: float) -> str:
    """How a label under the x axis lines up with its tick: near an edge it grows
    inwards, so it is never cut off."""
    if at - LEFT < EDGE:
        return "start"
    if WIDTH - RIGHT - at < EDGE:
        return "end"
    return "middle"


def _months(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """The x axis labels: the first day of the months between the first and the
    last conversation (every n-th month when there are many), or the one date."""
    if first == last:
        return [(first, f"{MONTHS[first.month - 1][:3]} {first.year}")]
    starts = []
    day = dt.date(first.year, first.month, 1)
    if day < first:
        day = _next_month(day)
    while day <= last:
        starts.append(day)
        day = _next_month(day)
    if not starts:  # within one month
        return [(first, _short(first)), (last, _short(last))]
    step = -(-len(starts) // MOST_LABELS)
    return [(d, f"{MONTHS[d.month - 1][:3]} {d.year}") for d in starts[::step]]


def _short(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _summary(points: list[Point]) -> str:
    """One sentence a screen reader says for the chart: where interest began and
    ended, and its range."""
    count = len(points)
    values = [p.value for p in points]
    if count == 1:
        return f"One conversation, interest {values[0]} of 5."
    return (f"{count} conversations: interest went from {values[0]} to {values[-1]} "
            f"of 5 (lowest {min(values)}, highest {max(values)}).")
