"""Red team 13 (docs/redteam/2026-12-02-thirteenth.md), R13-01, R13-03, R13-06 and
R13-07: a person record, a contact detail or a private field typed where ivsite
reads nothing: an interview filed under pages/ (``person:``, ``referred_by``,
``recording_file`` on a page), a second person under an unknown key
(``second_person: {name, email, phone}``), a misspelt private field
(``referred-by``, ``recording-file``, ``referals``, ``referrer``), an interview
saved as ``.mdx``, ``.txt`` or ``.md.txt``. Each was published, exit 0.

Two protections, each shown to refuse alone and, switched off with the other, to
let the leak through:

* the filter: validation refuses the key (``private-field``, ``person-record``:
  ivsite.switches.personkeys) and the loader the file (``unread-file``);
* the audit: what an unknown key holds, and the front matter of an unread note,
  are withheld (ivsite.audit.unreadfields: names by the name matcher, contacts by
  the contact matcher, a recording by hash).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import (
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    day,
    other_readings_off,
    write_site,
)

from ivsite.audit import secrets as auditsecrets
from ivsite.load import stage as loadstage
from ivsite.pipeline import build, checks
from ivsite.switches.personkeys import held, private_field
from ivsite.validate import note as validate
from ivsite.validate import stage as validatestage

RECORDING = b"ID3\x03\x00" + bytes(range(256)) * 40
"""Bytes of a recording (any bytes: found by hash)."""
ASSETS: dict[str, str | bytes] = {"content/audio/q.mp3": RECORDING}


def _interview(**extra: Any) -> dict[str, Any]:
    return {"visibility": "public", "date": day("2026-03-18"),
            "person": {"name": "Quentin Zabrowski", "company": "Acme"},
            "alias": "a designer at an agency", "status": "done", **extra}


def _site(root: Path, content: dict[str, Any]) -> Path:
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"), **content},
                      extra=ASSETS)


MISFILED = {"pages/coffee-chat.md": (
    {"title": "Coffee chat notes", "date": day("2026-03-18"),
     "person": {"name": "Quentin Zabrowski", "company": "Acme",
                "email": "qz@acme.example", "phone": "+1 416 555 0142"},
     "referred_by": "Sam Leeford", "recording_file": "../audio/q.mp3"},
    "Quentin Zabrowski told me about design. Email qz@acme.example or call\n"
    "+1 416 555 0142. Sam Leeford introduced us. [The recording](../audio/q.mp3).\n")}
SECOND = {"interviews/2026-03-18-acme.md": (
    _interview(second_person={"name": "Maria Oyelaran", "email": "maria.o@acme.example",
                              "phone": "+1 416 555 0177"}),
    "Maria Oyelaran joined us: maria.o@acme.example, or call +1 416 555 0177.\n")}
MISSPELT = {"interviews/2026-03-18-acme.md": (
    _interview(**{"referred-by": "Sam Leeford", "recording-file": "../audio/q.mp3",
                  "referals": [{"name": "Lee Parkinson"}]}),
    "[The recording](../audio/q.mp3). Sam Leeford introduced us, and Lee Parkinson\n"
    "is the one to ask next.\n")}
UNKNOWN_RECORD = {"interviews/2026-03-18-acme.md": (
    _interview(deck_sent_by={"name": "Maria Oyelaran", "email": "maria.o@acme.example"}),
    "Maria Oyelaran sent the deck from maria.o@acme.example.\n")}
NESTED = {"interviews/2026-03-18-acme.md": (
    _interview(extra={"referred-by": "Sam Leeford"}), "Sam Leeford introduced us.\n")}
CASES = {"nested": (NESTED, "content/interviews/2026-03-18-acme.md", "person-record"),
         "misfiled": (MISFILED, "content/pages/coffee-chat.md", "private-field"),
         "second": (SECOND, "content/interviews/2026-03-18-acme.md", "private-field"),
         "misspelt": (MISSPELT, "content/interviews/2026-03-18-acme.md", "private-field"),
         "record": (UNKNOWN_RECORD, "content/interviews/2026-03-18-acme.md", "person-record")}
LEAKED = {"nested": "Leeford", "misfiled": "Zabrowski", "second": "Oyelaran", "misspelt": "Leeford",
          "record": "Oyelaran"}

UNREAD = ("---\nvisibility: private\ndate: 2026-03-18\nperson:\n  name: Quentin Zabrowski\n"
          "  company: Acme\n  email: qz@acme.example\nconsent:\n  publish_name: false\n"
          "---\nWe talked about the agency.\n")
ABOUT = ({"title": "About"}, "I had coffee with Quentin Zabrowski (qz@acme.example).\n")


def _unread_site(root: Path, suffix: str) -> Path:
    return write_site(root, {"pages/about.md": ABOUT},
                      extra={f"content/interviews/2026-03-18-acme{suffix}": UNREAD})


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation's and the loader's refusals switched off (and the filter's name
    check: the audit alone is to refuse)."""
    from ivsite.audience import stage as audience

    monkeypatch.setattr(validate, "person_keys", lambda *args: False)
    monkeypatch.setattr(loadstage, "unread_note", lambda *args: False)
    monkeypatch.setattr(loadstage, "check_stray", lambda *args: False)  # R16-04
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    # (a sound file an interview links is its recording, R16-02: that rule off too)
    monkeypatch.setattr(validatestage, "recording_files", lambda notes, assets: {})


