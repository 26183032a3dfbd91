"""Red team 13 (docs/redteam/2026-12-02-thirteenth.md), contact details.

R13-05: a phone number typed into ``person.email`` (alone or beside the address)
was looked for as an email address, so never found: a contact field is now read
for every kind of detail it holds (ivsite.contacts.fields.contact_details).

R13-10: an address or number written obfuscated or spelt out in a withheld text
("dana.r [at] recruit.example", "four one six five five five …") was not
collected as withheld: a withheld text is now read with the contact skeleton's
readers, its words kept apart (ivsite.contacts.spelt), so the collecting side
and the visible side share one reading.

Each is refused by the filter, by the audit alone (the ``no_filter`` fixture),
and published when its protection is switched off; ordinary prose with "at",
"dot", years and ranges in both a private and a public note still builds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    other_readings_off,
    write_site,
)

from ivsite.contacts import bodycontacts
from ivsite.contacts.bodycontacts import body_contacts
from ivsite.contacts.fields import contact_details, contact_pieces
from ivsite.names import people
from ivsite.names.people import matcher_of
from ivsite.pipeline import build

TALK = "content/interviews/2026-03-18-acme.md"
NOTES = "content/reflections/contacts.md"
PAGE = "content/pages/about.md"
NUMBER = "416 555 0142"
ADDRESS = "dana.r@recruit.example"


def _field_site(root: Path, said: str, **person: Any) -> Path:
    """A private interview with ``person``'s fields and a public page saying ``said``."""
    talk = ({"visibility": "private", "date": "2026-03-18", "status": "done",
             "person": {"name": "Quentin Zabrowski", "company": "Acme", **person},
             "consent": {"publish_name": False}}, "We talked.\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/2026-03-18-acme.md": talk,
                             "pages/about.md": ({"title": "About"}, f"{said}\n")})


def _note_site(root: Path, private: str, said: str) -> Path:
    """A private reflection saying ``private`` and a public page saying ``said``."""
    notes = ({"visibility": "private", "date": "2026-03-18", "title": "Contacts list"},
             f"{private}\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "reflections/contacts.md": notes,
                             "pages/about.md": ({"title": "About"}, f"{said}\n")})


def _found(details: list[tuple[str, str]], text: str) -> bool:
    """Whether the matcher the filter and the audit share finds one of ``details``."""
    return bool(matcher_of((f"contact field {kind}", piece, piece)
                           for kind, piece in details).find(text))


def _collected(private: str) -> list[tuple[str, str]]:
    """What the filter and the audit withhold of a withheld text, as mentions() cuts it."""
    return [(kind, piece) for kind, value, _ in body_contacts(private)
            for piece in contact_pieces(kind, value)]


def _old_fields(key: str, value: str) -> list[tuple[str, str]]:
    """A contact field read as before R13-05: only for its own kind."""
    return [(key, piece) for piece in contact_pieces(key, value)]


# --------------------------------------------------------------------------- R13-05

FIELDS = {
    "a number in email": ("email", "+1 416 555 0142", {("phone", "+1 416 555 0142")}),
    "address and number in email": (
        "email", "qzab@acme.example / +1 416 555 0142",
        {("email", "qzab@acme.example"), ("phone", "+1 416 555 0142")}),
    "labelled, in email": (
        "email", "qzab@acme.example (work), 416 555 0142 (mobile)",
        {("email", "qzab@acme.example"), ("phone", "416 555 0142")}),
    "two addresses run together": (
        "email", "qzab@acme.example/qz.home@mail.example",
        {("email", "qzab@acme.example"), ("email", "qz.home@mail.example")}),
    "an address in phone": ("phone", "qzab@acme.example", {("email", "qzab@acme.example")}),
    "an address beside the number": (
        "phone", "416 555 0142 or qzab@acme.example",
        {("phone", "416 555 0142"), ("email", "qzab@acme.example")}),
    "a number in linkedin": (
        "linkedin", "linkedin.com/in/qzab77, cell 416 555 0142",
        {("linkedin", "linkedin.com/in/qzab77"), ("phone", "416 555 0142")}),
    "a number spelt out in email": (
        "email", "four one six five five five zero one four two",
        {("phone", "4 1 6 5 5 5 0 1 4 2")}),
    "an obfuscated address in email": (
        "email", "qzab [at] acme [dot] example", {("email", "qzab@acme.example")}),
}


