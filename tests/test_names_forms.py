"""Forms of a name the record does not spell out (red team 3: H1, H13, H15, H16,
H19, H28).

Each class is checked three ways: the filter refuses the build at the line that
names the person; with the filter switched off the build's own audit fails on its
own; and with the filter and the protection both switched off the name is
published, which shows it is that protection (in the matcher both share) that
catches it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sites import OutputCorpus, write_site

from ivsite.audience import consentmask, notelinks
from ivsite.names import gapforms, nameforms, people
from ivsite.names.nameparts import name_in, plain_name
from ivsite.pipeline import build
from ivsite.readers import readable
from ivsite.text import normalise
from ivsite.text.textmatch import Confirmed, Matcher

TALK = "content/interviews/2026-01-05-talk.md"
PAGE = "content/pages/thanks.md"
OLD_HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir",
                            "dame", "rev", "mme", "mlle", "herr", "frau"})


def _talk(name: str, body: str = "Public intro text here.", **front: Any) -> Any:
    return ({"date": "2026-01-05", "visibility": "public", "alias": "an analyst",
             "person": {"name": name, "company": "Acme"},
             "consent": {"publish_name": False}, **front}, body + "\n")


def _page(body: str) -> Any:
    return ({"title": "Thanks"}, body + "\n")


def _interview(name: str, day: int, consent: bool, body: str) -> Any:
    return ({"date": f"2026-01-{day:02d}", "visibility": "public", "alias": "someone",
             "person": {"name": name}, "consent": {"publish_name": consent}}, body + "\n")


@dataclass(frozen=True)
class Case:
    content: dict[str, Any]
    named_in: str
    """Where the filter reports the name."""
    secret_of: str
    """The note the audit's hit names as the source."""
    said: str
    """What the output holds when nothing catches it."""
    switch_off: Callable[[pytest.MonkeyPatch], None]


