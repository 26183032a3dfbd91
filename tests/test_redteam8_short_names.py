"""Red team 8, N8: "Alex Quennell" says yes in a later note while "Alexandra
Quennell" (same company, same role) said no.

The notes were two people, so "Alex Quennell" was published everywhere with no
warning. Now a short form of the given name (a prefix, or a known diminutive)
with the same family name ties the notes into one person (ivsite.names.shortnames):
a ``consent-conflict`` warning says the two may be one person, and neither name
is published. The filter refuses the short name in text, the build's own audit
does with the filter's check and the consent settling off, and it still finds
the unconsented full name; with the tie switched off, the build publishes
"Alex Quennell".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import assert_audit_refuses, assert_filter_refuses, assert_published, write_site

from ivsite.names import persons
from ivsite.names.shortnames import short_form, short_form_ties
from ivsite.pipeline import build
from ivsite.validate import consent

FULL = "content/interviews/2026-03-03-globex.md"
SHORT = "content/interviews/2026-04-03-globex.md"


def _talk(name: str, when: str, yes: bool, body: str, visibility: str) -> Any:
    return ({"date": when, "visibility": visibility,
             "person": {"name": name, "role": "Art Director", "company": "Globex"},
             "consent": {"publish_name": yes}, "alias": "an art director at Globex"}, body)


def _site(root: Path, body: str = "Second chat.\n", full: str = "Alexandra Quennell",
          short: str = "Alex Quennell", short_says: bool = True) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-03-globex.md": _talk(full, "2026-03-03", not short_says,
                                                 "She asked not to be named.\n", "private"),
        "interviews/2026-04-03-globex.md": _talk(short, "2026-04-03", short_says, body,
                                                 "public")})


def test_the_short_form_ties() -> None:
    assert short_form("alex", "alexandra")
    assert short_form("sasha", "alexandra")
    assert short_form("liz", "elizabeth")
    assert not short_form("alexandra", "alex")
    assert not short_form("a", "alexandra")  # an initial: tied elsewhere
    assert short_form_ties(["Alexandra Quennell", "Alex Quennell", "Alex Smith",
                            "Kate Doe", "Katherine Doe", "Ann Lee", "Bo Kim"]) == [
        ("Alex Quennell", "Alexandra Quennell"), ("Kate Doe", "Katherine Doe")]


def test_a_conflict_warning_says_they_may_be_one_person(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    warned = [d for d in result.diagnostics if d.code == "consent-conflict"]
    assert warned and warned[0].path == SHORT, [d.text() for d in result.diagnostics]
    assert "'Alexandra Quennell', perhaps the same person" in warned[0].message
    found = [rel for rel in _texts(tmp_path / "out") if "Quennell" in _texts(tmp_path / "out")[rel]]
    assert found == [], found


def _texts(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): p.read_text("utf-8", "replace")
            for p in out.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json")}


@pytest.mark.parametrize("short_says", [True, False], ids=["short says yes", "full says yes"])
def test_the_filter_refuses_the_name_in_text(tmp_path: Path, short_says: bool) -> None:
    named = "Alex Quennell" if short_says else "Alexandra Quennell"
    site = _site(tmp_path / "s", f"Second chat with {named}.\n", short_says=short_says)
    assert_filter_refuses(site, tmp_path / "out", SHORT)


@pytest.fixture()
def settling_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The consent settling switched off: the note that says yes is handed on so."""
    monkeypatch.setattr(consent, "_conflict", lambda notes, diags, replace: None)


@pytest.mark.usefixtures("no_filter", "settling_off")
def test_the_audit_alone_refuses_the_short_name(tmp_path: Path) -> None:
    assert_audit_refuses(_site(tmp_path / "s"), tmp_path / "out", SHORT)


@pytest.mark.usefixtures("no_filter", "settling_off")
def test_the_audit_alone_still_finds_the_full_name(tmp_path: Path) -> None:
    assert_audit_refuses(_site(tmp_path / "s", "Also known as Alexandra Quennell.\n"),
                         tmp_path / "out", FULL)


@pytest.mark.usefixtures("no_filter")
def test_without_the_tie_the_short_name_is_published(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(persons, "short_form_ties", lambda names: [])
    assert_published(_site(tmp_path / "s"), tmp_path / "out", "Alex Quennell")
