"""Red team 17, R17-02 and R17-03 (the body): a person's private field written in
a public body as a properties table's row (``| referred_by | Sam Leeworth |``),
a definition list or in a code block (```` ```yaml ````), and a consent or anonymity field in the
body (``consent:: withdrawn``, ``anonymous:: true``), were published with exit 0.

The filter refuses them (``private-field``, ``consent-field``:
ivsite.validate.bodyfields, reading with ivsite.switches.fieldblocks); the audit
alone holds the values withheld (ivsite.audit.unreadfields) and takes a person
whose note's body says anything of consent as not agreeing
(ivsite.audit.saidconsent); with both off the value, or the name, is published.
Ordinary tables, glossaries and code blocks (a salary table with a Person
column, advice per channel, a CI workflow) still build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import (
    DEFAULT_CONFIG,
    assert_filter_refuses,
    assert_published,
    audit_refusals,
    write_site,
)

from ivsite.audit import saidconsent, unreadfields
from ivsite.pipeline import build
from ivsite.validate import bodyfields
from ivsite.validate import note as validate_note

TALK = "interviews/2026-03-01-pub.md"
FIELDS = {
    "table row": ("| field | value |\n|---|---|\n| referred_by | Sam Leeworth |",
                  "Sam Leeworth"),
    "table header row": ("| referred_by | Sam Leeworth |\n|---|---|\n| role | analyst |",
                         "Sam Leeworth"),
    "table, key after value": ("| Who | What |\n|---|---|\n| Sam Leeworth | **Referrer** |",
                               "Sam Leeworth"),
    "table, e-mail in code": ("| Key | Value |\n|---|---|\n| `email` | `sam.l@glorp.example` |",
                              "sam.l@glorp.example"),
    "yaml block": ("```yaml\nreferred_by: Sam Leeworth\n```", "Sam Leeworth"),
    "yaml block, nested": ("```yaml\nreferrals:\n  - name: Lee Parkington\n    role: PM\n```",
                           "Lee Parkington"),
    "json block": ('```json\n{"phone": "+1 416 555 0177"}\n```', "416 555 0177"),
    "plain code block": ("```\nreferred_by: Sam Leeworth\n```", "Sam Leeworth"),
    "definition list": ("referred_by\n: Sam Leeworth", "Sam Leeworth"),
    "html table": ("<table>\n<tr><td>referred_by</td><td>Sam Leeworth</td></tr>\n</table>",
                   "Sam Leeworth"),
    "table, a key path": ("| person.email | sam.l@glorp.example |\n|---|---|",
                          "sam.l@glorp.example"),
    "recording in a yaml block": ("```yaml\nrecording_file: ../audio/call-0105.m4a\n```",
                                  "call-0105.m4a"),
}
CONSENT = {
    "dataview": "consent:: withdrawn",
    "inline dataview": "She asked again [anonymous:: true] last week.",
    "publish_name": "publish_name:: false",
    "consent_withdrawn": "- consent_withdrawn:: yes",
    "one colon": "anonymous: true",
    "table row": "| field | value |\n|---|---|\n| consent | withdrawn |",
    "withdrawn as a key": "| field | value |\n|---|---|\n| withdrawn | yes |",
    "yaml block": "```yaml\nconsent:\n  publish_name: false\n```",
    "definition list": "anonymous\n: yes, since March",
}
NAME = "Zorblax Quint"


def _site(root: Path, body: str, visibility: str = "public") -> Path:
    talk = ({"visibility": visibility, "date": "2026-03-01", "status": "done",
             "person": {"name": NAME, "company": "Glorpco"},
             "consent": {"publish_name": True}},
            f"We talked about the job.\n\n{body}\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"), TALK: talk})


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyfields, "block_fields", lambda tokens: iter(()))
    monkeypatch.setattr(bodyfields, "consent_said", lambda tokens: iter(()))
    # a consent field reads as the person's "no" in words too (R18-09): off as well
    monkeypatch.setattr(validate_note, "consent_contradicted", lambda *a: False)


@pytest.mark.parametrize("case", sorted(FIELDS))
def test_the_filter_refuses_a_field(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", FIELDS[case][0]), tmp_path / "out",
                          f"content/{TALK}", "private-field")


@pytest.mark.parametrize("case", sorted(FIELDS))
def test_the_audit_alone_refuses_a_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         case: str) -> None:
    _filter_off(monkeypatch)
    hits = audit_refusals(_site(tmp_path / "s", FIELDS[case][0]), tmp_path / "out")
    assert any(source == f"content/{TALK}" for _, source in hits), hits


@pytest.mark.parametrize("case", sorted(FIELDS))
def test_with_both_off_a_field_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            case: str) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(unreadfields, "block_fields", lambda tokens: iter(()))
    body, value = FIELDS[case]
    assert_published(_site(tmp_path / "s", body), tmp_path / "out", value)


@pytest.mark.parametrize("case", sorted(CONSENT))
def test_the_filter_refuses_consent_in_the_body(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", CONSENT[case]), tmp_path / "out",
                          f"content/{TALK}", "consent-field")


@pytest.mark.parametrize("case", sorted(CONSENT))
def test_the_audit_alone_withholds_the_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            case: str) -> None:
    _filter_off(monkeypatch)
    hits = audit_refusals(_site(tmp_path / "s", CONSENT[case]), tmp_path / "out")
    assert any(source == f"content/{TALK}" for _, source in hits), hits


@pytest.mark.parametrize("case", sorted(CONSENT))
def test_with_both_off_the_name_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             case: str) -> None:
    _filter_off(monkeypatch)
    monkeypatch.setattr(saidconsent, "consent_said", lambda tokens: iter(()))
    monkeypatch.setattr(saidconsent, "_refused", lambda note: False)
    assert_published(_site(tmp_path / "s", CONSENT[case]), tmp_path / "out", NAME)


@pytest.mark.parametrize("where", ["private", "passage"])
def test_consent_in_a_private_place_is_refused_too(tmp_path: Path, where: str) -> None:
    """Consent is the person's: another note may publish the name on the strength
    of a front matter this body contradicts."""
    body = "::: private\nconsent:: withdrawn\n:::" if where == "passage" else "consent:: no"
    site = _site(tmp_path / "s", body, "private" if where == "private" else "public")
    assert_filter_refuses(site, tmp_path / "out", f"content/{TALK}", "consent-field")


ORDINARY = {
    "salary table": "| Person | Role | Salary |\n|---|---|---|\n"
                    "| a friend at Glorpco | Data Lead | 80,000 |\n"
                    "| her manager | Director | 120,000 |",
    "advice per channel": "| Email | Send it in the morning |\n|---|---|\n"
                          "| Phone | Always ask before calling |",
    "rates per channel": "| Channel | Response rate |\n|---|---|\n| Email | 20% |\n"
                         "| Phone | 35% (of 120 calls, 2025-2026) |",
    "a checklist": "| Step | Done |\n|---|---|\n| Recording | yes |\n| Referral | asked |",
    "ci workflow": "```yaml\nname: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                   "    permissions:\n      contents: read\n    steps:\n"
                   "      - uses: actions/checkout@v4\n      - name: Test\n"
                   "        run: make test\n        env:\n"
                   "          EMAIL: ${{ secrets.BOT_EMAIL }}\n```",
    "a code block of advice": "```\nEmail: send it in the morning\nPhone: ask first\n```",
    "consent in prose": "She gave her consent to be named. Consent: agreed by email.",
    "a glossary": "Consent\n: the interviewee's agreement to be named\n\n"
                  "Referral\n: an introduction to someone at the company\n\n"
                  "Email\n: best sent in the morning",
}


@pytest.mark.parametrize("case", sorted(ORDINARY))
def test_ordinary_tables_and_code_build(tmp_path: Path, case: str) -> None:
    result = build(_site(tmp_path / "s", ORDINARY[case]), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_the_authors_own_contacts_in_a_table_build(tmp_path: Path) -> None:
    """An About page's contact table holds what site.toml lists as public."""
    about = ({"title": "About"}, "| Email | ana@ana.example.org |\n|---|---|\n"
                                 "| Phone | +1 416 555 0100 |\n\nphone:: +1 416 555 0100\n")
    site = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                       "pages/about.md": about},
                      {**DEFAULT_CONFIG, "privacy": {"public_contacts": [
                          "ana@ana.example.org", "+1 416 555 0100"]}})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    listed = write_site(tmp_path / "t", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                         "pages/about.md": about})
    assert_filter_refuses(listed, tmp_path / "out2", "content/pages/about.md", "private-field")


def test_an_interview_template_shown_on_a_page_builds(tmp_path: Path) -> None:
    """A page showing the template its author fills in names no one's consent."""
    shown = ("How I keep notes:\n\n```yaml\nperson:\n  name:\n  company:\n"
             "consent:\n  publish_name: false\nanonymous: true\n```\n")
    site = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                       "pages/process.md": ({"title": "Process"}, shown)})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
