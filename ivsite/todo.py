"""``ivsite todo``: the follow-through the guides recommend, from the notes.

Thank-you notes not yet sent (the guides say within a day or two), follow-ups
that are due or coming up, and interviews still planned. It reads the private
data and prints it to the author's terminal; its calendar file (``--ics``) is never
written where it could be published (the output folder, content/, themes/).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import click

from .diagnostics import Diagnostic, Diagnostics
from .models import InterviewMeta
from .pipeline import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Pipeline, Prepared

SOON = dt.timedelta(days=14)


@dataclass(frozen=True, order=True)
class Item:
    when: dt.date
    kind: str
    text: str
    source: str


def todo_items(root: Path, today: dt.date, diags: Diagnostics) -> list[Item] | None:
    prep = Pipeline(root, persist_cache=False).prepare(diags)
    return None if prep is None else _items(prep, today)


def ics_problem(prep: Prepared, ics: Path) -> Diagnostic | None:
    """Why the calendar may not be written at ``ics``, or None. It holds real names
    and companies: never inside the output folder, content/ or themes/, from where
    they would be published; and its folder must exist."""
    target = ics.resolve()
    root = prep.root.resolve()
    folders = prep.loaded.folders
    content = (root / "content", "content/, from where files are published") \
        if not folders.vault else (root, "the site folder, from where files are published")
    for place, why in ((root / prep.config.output_dir, "the output folder, which is published"),
                       content,
                       (root / "themes", "themes/, from where files are published")):
        if target.is_relative_to(place.resolve()):
            return Diagnostic(str(ics), 0, 0, "error", "ics-path",
                              f"the calendar holds real names; it is not written inside {why}",
                              "write it outside the site, e.g. --ics ~/todo.ics")
    if not target.parent.is_dir():
        return Diagnostic(str(ics), 0, 0, "error", "ics-path",
                          f"there is no folder {ics.parent} to write the calendar in",
                          "create the folder first, or choose another path")
    return None


def _items(prep: Prepared, today: dt.date) -> list[Item]:
    items: list[Item] = []
    for note in prep.valid.notes:
        meta = note.meta
        if not isinstance(meta, InterviewMeta) or meta.date is None:
            continue
        who = meta.person.name + (f" ({meta.person.company})" if meta.person.company else "")
        fu = meta.follow_up
        if meta.status == "planned":
            if meta.date >= today:
                items.append(Item(meta.date, "upcoming", f"interview with {who}", note.source))
            else:
                items.append(Item(meta.date, "overdue", f"interview with {who} is still "
                                  "'planned': mark it done or cancelled", note.source))
            continue
        if meta.status != "done":
            continue
        if fu is None or fu.thank_you in (None, False):
            items.append(Item(meta.date + dt.timedelta(days=1), "thank-you",
                              f"send a thank-you to {who}", note.source))
        if fu is not None and fu.next is not None and fu.next <= today + SOON:
            items.append(Item(fu.next, "follow-up", f"follow up with {who}", note.source))
        if fu is not None and fu.portfolio_review == "requested":
            items.append(Item(meta.date, "review", f"{who} offered to review your portfolio: "
                              "send it", note.source))
    return sorted(items)


def to_ics(items: list[Item], stamp: dt.datetime) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ivsite//todo//EN",
             "CALSCALE:GREGORIAN"]
    for n, item in enumerate(items):
        day = item.when.strftime("%Y%m%d")
        nxt = (item.when + dt.timedelta(days=1)).strftime("%Y%m%d")
        summary = _escape(item.text)
        lines += [
            "BEGIN:VEVENT",
            f"UID:ivsite-{day}-{n}-{item.kind}@localhost",
            f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;VALUE=DATE:{day}",
            f"DTEND;VALUE=DATE:{nxt}",
            f"SUMMARY:{summary}",
            f"DESCRIPTION:{_escape(item.source)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + space."""
    out: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not out else 74
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = ch
        else:
            current += ch
    out.append(current)
    return "\r\n ".join(out)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace(
        "\n", "\\n")


def todo_command(root: Path, ics: Path | None, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    diags = Diagnostics()
    prep = Pipeline(root, persist_cache=False).prepare(diags)
    refused = ics_problem(prep, ics) if prep is not None and ics is not None else None
    if refused is not None:
        diags.add(refused)
    for d in diags.sorted():
        click.echo(d.text(), err=True)
    if prep is None or refused is not None:
        return EXIT_USAGE
    items = _items(prep, today)
    if not items:
        click.echo("Nothing to do: every thank-you is sent and no follow-up is due.")
    for item in items:
        mark = "!" if item.when < today else " "
        click.echo(f"{mark} {item.when.isoformat()}  {item.kind:<10} {item.text}  "
                   f"[{item.source}]")
    if ics is not None:
        try:
            ics.write_text(to_ics(items, dt.datetime.now(dt.UTC)), "utf-8")
        except OSError as exc:
            click.echo(Diagnostic(str(ics), 0, 0, "error", "ics-path",
                                  f"the calendar could not be written: "
                                  f"{exc.strerror or exc}").text(), err=True)
            return EXIT_USAGE
        click.echo(f"wrote {len(items)} event(s) to {ics}", err=True)
    return EXIT_CONTENT if diags.has_errors() else EXIT_OK