def _audit_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auditsecrets, "field_secrets", lambda site: [])
    monkeypatch.setattr(checks, "unread_file_secrets", lambda *args: [])
    monkeypatch.setattr(checks, "field_recordings", lambda *args: set())
    monkeypatch.setattr(checks, "recording_files", lambda *args: {})
    monkeypatch.setattr(checks, "unread_notes", lambda *args: iter(()))
    monkeypatch.setattr(checks, "stray_secrets", lambda *args: [])  # R16-04
    other_readings_off(monkeypatch)


# ------------------------------------------------------------------ the keys


@pytest.mark.parametrize(("key", "meant"), [
    ("referred-by", "referred_by"), ("referredBy", "referred_by"), ("referrer", "referred_by"),
    ("introduced_by", "referred_by"), ("referal_by", "referred_by"),
    ("Referred_By", "referred_by"), ("recording-file", "recording_file"),
    ("recordingFile", "recording_file"), ("recording", "recording_file"),
    ("referals", "referrals"), ("referral", "referrals"), ("second_person", "person"),
    ("person2", "person"), ("participants", "person"), ("people", "person"),
    ("interviewees", "person"), ("email", "person.email"), ("contact_email", "person.email"),
    ("phone", "person.phone"), ("mobile", "person.phone"), ("linkedin", "person.linkedin")])
def test_a_private_field_spelt_another_way(key: str, meant: str) -> None:
    assert private_field(key) == meant


OBSIDIAN: dict[str, Any] = {
    "aliases": ["UXR"], "cssclasses": ["wide"], "cssclass": "wide", "tags": ["career"],
    "created": "2026-03-01 10:30", "updated": "2026-03-02T09:00", "modified": "2026-03-02",
    "date": day("2026-03-01"), "author": "parkr", "status": "exploring", "type": "note",
    "related": ["[[Design]]"], "source": "https://example.org/a", "banner": "b.png",
    "cover": "c.jpg", "image": "i.png", "description": "A note", "keywords": ["ux"],
    "persona": "Busy parent", "references": ["https://example.org/r"], "id": "20260301103045",
    "uid": 20260301103045, "isbn": "978-3-16-148410-0", "layout": "post", "permalink": "/a/",
    "version": "3.8.6", "category": "notes", "categories": ["a"], "lang": "en", "up": "[[Home]]",
    "rating": 4, "weight": 2, "excerpt": "Short.", "redirect_from": "/old/"}


@pytest.mark.parametrize("key", sorted(OBSIDIAN))
def test_a_vault_key_is_no_private_field(key: str) -> None:
    assert private_field(key) is None
    assert list(held(OBSIDIAN[key], key)) == []