@pytest.mark.parametrize("key, value, expected", FIELDS.values(), ids=list(FIELDS))
def test_each_detail_of_a_field_is_read_as_what_it_is(
        key: str, value: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= set(contact_details(key, value))


@pytest.mark.parametrize("key, value, expected", FIELDS.values(), ids=list(FIELDS))
def test_each_is_found_as_written_plainly(key: str, value: str,
                                          expected: set[tuple[str, str]]) -> None:
    for kind, detail in expected:
        plain = {"phone": "Call 416 555 0142 any time.",
                 "linkedin": "See linkedin.com/in/qzab77 for more."}.get(
            kind, f"Write to {detail.replace('4 1 6 5 5 5 0 1 4 2', NUMBER)} any time.")
        assert _found(contact_details(key, value), plain), (kind, detail, plain)


def test_the_other_kinds_are_as_before() -> None:
    assert contact_details("phone", "+1 416 555 0100 ext. 23") == [("phone", "+1 416 555 0100")]
    assert contact_details("linkedin", "https://www.linkedin.com/in/qzjdoe77?utm_source=x") \
        == [("linkedin", "https://www.linkedin.com/in/qzjdoe77")]
    assert contact_details("email", "Jane Doe <jane@acme.example>") == [
        ("email", "jane@acme.example")]
    assert contact_details("email", "personal") == [("email", "personal")]  # fail closed


FIELD_CASES = ["+1 416 555 0142", "qzab@acme.example / +1 416 555 0142",
               "qzab@acme.example (work), 416 555 0142 (mobile)"]


@pytest.mark.parametrize("email", FIELD_CASES)
def test_the_filter_refuses_a_number_in_email(tmp_path: Path, email: str) -> None:
    site = _field_site(tmp_path / "s", "Call the design desk at 416 555 0142 any time.",
                       email=email)
    assert_filter_refuses(site, tmp_path / "out", PAGE, "contact-in-text")


def test_the_filter_refuses_an_address_in_phone(tmp_path: Path) -> None:
    site = _field_site(tmp_path / "s", "Write to qzab [at] acme [dot] example.",
                       phone="qzab@acme.example")
    assert_filter_refuses(site, tmp_path / "out", PAGE, "contact-in-text")


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("email", FIELD_CASES[1:])
def test_the_audit_alone_refuses_a_number_in_email(tmp_path: Path, email: str) -> None:
    site = _field_site(tmp_path / "s", "Call the design desk at 416 555 0142 any time.",
                       email=email)
    assert_audit_refuses(site, tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_reading_every_kind_the_number_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "contact_details", _old_fields)
    other_readings_off(monkeypatch)
    site = _field_site(tmp_path / "s", "Call the design desk at 416 555 0142 any time.",
                       email="qzab@acme.example / +1 416 555 0142")
    assert_published(site, tmp_path / "out", NUMBER)


def test_a_number_in_email_is_never_listed_public(tmp_path: Path) -> None:
    """A person's number is theirs whichever field holds it: listing it in
    ``[privacy] public_contacts`` is an error (ivsite.contacts.publiccontacts)."""
    site = _field_site(tmp_path / "s", "Call the design desk at 416 555 0142 any time.",
                       email="qzab@acme.example / +1 416 555 0142")
    config = (site / "site.toml").read_text(encoding="utf-8")
    (site / "site.toml").write_text(
        config + '\n[privacy]\npublic_contacts = ["+1 416 555 0142"]\n', encoding="utf-8")
    result = build(site, out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "public-contact-recorded" and "person.email" in d.message
               for d in result.diagnostics), [d.text() for d in result.diagnostics]


def test_a_spelt_detail_listed_public_is_excused(tmp_path: Path) -> None:
    """An organisation's number the author lists as public is not withheld when a
    private note spells it out either."""
    site = _note_site(tmp_path / "s", "front desk: four one six nine seven eight two zero one one",
                      "Call the front desk on 416 978 2011.")
    config = (site / "site.toml").read_text(encoding="utf-8")
    (site / "site.toml").write_text(
        config + '\n[privacy]\npublic_contacts = ["+1 416 978 2011"]\n', encoding="utf-8")
    assert_published(site, tmp_path / "out", "416 978 2011")


# --------------------------------------------------------------------------- R13-10

SPELT = {
    "[at]": ("Recruiter Dana: dana.r [at] recruit.example", ADDRESS),
    "(at)": ("Recruiter Dana: dana.r(at)recruit.example", ADDRESS),
    "at … dot": ("Recruiter Dana: dana.r at recruit dot example", ADDRESS),
    "[at] [dot]": ("dana [dot] r [at] recruit [dot] example.", ADDRESS),
    "hyphen-joined": ("dana-dot-r-at-recruit-dot-example", ADDRESS),
    "Spanish": ("dana punto r arroba recruit punto example", ADDRESS),
    "digit words": ("Recruiter Dana, mobile four one six five five five zero one four two",
                    NUMBER),
    "in groups, with commas": ("mobile four one six, five five five, zero one four two",
                               NUMBER),
    "tens and repeats": ("cell 416 triple-five oh-one forty-two", NUMBER),
    "French": ("portable quatre un six cinq cinq cinq zéro un quatre deux", NUMBER),
    "keypad letters": ("the desk: 647-EVA-CARE", "647 382 2273"),
    "O for 0": ("cell 416 555 O142", NUMBER),
    "Arabic-Indic digits": ("هاتف ٤١٦ ٥٥٥ ٠١٤٢", NUMBER),
}


@pytest.mark.parametrize("private, detail", SPELT.values(), ids=list(SPELT))
def test_a_spelt_detail_in_a_withheld_text_is_collected(private: str, detail: str) -> None:
    said = f"Write to {detail} any time." if "@" in detail else f"Call me on {detail}."
    assert _found(_collected(private), said), (_collected(private), said)


@pytest.mark.parametrize("private, detail", SPELT.values(), ids=list(SPELT))
def test_without_the_reading_it_is_not(monkeypatch: pytest.MonkeyPatch, private: str,
                                       detail: str) -> None:
    monkeypatch.setattr(bodycontacts, "spelt_details", lambda line: [])
    said = f"Write to {detail} any time." if "@" in detail else f"Call me on {detail}."
    assert not _found(_collected(private), said)


_AT = st.sampled_from(["[at]", "(at)", "{at}", "<at>", " [ at ] ", " (AT) ", " at ", "-at-",
                       " arroba ", "_at_", " (arroba) "])
_DOT = st.sampled_from(["[dot]", "(dot)", " dot ", " DOT ", "-dot-", " punto ", " [.] "])
_DIGIT = {"0": ["zero", "oh", "0", "O"], "1": ["one", "1"], "2": ["two", "2"],
          "3": ["three", "3"], "4": ["four", "4"], "5": ["five", "5"], "6": ["six", "6"],
          "7": ["seven", "7"], "8": ["eight", "8"], "9": ["nine", "9"]}


@settings(max_examples=120, deadline=None)
@given(at=_AT, dot=_DOT, local_dot=_DOT)
def test_any_obfuscation_of_an_address_is_collected(at: str, dot: str, local_dot: str) -> None:
    private = f"Recruiter Dana: dana{local_dot}r{at}recruit{dot}example, ask her."
    assert _found(_collected(private), f"Write to {ADDRESS} any time."), private


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_spelling_of_a_number_is_collected(data: st.DataObject) -> None:
    groups = []
    for group in ("416", "555", "0142"):
        said = [data.draw(st.sampled_from(_DIGIT[d])) for d in group]
        if all(s.isdigit() for s in said):
            groups.append("".join(said))  # figures as a figure, words one by one
        else:
            groups.append(" ".join(said))
    sep = data.draw(st.sampled_from([" ", " - ", ". ", " "]))
    private = f"Her mobile: {sep.join(groups)}"
    assert _found(_collected(private), f"Call me on {NUMBER}."), private


RUN = "docs/redteam/2026-12-02-thirteenth/R13-10/run.sh"


@pytest.mark.parametrize("private, said", [
    ("Recruiter Dana: dana.r [at] recruit.example", f"Write to {ADDRESS} any time."),
    ("Recruiter Dana: dana.r at recruit dot example", "Write to dana.r at recruit dot example."),
    ("Recruiter Dana, mobile four one six five five five zero one four two",
     f"Call me on {NUMBER} any time."),
])
def test_the_filter_refuses_a_spelt_detail(tmp_path: Path, private: str, said: str) -> None:
    assert_filter_refuses(_note_site(tmp_path / "s", private, said), tmp_path / "out", PAGE,
                          "contact-in-text")


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("private, said", [
    ("Recruiter Dana: dana.r(at)recruit.example", f"Write to {ADDRESS} any time."),
    ("Recruiter Dana, mobile four one six five five five zero one four two",
     f"Call me on {NUMBER} any time."),
])
def test_the_audit_alone_refuses_a_spelt_detail(tmp_path: Path, private: str,
                                                said: str) -> None:
    assert_audit_refuses(_note_site(tmp_path / "s", private, said), tmp_path / "out", NOTES)


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("private, said, leaked", [
    ("Recruiter Dana: dana.r [at] recruit.example", f"Write to {ADDRESS} any time.", ADDRESS),
    ("Recruiter Dana, mobile four one six five five five zero one four two",
     f"Call me on {NUMBER} any time.", NUMBER),
])
def test_without_the_reading_the_spelt_detail_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private: str, said: str,
        leaked: str) -> None:
    monkeypatch.setattr(bodycontacts, "spelt_details", lambda line: [])
    other_readings_off(monkeypatch)
    assert_published(_note_site(tmp_path / "s", private, said), tmp_path / "out", leaked)


