"""The timeline: the conversations this audience may see, month by month, newest
first, each month a heading over its interviews' cards."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .labels import MONTHS
from .page import Page

if TYPE_CHECKING:
    from .emitter import Emitter


def months(em: Emitter) -> list[dict[str, Any]]:
    """(id, label, cards) for each month with a conversation, newest first; within
    a month the interviews list's order (newest first)."""
    out: list[dict[str, Any]] = []
    for n in em.g.collections["interviews"]:
        if n.date is None:
            continue
        key = f"{n.date.year:04d}-{n.date.month:02d}"
        if not out or out[-1]["key"] != key:
            out.append({"key": key, "id": f"iv-m-{key}",
                        "label": f"{MONTHS[n.date.month - 1]} {n.date.year}", "notes": []})
        out[-1]["notes"].append(n.card())
    return out


def page(em: Emitter) -> Page:
    found = months(em)
    return Page("timeline/", "timeline.html", "Timeline",
                f"The conversations on {em.config.title}, month by month", "list",
                "timeline", context={"months": found,
                                     "count": sum(len(m["notes"]) for m in found)})
