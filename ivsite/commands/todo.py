"""``ivsite todo``: the follow-up model (ivsite.audience.followup) on the author's terminal.

It prints the items grouped overdue / this week / later and, with ``--ics``,
writes them as a calendar (ivsite.commands.icsfile). Both hold real names: the calendar
is never written where it could be published (the output folder, content/,
themes/).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..audience.followup import INTERVIEW, FollowItem, follow_ups, grouped
from ..core.diagnostics import Diagnostic, Diagnostics
from ..core.outfolders import audience_dir
from ..pipeline import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Pipeline, Prepared
from .icsfile import to_ics


def todo_items(root: Path, diags: Diagnostics) -> list[FollowItem] | None:
    prep = Pipeline(root, persist_cache=False).prepare(diags)
    return None if prep is None else items_of(prep)


def items_of(prep: Prepared) -> list[FollowItem]:
    return follow_ups(((n.source, n.meta) for n in prep.valid.notes), prep.config.follow_up)


def ics_problem(prep: Prepared, ics: Path) -> Diagnostic | None:
    """Why the calendar may not be written at ``ics``, or None. It holds real names
    and companies: never inside the output folder, content/ or themes/, from where
    they would be published; and its folder must exist."""
    target = ics.resolve()
    root = prep.root.resolve()
    folders = prep.loaded.folders
    content = (root / "content", "content/, from where files are published") \
        if not folders.vault else (root, "the site folder, from where files are published")
    output_dir = prep.config.output_dir
    for place, why in ((root / output_dir, "the output folder, which is published"),
                       (root / audience_dir(output_dir, "mentor"),
                        "the mentor view's output folder, which is shared"),
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


def _line(item: FollowItem, today: dt.date) -> str:
    text = item.text
    if item.kind == INTERVIEW and item.due < today:
        text += " is still 'planned': mark it done or cancelled"
    return f"  {item.due.isoformat()}  {item.kind:<16} {text}  [{item.source}]"


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
    items = items_of(prep)
    if not items:
        click.echo("Nothing to do: every thank-you is sent and nothing is planned or due.")
    for group, members in grouped(items, today).items():
        if members:
            click.echo(f"{group.capitalize()}:")
            click.echo("".join(_line(item, today) + "\n" for item in members), nl=False)
    if ics is not None:
        try:
            ics.write_bytes(to_ics(items, dt.datetime.now(dt.UTC)))
        except OSError as exc:
            click.echo(Diagnostic(str(ics), 0, 0, "error", "ics-path",
                                  f"the calendar could not be written: "
                                  f"{exc.strerror or exc}").text(), err=True)
            return EXIT_USAGE
        click.echo(f"wrote {len(items)} event(s) to {ics}", err=True)
    return EXIT_CONTENT if diags.has_errors() else EXIT_OK
