"""``ivsite todo``: thank-yous, follow-ups, upcoming interviews, and the ICS file."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from unit_helpers import write_site

from ivsite.cli import cli
from ivsite.diagnostics import Diagnostics
from ivsite.todo import Item, to_ics, todo_command, todo_items

TODAY = dt.date(2026, 3, 10)


def iv(date: str, extra: str = "", name: str = "Jane Doe", company: str = "Acme") -> str:
    return (f"---\ndate: {date}\nperson:\n  name: {name}\n  company: {company}\n{extra}---\n"
            "Notes.\n")


def items(root: Path) -> list[Item]:
    diags = Diagnostics()
    got = todo_items(root, TODAY, diags)
    assert got is not None
    assert not diags.errors, [d.text() for d in diags]
    return got


def by_kind(found: list[Item], kind: str) -> list[Item]:
    return [i for i in found if i.kind == kind]


def test_missing_thank_you_is_an_item(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/interviews/a.md": iv("2026-03-01"),
        "content/interviews/b.md": iv("2026-03-02", "follow_up:\n  thank_you: false\n",
                                      name="Sam Roe", company="Globex"),
        "content/interviews/c.md": iv("2026-03-03", "follow_up:\n  thank_you: 2026-03-04\n",
                                      name="Kim Poe", company="Initech"),
    })
    found = by_kind(items(tmp_path), "thank-you")
    assert [(i.when, i.source) for i in found] == [
        (dt.date(2026, 3, 2), "content/interviews/a.md"),
        (dt.date(2026, 3, 3), "content/interviews/b.md"),
    ]
    assert "Jane Doe (Acme)" in found[0].text


def test_follow_up_within_14_days_is_an_item(tmp_path: Path) -> None:
    sent = "follow_up:\n  thank_you: 2026-03-02\n  next: {}\n"
    write_site(tmp_path, {
        "content/interviews/soon.md": iv("2026-03-01", sent.format("2026-03-20")),
        "content/interviews/edge.md": iv("2026-03-01", sent.format("2026-03-24")),
        "content/interviews/late.md": iv("2026-03-01", sent.format("2026-03-25")),
        "content/interviews/due.md": iv("2026-02-01", sent.format("2026-03-01")),
    })
    found = by_kind(items(tmp_path), "follow-up")
    assert [(i.when.isoformat(), i.source.rsplit("/", 1)[1]) for i in found] == [
        ("2026-03-01", "due.md"), ("2026-03-20", "soon.md"), ("2026-03-24", "edge.md")]
    assert not by_kind(items(tmp_path), "thank-you")


def test_planned_future_interview_is_upcoming(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/interviews/next.md": iv("2026-04-01", "status: planned\n"),
        "content/interviews/missed.md": iv("2026-03-01", "status: planned\n",
                                           name="Sam Roe"),
        "content/interviews/off.md": iv("2026-03-01", "status: cancelled\n", name="Kim Poe"),
    })
    found = items(tmp_path)
    assert [(i.kind, i.source) for i in found] == [
        ("overdue", "content/interviews/missed.md"),
        ("upcoming", "content/interviews/next.md"),
    ]
    assert "Jane Doe" in by_kind(found, "upcoming")[0].text


def test_portfolio_review_requested(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/a.md": iv(
        "2026-03-01", "follow_up:\n  thank_you: 2026-03-02\n  portfolio_review: requested\n")})
    assert [i.kind for i in items(tmp_path)] == ["review"]


def test_items_are_sorted_by_date(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/interviews/a.md": iv("2026-03-05"),
        "content/interviews/b.md": iv("2026-02-01", name="Sam Roe"),
        "content/interviews/c.md": iv("2026-03-20", "status: planned\n", name="Kim Poe"),
    })
    whens = [i.when for i in items(tmp_path)]
    assert whens == sorted(whens) and len(whens) == 3


def test_no_site_is_none(tmp_path: Path) -> None:
    assert todo_items(tmp_path, TODAY, Diagnostics()) is None


SAMPLE = [
    Item(dt.date(2026, 3, 2), "thank-you", "send a thank-you to Jane Doe (Acme, Inc; x)",
         "content/interviews/a.md"),
    Item(dt.date(2026, 3, 20), "follow-up", "follow up with Sam", "content/interviews/b.md"),
]


def test_ics_structure_and_crlf() -> None:
    text = to_ics(SAMPLE, dt.datetime(2026, 3, 10, 9, 30, tzinfo=dt.UTC))
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 2
    events = text.split("BEGIN:VEVENT")[1:]
    first = events[0]
    assert "DTSTART;VALUE=DATE:20260302\r\n" in first
    assert "DTEND;VALUE=DATE:20260303\r\n" in first
    assert "DTSTAMP:20260310T093000Z\r\n" in first
    # commas and semicolons in text are escaped
    assert "SUMMARY:send a thank-you to Jane Doe (Acme\\, Inc\\; x)\r\n" in first
    uids = re.findall(r"^UID:(.+)$", text.replace("\r\n", "\n"), re.M)
    assert len(set(uids)) == 2


def test_ics_of_nothing_is_an_empty_calendar() -> None:
    text = to_ics([], dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert "BEGIN:VEVENT" not in text
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")


def test_ics_lines_are_folded_at_75_octets() -> None:
    long = Item(dt.date(2026, 3, 2), "thank-you", "send a thank-you to " + "x" * 120, "a.md")
    text = to_ics([long], dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75, line


def test_todo_command_prints_and_writes_ics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {"content/interviews/a.md": iv("2026-03-01")})
    ics = tmp_path / "todo.ics"
    assert todo_command(tmp_path, ics, today=TODAY) == 0
    out = capsys.readouterr().out
    assert "thank-you" in out and "content/interviews/a.md" in out
    assert out.startswith("!")  # overdue items are marked
    data = ics.read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 1 and b"\r\n" in data


def test_todo_command_with_nothing_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {"content/roles/ux.md": "---\ntitle: UX\n---\n"})
    assert todo_command(tmp_path, None, today=TODAY) == 0
    assert "Nothing to do" in capsys.readouterr().out


# Issue 9: the calendar file, written where it can be and never where it is published.


def _todo_cli(root: Path, *args: str) -> Result:
    old = Path.cwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(cli, ["todo", *args])
    finally:
        os.chdir(old)


def test_ics_in_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/a.md": iv("2026-03-01")})
    r = _todo_cli(tmp_path, "--ics", str(tmp_path / "missing" / "dir" / "x.ics"))
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "error[ics-path]" in r.stderr and "missing" in r.stderr
    assert "Traceback" not in r.output


@pytest.mark.parametrize("where", ["_site/cal.ics", "_site/sub/../cal.ics", "out/cal.ics",
                                   "content/cal.ics", "themes/mine/static/cal.ics"])
def test_ics_where_it_would_be_published_is_refused(tmp_path: Path, where: str) -> None:
    """The calendar carries real names: written into the output folder (or content/,
    themes/) it would be published."""
    toml = 'title = "Test site"\n' + ('output_dir = "out"\n' if where.startswith("out/") else "")
    write_site(tmp_path, {"content/interviews/a.md": iv("2026-03-01")}, toml)
    for folder in ("_site/sub", "out", "themes/mine/static"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    r = _todo_cli(tmp_path, "--ics", where)
    assert r.exit_code == 2, r.output
    assert "error[ics-path]" in r.stderr and "real names" in r.stderr
    assert not (tmp_path / where).exists()
    assert "Jane Doe" not in r.stdout  # refused before anything is printed


def test_ics_through_a_link_into_the_output_is_refused(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/a.md": iv("2026-03-01")})
    (tmp_path / "_site").mkdir()
    (tmp_path / "elsewhere").symlink_to(tmp_path / "_site", target_is_directory=True)
    r = _todo_cli(tmp_path, "--ics", "elsewhere/cal.ics")
    assert r.exit_code == 2 and not (tmp_path / "_site" / "cal.ics").exists()


def test_ics_beside_the_site_is_written(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/a.md": iv("2026-03-01")})
    r = _todo_cli(tmp_path, "--ics", "todo.ics")
    assert r.exit_code == 0, r.output
    assert b"BEGIN:VEVENT" in (tmp_path / "todo.ics").read_bytes()
