"""Red team 8, F1: an initial and family name run together is an everyday word.

A private interviewee "Cara Hance" made the public sentence "Take every chance
to ask questions." fail, as "Carl Lever" did "clever", "Brian Right" "bright"
and "Sam Parks" "sparks": the run-together handle form ("mkowalczyk", red team
3 H13) was looked for as a word anywhere. A run that opens as a word may is now
looked for only where the text shows a handle (ivsite.names.handles): after "@" or
"/", before a host name's dot or an "@", beside digits or an underscore, or
split by its capitals. A run no word opens so ("mkowalczyk") is looked for
anywhere, as before (tests/test_names_forms.py, "H13 initial and family name").
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

from ivsite.names import nameforms
from ivsite.names.people import needle_of
from ivsite.text.textmatch import Confirmed, Matcher

TALK = f"content/{RED_TEAM_TALK}"
PAGE = "content/pages/p.md"

WORDS = {"Cara Hance": "Take every chance to ask questions.",
         "Carl Lever": "A clever question opens doors.",
         "Brian Right": "Bring a bright idea.",
         "Sam Parks": "Small talk sparks long talks."}

HANDLES = {
    "mention": "Find her on the forum as @chance.",
    "site": "Her portfolio: <https://chance.dev>.",
    "mailbox": "Write to chance@mail.example for slides.",
    "digits": "Her account is chance92 everywhere.",
    "underscore": "The repository is chance_notes.",
    "capitals": "Thanks, CHance!",
}


def _site(root: Path, name: str, said: str, visibility: str = "public") -> Path:
    front, body = red_team_talk(name=name)
    return red_team_site(root, {"pages/p.md": ({"title": "About"}, f"{said}\n")},
                         ({**front, "visibility": visibility}, body))


@pytest.mark.parametrize("name", WORDS)
def test_an_everyday_word_is_not_the_name(tmp_path: Path, name: str) -> None:
    said = WORDS[name]
    assert_published(_site(tmp_path / "s", name, said, "private"), tmp_path / "out", said)


@pytest.mark.parametrize("said", HANDLES.values(), ids=HANDLES.keys())
def test_the_filter_refuses_a_handle(tmp_path: Path, said: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", "Cara Hance", said), tmp_path / "out", PAGE)


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("said", HANDLES.values(), ids=HANDLES.keys())
def test_the_audit_alone_refuses_a_handle(tmp_path: Path, said: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", "Cara Hance", said), tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_the_handle_form_it_is_published(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameforms, "handle_form", lambda run: Confirmed((run,), "(?!)"))
    other_readings_off(monkeypatch)
    said = HANDLES["site"]
    assert_published(_site(tmp_path / "s", "Cara Hance", said), tmp_path / "out", "chance.dev")


def test_a_handle_in_code_is_found() -> None:
    """A script or style sheet is searched for the handle too (the audit's code
    matcher takes the handle's form: ivsite.audit.needles)."""
    found = needle_of("unconsented name", "Cara Hance", in_code=True)
    match = Matcher([], confirmed=[(c, 1) for c in found.confirmed])
    assert match.find('fetch("https://api.example/users/chance")') == [1]
    assert match.find("var chance = Math.random();") == []
