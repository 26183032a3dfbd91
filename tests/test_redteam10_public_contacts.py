"""Red team 10, R10-40 (docs/redteam/2026-12-01-tenth.md): a private reflection
mentions the careers centre's public address and number; the About page that
gives them to readers was refused, with no way to say they are public.

``[privacy] public_contacts`` in site.toml lists the public details
(ivsite.contacts.publiccontacts): one written in a withheld text is then not withheld, by
the filter or by the audit (both read ``ValidSite.public_contacts`` through
ivsite.names.people.mentions). A person's recorded contact field is never excused: a
listed detail that is one is an error (``public-contact-recorded``,
ivsite.validate.publicrecorded), and the field is looked for whatever the list says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    DEFAULT_CONFIG,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    day,
    other_readings_off,
    write_site,
)

from ivsite.contacts.publiccontacts import entry_problem, is_public, kind_of, same
from ivsite.core.diagnostics import Diagnostics
from ivsite.names import people
from ivsite.pipeline import build
from ivsite.validate import publicrecorded
from ivsite.validate.config import load_config

ABOUT = "content/pages/about.md"
PRIVATE = "content/reflections/r1.md"
SAID = "Students can reach the careers centre at careers@uni.example or 416 978 2011."
NOTE = ("I emailed careers@uni.example to ask about the alumni list; call the front desk "
        "at 416 978 2011 on Monday.")
LISTED = ["careers@uni.example", "+1 416 978 2011"]


def _config(listed: list[str] | None) -> dict[str, Any]:
    return {**DEFAULT_CONFIG, "privacy": {"public_contacts": listed}} if listed is not None \
        else DEFAULT_CONFIG


def _site(root: Path, listed: list[str] | None = None, said: str = SAID, note: str = NOTE,
          more: dict[str, Any] | None = None) -> Path:
    front = {"title": "Private thoughts", "date": day("2026-03-31")}
    return write_site(root, {"pages/about.md": ({"title": "About"}, f"{said}\n"),
                             "reflections/r1.md": (front, f"{note}\n"), **(more or {})},
                      _config(listed))


def _talk(**person: str) -> tuple[dict[str, Any], str]:
    return ({"date": day("2026-03-01"), "visibility": "private", "alias": "a recruiter",
             "person": {"name": "Dana Rivera", "company": "Uni", **person}},
            "We talked about the alumni list.\n")


def test_refused_without_the_list_and_the_hint_names_it(tmp_path: Path) -> None:
    site = _site(tmp_path / "s")
    assert_filter_refuses(site, tmp_path / "out", ABOUT, "contact-in-text")
    result = build(site, out=tmp_path / "out")
    hints = [d.hint for d in result.diagnostics if d.code == "contact-in-text"]
    assert hints and all("[privacy] public_contacts" in h for h in hints), hints


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_without_the_list(tmp_path: Path) -> None:
    assert_audit_refuses(_site(tmp_path / "s"), tmp_path / "out", PRIVATE)


def test_published_with_the_list(tmp_path: Path) -> None:
    assert_published(_site(tmp_path / "s", LISTED), tmp_path / "out", "416 978 2011")


@pytest.mark.usefixtures("no_filter")
def test_the_audit_reads_the_list(tmp_path: Path) -> None:
    # The filter off: only the audit could refuse, and it reads the list too.
    assert_published(_site(tmp_path / "s", LISTED), tmp_path / "out", "careers@uni.example")


def test_switched_off_it_is_refused_again(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "is_public", lambda kind, value, listed: False)
    assert_filter_refuses(_site(tmp_path / "s", LISTED), tmp_path / "out", ABOUT,
                          "contact-in-text")


@pytest.mark.usefixtures("no_filter")
def test_switched_off_the_audit_refuses_again(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "is_public", lambda kind, value, listed: False)
    other_readings_off(monkeypatch)
    assert_audit_refuses(_site(tmp_path / "s", LISTED), tmp_path / "out", PRIVATE)


@pytest.mark.parametrize(("field", "recorded"), [
    ("phone", "(416) 978-2011"), ("email", "Careers@uni.example"),
    ("email", "Dana <careers+dana@uni.example>")])
def test_a_persons_recorded_field_is_refused(tmp_path: Path, field: str, recorded: str) -> None:
    site = _site(tmp_path / "s", LISTED, more={"interviews/iv1.md": _talk(**{field: recorded})})
    result = build(site, out=tmp_path / "out")
    assert result.status == 1
    found = [d for d in result.diagnostics if d.code == "public-contact-recorded"]
    assert found and found[0].path == "site.toml" and found[0].line > 0, found
    assert "content/interviews/iv1.md" in found[0].message and "never public" in found[0].hint


def test_a_referrals_recorded_field_is_refused(tmp_path: Path) -> None:
    front, body = _talk()
    front["referrals"] = [{"name": "Front desk", "phone": "+1-416-978-2011"}]
    site = _site(tmp_path / "s", LISTED, more={"interviews/iv1.md": (front, body)})
    result = build(site, out=tmp_path / "out")
    assert any(d.code == "public-contact-recorded" and "referrals.0.phone" in d.message
               for d in result.diagnostics), [d.text() for d in result.diagnostics]


def test_a_recorded_field_is_withheld_without_that_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The check of the list switched off: the field is still never excused.
    monkeypatch.setattr(publicrecorded, "recorded_match", lambda value, notes: None)
    site = _site(tmp_path / "s", LISTED, more={"interviews/iv1.md": _talk(phone="416 978 2011")})
    assert_filter_refuses(site, tmp_path / "out", ABOUT, "contact-in-text")


def test_near_misses_stay_withheld(tmp_path: Path) -> None:
    # Another number with the same last seven digits, another mailbox at the same host.
    note = "Her cell is 647 978 2011; her own mail is dana.r@uni.example."
    said = "Call 647-978-2011 or write to dana.r@uni.example."
    site = _site(tmp_path / "s", LISTED, said=said, note=note)
    result = build(site, out=tmp_path / "out")
    assert result.status == 1
    assert {d.message.split()[1] for d in result.diagnostics
            if d.code == "contact-in-text"} == {"email", "phone"}


def test_other_spellings_of_a_listed_detail_are_excused(tmp_path: Path) -> None:
    note = "Wrote to Careers+Alumni@UNI.example; the desk is (416) 978-2011, or 978 2011."
    said = "Reach careers@uni.example, +1 416 978 2011."
    assert_published(_site(tmp_path / "s", LISTED, said=said, note=note), tmp_path / "out",
                     "978 2011")


def test_a_private_passage_of_a_public_note_reads_the_list(tmp_path: Path) -> None:
    more = {"pages/contact.md": ({"title": "Contact"},
                                 f"Visit us.\n\n::: private\n{NOTE}\n:::\n")}
    site = _site(tmp_path / "s", None, more=more)
    assert_filter_refuses(site, tmp_path / "out", ABOUT, "contact-in-text")
    site = _site(tmp_path / "s2", LISTED, more=more)
    assert_published(site, tmp_path / "out2", "careers@uni.example")


@pytest.mark.parametrize(("entry", "meant"), [
    ("careers at uni dot example", 'did you mean "careers@uni.example"?'),
    ("mailto:careers@uni.example", 'did you mean "careers@uni.example"?'),
    ("Careers <careers@uni.example>", 'did you mean "careers@uni.example"?'),
    ("tel:+14169782011", 'did you mean "+14169782011"?'),
    ("416 978 2011 ext. 5", 'did you mean "416 978 2011"?'),
    ("careers@uni.example; 416 978 2011", "its own entry"),
    ("careers@uni", "in full"),
    ("978-201", "7 to 15 digits"),
    ("the careers office", "one address or number per entry"),
])
def test_a_malformed_entry_is_an_error(entry: str, meant: str) -> None:
    text = f'title = "T"\n\n[privacy]\npublic_contacts = [\n  "ok@uni.example",\n  "{entry}",\n]\n'
    diags = Diagnostics()
    assert load_config(text.encode(), diags) is None
    [d] = diags.items
    assert (d.code, d.line) == ("config-invalid", 6) and meant in d.hint, d.text()


def test_the_key_and_its_type_are_checked() -> None:
    diags = Diagnostics()
    assert load_config(b'title = "T"\n[privacy]\npublic_contact = ["a@b.example"]\n',
                       diags) is None
    assert [(d.code, d.hint) for d in diags.items] == [
        ("config-unknown-key", "did you mean 'public_contacts'?")]
    diags = Diagnostics()
    assert load_config(b'title = "T"\n[privacy]\npublic_contacts = "a@b.example"\n',
                       diags) is None
    assert [d.code for d in diags.items] == ["config-invalid"]
    diags = Diagnostics()
    config = load_config(f'title = "T"\n[privacy]\npublic_contacts = {LISTED!r}\n'.replace(
        "'", '"').encode(), diags)
    assert config is not None and config.privacy.public_contacts == LISTED, diags.items


_AREA = st.integers(200, 999).map(str)
_LINE = st.integers(2_000_000, 9_999_999).map(str)
_SHAPES = ("{a} {x} {y}", "({a}) {x}-{y}", "{a}.{x}.{y}", "+1 {a} {x} {y}", "1-{a}-{x}-{y}")


@settings(max_examples=60, deadline=None)
@given(_AREA, _AREA, _LINE, st.sampled_from(_SHAPES), st.sampled_from(_SHAPES))
def test_numbers_are_the_same_by_their_digits(area: str, other: str, line: str,
                                             written: str, listed: str) -> None:
    def fmt(shape: str, a: str) -> str:
        return shape.format(a=a, x=line[:3], y=line[3:])
    assert kind_of(fmt(listed, area)) == "phone"
    assert is_public("phone", fmt(written, area), [fmt(listed, area)])
    assert is_public("phone", f"{line[:3]} {line[3:]}", [fmt(listed, area)])
    assert is_public("phone", fmt(written, other), [fmt(listed, area)]) == (other == area)
    assert not is_public("phone", fmt(written, area), ["careers@uni.example"])


def test_addresses_are_the_same_by_their_mailbox() -> None:
    assert same("email", "Careers@UNI.example", "careers@uni.example")
    assert same("email", "careers+alumni@uni.example", "careers@uni.example")
    assert same("email", "c.areers@gmail.com", "careers@googlemail.com")
    assert not same("email", "careers@uni.example", "careers@uni2.example")
    assert not same("email", "dana@uni.example", "careers@uni.example")
    assert entry_problem("+44 (0)20 7946 0958") is None
    assert same("phone", "020 7946 0958", "+44 (0)20 7946 0958")
    assert same("phone", "0044 20 7946 0958", "+44 20 7946 0958")
