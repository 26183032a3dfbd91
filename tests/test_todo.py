"""``ivsite todo``: thank-yous, follow-ups, upcoming interviews, and the ICS file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner, Result
from unit_helpers import write_site

from ivsite.audience.followup import FollowItem
from ivsite.commands.cli import cli
from ivsite.commands.icsfile import to_ics
from ivsite.commands.todo import todo_command, todo_items
from ivsite.core.diagnostics import Diagnostics

TODAY = dt.date(2026, 3, 10)


def iv(date: str, extra: str = "", name: str = "Jane Doe", company: str = "Acme") -> str:
    return (f"---\ndate: {date}\nperson:\n  name: {name}\n  company: {company}\n{extra}---\n"
            "Notes.\n")


def items(root: Path) -> list[FollowItem]:
    diags = Diagnostics()
    got = todo_items(root, diags)
    assert got is not None
    assert not diags.errors, [d.text() for d in diags]
    return got


def test_items_come_from_the_follow_up_model(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/interviews/a.md": iv("2026-03-01"),
        "content/interviews/b.md": iv("2026-03-02", "follow_up:\n  thank_you: 2026-03-03\n"
                                      "  next: 2026-05-01\n", name="Sam Roe"),
        "content/interviews/c.md": iv("2026-04-01", "status: planned\n", name="Kim Poe"),
    })
    assert [(i.kind, i.due, i.source) for i in items(tmp_path)] == [
        ("thank-you", dt.date(2026, 3, 2), "content/interviews/a.md"),
        ("interview", dt.date(2026, 4, 1), "content/interviews/c.md"),
        ("next-contact", dt.date(2026, 5, 1), "content/interviews/b.md"),
    ]


def test_no_site_is_none(tmp_path: Path) -> None:
    assert todo_items(tmp_path, Diagnostics()) is None


def test_keep_in_touch_default_comes_from_site_toml(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/a.md": iv(
        "2026-03-01", "follow_up:\n  thank_you: 2026-03-02\n  keep_in_touch: true\n")},
        'title = "T"\n[follow_up]\nkeep_in_touch_days = 10\n')
    assert [(i.kind, i.due) for i in items(tmp_path)] == [
        ("keep-in-touch", dt.date(2026, 3, 11))]


@pytest.mark.parametrize("toml", ["[follow_up]\nkeep_in_touch_days = 0\n",
                                  "[follow_up]\nkeep_in_touch_day = 30\n"])
def test_a_bad_follow_up_table_is_a_config_error(tmp_path: Path, toml: str) -> None:
    write_site(tmp_path, {}, 'title = "T"\n' + toml)
    diags = Diagnostics()
    assert todo_items(tmp_path, diags) is None
    assert [d.code for d in diags.errors] in (["config-invalid"], ["config-unknown-key"])


SAMPLE = [
    FollowItem(dt.date(2026, 3, 2), "thank-you", "Jane Doe (Acme, Inc; x)",
               "content/interviews/a.md"),
    FollowItem(dt.date(2026, 3, 20), "next-contact", "Sam", "content/interviews/b.md"),
]
STAMP = dt.datetime(2026, 3, 10, 9, 30, tzinfo=dt.UTC)


def events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return list(cal.walk("VEVENT"))


def test_ics_parses_back_with_alarms() -> None:
    data = to_ics(SAMPLE, STAMP)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal
    got = events(data)
    assert len(got) == 2
    first = got[0]
    assert first.decoded("DTSTART") == dt.date(2026, 3, 2)
    assert first.decoded("DTEND") == dt.date(2026, 3, 3)
    assert first.decoded("DTSTAMP") == STAMP
    assert str(first["SUMMARY"]) == "send a thank-you to Jane Doe (Acme, Inc; x)"
    assert str(first["UID"]) == SAMPLE[0].uid
    alarms = list(first.walk("VALARM"))
    assert len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == dt.timedelta(hours=9)
    assert len({str(e["UID"]) for e in got}) == 2


def test_ics_of_nothing_is_an_empty_calendar() -> None:
    data = to_ics([], STAMP)
    assert events(data) == [] and data.startswith(b"BEGIN:VCALENDAR\r\n")


def test_ics_lines_are_folded_at_75_octets() -> None:
    long = FollowItem(dt.date(2026, 3, 2), "thank-you", "Ünïcödé " * 30, "a.md")
    for line in to_ics([long], STAMP).split(b"\r\n"):
        assert len(line) <= 75, line
    assert str(events(to_ics([long], STAMP))[0]["SUMMARY"]).endswith("Ünïcödé ")


def test_a_changed_item_keeps_its_uid_with_a_higher_sequence(tmp_path: Path) -> None:
    """Imported again after an edit, the event is updated: same UID, a later DTSTAMP
    and a higher SEQUENCE, the new date."""
    write_site(tmp_path, {"content/interviews/a.md": iv(
        "2026-03-01", "follow_up:\n  thank_you: 2026-03-02\n  next: 2026-04-01\n")})
    old = events(to_ics(items(tmp_path), STAMP))
    (tmp_path / "content/interviews/a.md").write_text(iv(
        "2026-03-01", "tags: [x]\nfollow_up:\n  next: 2026-04-15\n  thank_you: 2026-03-02\n"
    ).replace("Notes.", "Edited notes."), "utf-8")
    new = events(to_ics(items(tmp_path), STAMP + dt.timedelta(minutes=5)))
    assert [str(e["UID"]) for e in old] == [str(e["UID"]) for e in new]
    assert new[0].decoded("DTSTART") == dt.date(2026, 4, 15) != old[0].decoded("DTSTART")
    assert int(new[0]["SEQUENCE"]) > int(old[0]["SEQUENCE"])
    assert new[0].decoded("DTSTAMP") > old[0].decoded("DTSTAMP")


def test_todo_command_prints_groups_and_writes_ics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {
        "content/interviews/a.md": iv("2026-03-01"),
        "content/interviews/b.md": iv("2026-03-01", "status: planned\n", name="Sam Roe"),
        "content/interviews/c.md": iv("2026-03-12", "status: planned\n", name="Kim Poe"),
        "content/interviews/d.md": iv("2026-06-12", "status: planned\n", name="Al Bo"),
    })
    ics = tmp_path / "todo.ics"
    assert todo_command(tmp_path, ics, today=TODAY) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert [x for x in lines if not x.startswith(" ")] == ["Overdue:", "This week:", "Later:"]
    assert lines.index("Overdue:") < next(i for i, x in enumerate(lines) if "a.md" in x) \
        < lines.index("This week:") < next(i for i, x in enumerate(lines) if "c.md" in x) \
        < lines.index("Later:") < next(i for i, x in enumerate(lines) if "d.md" in x)
    assert "Sam Roe (Acme) is still 'planned'" in out
    assert len(events(ics.read_bytes())) == 4


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
                                   "content/cal.ics", "themes/mine/static/cal.ics",
                                   "_site-mentor/cal.ics", "out-mentor/cal.ics"])
def test_ics_where_it_would_be_published_is_refused(tmp_path: Path, where: str) -> None:
    """The calendar carries real names: written into the output folder (or content/,
    themes/) it would be published."""
    toml = 'title = "Test site"\n' + ('output_dir = "out"\n' if where.startswith("out") else "")
    write_site(tmp_path, {"content/interviews/a.md": iv("2026-03-01")}, toml)
    for folder in ("_site/sub", "out", "themes/mine/static", "_site-mentor", "out-mentor"):
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
