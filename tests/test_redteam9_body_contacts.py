"""Red team 9, R9-22 (docs/redteam/2026-12-01-ninth.md): a phone number or email
address written in the body of a private note (or in a private passage of a
public one), not in its fields, then in a public note. Each detail shaped like
one in a withheld body or passage is looked for like a contact field
(ivsite.contacts.bodycontacts, through ivsite.names.people.mentions: the filter's contact check
and the audit). Dates, thousands and times there are not numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import (
    RED_TEAM_TALK,
    assert_audit_refuses,
    assert_published,
    other_readings_off,
    red_team_site,
    red_team_talk,
)

from ivsite.contacts.bodycontacts import body_contacts
from ivsite.names import people
from ivsite.pipeline import build

TALK = f"content/{RED_TEAM_TALK}"
PAGE = "content/pages/p.md"
PRIVATE_BODY = ("We talked about the job.\n\n"
                "Her cell: 416 555 0199. Her personal mail: qz.home@mail.example\n"
                "Met 2026-03-01 at 10:30-11:00; offer 85,000 to 95,000; room 1204.\n")
SAID = "Call (416) 555-0199 or write qz.home@mail.example about campaigns."
PASSAGE_SAID = "Or call 647 555 0123."
NOTES = "content/pages/notes.md"


def _site(root: Path, said: str) -> Path:
    front, _ = red_team_talk()
    notes = ({"title": "Notes"}, "Public words.\n\n::: private\nHis cell: 647-555-0123\n:::\n")
    return red_team_site(root, {"pages/p.md": ({"title": "About"}, f"{said}\n"),
                                "pages/notes.md": notes},
                         ({**front, "visibility": "private"}, PRIVATE_BODY))


def test_the_details_in_a_body() -> None:
    assert list(body_contacts(PRIVATE_BODY)) == [
        ("email", "qz.home@mail.example", 2), ("phone", "416 555 0199", 2)]


def test_the_filter_refuses(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", f"{SAID} {PASSAGE_SAID}"), out=tmp_path / "out")
    assert result.status == 1
    said = [d.message for d in result.diagnostics
            if d.path == PAGE and d.code == "contact-in-text"]
    assert any(f"{TALK}:12" in m for m in said), said  # the private note's body
    assert any(f"{NOTES}:7" in m for m in said), said  # the public note's passage
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses(tmp_path: Path) -> None:
    assert_audit_refuses(_site(tmp_path / "s", SAID), tmp_path / "out", TALK)
    assert_audit_refuses(_site(tmp_path / "s2", PASSAGE_SAID), tmp_path / "out2", NOTES)


@pytest.mark.usefixtures("no_filter")
def test_without_it_they_are_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "body_contacts", lambda body: iter(()))
    other_readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s", f"{SAID} {PASSAGE_SAID}"), tmp_path / "out",
                     "qz.home@mail.example")


def test_dates_and_figures_from_the_body_are_published(tmp_path: Path) -> None:
    said = "Kick-off 2026-03-01, 10:30-11:00, in room 1204; budgets of 85,000 to 95,000."
    assert_published(_site(tmp_path / "s", said), tmp_path / "out", "room 1204")