def _no_plain_name(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(nameforms, "plain_name", lambda name: name)
    mp.setattr(nameforms, "HONORIFICS", OLD_HONORIFICS)


def _no_confirmed(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(nameforms, "_confirmed", lambda given, family, given_words=(): ())
    mp.setattr(nameforms, "_family_initial", lambda given, family: Confirmed(family, "(?!)"))
    mp.setattr(gapforms, "GAP_FORMS", False)  # a middle word is something read past too


CASES = {
    "H16 suffix": Case(
        {"interviews/2026-01-05-talk.md": _talk("Quentin Zabrowski, PhD"),
         "pages/thanks.md": _page("Thanks to Quentin Zabrowski for his time.")},
        PAGE, TALK, "Thanks to Quentin Zabrowski", _no_plain_name),
    "H16 aside": Case(
        {"interviews/2026-01-05-talk.md": _talk("Quentin Zabrowski (Northfield Bank)"),
         "pages/thanks.md": _page("Thanks to Quentin Zabrowski for his time.")},
        PAGE, TALK, "Thanks to Quentin Zabrowski", _no_plain_name),
    "H16 family name alone beside a suffix": Case(
        {"interviews/2026-01-05-talk.md": _talk("Quentin Zabrowski Jr.",
                                                "Intro.\n\nZabrowski said hi.")},
        TALK, TALK, "Zabrowski said hi", _no_plain_name),
    "H16 title": Case(
        {"interviews/2026-01-05-talk.md": _talk("Ing. Quentin Zabrowski",
                                                "Intro.\n\nQuentin said hi.")},
        TALK, TALK, "Quentin said hi", _no_plain_name),
    "H28 middle initial": Case(
        {"interviews/2026-01-05-talk.md": _talk("Quentin Zabrowski"),
         "pages/thanks.md": _page("Thanks to Quentin R. Zabrowski.")},
        PAGE, TALK, "Quentin R. Zabrowski", _no_confirmed),
    "H28 middle name": Case(
        {"interviews/2026-01-05-talk.md": _talk("Quentin Zabrowski"),
         "pages/thanks.md": _page("Thanks to Dr. Quentin Robert Zabrowski.")},
        PAGE, TALK, "Quentin Robert Zabrowski", _no_confirmed),
    "H28 family name and initial": Case(
        {"interviews/2026-01-05-talk.md": _talk("Quentin Zabrowski"),
         "pages/thanks.md": _page("Attendees: Morgan, A.; Zabrowski, Q.; Lee, K.")},
        PAGE, TALK, "Zabrowski, Q.", _no_confirmed),
    "H13 initial and family name": Case(
        {"interviews/2026-01-05-talk.md": _talk(
            "Marta Kowalczyk", "A developer. Her portfolio: <https://mkowalczyk.dev>.")},
        TALK, TALK, "mkowalczyk.dev",
        lambda mp: mp.setattr(nameforms, "MIN_INITIAL_HANDLE", 100)),
    "H13 name and digits": Case(
        {"interviews/2026-01-05-talk.md": _talk("Quentin Zabrowski"),
         "pages/thanks.md": _page("Follow @quentinzabrowski92 or write to "
                                  "quentin.zabrowski92@mail.example.")},
        PAGE, TALK, "quentinzabrowski92",
        lambda mp: mp.setattr(normalise, "_DIGIT_EDGE_IN", re.compile(r"(?!)"))),
    "H15 referrer with an aside": Case(
        {"interviews/2026-01-05-talk.md": _talk("Quentin Zabrowski",
                                                referred_by="Sam Lee (my old manager)"),
         "pages/thanks.md": _page("Thanks to Sam Lee for the introductions.")},
        PAGE, TALK, "Thanks to Sam Lee", lambda mp: mp.setattr(people, "name_in", lambda t: None)),
    "H15 referral with an aside": Case(
        {"interviews/2026-01-05-talk.md": _talk(
            "Quentin Zabrowski",
            referrals=[{"name": "Lee Park (her colleague in HR)", "role": "HR lead"}]),
         "pages/thanks.md": _page("Thanks to Lee Park for her time.")},
        PAGE, TALK, "Thanks to Lee Park", lambda mp: mp.setattr(people, "name_in", lambda t: None)),
    "H1 a consented name across list items": Case(
        {"interviews/2026-01-10-analyst.md": _interview("Kim Lee", 10, True, "Kim Lee, named."),
         "interviews/2026-01-11-recruiter.md": _interview("Jordan Kim", 11, False, "Unnamed."),
         "pages/thanks.md": _page("Speakers at the fair:\n\n- Jordan Kim\n- Lee Park")},
        PAGE, "content/interviews/2026-01-11-recruiter.md", "Jordan Kim",
        lambda mp: mp.setattr(consentmask, "_runs", lambda text, consented: {text})),
    "H1 a consented name across a full stop": Case(
        {"interviews/2026-01-10-analyst.md": _interview("Ann Jordan", 10, True, "Ann, named."),
         "interviews/2026-01-11-recruiter.md": _interview("Jordan Kim", 11, False, "Unnamed."),
         "pages/thanks.md": _page("Thanks, Ann! Jordan Kim joined us later.")},
        PAGE, "content/interviews/2026-01-11-recruiter.md", "Jordan Kim",
        lambda mp: mp.setattr(consentmask, "_runs", lambda text, consented: {text})),
    "H19 given name beside a full-address link": Case(
        {"interviews/2026-01-05-talk.md": _talk("Quentin Zabrowski"),
         "pages/thanks.md": _page("Quentin was great, see [his story]"
                                  "(https://example.org/sub/interviews/2026-01-05-talk/).")},
        PAGE, TALK, "Quentin was great",
        lambda mp: mp.setattr(notelinks, "_interviews_at", lambda site, href: set())),
}


def _site(root: Path, case: Case) -> Path:
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"), **case.content})


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_filter_refuses(tmp_path: Path, case: Case) -> None:
    result = build(_site(tmp_path / "s", case), out=tmp_path / "out")
    assert result.status == 1
    named = [d for d in result.diagnostics if d.code == "name-without-consent"]
    assert any(d.path == case.named_in for d in named), [d.text() for d in result.diagnostics]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_audit_alone_refuses(tmp_path: Path, no_filter: None, case: Case) -> None:
    result = build(_site(tmp_path / "s", case), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.secret.source == case.secret_of for h in result.hits), \
        [h.text() for h in result.hits]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_without_the_protection_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_filter: None, case: Case) -> None:
    case.switch_off(monkeypatch)
    # The audit's on-screen reading (ivsite.readers.onscreen) reads the words around each
    # element a page hides, in windows that may end inside a word or a name
    # ("quentinzabrowski" of "quentinzabrowski92", "Jordan Kim" without the "Lee
    # Park" after it): a second line that catches some of these on its own. Off
    # here, so that each case shows its own protection is what finds it.
    monkeypatch.setattr(readable, "on_screen", lambda page, hidden: "")
    # Pagefind's word index, read word by word (ivsite.readers.cborstrings), is another:
    # Pagefind splits "quentinzabrowski92" at its digits, so the index holds the
    # name run together alone.
    monkeypatch.setattr(readable, "cbor_strings", lambda data: None)
    result = build(_site(tmp_path / "s", case), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert OutputCorpus(tmp_path / "out").find(case.said) != []


@pytest.mark.parametrize(("written", "plain"), [
    ("Quentin Zabrowski, PhD", "Quentin Zabrowski"),
    ("Quentin Zabrowski (Northfield Bank)", "Quentin Zabrowski"),
    ("Quentin Zabrowski Jr.", "Quentin Zabrowski"),
    ("Quentin Zabrowski MBA", "Quentin Zabrowski"),
    ("Quentin Zabrowski III", "Quentin Zabrowski"),
    ("Quentin Zabrowski (he/him)", "Quentin Zabrowski"),
    ("Jane Doe - Acme", "Jane Doe"),
    ("Jane Doe | Acme", "Jane Doe"),
    ("Ing. Quentin Zabrowski", "Quentin Zabrowski"),
    ("Capt. Quentin Zabrowski", "Quentin Zabrowski"),
    ("Hon. Quentin Zabrowski", "Quentin Zabrowski"),
    ("Dr Jane Q. Doe, PhD", "Jane Q. Doe"),
    ("Doe, Jane", "Jane Doe"),
    ("Don Draper", "Don Draper"),  # a title that is a given name too
    ("Ana García-López", "Ana García-López"),
])
def test_a_name_is_taken_apart_once(written: str, plain: str) -> None:
    assert plain_name(written) == plain


@pytest.mark.parametrize(("said", "name"), [
    ("Sam Lee (my old manager)", "Sam Lee"),
    ("Sam Lee, my old manager", "Sam Lee"),
    ("my manager Sam Lee", "Sam Lee"),
    ("Career centre alumni night", None),
    ("a friend from Northfield Bank", None),
])
def test_the_name_in_a_referrers_text(said: str, name: str | None) -> None:
    assert name_in(said) == name


@pytest.mark.parametrize("text", [
    "Quentin met Zabrowski later.",  # no capitalised middle word
    "Quentin, Robert, Zabrowski",  # three people in a list
    "They park a car near Park Lane.",
    "We shall see; a spark.",  # Sam Hall and Sara Park run together are words
])
def test_words_near_each_other_are_not_a_name(text: str) -> None:
    found = people.matcher_of([("unconsented name", "Quentin Zabrowski", 1),
                               ("unconsented name", "Ann Park", 2),
                               ("unconsented name", "Sam Hall", 3),
                               ("unconsented name", "Sara Park", 4)]).find(text)
    assert found == []


def test_neighbouring_consented_names_excuse_what_they_hold_together() -> None:
    """"Kim Lee. Kim Lee." holds "Lee Kim" across two consented names: excused, as
    it is made of nothing else; with a word outside them it stands."""
    pattern = consentmask.names_pattern(["Kim Lee"])
    matcher = Matcher([(("lee", "kim"), 1)])
    for text, standing in [("With Kim Lee. Kim Lee, again.", []), ("Lee. Kim Lee.", [1]),
                           ("Kim Lee and Kim Lee", [])]:
        assert consentmask.standing(matcher.find(text), text, pattern, matcher.find,
                                    lambda m: True) == standing, text
