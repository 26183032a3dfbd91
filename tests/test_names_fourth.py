"""Red team 4: J-middle, J-spelled and J-query, each from the red team's reproducer.

J-middle: notes about one person written with and without a middle name, or tied
by a phone number or a LinkedIn profile, are one person; one "no" withholds the
name, with a consent-conflict warning. J-spelled and J-query: "Quentin Z.", a
phone number spelt in words and a name split over URL query parameters are
refused by the filter and, with the filter off, by the build's own audit. Each
protection is switched off once to show the leak it stops: the build then exits
0 with the name or number in the output.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sites import (
    OutputCorpus,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    other_readings_off,
    write_site,
)

from ivsite.audience import namecheck
from ivsite.audit import search as auditsearch
from ivsite.contacts import spokendigits
from ivsite.names import identity, nameforms, people, persons
from ivsite.pipeline import build
from ivsite.pipeline.driver import Result
from ivsite.readers import morereadings, readable

TALK = "content/interviews/i.md"
PAGE = "content/pages/p.md"


def _talk(**person: Any) -> Any:
    """The red team's private interview: Quentin Zabrowski, who said no."""
    return ({"visibility": "private", "date": "2026-02-10",
             "person": {"name": "Quentin Zabrowski", "company": "Acme Corp",
                        "email": "quentin@zab.example", "phone": "+1 416 555 0199", **person},
             "referred_by": "Dana Whitlock", "consent": {"publish_name": False}},
            "Body text.\n")


def _page(body: str) -> Any:
    return ({"title": "Notes on my search"}, body + "\n")


@dataclass(frozen=True)
class Case:
    page: str
    said: str
    """What the output holds when nothing catches it."""
    code: str
    switch_off: Callable[[pytest.MonkeyPatch], None]


def _no_given_and_initial(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(nameforms, "_given_and_initial", lambda given, family: ())


def _no_digit_words(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(spokendigits, "_DIGIT_WORD", re.compile(r"(?!)"))


def _no_query(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(readable, "query_text", lambda text: "")
    mp.setattr(namecheck, "query_text", lambda text: "")
    # An address's parts are read decoded as well (red team 11, R11-19).
    mp.setattr(readable, "address_payloads", lambda text: ("", []))
    mp.setattr(namecheck, "address_payloads", lambda text: ("", []))
    # "firstName=Quentin&lastName=Zabrowski" is also a labelled name (red team 10, R10-22).
    mp.setattr(nameforms, "labelled_forms", lambda *args: ())
    # Base64 and hex words in a page are read decoded too (red team 12, R12-08).
    mp.setattr(morereadings, "encoded_readings", lambda text: [])


CASES = {
    "given name and family initial": Case(
        "Quentin Z. at Acme Corp was generous with time.", "Quentin Z.",
        "name-without-consent", _no_given_and_initial),
    "a referrer's given name and family initial": Case(
        "Dana W. made the intro.", "Dana W.", "name-without-consent", _no_given_and_initial),
    "a phone number in words": Case(
        "Call him back on four one six, five five five, zero one nine nine.",
        "four one six, five five five, zero one nine nine", "contact-in-text",
        _no_digit_words),
    "a people search's query": Case(
        "Find the [second engineer](https://www.linkedin.com/search/results/people/"
        "?firstName=Quentin&lastName=Zabrowski&origin=FACETED_SEARCH) on LinkedIn.",
        "firstName=Quentin&lastName=Zabrowski", "name-without-consent", _no_query),
    "a query in raw HTML": Case(
        'See <a href="https://x.example/?q=Quentin&amp;r=Zabrowski">him</a>.',
        "q=Quentin&r=Zabrowski", "name-without-consent", _no_query),
    "a query value in base64": Case(
        "See [him](https://x.example/?n=UXVlbnRpbiBaYWJyb3dza2k=).",
        "UXVlbnRpbiBaYWJyb3dza2k", "name-without-consent", _no_query),
}


def _site(root: Path, page: str) -> Path:
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/i.md": _talk(), "pages/p.md": _page(page)})


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_filter_refuses(tmp_path: Path, case: Case) -> None:
    assert_filter_refuses(_site(tmp_path / "s", case.page), tmp_path / "out", PAGE, case.code,
                          line=4)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_audit_alone_refuses(tmp_path: Path, no_filter: None, case: Case) -> None:
    assert_audit_refuses(_site(tmp_path / "s", case.page), tmp_path / "out", TALK)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_without_the_protection_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_filter: None, case: Case) -> None:
    case.switch_off(monkeypatch)
    # The audit's other readings find some of these on their own (see test_names_forms).
    other_readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s", case.page), tmp_path / "out", case.said)


QUERIES = {k: c for k, c in CASES.items() if c.switch_off is _no_query}


@pytest.mark.parametrize("case", QUERIES.values(), ids=QUERIES.keys())
def test_the_filter_reads_queries_on_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    """With the audit's query reading switched off, the filter still refuses; with
    the filter's off too, it does not (the name is split in every other reading)."""
    monkeypatch.setattr(readable, "query_text", lambda text: "")
    monkeypatch.setattr(readable, "address_payloads", lambda text: ("", []))  # R11-19
    monkeypatch.setattr(auditsearch, "_SEARCHES", {})
    monkeypatch.setattr(nameforms, "labelled_forms", lambda *args: ())  # red team 10, R10-22
    result = build(_site(tmp_path / "s", case.page), out=tmp_path / "out")
    assert any(d.code == case.code for d in result.diagnostics)
    monkeypatch.setattr(namecheck, "query_text", lambda text: "")
    monkeypatch.setattr(namecheck, "address_payloads", lambda text: ("", []))
    result = build(_site(tmp_path / "t", case.page), out=tmp_path / "out")
    assert not any(d.code == case.code for d in result.diagnostics)


# J-middle: one person however their notes tie.

def _interview(name: str, visibility: str, day: int, consent: bool, **person: Any) -> Any:
    return ({"visibility": visibility, "date": f"2026-0{day}-10",
             "person": {"name": name, "company": "Acme Corp", **person},
             "consent": {"publish_name": consent}},
            "She asked me not to name her anywhere.\n" if not consent else "Second coffee.\n")


TIES = {
    "a middle name": (
        _interview("Jane Doe", "private", 1, False),
        _interview("Jane Quinn Doe", "public", 3, True), "Jane Quinn Doe"),
    "a phone number": (
        _interview("Robert Smithers", "private", 1, False, phone="+1 416 555 0142"),
        _interview("Bob Smithers", "public", 3, True, phone="(416) 555-0142"), "Bob Smithers"),
    "a LinkedIn profile": (
        _interview("Robert Smithers", "private", 1, False,
                   linkedin="https://www.linkedin.com/in/rsmithers"),
        _interview("Bob Smithers", "public", 3, True,
                   linkedin="https://linkedin.com/in/RSmithers/"), "Bob Smithers"),
}


def _tied(root: Path, no: Any, yes: Any) -> Result:
    write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                      "interviews/a.md": no, "interviews/b.md": yes})
    return build(root, out=root / "_site")


