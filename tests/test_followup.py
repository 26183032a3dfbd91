"""The follow-up model (ivsite.audience.followup): what is due when, grouped for a day, with
ids that survive edits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from unit_helpers import write_site

from ivsite.audience.followup import (
    INTERVIEW,
    KEEP_IN_TOUCH,
    NEXT,
    REVIEW,
    THANK_YOU,
    FollowItem,
    event_id,
    follow_ups,
    for_audience,
    grouped,
    open_by_role,
)
from ivsite.commands.todo import todo_items
from ivsite.core.diagnostics import Diagnostics
from ivsite.core.models import InterviewMeta
from ivsite.validate.config import FollowUpSettings

TODAY = dt.date(2026, 3, 10)
DEFAULT = FollowUpSettings()


def meta(front: str, name: str = "Jane Doe", company: str = "Acme") -> InterviewMeta:
    data: dict[str, Any] = yaml.safe_load(front) or {}
    data.setdefault("person", {"name": name, "company": company})
    return InterviewMeta.model_validate(data)


def items_of(*notes: tuple[str, str], settings: FollowUpSettings = DEFAULT
             ) -> list[FollowItem]:
    return follow_ups(((src, meta(front)) for src, front in notes), settings)


def kinds(items: list[FollowItem]) -> list[tuple[str, dt.date]]:
    return [(i.kind, i.due) for i in items]


def test_thank_you_is_due_the_day_after_until_it_has_a_date() -> None:
    got = items_of(("a.md", "date: 2026-03-01\n"),
                   ("b.md", "date: 2026-03-02\nfollow_up:\n  thank_you: false\n"),
                   ("c.md", "date: 2026-03-03\nfollow_up:\n  thank_you: 2026-03-04\n"))
    assert [(i.source, i.kind, i.due) for i in got] == [
        ("a.md", THANK_YOU, dt.date(2026, 3, 2)), ("b.md", THANK_YOU, dt.date(2026, 3, 3))]
    assert got[0].text == "send a thank-you to Jane Doe (Acme)"


def test_planned_interview_is_listed_with_its_date_and_its_next_contact() -> None:
    got = items_of(("p.md", "date: 2026-04-01\nstatus: planned\n"
                            "follow_up:\n  next: 2026-03-20\n"))
    # no thank-you before the meeting; follow_up.next counts while planned
    assert kinds(got) == [(NEXT, dt.date(2026, 3, 20)), (INTERVIEW, dt.date(2026, 4, 1))]


def test_cancelled_interview_has_nothing() -> None:
    assert items_of(("x.md", "date: 2026-03-01\nstatus: cancelled\n"
                             "follow_up:\n  next: 2026-03-20\n  keep_in_touch: true\n")) == []


SENT = "date: 2026-03-01\nfollow_up:\n  thank_you: 2026-03-02\n"


@pytest.mark.parametrize(("extra", "settings", "due"), [
    ("  keep_in_touch: true\n", DEFAULT, dt.date(2026, 5, 30)),           # 90 days
    ("  keep_in_touch: true\n", FollowUpSettings(keep_in_touch_days=30), dt.date(2026, 3, 31)),
    ("  keep_in_touch: 14\n", DEFAULT, dt.date(2026, 3, 15)),              # per person
    ("  keep_in_touch: 14\n  next: 2026-04-01\n", DEFAULT, dt.date(2026, 4, 15)),
])
def test_keep_in_touch_cadence(extra: str, settings: FollowUpSettings, due: dt.date) -> None:
    got = [i for i in items_of(("a.md", SENT + extra), settings=settings)
           if i.kind == KEEP_IN_TOUCH]
    assert [i.due for i in got] == [due]


@pytest.mark.parametrize("extra", ["", "  keep_in_touch: false\n"])
def test_no_keep_in_touch_unless_asked(extra: str) -> None:
    assert items_of(("a.md", SENT + extra)) == []


def test_a_later_conversation_with_the_same_person_carries_keep_in_touch() -> None:
    second = meta("date: 2026-03-08\nfollow_up:\n  thank_you: 2026-03-09\n"
                  "  keep_in_touch: 30\n", name="jane  DOE")
    got = follow_ups([("first.md", meta(SENT + "  keep_in_touch: true\n")),
                      ("second.md", second)], DEFAULT)
    assert [(i.source, i.due) for i in got if i.kind == KEEP_IN_TOUCH] == [
        ("second.md", dt.date(2026, 4, 7))]


def test_portfolio_review_requested_then_done() -> None:
    asked = items_of(("a.md", SENT + "  portfolio_review: requested\n"))
    assert kinds(asked) == [(REVIEW, dt.date(2026, 3, 8))]
    assert items_of(("a.md", SENT + "  portfolio_review: done\n")) == []


def test_groups_relative_to_today() -> None:
    got = items_of(("old.md", "date: 2026-03-01\n"),                    # thank-you 03-02
                   ("today.md", "date: 2026-03-10\nstatus: planned\n"),
                   ("edge.md", "date: 2026-03-16\nstatus: planned\n"),  # today + 6
                   ("later.md", "date: 2026-03-17\nstatus: planned\n"))  # today + 7
    groups = grouped(got, TODAY)
    assert list(groups) == ["overdue", "this week", "later"]
    assert [i.source for i in groups["overdue"]] == ["old.md"]
    assert [i.source for i in groups["this week"]] == ["today.md", "edge.md"]
    assert [i.source for i in groups["later"]] == ["later.md"]
    assert [i.source for i in grouped(got, dt.date(2026, 3, 17))["overdue"]] == [
        "old.md", "today.md", "edge.md"]


def test_ids_are_the_path_and_kind_only() -> None:
    a = items_of(("content/interviews/a.md", SENT + "  next: 2026-04-01\n"))
    b = items_of(("content/interviews/a.md", SENT.replace("03-01", "02-20")
                  + "  next: 2026-05-09\n"))
    assert [i.uid for i in a] == [i.uid for i in b] == [
        event_id("content/interviews/a.md", NEXT)]
    assert a[0].due != b[0].due
    ids = {event_id(src, kind) for src in ("a.md", "b.md") for kind in (NEXT, THANK_YOU)}
    assert len(ids) == 4


def test_only_the_private_view_gets_items_by_role() -> None:
    got = items_of(("a.md", "date: 2026-03-01\nrole: ux\n"), ("b.md", "date: 2026-03-02\n"),
                   ("c.md", "date: 2026-03-20\nrole: ux\nstatus: planned\n"))
    assert for_audience(got, "private") == got
    assert for_audience(got, "public") == [] and for_audience(got, "mentor") == []
    assert open_by_role(got, "private", TODAY) == {"ux": [
        {"due": "2026-03-02", "group": "overdue", "kind": THANK_YOU,
         "text": "send a thank-you to Jane Doe (Acme)", "source": "a.md"},
        {"due": "2026-03-20", "group": "later", "kind": INTERVIEW,
         "text": "interview with Jane Doe (Acme)", "source": "c.md"}]}
    assert open_by_role(got, "public", TODAY) == open_by_role(got, "mentor", TODAY) == {}


def iv(date: str, extra: str = "", name: str = "Jane Doe") -> str:
    return f"---\ndate: {date}\nperson:\n  name: {name}\n  company: Acme\n{extra}---\nNotes.\n"


def site_ids(root: Path) -> dict[tuple[str, str], str]:
    diags = Diagnostics()
    got = todo_items(root, diags)
    assert got is not None and not diags.errors, [d.text() for d in diags]
    return {(i.source, i.kind): i.uid for i in got}


def test_ids_survive_reordering_and_editing_the_notes(tmp_path: Path) -> None:
    fu = "follow_up:\n  next: 2026-04-01\n  keep_in_touch: true\n  portfolio_review: requested\n"
    write_site(tmp_path, {"content/interviews/a.md": iv("2026-03-01", fu),
                          "content/interviews/b.md": iv("2026-03-05", "status: planned\n",
                                                        name="Sam Roe")})
    before = site_ids(tmp_path)
    assert len(before) == 5 and len(set(before.values())) == 5
    # the items move in the list (a's dates change, its keys reordered), the body is
    # edited and a new note comes first in the list: the ids stay
    (tmp_path / "content/interviews/a.md").write_text(
        iv("2026-03-02", "follow_up:\n  portfolio_review: requested\n  keep_in_touch: 30\n"
           "  next: 2026-03-03\n").replace("Notes.", "Other notes, longer."), "utf-8")
    (tmp_path / "content/interviews/0.md").write_text(iv("2026-01-01", name="Kim Poe"),
                                                      "utf-8")
    after = site_ids(tmp_path)
    assert {k: v for k, v in after.items() if k in before} == before
    assert set(after) - set(before) == {("content/interviews/0.md", THANK_YOU)}


@pytest.mark.parametrize("audience", ["public", "mentor"])
def test_no_follow_up_reaches_a_built_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, audience: str
) -> None:
    """The items name people and say what the author owes them: not in any file of
    the public or mentor output, even for a named, public conversation."""
    from click.testing import CliRunner

    from ivsite.commands.cli import cli

    fu = ("follow_up:\n  next: 2026-04-01\n  keep_in_touch: 30\n"
          "  portfolio_review: requested\n")
    public = ("visibility: public\nconsent:\n  publish_name: true\n"
              "summary: A named conversation.\n")
    write_site(tmp_path, {
        "content/interviews/a.md": iv("2026-03-01", public + fu),
        "content/interviews/b.md": iv("2026-04-01", public + "status: planned\n" + fu,
                                      name="Sam Roe"),
    }, 'title = "T"\n[share]\nenabled = true\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", "--audience", audience])
    assert result.exit_code == 0, result.output
    items = todo_items(tmp_path, Diagnostics())
    assert items is not None and len(items) == 6
    needles = {i.uid.split("@")[0] for i in items} | {i.text for i in items} | {
        "send a thank-you", "keep in touch with", "send your portfolio", "contact Jane Doe"}
    out = tmp_path / ("_site" if audience == "public" else "_site-mentor")
    files = [p for p in out.rglob("*") if p.is_file()]
    assert any("Jane Doe" in p.read_text("utf-8", "replace") for p in files)  # it built
    for path in files:
        text = path.read_text("utf-8", "replace")
        for needle in needles:
            assert needle not in text, (path, needle)


def _role_pages(root: Path, audience: str) -> str:
    """The role page of ``ux`` as an audience is shown it (made and audited in memory,
    as ``check`` and the preview make pages)."""
    from ivsite.pipeline import Pipeline, Rehearse, Request, run

    result = run(Pipeline(root, persist_cache=False),
                 Request(audience, lock=False), Rehearse())  # type: ignore[arg-type]
    assert result.status == 0 and result.site is not None, \
        [d.text() for d in result.diagnostics]
    return result.site.layers[0].plan.files["roles/ux/index.html"].decode("utf-8")


def test_a_role_page_lists_its_open_follow_ups_in_the_private_preview_alone(
        tmp_path: Path) -> None:
    fu = "role: ux\nfollow_up:\n  portfolio_review: requested\n"
    write_site(tmp_path, {
        "content/roles/ux.md": "---\ntitle: UX Researcher\nvisibility: public\n---\nA role.\n",
        "content/interviews/a.md": iv("2026-03-01", "visibility: public\n" + fu),
        "content/interviews/b.md": iv("2026-03-05", "role: other\n", name="Sam Roe"),
        "content/roles/other.md": "---\ntitle: Other\n---\nAnother.\n",
    })
    private = _role_pages(tmp_path, "private")
    assert "Open follow-ups" in private
    assert "send a thank-you to Jane Doe (Acme)" in private
    assert "send your portfolio to Jane Doe (Acme)" in private
    assert "Sam Roe" not in private  # another role's conversation
    for audience in ("public", "mentor"):
        page = _role_pages(tmp_path, audience)
        assert "Open follow-ups" not in page and "thank-you" not in page


@pytest.mark.parametrize(("front", "left"), [
    ("date: 2026-01-01\nfollow_up:\n  thank_you: 2026-01-02\n  next: 9999-12-31\n"
     "  keep_in_touch: true\n", []),
    ("date: 9999-12-31\nfollow_up:\n  portfolio_review: requested\n", []),
    ("date: 9999-12-20\nfollow_up:\n  portfolio_review: requested\n  keep_in_touch: true\n",
     [(THANK_YOU, dt.date(9999, 12, 21)), (REVIEW, dt.date(9999, 12, 27))]),
    ("date: 9999-12-30\nstatus: planned\n", [(INTERVIEW, dt.date(9999, 12, 30))]),
], ids=["some-day-next", "last-day", "near-the-end", "planned-on-the-last-day"])
def test_items_past_the_last_date_are_left_out(front: str, left: list[object]) -> None:
    """F5: a far-future date once overflowed (OverflowError) in every command."""
    assert kinds(items_of(("a.md", front))) == left


@pytest.mark.parametrize("command", [["build"], ["check"], ["todo"], ["todo", "--ics", "t.ics"]])
def test_a_far_future_follow_up_is_no_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    from click.testing import CliRunner

    from ivsite.commands.cli import cli

    write_site(tmp_path, {"content/interviews/a.md": iv(
        "2026-01-01", "status: done\nfollow_up:\n  thank_you: 2026-01-02\n"
        "  next: 9999-12-30\n  keep_in_touch: true\n")}, 'title = "T"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 0 and "internal error" not in result.output, result.output