# --------------------------------------------------------------------------- no false refusals

PROSE = [
    "We met at the office in 2019, then again at the fair in 2021.",
    "I worked at Acme from 2019 to 2021 and at Northfield from 2022 to 2024.",
    "Pages 120 to 135 cover the interview; dot the i's before sending.",
    "Dot joined us at noon. At one point we talked about the 2024-2026 plan.",
    "Twenty twenty-four was one of those years: one offer, two rejections.",
    "The salary was 85,000 to 95,000, room 1204 on floor 3, at 10:30.",
    "She said the team at Acme. Dot com era stories followed.",
    "Point of contact at the fair: the careers desk.",
    "Trabajé allí en 2019 o 2020, de 9 a 5; pages 12 to 14 and 2 to 3 days.",
]
_WORD = st.sampled_from(["we", "met", "the", "office", "offer", "in", "from", "and", "team",
                         "acme", "fair", "Northfield", "careers", "desk", "noon"])
_FIGURE = st.one_of(st.integers(1950, 2030).map(str), st.integers(1, 400).map(str))
_SENTENCE = st.tuples(st.lists(st.tuples(_WORD, st.none() | _FIGURE), min_size=1, max_size=6),
                      st.sampled_from(["", "at", "dot", "point", "to", "o", "en"]),
                      st.integers(0, 6))


