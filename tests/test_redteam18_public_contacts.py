"""Red team 18, R18-B04: ``[privacy] public_contacts`` could list a detail kept in
a person's record under a key other than ``email``, ``phone`` or ``linkedin``
(``person.personal_email``, ``email2``, ``work_phone``, ``website``, a
referral's, a body's ``personal_email::``), and
a public page that printed it was published; the ``contact-in-text`` hint even
told the author to list it.

Now any detail of a person's or a referral's record, under any key, is
``public-contact-recorded`` when listed (ivsite.contacts.personrecords,
ivsite.validate.publicrecorded), and the list never excuses what such a record
holds, in the filter's contact rules or in the audit on its own
(ivsite.names.people, ivsite.audit.unreadfields). With both off the detail is
published. An organisation's listed address still builds. (A detail under an
interview's own top-level key is ``person-record`` already, list or not.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import DEFAULT_CONFIG, assert_audit_refuses, assert_published, day, write_site

from ivsite.audit import unreadfields
from ivsite.names import people
from ivsite.pipeline import build
from ivsite.validate import publicrecorded

TALK = "content/interviews/2026-02-10-acme.md"
PAGE = "content/pages/contact.md"

# name: (where the key is, the key, the detail)
CASES: dict[str, tuple[str, str, str]] = {
    "personal_email": ("person", "personal_email", "qz.home@zenthor.example"),
    "email2": ("person", "email2", "qz.home@zenthor.example"),
    "work_phone": ("person", "work_phone", "+1 416 555 0199"),
    "mobile": ("person", "mobile", "+1 416 555 0199"),
    "website": ("person", "website", "https://qz-studio.example/"),
    "nested": ("person", "contacts", "qz.home@zenthor.example"),
    "referral's email": ("referral", "personal_email", "orchard.home@zenthor.example"),
    "referral's website": ("referral", "website", "https://orchard-brand.example/"),
    "body property": ("body", "personal_email", "qz.home@zenthor.example"),
}


def _talk(where: str, key: str, value: str) -> tuple[dict[str, Any], str]:
    person: dict[str, Any] = {"name": "Quentin Zabrowski", "company": "Acme Corp"}
    front: dict[str, Any] = {"date": day("2026-02-10"), "alias": "a designer at Acme",
                             "person": person}
    body = "Private interview.\n"
    if where == "person" and key == "contacts":
        person["contacts"] = {"other": [value]}
    elif where == "person":
        person[key] = value
    elif where == "referral":
        front["referrals"] = [{"name": "Orla Brand", key: value}]
    else:
        body += f"\n{key}:: {value}\n"
    return front, body


def _site(root: Path, case: str, listed: bool = True) -> Path:
    where, key, value = CASES[case]
    config = {**DEFAULT_CONFIG, "privacy": {"public_contacts": [value]}} if listed \
        else DEFAULT_CONFIG
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "pages/contact.md": ({"title": "Contact"}, f"Reach the studio at {value} today.\n"),
        TALK.removeprefix("content/"): _talk(where, key, value)}, config)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_listing_is_refused(tmp_path: Path, case: str) -> None:
    result = build(_site(tmp_path / "s", case), out=tmp_path / "out")
    assert result.status == 1
    found = [d for d in result.diagnostics if d.code == "public-contact-recorded"]
    assert found and found[0].path == "site.toml" and found[0].line > 0, \
        [d.text() for d in result.diagnostics]
    assert TALK in found[0].message and "never public" in found[0].hint, found[0].text()
    assert not (tmp_path / "out").exists()


def _listing_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The list's check switched off: the detail stays on the list."""
    monkeypatch.setattr(publicrecorded, "recorded_match", lambda value, notes: None)


FRONT = sorted(c for c in CASES if CASES[c][0] != "body")
"""The filter's contact rules read the list in a withheld body, where an
organisation's address is written as prose: a body's property is held by the
list's check and by the audit (ivsite.audit.unreadfields)."""


@pytest.mark.parametrize("case", FRONT)
def test_the_filter_withholds_it_whatever_the_list(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   case: str) -> None:
    _listing_accepted(monkeypatch)
    result = build(_site(tmp_path / "s", case), out=tmp_path / "out")
    assert result.status == 1
    said = [d for d in result.diagnostics if d.path == PAGE and d.code == "contact-in-text"]
    assert said, [d.text() for d in result.diagnostics]
    # the hint does not offer the list for a person's detail
    assert all("list it in site.toml" not in (d.hint or "") for d in said), said[0].hint


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 case: str) -> None:
    _listing_accepted(monkeypatch)
    assert_audit_refuses(_site(tmp_path / "s", case), tmp_path / "out", TALK)


@pytest.mark.parametrize("case", sorted(set(CASES) - {"mobile"}))
def test_with_both_off_it_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       case: str) -> None:
    _listing_accepted(monkeypatch)
    monkeypatch.setattr(people, "in_record", lambda keys, interview: False)
    monkeypatch.setattr(unreadfields, "record_public", lambda note, public: public)
    assert_published(_site(tmp_path / "s", case), tmp_path / "out", CASES[case][2])
    # (person.mobile is withheld by its key's meaning, a way to reach them, list or not)


@pytest.mark.parametrize("case", ["personal_email", "website", "body property"])
def test_without_the_listing_it_is_refused(tmp_path: Path, case: str) -> None:
    result = build(_site(tmp_path / "s", case, listed=False), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.path == PAGE and d.code == "contact-in-text" for d in result.diagnostics)


def test_an_organisations_listed_details_build(tmp_path: Path) -> None:
    """The studio's own address and page, in no one's record, beside an interview
    whose person keeps other details under other keys."""
    listed = ["hello@acme.example", "https://acme.example/careers", "+1 416 978 2011"]
    front, body = _talk("person", "website", "https://qz-studio.example/")
    front["person"]["personal_email"] = "qz.home@zenthor.example"
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "pages/contact.md": ({"title": "Contact"},
                             "Write to hello@acme.example, see acme.example/careers or call "
                             "+1 416 978 2011.\n"),
        TALK.removeprefix("content/"): (front, body)},
        {**DEFAULT_CONFIG, "privacy": {"public_contacts": listed}})
    assert_published(site, tmp_path / "out", "hello@acme.example")
