"""Red team 13, R13-04: two people in one name field
(docs/redteam/2026-12-02-thirteenth.md).

A group conversation recorded as ``person.name: "Quentin Zabrowski / Maria
Oyelaran"`` (or "A, B", "A - B", "A | B", "A (with B)"), and a referrer
``referred_by: "Sam Leeford / Ana Ruizabal"``: a field was read as one name
(asides after a spaced dash or bar cut, "X, Y" read as "Family, Given"), so only
the first person was looked for, and a public page naming the second built.
"A and B", "A & B" and "A; B" were refused only because the whole string was
looked for. Now ivsite.names.severalnames.persons_in splits a field into its
people at every separator a person types between two names, and the consent
rules apply to each (ivsite.names.people, persons, audit.secrets). "Doe, Jane",
"Jane Doe, PhD", "Jane Doe (Acme)", "Anna Zabrowski-Nowak" stay one person.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, day, write_site

from ivsite.audit import secrets as auditsecrets
from ivsite.names import people, persons
from ivsite.names.nameparts import plain_name
from ivsite.names.severalnames import persons_in
from ivsite.pipeline import Result, build
from ivsite.validate import consent

FIRST, SECOND = "Quentin Zabrowski", "Maria Oyelaran"
CONFIG = {"title": "Career notes", "author": "Pat Author",
          "base_url": "https://pat.example.org/"}
TALK = "interviews/2026-03-18-acme.md"

TWO = ["{a} / {b}", "{a}/{b}", "{a} | {b}", "{a}|{b}", "{a} - {b}", "{a} \u2013 {b}",
       "{a} \u2014 {b}", "{a}\u2013{b}", "{a}, {b}", "{a} and {b}", "{a} & {b}", "{a}; {b}",
       "{a} with {b}", "{a} w/ {b}", "{a} + {b}", "{a}\n{b}", "{a} (with {b})",
       "{a} (and {b})", "{a} ({b})", "{a} (w/ {b})", "{a} [with {b}]", "{a}  /  {b}",
       "Dr. {a}, PhD / {b}", "{a} (Acme) / {b}", "{a}, PhD, {b}, MBA"]
"""How a person writes two people in one field."""
GIVEN = ["Quentin", "Maria", "Ana", "Daniel", "Adaeze", "Sam", "Jean-Luc", "Kemal"]
FAMILY = ["Zabrowski", "Oyelaran", "Ruizabal", "Leeford", "Osei", "Okafor",
          "Zabrowski-Nowak", "Saarinen"]
ONE = ["{g} {f}", "{f}, {g}", "{g} {f}, PhD", "{g} {f} (Acme)", "Dr {g} {f}",
       "{g} {f} - Acme", "{g} {f} | Acme", "{g} {f} (he/him)", "{g} {f} - Software Engineer",
       "{g} {f} (Northfield Bank)", "{g} {f}, Jr.", "{g} {f} (n\u00e9e Nowak)",
       "{g} {f} / Acme", "{g} {f} (Senior Analyst)", "{f} {g}", "{g} (Kevin) {f}",
       "{g} {f} and team"]
"""How a person writes one person: never two."""


def _plain(names: tuple[str, ...]) -> list[str]:
    return [plain_name(n) for n in names]


# --------------------------------------------------------------------------- reading


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(TWO), st.sampled_from(GIVEN), st.sampled_from(FAMILY),
       st.sampled_from(GIVEN), st.sampled_from(FAMILY))
def test_every_separator_splits_two_full_names(form: str, g1: str, f1: str,
                                               g2: str, f2: str) -> None:
    a, b = f"{g1} {f1}", f"{g2} {f2}"
    if a == b:
        return
    found = _plain(persons_in(form.format(a=a, b=b)))
    assert found == [a, b], found


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ONE), st.sampled_from(GIVEN), st.sampled_from(FAMILY))
def test_one_person_stays_one(form: str, g: str, f: str) -> None:
    field = form.format(g=g, f=f)
    assert persons_in(field) == (field,)


@pytest.mark.parametrize("field", [
    "Doe, Jane", "Jane Doe, PhD", "Jane Doe (Acme)", "Anna Zabrowski-Nowak",
    "Garc\u00eda L\u00f3pez, Ana Mar\u00eda", "Rajesh Kumar s/o Muthu", "Sam Lee (my old manager)",
    "my manager Sam Lee", "Sam Lee, my old manager", "Jane Doe (AT&T)", "Mark",
    "Xiaoming (Kevin) Wang", "Jane Doe \u2013 Acme Corp", "LinkedIn (Sam Lee)",
    "Quentin Zabrowski & Sons", "Quentin Zabrowski et al.", "Quentin Zabrowski + 2 others",
    "Quentin Zabrowski and team", "Quentin Zabrowski with his manager"])
def test_fields_of_one_person(field: str) -> None:
    assert persons_in(field) == (field,)


@pytest.mark.parametrize(("field", "found"), [
    ("Jane & John Doe", ["Jane Doe", "John Doe"]),  # the family name shared
    ("Jane / John Doe", ["Jane Doe", "John Doe"]),
    ("Jane Doe, Maria Oyelaran, Sam Lee", ["Jane Doe", "Maria Oyelaran", "Sam Lee"]),
    ("\u738b\u5c0f\u660e / \u674e\u534e", ["\u738b\u5c0f\u660e", "\u674e\u534e"]),
    ("\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432 / "
     "\u041c\u0430\u0440\u0438\u044f \u0418\u0432\u0430\u043d\u043e\u0432\u0430",
     ["\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432",
      "\u041c\u0430\u0440\u0438\u044f \u0418\u0432\u0430\u043d\u043e\u0432\u0430"]),
    ("Quentin Zabrowski & Maria", ["Quentin Zabrowski", "Maria"]),
])
def test_more_fields_of_several(field: str, found: list[str]) -> None:
    assert _plain(persons_in(field)) == found


@pytest.mark.parametrize(("field", "place"), [
    ("Jane Doe - Goldman Sachs", "Goldman Sachs"),  # person.company
    ("Jane Doe - San Francisco", "Acme Analyst San Francisco, CA"),  # person.location
    ("Jane Doe | Staff Writer", ""), ("Jane Doe - Coffee Chat", ""),
    ("Jane Doe, Investment Banking", ""), ("Jane Doe (Google Cloud)", "")])
def test_what_the_record_says_of_the_person_is_no_second_person(field: str, place: str) -> None:
    assert persons_in(field, place) == (field,)
    if place:  # without the record, a full name
        assert len(persons_in(field)) == 2


# --------------------------------------------------------------------------- builds


def _talk(name: str, *, visibility: str = "private", yes: bool = False,
          **more: Any) -> tuple[dict[str, Any], str]:
    return ({"visibility": visibility, "date": day("2026-03-18"),
             "person": {"name": name, "company": "Acme"},
             "consent": {"publish_name": yes}, "status": "done", **more},
            "A group conversation at the agency.\n")


def _site(root: Path, talk: tuple[dict[str, Any], str], about: str,
          **more: tuple[dict[str, Any], str]) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "pages/about.md": ({"title": "About"}, about), TALK: talk, **more}, CONFIG)


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics] + [h.text() for h in result.hits]


def _refused(result: Result, out: Path) -> None:
    assert result.status == 1, _said(result)
    assert any(d.path == "content/pages/about.md" and d.code == "name-without-consent"
               for d in result.diagnostics), _said(result)
    assert not out.exists()


ABOUT = f"I learned a lot from {SECOND} this spring.\n"
REPRODUCED = ["{a} / {b}", "{a}, {b}", "{a} - {b}", "{a} | {b}", "{a} (with {b})"]


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(TWO))
def test_the_filter_refuses_the_second_person(tmp_path_factory: pytest.TempPathFactory,
                                              form: str) -> None:
    root = tmp_path_factory.mktemp("n")
    site = _site(root / "s", _talk(form.format(a=FIRST, b=SECOND)), ABOUT)
    _refused(build(site, out=root / "out"), root / "out")


@pytest.mark.parametrize("form", REPRODUCED)
def test_the_reproducers_names_are_refused(tmp_path: Path, form: str) -> None:
    site = _site(tmp_path / "s", _talk(form.format(a=FIRST, b=SECOND)), ABOUT)
    _refused(build(site, out=tmp_path / "out"), tmp_path / "out")


@pytest.mark.parametrize("field", ["referred_by", "referral"])
@pytest.mark.parametrize("form", ["{a} / {b}", "{a}, {b}", "{a} (and {b})", "{a} | {b}",
                                  "{a} - {b}", "{a} with {b}"])
def test_a_referrer_field_of_two_people(tmp_path: Path, field: str, form: str) -> None:
    written = form.format(a="Sam Leeford", b="Ana Ruizabal")
    more = {"referred_by": written} if field == "referred_by" else \
        {"referrals": [{"name": written, "company": "Acme"}]}
    talk = _talk("Daniel Osei", visibility="public", yes=True, **more)
    site = _site(tmp_path / "s", talk, "Thanks to Ana Ruizabal for the help.\n")
    _refused(build(site, out=tmp_path / "out"), tmp_path / "out")


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("form", ["{a} / {b}", "{a}, {b}", "{a} (with {b})", "{a} - {b}"])
def test_the_audit_alone_refuses_the_second_person(tmp_path: Path, form: str) -> None:
    site = _site(tmp_path / "s", _talk(form.format(a=FIRST, b=SECOND)), ABOUT)
    result = build(site, out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(h.secret.source == f"content/{TALK}" and h.output == "about/index.html"
               for h in result.hits), _said(result)
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_a_second_referrer(tmp_path: Path) -> None:
    talk = _talk("Daniel Osei", visibility="public", yes=True,
                 referred_by="Sam Leeford / Ana Ruizabal")
    site = _site(tmp_path / "s", talk, "Thanks to Ana Ruizabal for the help.\n")
    result = build(site, out=tmp_path / "out")
    assert result.status == 1, _said(result)
    assert any(h.secret.source == f"content/{TALK}" for h in result.hits), _said(result)


def test_the_filter_alone_refuses_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit's names switched off: the filter holds on its own."""
    monkeypatch.setattr(auditsecrets, "_people_secrets", lambda site, sees: [])
    monkeypatch.setattr(auditsecrets, "persons_in", lambda field, place="": (field,))
    site = _site(tmp_path / "s", _talk(f"{FIRST} / {SECOND}"), ABOUT)
    _refused(build(site, out=tmp_path / "out"), tmp_path / "out")


