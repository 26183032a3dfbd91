"""Red team 18, R18-09: ``consent.publish_name: true`` while the note's own words
say the person refused or took back being named (in the body, in
``person.note``, ``notes`` or ``summary``, or as ``tags: [anonymous]``) published
the name beside the sentence. The filter refuses it (``consent-contradiction``,
ivsite.validate.consentwords); the audit alone takes such a person as not
agreeing (ivsite.audit.saidconsent); with both off the name is published.
Advice and questions about consent still build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import assert_filter_refuses, assert_published, audit_refusals, write_site

from ivsite.audit import saidconsent
from ivsite.pipeline import build
from ivsite.switches.refusals import refusal
from ivsite.validate import note as validate_note

TALK = "interviews/2026-03-01-pub.md"
NAME = "Zorblax Quint"
CASES: dict[str, tuple[dict[str, Any], str]] = {
    "body: not to use her name": ({}, "She asked me not to use her name on the site."),
    "body: withdrew consent": ({}, "We talked.\n\nUpdate 2026-04-02: she withdrew her "
                                   "consent to be named."),
    "body: stay anonymous": ({}, "We talked. He asked to stay anonymous."),
    "body: wrapped line": ({}, "We talked, and at the end she asked me\nnot to name her."),
    "body: quoted request": ({}, '## Update\n\nZorblax emailed: "please take my name off '
                                 'your site."'),
    "body: off the record": ({}, "She said it was all off the record, so don\u2019t "
                                 "name me."),
    "body: in a list": ({}, "- salaries\n- consent was revoked in May"),
    "person.note": ({"person": {"note": "asked not to be named on the site"}}, "We talked."),
    "notes": ({"notes": "She asked to remain anonymous."}, "We talked."),
    "summary": ({"summary": "Design chat (she asked not to be named)."}, "We talked."),
    "tags": ({"tags": ["design", "anonymous"]}, "We talked."),
}


def _site(root: Path, extra: dict[str, Any], body: str, visibility: str = "public") -> Path:
    person = {"name": NAME, "company": "Glorpco", **extra.get("person", {})}
    front = {"visibility": visibility, "date": "2026-03-01", "status": "done",
             "alias": "a designer at an agency", "consent": {"publish_name": True},
             **{k: v for k, v in extra.items() if k != "person"}, "person": person}
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             TALK: (front, body + "\n")})


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate_note, "consent_contradicted", lambda *a: False)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_filter_refuses(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", *CASES[case]), tmp_path / "out",
                          f"content/{TALK}", "consent-contradiction")


def test_a_mentor_note_is_refused_too(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", {}, "He asked to stay anonymous.", "mentor")
    assert_filter_refuses(site, tmp_path / "out", f"content/{TALK}", "consent-contradiction")


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 case: str) -> None:
    _filter_off(monkeypatch)
    hits = audit_refusals(_site(tmp_path / "s", *CASES[case]), tmp_path / "out")
    assert any(source == f"content/{TALK}" for _, source in hits), hits


@pytest.mark.parametrize("case", sorted(CASES))
def test_with_both_off_it_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       case: str) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(saidconsent, "_refused", lambda note: False)
    assert_published(_site(tmp_path / "s", *CASES[case]), tmp_path / "out", NAME)


REFUSALS = [
    "She asked me not to use her name.", "She doesn't want to be identified.",
    "Please don't quote me by name.", "He no longer consents to being named.",
    "She declined to be named.", "Quote her anonymously.", "Don't mention her name anywhere.",
    "withdrawn consent", "I anonymised the transcript.", "Never identify him.",
    "She did not consent to publication.", "Not for attribution.", "no names please",
    "Chatham House rules applied.", "Consent was revoked in May.", "anonymous", "anon",
]
ADVICE = [
    "Ask whether they want to stay anonymous.",
    "I asked if I could use her name and she said yes.",
    "Would you like to stay anonymous?", "We ran an anonymous survey of 200 users.",
    "Anonymous feedback helps teams.", "She agreed to be named on the site.",
    "Happy to be quoted by name.", "Use her name in the write-up, she said.",
    "I could not name the tool they use.", "Don't use them as a template.",
    "We discussed naming conventions.", "She could not identify the bug quickly.",
    "If they prefer, keep them anonymous.", "She said yes to using her name.",
    "Their consent form is signed.", "She gave consent to be named.",
    "- Don't use them\n- names matter", "design", "career-change",
    "Off the record, she said her contract paid about $38 an hour.",
]


@pytest.mark.parametrize("text", REFUSALS)
def test_a_refusal_is_read(text: str) -> None:
    assert refusal(text) is not None


@pytest.mark.parametrize("text", ADVICE)
def test_advice_is_no_refusal(text: str) -> None:
    assert refusal(text) is None, refusal(text)


def test_advice_in_an_interview_builds(tmp_path: Path) -> None:
    body = "\n\n".join(a for a in ADVICE if "\n" not in a and "record" not in a)
    site = _site(tmp_path / "s", {"tags": ["design", "research"],
                                  "summary": "Design chat; she is happy to be named."}, body)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert NAME in "".join(p.read_text("utf-8", "replace")
                           for p in (tmp_path / "out").rglob("*.html"))


def test_no_consent_is_no_contradiction(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", {"tags": ["anonymous"]}, "She asked to stay anonymous.")
    text = (site / "content" / TALK).read_text("utf-8").replace("publish_name: true",
                                                                "publish_name: false")
    (site / "content" / TALK).write_text(text, "utf-8")
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_the_error_is_on_the_sentence_line(tmp_path: Path) -> None:
    site = _site(tmp_path / "s", {}, "We talked.\n\nMore talk.\n\nHe asked to stay anonymous.")
    result = build(site, out=tmp_path / "out")
    lines = [d.line for d in result.diagnostics if d.code == "consent-contradiction"]
    text = (site / "content" / TALK).read_text("utf-8").split("\n")
    assert lines and text[lines[0] - 1] == "He asked to stay anonymous.", lines
