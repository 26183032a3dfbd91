"""Red team 17, R17-03 (the front matter's side): a consent that the front matter
narrows or takes back beside ``consent.publish_name: true`` (a top-level
``anonymous: true`` or ``consent_withdrawn: true``, ``consent.until``,
``consent.name: false``, ``consent.company: false``) published the name, or the
company with a page of its own, with a warning at most. The filter refuses every
key of ``consent`` it does not read (``consent-key``) and the consent words at the
top level and in ``person`` (``privacy-key``; ivsite.switches.consentkeys); the
audit alone withholds the name (and the company) on its own reading of the raw
front matter (ivsite.audit.consentsaid); with both off the name is published.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import assert_filter_refuses, assert_published, audit_refusals, write_site

from ivsite.audit import consentsaid
from ivsite.pipeline import build
from ivsite.switches import fmchecks
from ivsite.switches.consentkeys import consent_word
from ivsite.validate import note as validate_note

TALK = "interviews/2026-03-01-pub.md"
NAME, COMPANY = "Zorblax Quint", "Glorpco Holdings"
CASES: dict[str, tuple[dict[str, Any], dict[str, Any], dict[str, Any], str, str]] = {
    # case: (top-level keys, more consent keys, more person keys, code, canary)
    "anonymous": ({"anonymous": True}, {}, {}, "privacy-key", NAME),
    "anonymise string": ({"anonymise": "yes please"}, {}, {}, "privacy-key", NAME),
    "consent withdrawn at the top": ({"consent_withdrawn": True}, {}, {}, "privacy-key", NAME),
    "consentExpires": ({"consentExpires": "2026-01-31"}, {}, {}, "privacy-key", NAME),
    "no name": ({"no_name": True}, {}, {}, "privacy-key", NAME),
    "consent until": ({}, {"until": "2026-01-31"}, {}, "consent-key", NAME),
    "consent name false": ({}, {"name": False}, {}, "consent-key", NAME),
    "consent name true": ({}, {"name": True}, {}, "consent-key", NAME),
    "consent scope": ({}, {"scope": "first name only"}, {}, "consent-key", NAME),
    "consent company false": ({}, {"company": False}, {}, "consent-key", COMPANY),
    "person anonymous": ({}, {}, {"anonymous": True}, "privacy-key", NAME),
    "person consent withdrawn": ({}, {}, {"consent": "withdrawn"}, "privacy-key", NAME),
    "person redact name": ({}, {}, {"redact_name": True}, "privacy-key", NAME),
    "anonymous employer": ({"anonymous_employer": True}, {}, {}, "privacy-key", COMPANY),
}


def _site(root: Path, case: str) -> Path:
    top, consent, person, _, _ = CASES[case]
    talk = ({"visibility": "public", "date": "2026-03-01", "status": "done",
             "person": {"name": NAME, "company": COMPANY, **person},
             "alias": "an analyst", "consent": {"publish_name": True, **consent}, **top},
            "We talked about the job.\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"), TALK: talk})


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    off = lambda *args: False  # noqa: E731
    monkeypatch.setattr(fmchecks, "consent_shaped", off)
    monkeypatch.setattr(validate_note, "consent_shaped", off)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_filter_refuses(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", case), tmp_path / "out",
                          f"content/{TALK}", CASES[case][3])


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 case: str) -> None:
    _filter_off(monkeypatch)
    hits = audit_refusals(_site(tmp_path / "s", case), tmp_path / "out")
    assert any(source == f"content/{TALK}" for _, source in hits), hits


@pytest.mark.parametrize("case", sorted(CASES))
def test_with_both_off_it_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       case: str) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(consentsaid, "qualifiers", lambda data: [])
    assert_published(_site(tmp_path / "s", case), tmp_path / "out", CASES[case][4])


def test_the_company_alone_is_withheld_by_the_audit(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """``consent.company: false``: the audit holds the company withheld, not the
    name only (a company page would carry it)."""
    _filter_off(monkeypatch)
    result = build(_site(tmp_path / "s", "consent company false"), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.secret.kind == "withheld company" and h.secret.text == COMPANY
               for h in result.hits), [h.text() for h in result.hits]


ORDINARY = {
    "publish_name true": ({"publish_name": True}, {}),
    "publish_name false": ({"publish_name": False}, {}),
    "recording": ({"publish_name": True, "recording": True}, {}),
    "recording, no name": ({"publish_name": False, "recording": False}, {}),
    "no consent": ({}, {}),
    "everyday keys": ({"publish_name": True}, {"source": "meetup", "met_at": "a conference"}),
}


@pytest.mark.parametrize("case", sorted(ORDINARY))
def test_ordinary_interviews_still_build(tmp_path: Path, case: str) -> None:
    """The consent ivsite reads, with or without a recording, and keys that do not
    speak of consent, build; a name given consent is published."""
    consent, top = ORDINARY[case]
    talk = ({"visibility": "public", "date": "2026-03-01", "status": "done",
             "person": {"name": NAME, "company": COMPANY, "role": "Analyst"},
             "alias": "an analyst", "consent": consent, "format": "video", **top},
            "We talked about the job.\n")
    root = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                       TALK: talk})
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert not any(d.code in ("consent-key", "privacy-key") for d in result.diagnostics)
    if consent.get("publish_name"):
        assert_published(root, tmp_path / "again", NAME)


@pytest.mark.parametrize("key", ["source", "met_at", "next_steps", "pronouns", "nickname",
                                 "name_pronunciation", "company_size", "notes", "format"])
def test_everyday_keys_say_nothing_of_consent(key: str) -> None:
    assert consent_word(key) is None


@pytest.mark.parametrize("key", ["anonymous", "Anonymized", "consentWithdrawn", "revoked_on",
                                 "valid_until", "no_name", "name_withheld", "off_the_record",
                                 "redacted", "pseudonym", "consented", "consent-expiry"])
def test_consent_words(key: str) -> None:
    assert consent_word(key) is not None


def test_toml_front_matter_is_read_alike(tmp_path: Path) -> None:
    talk = ("+++\nvisibility = \"public\"\ndate = 2026-03-01\nalias = \"an analyst\"\n"
            f"[person]\nname = \"{NAME}\"\n[consent]\npublish_name = true\n"
            "until = 2026-01-31\n+++\nWe talked about the job.\n")
    root = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                       TALK: talk})
    assert_filter_refuses(root, tmp_path / "out", f"content/{TALK}", "consent-key")


def test_a_private_note_that_takes_consent_back_withholds_the_name_everywhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Consent is a person's: a private follow-up saying ``anonymous: true`` beside
    ``publish_name: true`` withholds the name the public note prints, to the audit
    alone too."""
    later = ({"visibility": "private", "date": "2026-04-01", "status": "done",
              "person": {"name": NAME}, "consent": {"publish_name": True},
              "anonymous": True}, "She asked to stay anonymous.\n")
    talk = ({"visibility": "public", "date": "2026-03-01", "status": "done",
             "person": {"name": NAME}, "alias": "an analyst",
             "consent": {"publish_name": True}}, f"{NAME} told me about the job.\n")
    root = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                       TALK: talk, "interviews/2026-04-01-later.md": later})
    assert_filter_refuses(root, tmp_path / "out", "content/interviews/2026-04-01-later.md",
                          "privacy-key")
    _filter_off(monkeypatch)
    # its body's words refuse it too (R18-09): that filter is off here as well
    monkeypatch.setattr(validate_note, "consent_contradicted", lambda *a: False)
    hits = audit_refusals(root, tmp_path / "out2")
    assert any(output.startswith("interviews/2026-03-01-pub") for output, _ in hits), hits
