"""Red team 10, R10-28 (docs/redteam/2026-12-01-tenth.md): an email address and a
phone number written in a withheld note's ``summary`` (not in a contact field,
not in the body), then in a public note in another spelling. Each detail shaped
like one in a withheld note's front-matter text is looked for like a contact
field (ivsite.contacts.bodycontacts.front_contacts, through ivsite.names.people.mentions: the
filter's contact check and the audit).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import (
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    day,
    other_readings_off,
    write_site,
)

from ivsite.contacts.bodycontacts import front_contacts
from ivsite.names import people

PRIVATE = "content/reflections/r1.md"
SUMMARY = "Ask about referrals: dana.r@northwind.example, cell 647 555 0199"
SAID = "Write to dana.r at northwind dot example, or call 647-555-0199."


def _site(root: Path, said: str, visibility: str = "private") -> Path:
    front = {"title": "Next steps", "date": day("2026-03-02"), "summary": SUMMARY,
             "tags": ["networking"], "visibility": visibility}
    return write_site(root, {"pages/about.md": ({"title": "About"}, f"{said}\n"),
                             "reflections/r1.md": (front, "Thinking about next steps.\n")})


def test_the_details_in_front_matter() -> None:
    front = {"title": "x", "summary": SUMMARY, "tags": ["a"], "person": {"phone": "416 555 0100"}}
    assert list(front_contacts(front, withheld=True)) == [
        (("summary",), "email", "dana.r@northwind.example"),
        (("summary",), "phone", "647 555 0199")]
    assert list(front_contacts(front, withheld=False)) == []
    front = {"referred_by": "Dana (dana.r@northwind.example)", "summary": SUMMARY}
    assert list(front_contacts(front, withheld=False)) == [
        (("referred_by",), "email", "dana.r@northwind.example")]


def test_the_filter_refuses(tmp_path: Path) -> None:
    assert_filter_refuses(_site(tmp_path / "s", SAID), tmp_path / "out",
                          "content/pages/about.md", "contact-in-text")


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses(tmp_path: Path) -> None:
    assert_audit_refuses(_site(tmp_path / "s", SAID), tmp_path / "out", PRIVATE)


@pytest.mark.usefixtures("no_filter")
def test_without_it_they_are_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "front_contacts", lambda data, withheld, **_: iter(()))
    other_readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s", SAID), tmp_path / "out", "647-555-0199")


def test_a_public_notes_summary_and_figures_are_published(tmp_path: Path) -> None:
    # The summary of a public note is public: it may be repeated.
    assert_published(_site(tmp_path / "s", SAID, "public"), tmp_path / "out", "647-555-0199")
    # Dates and figures in a withheld summary are no contact details.
    front = {"title": "Plan", "date": day("2026-03-02"), "visibility": "private",
             "summary": "Met 2026-03-01 at 10:30-11:00; offer 85,000 to 95,000; room 1204."}
    site = write_site(tmp_path / "s2", {
        "pages/about.md": ({"title": "About"}, "Room 1204 on 2026-03-01, 85,000 to 95,000.\n"),
        "reflections/r1.md": (front, "Body.\n")})
    assert_published(site, tmp_path / "out2", "Room 1204")
