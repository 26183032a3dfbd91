"""One person however their name is written (red team F4).

Consent belongs to a person: "Jane Doe" who said no and "Doe, Jane" who said yes
are one person, so the name is withheld everywhere (with a consent-conflict
warning), on the filter's side and the audit's, which group people the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import OutputCorpus, write_site

from ivsite.audience import stage as audience
from ivsite.audience.namecheck import NameCheck
from ivsite.audit.search import Search
from ivsite.names import identity, people, persons
from ivsite.names.identity import name_words, person_key, person_keys
from ivsite.pipeline import build
from ivsite.validate import consent

SPELLINGS = ["Doe, Jane", "Doe Jane", "JaneDoe", "Jane Doe Jr.", "Jane Doe, PhD",
             "Jane Q. Doe", "Jane Doe (Acme)", "Dr. Jane Doe", "jane  DOE"]


def _site(root: Path, spelt: str) -> Path:
    return write_site(root, {
        "interviews/a.md":
            "---\ndate: 2026-01-01\nvisibility: private\nperson: {name: Jane Doe}\n"
            "consent: {publish_name: false}\n---\n",
        "interviews/b.md":
            f"---\ndate: 2026-02-01\nvisibility: public\nperson: {{name: \"{spelt}\"}}\n"
            "consent: {publish_name: true}\n---\nSecond chat.\n",
    })


@pytest.mark.parametrize("spelt", SPELLINGS)
def test_another_spelling_of_a_withheld_name_is_withheld(tmp_path: Path, spelt: str) -> None:
    result = build(_site(tmp_path / "s", spelt), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert any(d.code == "consent-conflict" and d.path == "content/interviews/b.md"
               for d in result.diagnostics), [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    assert corpus.find("Second chat") != []
    assert corpus.find(spelt) == [] and corpus.find("Jane") == []


def _exact_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """The grouping switched off: one key, the name as written."""
    monkeypatch.setattr(people, "person_keys", lambda name: (name,))
    monkeypatch.setattr(persons, "person_keys", lambda name: (name,))


def test_without_the_grouping_the_masking_rule_still_refuses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second line: "Jane Doe" holds the (wrongly) consented "Doe, Jane", so
    masking it does not excuse the hit (see test_names_masking)."""
    _exact_keys(monkeypatch)
    result = build(_site(tmp_path / "s", "Doe, Jane"), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.code == "name-without-consent" for d in result.diagnostics)


def test_without_the_grouping_and_the_masking_rule_the_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both switched off, the leak is back: the tests above are what they pass."""
    _exact_keys(monkeypatch)
    monkeypatch.setattr(NameCheck, "excusable", lambda self, m: True)
    monkeypatch.setattr(Search, "excusable", lambda self, s: True)
    result = build(_site(tmp_path / "s", "Doe, Jane"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert OutputCorpus(tmp_path / "out").find("Doe, Jane") != []


@pytest.mark.parametrize("spelt", SPELLINGS)
def test_spellings_share_a_key(spelt: str) -> None:
    assert set(person_keys(spelt)) & set(person_keys("Jane Doe"))


@pytest.mark.parametrize("other", ["Jane Roe", "Jane", "Doe", "John Doe", "Jane Doe-Smith"])
def test_other_people_do_not(other: str) -> None:
    assert not set(person_keys(other)) & set(person_keys("Jane Doe"))


def test_name_words_keep_what_says_who() -> None:
    assert name_words("Prof. María de la Cruz, MBA") == ["maria", "de", "la", "cruz"]
    assert name_words("O'Brien, Mary") == ["mary", "o", "brien"]
    assert name_words("Dr") == ["dr"]
    assert person_key("Doe, Jane") == person_key("Jane Doe") == "doe jane"
    assert identity.person_keys("") == ()


@pytest.mark.parametrize("spelt", ["Doe, Jane", "JaneDoe", "Jane Doe (Acme)"])
def test_the_audit_alone_withholds_another_spelling(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelt: str) -> None:
    """The filter's name check and the settling of disagreeing consent switched
    off: the audit, grouping people the same way, finds the name."""
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    monkeypatch.setattr(consent, "_conflict", lambda *args: None)
    result = build(_site(tmp_path / "s", spelt), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.secret.kind == "unconsented name" for h in result.hits), \
        [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()