def _one_name_per_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every field read as one name again, as before R13-04."""
    for module in (people, persons, auditsecrets, consent):
        monkeypatch.setattr(module, "persons_in", lambda field, place="": (field,))


@pytest.mark.parametrize("form", REPRODUCED)
def test_without_the_split_the_second_person_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str) -> None:
    _one_name_per_field(monkeypatch)
    site = _site(tmp_path / "s", _talk(form.format(a=FIRST, b=SECOND)), ABOUT)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert OutputCorpus(tmp_path / "out").find(SECOND) != []  # the leak R13-04 reported


def test_without_the_split_a_second_referrer_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _one_name_per_field(monkeypatch)
    talk = _talk("Daniel Osei", visibility="public", yes=True,
                 referred_by="Sam Leeford / Ana Ruizabal")
    site = _site(tmp_path / "s", talk, "Thanks to Ana Ruizabal for the help.\n")
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert OutputCorpus(tmp_path / "out").find("Ana Ruizabal") != []


# --------------------------------------------------------------------------- consent


def test_a_consenting_group_is_published(tmp_path: Path) -> None:
    """Both agreed (the note's consent speaks for everyone in it): no refusal."""
    talk = _talk(f"Daniel Osei / {SECOND}", visibility="public", yes=True)
    site = _site(tmp_path / "s", talk, ABOUT)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, _said(result)
    assert OutputCorpus(tmp_path / "out").find(SECOND) != []


def test_a_no_about_one_of_the_group_withholds_the_group(tmp_path: Path) -> None:
    """Maria said no in her own note: the group note's yes cannot name her."""
    talk = _talk(f"Daniel Osei / {SECOND}", visibility="public", yes=True)
    own = _talk(SECOND, visibility="private")
    site = _site(tmp_path / "s", talk, ABOUT, **{"interviews/2026-04-01-maria.md": own})
    result = build(site, out=tmp_path / "out")
    _refused(result, tmp_path / "out")
    assert any(d.code == "consent-conflict" for d in result.diagnostics), _said(result)


@pytest.mark.parametrize(("name", "about"), [
    ("Quentin Zabrowski, PhD", "I am thinking about a PhD in Software Engineering.\n"),
    ("Zabrowski, Quentin", "Some notes on my search.\n"),
    ("Quentin Zabrowski - Software Engineer", "I met a Software Engineer at Acme.\n"),
    ("Quentin Zabrowski (Northfield Bank)", "Northfield Bank hires in spring.\n"),
    ("Quentin Zabrowski-Nowak", "Some notes on my search.\n"),
    ("Quentin Zabrowski | Acme", "Acme hires in spring.\n"),
    ("Quentin Zabrowski - Coffee Chat", "A Coffee Chat is a good start.\n"),
])
def test_one_person_fields_refuse_nothing_new(tmp_path: Path, name: str, about: str) -> None:
    site = _site(tmp_path / "s", _talk(name), about)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, _said(result)


def test_the_persons_location_is_no_second_person(tmp_path: Path) -> None:
    talk = _talk("Quentin Zabrowski - San Francisco")
    talk[0]["person"]["location"] = "San Francisco"
    site = _site(tmp_path / "s", talk, "I moved to San Francisco in May.\n")
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, _said(result)
