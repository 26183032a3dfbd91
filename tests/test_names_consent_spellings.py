"""Red team 3, H24 and H12: one person, one consent, however the notes write them.

H24: a "no" under the native spelling (Иван Петров, Jürgen Müller, 김민준) reaches
a "yes" under the romanised one (Ivan Petrov, Juergen Mueller, Minjun Kim):
ivsite.names.identity.person_keys gives a name's romanisations keys too. H12: notes
whose ``email`` fields share an address are one person even when a field holds
two addresses, a display name ("Jane Smith <jane@acme.example>"), ``mailto:`` or
a full stop after the address (ivsite.names.people, each address through
ivsite.contacts.fields). Either way the name is withheld everywhere with a
``consent-conflict`` warning; with the filter and the settling off the audit,
which groups people the same way, fails the build; with the rule off the name is
published.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import OutputCorpus, write_site

from ivsite.audience import stage as audience
from ivsite.names import identity, persons
from ivsite.pipeline import build
from ivsite.validate import consent

ROMANISED = [("Ivan Petrov", "Иван Петров"), ("Juergen Mueller", "Jürgen Müller"),
             ("Soeren Kierkegaard", "Søren Kierkegaard"), ("Minjun Kim", "김민준"),
             ("Wang Xiaoming", "王小明"), ("王曉明", "王晓明")]
EMAILS = ["jane@acme.example, jane.smith@home.example", "Jane Smith <jane@acme.example>",
          "mailto:jane@acme.example", "jane@acme.example.", "JANE@acme.example"]


def _site(root: Path, yes: str, no: str, yes_email: str = "", no_email: str = "") -> Path:
    def person(name: str, email: str) -> dict[str, str]:
        return {"name": name, **({"email": email} if email else {})}

    return write_site(root, {
        "interviews/a.md": ({"date": "2026-01-10", "visibility": "public", "alias": "an analyst",
                             "person": person(yes, yes_email),
                             "consent": {"publish_name": True}},
                            "Happy to be named.\n"),
        "interviews/b.md": ({"date": "2026-01-11", "visibility": "private",
                             "alias": "an analyst", "person": person(no, no_email),
                             "consent": {"publish_name": False}},
                            "Later asked not to be named.\n"),
    })


def _withheld(root: Path, site: Path, yes: str) -> None:
    result = build(site, out=root / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert any(d.code == "consent-conflict" and d.path == "content/interviews/a.md"
               for d in result.diagnostics), [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(root / "out")
    assert corpus.find("Happy to be named") != []
    assert corpus.find(yes) == []


def _published(root: Path, site: Path, yes: str) -> None:
    result = build(site, out=root / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert not any(d.code == "consent-conflict" for d in result.diagnostics)
    assert OutputCorpus(root / "out").find(yes) != []


def _audit_alone_fails(root: Path, site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    monkeypatch.setattr(consent, "_conflict", lambda *args: None)
    result = build(site, out=root / "out")
    assert result.status == 1
    assert any(h.secret.kind == "unconsented name" for h in result.hits), \
        [d.text() for d in result.diagnostics]
    assert not (root / "out").exists()


# --------------------------------------------------------------------------- H24


@pytest.mark.parametrize(("yes", "no"), ROMANISED)
def test_a_no_under_the_native_spelling_withholds_the_romanised(
        tmp_path: Path, yes: str, no: str) -> None:
    _withheld(tmp_path, _site(tmp_path / "s", yes, no), yes)


@pytest.mark.parametrize(("yes", "no"), ROMANISED[:2])
def test_the_audit_alone_withholds_the_romanised_spelling(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, yes: str, no: str) -> None:
    _audit_alone_fails(tmp_path, _site(tmp_path / "s", yes, no), monkeypatch)


@pytest.mark.parametrize(("yes", "no"), ROMANISED[:2])
def test_without_romanised_keys_the_romanised_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, yes: str, no: str) -> None:
    monkeypatch.setattr(identity, "romanised", lambda name: [])
    monkeypatch.setattr(identity, "romanised_seqs", lambda name: set())
    monkeypatch.setattr(persons, "script_ties", lambda name: [])  # by sound (R18-02)
    _published(tmp_path, _site(tmp_path / "s", yes, no), yes)


def test_other_people_keep_their_own_keys() -> None:
    assert not set(identity.person_keys("Ivan Petrov")) & set(identity.person_keys("Иван Сидоров"))
    assert not set(identity.person_keys("Minjun Kim")) & set(identity.person_keys("김서연"))


# --------------------------------------------------------------------------- H12


@pytest.mark.parametrize("email", EMAILS)
def test_a_no_with_the_address_written_otherwise_withholds_the_name(
        tmp_path: Path, email: str) -> None:
    site = _site(tmp_path / "s", "Jane Doe", "Jane Smith", "jane@acme.example", email)
    _withheld(tmp_path, site, "Jane Doe")


def test_a_yes_with_two_addresses_meets_the_no_of_one(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "Jane Doe", "Jane Smith",
                 "Jane Doe <jane.smith@home.example>; jd@x.example", "jane.smith@home.example")
    _withheld(tmp_path, site, "Jane Doe")


def test_the_audit_alone_ties_the_addresses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path / "s", "Jane Doe", "Jane Smith", "jane@acme.example", EMAILS[0])
    _audit_alone_fails(tmp_path, site, monkeypatch)


@pytest.mark.parametrize("email", EMAILS[:3])
def test_without_reading_each_address_the_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, email: str) -> None:
    monkeypatch.setattr(persons, "contact_details", lambda key, value: [(key, value.strip())])
    site = _site(tmp_path / "s", "Jane Doe", "Jane Smith", "jane@acme.example", email)
    _published(tmp_path, site, "Jane Doe")


def test_different_addresses_are_different_people(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", "Jane Doe", "Jane Smith", "jane@acme.example",
                 "Jane Smith <jane.smith@acme.example>")
    _published(tmp_path, site, "Jane Doe")