def test_what_an_unknown_key_holds() -> None:
    assert [w for _, w in held({"name": "Maria Oyelaran", "email": "m@acme.example"})] == [
        "a person record (a name with contact or person details)"]
    assert [w for _, w in held({"phone": "+1 416 555 0177"})] != []
    assert [w for _, w in held(["../audio/q.m4a"])] == ["the path of a recording"]
    assert [w for _, w in held("maria.o@acme.example")] == ["an e-mail address"]
    assert list(held({"name": "Feature Request", "about": "Add a feature"})) == []
    assert list(held("https://example.org/talk.mp3")) == []
    assert list(held({"social": {"linkedin": "https://www.linkedin.com/in/pat"}})) == []
    assert [w for _, w in held({"referred-by": "Sam Leeford"}, "extra")] == [
        "what the private field 'referred_by' would hold"]


def test_vault_keys_build(tmp_path: Path) -> None:
    page = ({"title": "Design notes", **{k: v for k, v in OBSIDIAN.items() if k != "tags"}},
            "Notes on design.\n")
    site = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                       "pages/design.md": page,
                                       "reflections/r.md": ({"title": "R", "date": day(
                                           "2026-03-01"), "people": None}, "Text.\n")})
    result = build(site, out=tmp_path / "out")
    errors = [d.text() for d in result.diagnostics if d.severity == "error"]
    # ``people:`` (empty) on a reflection is a private field spelt another way.
    assert errors and all("private-field" in e and "'people'" in e for e in errors), errors
    site = write_site(tmp_path / "s2", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                        "pages/design.md": page},
                      extra={"content/interviews/transcript.txt": "We talked.\n",
                             "content/pages/old.markdown": "---\ntitle: Old\n---\nOld.\n"})
    result = build(site, out=tmp_path / "out2")
    assert result.status == 0, [d.text() for d in result.diagnostics]


# ------------------------------------------------------------------ end to end


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_filter_refuses(case: str, tmp_path: Path) -> None:
    content, source, code = CASES[case]
    assert_filter_refuses(_site(tmp_path / "s", content), tmp_path / "out", source, code)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_audit_alone_refuses(case: str, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    content, source, _ = CASES[case]
    assert_audit_refuses(_site(tmp_path / "s", content), tmp_path / "out", source)


@pytest.mark.parametrize("case", sorted(CASES))
def test_without_both_it_is_published(case: str, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    _audit_off(monkeypatch)
    content, _, _ = CASES[case]
    assert_published(_site(tmp_path / "s", content), tmp_path / "out", LEAKED[case])


@pytest.mark.parametrize("case", ["misfiled", "misspelt"])
def test_the_recording_alone(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The recording a misfiled or misspelt key names is found by hash by the audit
    alone, and copied with both off."""
    _filter_off(monkeypatch)
    monkeypatch.setattr(auditsecrets, "field_secrets", lambda site: [])
    result = build(_site(tmp_path / "s", CASES[case][0]), out=tmp_path / "out")
    assert result.status == 1
    assert any(h.output == "audio/q.mp3" for h in result.hits), [h.text() for h in result.hits]
    _audit_off(monkeypatch)
    result = build(_site(tmp_path / "s2", CASES[case][0]), out=tmp_path / "out2")
    assert result.status == 0 and (tmp_path / "out2" / "audio" / "q.mp3").exists()


@pytest.mark.parametrize("suffix", [".md.txt", ".mdx", ".txt", ".MDX"])
def test_an_unread_note_is_refused(suffix: str, tmp_path: Path) -> None:
    assert_filter_refuses(_unread_site(tmp_path / "s", suffix), tmp_path / "out",
                          f"content/interviews/2026-03-18-acme{suffix}", "unread-file")


@pytest.mark.parametrize("suffix", [".md.txt", ".txt"])
def test_the_audit_alone_reads_an_unread_note(suffix: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    assert_audit_refuses(_unread_site(tmp_path / "s", suffix), tmp_path / "out",
                         f"content/interviews/2026-03-18-acme{suffix}")


@pytest.mark.parametrize("suffix", [".md.txt", ".txt"])
def test_without_both_an_unread_note_protects_no_one(suffix: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    _audit_off(monkeypatch)
    assert_published(_unread_site(tmp_path / "s", suffix), tmp_path / "out", "Zabrowski")