@settings(max_examples=200, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=5))
def test_prose_with_at_dot_and_years_holds_no_contact(
        sentences: list[tuple[list[tuple[str, str | None]], str, int]]) -> None:
    """Sentences of words with years and figures (each after a word: two figures
    in a row are read as one number with or without the reading, R9-22), each with
    at most one "at", "dot", "point", "to", "o" or "en" (a bare "at" and a spelt "dot" in one
    sentence read as an address, as in a published field: ivsite.contacts.shape)."""
    said = []
    for pairs, joiner, where in sentences:
        words = [w for word, figure in pairs for w in (word, figure) if w]
        if joiner:
            words.insert(min(where, len(words)), joiner)
        said.append(" ".join(words).capitalize())
    prose = ". ".join(said) + "."
    assert _collected(prose) == [], prose


def test_a_handle_is_no_address() -> None:
    assert [d for d in _collected("His Instagram is @qz.studio.nyc") if d[0] == "email"] == []


@pytest.mark.parametrize("prose", PROSE)
def test_ordinary_prose_holds_no_contact(prose: str) -> None:
    assert _collected(prose) == [], prose


def test_ordinary_prose_in_both_builds(tmp_path: Path) -> None:
    prose = " ".join(PROSE)
    result = build(_note_site(tmp_path / "s", prose, prose), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
