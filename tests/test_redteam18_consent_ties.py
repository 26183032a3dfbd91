"""Red team 18, R18-01 and R18-02: consent is a person's, and two interview
records of one person were not tied into one when the second wrote them another
way, so one record's "no" did not withhold the name the other's default title
printed:

- R18-01: the same LinkedIn profile written another way (``ca.``, ``uk.``, ``m.``
  subdomains, a ``/en/`` locale, a bare handle, ``in/handle``, capitals, a query);
  now keyed by its handle (ivsite.contacts.bodyprofiles.profile_handle);
- R18-02: a slip in the family name, a person who goes by a middle name or one of
  two given names (ivsite.names.sameperson), a record in its own script and one in
  Latin letters (ivsite.names.scriptties).

Tied, the consent settling withholds both names with a ``consent-conflict``
warning; with the settling and the filter's name check off, the audit (which
groups the notes by person on its own reading of the site) refuses; with the ties
off as well, the name is published. Two different people still build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import OutputCorpus, assert_published, audit_refusals, write_site

from ivsite.contacts.bodyprofiles import profile_handle
from ivsite.names import persons
from ivsite.names.sameperson import close_ties
from ivsite.names.scriptties import script_ties
from ivsite.pipeline import build
from ivsite.validate import consent

PUBLIC = "content/interviews/2026-03-01-a.md"
PROFILE = "https://www.linkedin.com/in/janewhitlock"

NAMES: dict[str, tuple[str, str, str]] = {
    # case: (the public record, saying yes; the private one, saying no; canary)
    "family-name y/i": ("Quentin Zabrowski", "Quentin Zabrowsky", "Zabrowski"),
    "family-name doubled letter": ("Quentin Zabrowski", "Quentin Zabbrowski", "Zabrowski"),
    "family-name dropped letter": ("Margaret Fitzwilliam", "Margaret Fitzwiliam",
                                   "Fitzwilliam"),
    "family-name swapped letters": ("Quentin Zabrowski", "Quentin Zabrowksi", "Zabrowski"),
    "goes by a middle name": ("J. Robert Whitlock", "Robert Whitlock", "Whitlock"),
    "double given name": ("Mary Jane Whitlock", "Jane Whitlock", "Whitlock"),
    "Japanese kanji": ("Taro Yamada", "山田太郎", "Yamada"),
    "Japanese kanji, family first": ("Tanaka Hiroshi", "田中博", "Tanaka"),
    "Japanese kana": ("Taro Yamada", "やまだ たろう", "Yamada"),
    "Japanese katakana": ("Yuki Sato", "サトウ ユキ", "Sato"),
    "Korean Park": ("Park Jiwoo", "박지우", "Jiwoo"),
    "Korean, given first": ("Jiwoo Park", "박지우", "Jiwoo"),
    "Arabic": ("Mohammed Salah", "محمد صلاح", "Mohammed"),
}
PROFILES = {
    "ca. subdomain": "https://ca.linkedin.com/in/janewhitlock",
    "uk. subdomain": "https://uk.linkedin.com/in/janewhitlock",
    "mobile": "https://m.linkedin.com/in/janewhitlock",
    "locale": "https://www.linkedin.com/in/janewhitlock/en/",
    "bare handle": "janewhitlock",
    "in/handle": "in/janewhitlock",
}
TIED_BEFORE = [("name", "the other way round"), ("profile", "capitals, http, query")]
"""Cases the audit refused before too (the body's search finds "J. Robert Whitlock"
in "Robert Whitlock"; the profile's address, scheme, case and query aside, was a
tie already): settled and refused alike, but not published with the new ties off."""
NAMES_BEFORE = {"the other way round": ("Robert Whitlock", "J. Robert Whitlock", "Whitlock")}
PROFILES_BEFORE = {
    "capitals, http, query": "HTTP://LinkedIn.com/in/JaneWhitlock/?trk=public_profile"}


def _talk(name: str, when: str, yes: bool, visibility: str, linkedin: str = "") -> Any:
    person = {"name": name, "company": "Acme", **({"linkedin": linkedin} if linkedin else {})}
    return ({"visibility": visibility, "date": when, "person": person, "alias": "a designer",
             "consent": {"publish_name": yes}}, "Talked about design.\n")


def _site(root: Path, yes: str, no: str, linkedin: tuple[str, str] = ("", "")) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-a.md": _talk(yes, "2026-03-01", True, "public", linkedin[0]),
        "interviews/2026-04-01-b.md": _talk(no, "2026-04-01", False, "private", linkedin[1])})


def _case(root: Path, kind: str, case: str) -> tuple[Path, str]:
    if kind == "name":
        yes, no, canary = {**NAMES, **NAMES_BEFORE}[case]
        return _site(root, yes, no), canary
    return _site(root, "Jane Whitlock", "Jane Marchetti",
                 (PROFILE, {**PROFILES, **PROFILES_BEFORE}[case])), "Whitlock"


CASES = [("name", c) for c in NAMES] + [("profile", c) for c in PROFILES]
IDS = [f"{kind}: {case}" for kind, case in CASES]
ALL_IDS = [*IDS, *(f"{kind}: {case}" for kind, case in TIED_BEFORE)]


@pytest.mark.parametrize(("kind", "case"), [*CASES, *TIED_BEFORE], ids=ALL_IDS)
def test_the_settling_withholds_both_names(tmp_path: Path, kind: str, case: str) -> None:
    site, canary = _case(tmp_path / "s", kind, case)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert [d.path for d in result.diagnostics if d.code == "consent-conflict"] == [PUBLIC], [
        d.text() for d in result.diagnostics]
    assert OutputCorpus(tmp_path / "out").find(canary) == []


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize(("kind", "case"), [*CASES, *TIED_BEFORE], ids=ALL_IDS)
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 kind: str, case: str) -> None:
    monkeypatch.setattr(consent, "_conflict", lambda notes, diags, replace: None)
    site, _ = _case(tmp_path / "s", kind, case)
    assert audit_refusals(site, tmp_path / "out")


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize(("kind", "case"), CASES, ids=IDS)
def test_without_the_ties_the_name_is_published(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                kind: str, case: str) -> None:
    monkeypatch.setattr(consent, "_conflict", lambda notes, diags, replace: None)
    monkeypatch.setattr(persons, "close_ties", lambda names: [])
    monkeypatch.setattr(persons, "script_ties", lambda names: [])
    monkeypatch.setattr(persons, "profile_handle", lambda detail, site="": "")
    site, canary = _case(tmp_path / "s", kind, case)
    assert_published(site, tmp_path / "out", canary)


@pytest.mark.parametrize(("yes", "no"), [
    ("Jane Whitlock", "Quentin Zabrowski"), ("Taro Yamada", "김민준"),
    ("Mohammed Salah", "Иван Петров"), ("Jane Whitlock", "Mary Whitlock")])
def test_another_person_who_said_no_withholds_no_one_else(tmp_path: Path, yes: str,
                                                          no: str) -> None:
    """Two different people (other family names, or other given names): the one who
    agreed is published, with no warning."""
    result = build(_site(tmp_path / "s", yes, no), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert not [d for d in result.diagnostics if d.code == "consent-conflict"]
    assert OutputCorpus(tmp_path / "out").find(yes.split()[-1]) != []


def test_two_people_who_both_agree_are_published(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-a.md": _talk("Jane Whitlock", "2026-03-01", True, "public",
                                            PROFILE),
        "interviews/2026-04-01-b.md": _talk("Quentin Zabrowski", "2026-04-01", True, "public",
                                            "https://ca.linkedin.com/in/qzabrowski")})
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert not [d for d in result.diagnostics if d.code == "consent-conflict"]
    found = OutputCorpus(tmp_path / "out")
    assert found.find("Whitlock") != [] and found.find("Zabrowski") != []


def test_the_ties() -> None:
    assert close_ties(["Quentin Zabrowski", "Quentin Zabrowsky", "Jane Whitlock",
                       "Mary Jane Whitlock", "Mary Whitlock", "John Smith", "Jane Smith",
                       "Anna Lee", "Anne Lee", "Quentin Zabrowski-Nowak"]) == [
        ("Quentin Zabrowski", "Quentin Zabrowsky"),
        ("Jane Whitlock", "Mary Jane Whitlock"), ("Mary Jane Whitlock", "Mary Whitlock")]
    assert script_ties(["박지우", "Park Jiwoo", "Jiwoo Kim", "山田太郎", "Hanako Yamada",
                        "Wang Xiaoming", "Ivan Petrova"]) == [
        ("박지우", "Park Jiwoo"), ("山田太郎", "Hanako Yamada")]


def test_a_profile_is_its_handle() -> None:
    handles = {profile_handle(p, "linkedin.com")
               for p in [PROFILE, *PROFILES.values(), *PROFILES_BEFORE.values()]}
    assert handles == {"linkedin.com/janewhitlock"}
    assert profile_handle("https://www.linkedin.com/in/janewhitlock2") != \
        profile_handle(PROFILE)
    assert profile_handle("https://www.linkedin.com/company/acme") == ""
    assert profile_handle("https://example.com/in/janewhitlock") == ""
    assert profile_handle("janewhitlock") == ""  # a bare word is a handle in linkedin alone
