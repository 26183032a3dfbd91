"""Red team 9, R9-12 (docs/redteam/2026-12-01-ninth.md): an email address without
its top-level domain ("jane@acme" for jane@acme.example) and a numbered mailbox
alone ("jd1982"): ivsite.contacts.mailboxes, through ivsite.contacts.fields, so the filter's
contact check and the audit both look for them. "I met Jane at Acme" is prose,
not an address: the form needs an "@" (or a bracketed "at").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import (
    RED_TEAM_TALK,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    other_readings_off,
    red_team_site,
    red_team_talk,
)

from ivsite.contacts import fields as contacts
from ivsite.names.people import matcher_of

TALK = f"content/{RED_TEAM_TALK}"
PAGE = "content/pages/p.md"
SAID = "Her handle is qz1982 at northfield; or write to quentin@northfield about it."


def _site(root: Path, said: str) -> Path:
    front, body = red_team_talk(email="qz1982@northfield.example, quentin@northfield.example")
    return red_team_site(root, {"pages/p.md": ({"title": "About"}, f"{said}\n")}, (front, body))


FOUND = ["write quentin@northfield", "QUENTIN＠NORTHFIELD", "quentin (at) northfield",
         "quentin@northfield.example", "handle qz1982", "qz1982 at northfield"]
NOT_FOUND = ["I met Quentin at Northfield today", "quentin@northfieldbank",
             "x.quentin@northfield", "qz19 and 1982"]


@pytest.mark.parametrize("text", FOUND)
def test_the_matcher_finds(text: str) -> None:
    match = matcher_of([("contact field email", "qz1982@northfield.example", 1),
                        ("contact field email", "quentin@northfield.example", 1)])
    assert match.find(text) == [1], text


@pytest.mark.parametrize("text", NOT_FOUND)
def test_the_matcher_passes(text: str) -> None:
    match = matcher_of([("contact field email", "qz1982@northfield.example", 1),
                        ("contact field email", "quentin@northfield.example", 1)])
    assert match.find(text) == [], text


def test_the_filter_refuses(tmp_path: Path) -> None:
    assert_filter_refuses(_site(tmp_path / "s", SAID), tmp_path / "out", PAGE,
                          code="contact-in-text")


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses(tmp_path: Path) -> None:
    assert_audit_refuses(_site(tmp_path / "s", SAID), tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_the_forms_it_is_published(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contacts, "mailbox_forms", lambda address: ([], []))
    other_readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s", SAID), tmp_path / "out", "quentin@northfield")


def test_prose_with_at_is_published(tmp_path: Path) -> None:
    said = "I met someone at Northfield; a numbered plan, v1982, at northfield."
    assert_published(_site(tmp_path / "s", said), tmp_path / "out", "someone at Northfield")