@pytest.mark.parametrize(("no", "yes", "name"), TIES.values(), ids=TIES.keys())
def test_one_no_withholds_the_name(tmp_path: Path, no: Any, yes: Any, name: str) -> None:
    result = _tied(tmp_path / "s", no, yes)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert [d.path for d in result.diagnostics if d.code == "consent-conflict"] == \
        ["content/interviews/b.md"]
    assert OutputCorpus(tmp_path / "s" / "_site").find(name) == []


def _names_only(email: str | None, phone: str | None, linkedin: str | None) -> list[str]:
    return []


@pytest.mark.parametrize(("no", "yes", "name"), TIES.values(), ids=TIES.keys())
def test_without_the_tie_the_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no: Any, yes: Any, name: str) -> None:
    monkeypatch.setattr(persons, "one_person_keys", identity.person_keys)
    monkeypatch.setattr(persons, "_contact_keys", _names_only)
    monkeypatch.setattr(persons, "short_form_ties", lambda names: [])  # "Bob" for "Robert"
    # Red team 10, R10-08: "Jane Doe" in "Jane Quinn Doe" ties them, and a consented
    # name that holds a declined one written shorter excuses no hit on it.
    monkeypatch.setattr(persons, "initial_ties", lambda names: [])
    monkeypatch.setattr(identity, "written_shorter", lambda s, f: False)
    # Red team 18, R18-02: a middle name gone by, a slip, another script.
    monkeypatch.setattr(persons, "close_ties", lambda names: [])
    monkeypatch.setattr(persons, "script_ties", lambda names: [])
    result = _tied(tmp_path / "s", no, yes)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert not any(d.code == "consent-conflict" for d in result.diagnostics)
    assert OutputCorpus(tmp_path / "s" / "_site").find(name) != []


def test_a_middle_name_ties_people_but_consents_no_one() -> None:
    """"Jane Quinn Doe" and "Jane Doe" are one person for consent's sake, but a
    referrer "Jane Doe" is not consented because an interviewed "Jane Quinn Doe"
    agreed: the tie only ever withholds."""
    assert set(identity.one_person_keys("Jane Quinn Doe")) & set(identity.person_keys("Jane Doe"))
    assert not set(identity.one_person_keys("Jane Quinn Doe")) & set(
        identity.person_keys("Jane Roe"))
    assert not people.is_consented("Jane Doe", set(identity.person_keys("Jane Quinn Doe")))


@pytest.mark.parametrize("text", [
    "quentin z. is lower case", "Quentin Zed came by", "Someone often called at noon.",
    "One of two, three or four.", "Is it? yes=no",
])
def test_near_misses_are_not_found(text: str) -> None:
    found = people.matcher_of([("unconsented name", "Quentin Zabrowski", 1),
                               ("contact field phone", "+1 416 555 0199", 2)]).find(text)
    assert found == []
