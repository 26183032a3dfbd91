"""Issue 9, classes 5, 6, 7, 9 and 14: the audit alone.

For each class the filter's handling (the name check, the address check, the
consent settlement) is switched off and the build must still fail, because the
audit finds what got through and names the source. Class 14: every field of a
withheld note planted into a clean output is found by ``ivsite audit``.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from sites import put, run_cli, write_site

from ivsite.audience import namecheck
from ivsite.audience import stage as audience
from ivsite.audit.secrets import Secret, withheld
from ivsite.audit.stage import audit_folder
from ivsite.core.diagnostics import Diagnostics
from ivsite.markdown.notes import Note
from ivsite.pipeline import Result, build
from ivsite.validate import consent

SOURCE = "content/interviews/ada.md"


def person(name: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "role": "Designer", "company": "Zentrix Logistics", **extra}


def interview(name: str, body: str, visibility: str = "public", **front: Any) -> Any:
    meta = {"date": "2026-01-01", "visibility": visibility, "alias": "a designer",
            "person": person(name, **front.pop("person", {})), **front}
    return (meta, body)


HOME = ({"title": "Home"}, "Welcome.\n")


def failed_on(result: Result, source: str) -> list[str]:
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert result.hits, "the audit found nothing"
    return [h.text() for h in result.hits if h.secret.source == source]


@pytest.fixture()
def no_name_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's name and contact check, switched off."""
    monkeypatch.setattr(audience, "check_names", lambda *args: None)


# --------------------------------------------------------------------------- class 5


SPELLINGS = {
    "NFD": unicodedata.normalize("NFD", "José Ramírez"),
    "accents dropped": "Jose Ramirez",
    "zero-width joiner": "Jos\u200dé Ramírez",
    "&shy;": "José Ramí&shy;rez",
    "full-width": "Ｊｏｓｅ Ｒａｍｉｒｅｚ",
    "underscore": "José_Ramírez",
    "handle": "@JoseRamirez",
    "percent-escape": "[talk](https://example.org/José%20Ramírez)",
    "family-given": "Ramírez, José",
    "middle name dropped": "José Ramírez",
    "given name alone in the own note": "José",
}


@pytest.mark.parametrize("spelt", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_the_audit_alone_finds_a_name_however_spelt(
        tmp_path: Path, no_name_check: None, spelt: str) -> None:
    site = write_site(tmp_path / "s", {
        "pages/index.md": HOME,
        "interviews/ada.md": interview("José María Ramírez", f"Intro.\n\nI met {spelt}.\n"),
    })
    assert failed_on(build(site, out=tmp_path / "out"), SOURCE)
    assert not (tmp_path / "out").exists(), "nothing is written when the audit fails"


def test_the_audit_alone_finds_a_cjk_name_in_running_text(
        tmp_path: Path, no_name_check: None) -> None:
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "昨日山田太郎さんと会いました。\n"),
        "interviews/ada.md": interview("山田 太郎", "Intro.\n", visibility="private"),
    })
    assert failed_on(build(site, out=tmp_path / "out"), SOURCE)


def test_the_audit_alone_finds_a_given_name_on_a_page_that_links_to_them(
        tmp_path: Path, no_name_check: None) -> None:
    site = write_site(tmp_path / "s", {  # (a private one the page does not show: R12-04)
        "pages/index.md": ({"title": "Home"}, "See [[interviews/ada]]. Marcus said so.\n"),
        "interviews/ada.md": interview("Marcus Lindqvist", "Intro.\n"),
    })
    hits = failed_on(build(site, out=tmp_path / "out"), SOURCE)
    assert any(h.startswith("index.html: name part") for h in hits), hits


def test_without_the_link_a_given_name_is_no_hit(tmp_path: Path, no_name_check: None) -> None:
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Marcus Aurelius said so.\n"),
        "interviews/ada.md": interview("Marcus Lindqvist", "Intro.\n", visibility="private"),
    })
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


# --------------------------------------------------------------------------- class 6


@pytest.mark.parametrize(("stem", "front"), [
    ("adaeze_okafor", {}), ("AdaezeOkafor", {}), ("x", {"slug": "adaezeokafor"}),
])
def test_the_audit_alone_finds_a_name_in_an_address(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stem: str,
        front: dict[str, str]) -> None:
    monkeypatch.setattr(consent, "slug_names", lambda slug, name: False)
    monkeypatch.setattr(namecheck, "_addresses", lambda vn: iter(()))  # red-team 7 M6
    site = write_site(tmp_path / "s", {
        "pages/index.md": HOME,
        f"interviews/{stem}.md": interview("Adaeze Okafor", "Intro.\n", **front),
    })
    hits = failed_on(build(site, out=tmp_path / "out"), f"content/interviews/{stem}.md")
    assert any("adaeze" in h.split(":", 1)[0].lower() for h in hits), hits


# --------------------------------------------------------------------------- class 7


def test_the_audit_alone_withholds_a_name_whose_consent_contradicts_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_name_check: None) -> None:
    def unsettled(notes: list[Note], diags: Diagnostics, keyed: object = None) -> list[Note]:
        return notes

    monkeypatch.setattr(consent, "settle", unsettled)
    site = write_site(tmp_path / "s", {
        "pages/index.md": HOME,
        "interviews/ada.md": interview("José Ramírez", "Intro.\n",
                                       consent={"publish_name": True}),
        "interviews/two.md": interview("Jose Ramirez", "Again.\n",
                                       consent={"publish_name": False}),
    })
    result = build(site, out=tmp_path / "out")
    assert failed_on(result, SOURCE) or failed_on(result, "content/interviews/two.md")


# --------------------------------------------------------------------------- class 9


@pytest.mark.parametrize("written", [
    "(416) 555-0199", "416.555.0199", "linkedin.com/in/ada-okafor", "ADA@OKAFOR.EXAMPLE",
])
def test_the_audit_alone_finds_a_contact_detail_however_written(
        tmp_path: Path, no_name_check: None, written: str) -> None:
    contact = {"email": "ada@okafor.example", "phone": "+1 416 555 0199",
               "linkedin": "https://www.linkedin.com/in/ada-okafor"}
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, f"Reach her: {written}\n"),
        "interviews/ada.md": interview("Ada Okafor", "Intro.\n", person=contact,
                                       consent={"publish_name": True}),
    })
    hits = failed_on(build(site, out=tmp_path / "out"), SOURCE)
    assert any("contact field" in h for h in hits), hits


def test_the_audit_alone_finds_the_referrers_given_name_in_the_own_note(
        tmp_path: Path, no_name_check: None) -> None:
    site = write_site(tmp_path / "s", {
        "pages/index.md": HOME,
        "interviews/ada.md": interview("Ngozi Okafor", "Samira introduced us.\n",
                                       referred_by="Samira Haddad"),
    })
    hits = failed_on(build(site, out=tmp_path / "out"), SOURCE)
    assert any("name part" in h and "samira" in h.lower() for h in hits), hits


# --------------------------------------------------------------------------- class 14


PRIVATE = {
    "date": "2026-01-01", "visibility": "private", "alias": "a logistics lead",
    "title": "Quarterly Planning Talk", "summary": "How the warehouse plans its quarter",
    "tags": ["cold-chain", "ux"], "slug": "quarter-talk",
    "person": {"name": "Adaeze Okafor", "role": "Fleet Strategist",
               "company": "Zentrix Logistics", "email": "ada@zentrix.example"},
    "consent": {"publish_name": True},
}
PUBLIC_TAGGED = ({"title": "Design notes", "tags": ["ux"]}, "On ux research.\n")


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = write_site(tmp_path_factory.mktemp("f14") / "s", {
        "pages/index.md": HOME, "pages/design.md": PUBLIC_TAGGED,
        "interviews/private.md": (PRIVATE, "A private conversation.\n"),
    })
    result = run_cli(site, "build")
    assert result.exit_code == 0, result.stderr
    return site


FIELDS = {
    "title": "Quarterly Planning Talk", "summary": "How the warehouse plans its quarter",
    "tag": "cold-chain", "company": "Zentrix Logistics", "role": "Fleet Strategist",
    "name": "Adaeze Okafor", "name in family-given order": "Okafor, Adaeze",
    "given name": "Adaeze", "family name": "Okafor", "slug path": "interviews/quarter-talk/",
}


@pytest.mark.parametrize("planted", FIELDS.values(), ids=FIELDS.keys())
def test_the_audit_finds_every_field_of_a_withheld_note(
        clean: Path, tmp_path: Path, planted: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(clean / "_site", out)
    page = out / "index.html"
    page.write_text(page.read_text("utf-8").replace("</main>", f"<p>{planted}</p></main>"))
    result = run_cli(clean, "audit", str(out))
    assert result.exit_code == 1, f"{planted!r} was not found:\n{result.stderr}"
    assert "content/interviews/private.md:" in result.stderr


def test_a_field_a_visible_note_also_carries_is_no_secret(clean: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(clean / "_site", out)
    put(out / "extra.html", "<main><p>ux</p><p>private</p></main>")
    assert run_cli(clean, "audit", str(out)).exit_code == 0


def test_withheld_lists_the_fields_of_a_withheld_note(tmp_path: Path) -> None:
    from unit_helpers import prepare
    site = write_site(tmp_path / "s", {"pages/design.md": PUBLIC_TAGGED,
                                       "interviews/private.md": (PRIVATE, "Hi.\n")})
    kinds = {(s.kind, s.text) for s in withheld(prepare(site).valid, "public")}
    assert {("withheld tag", "cold-chain"), ("withheld company", "Zentrix Logistics"),
            ("withheld role", "Fleet Strategist"), ("withheld person", "Adaeze Okafor"),
            ("withheld name part", "adaeze"), ("withheld name part", "okafor")} <= kinds
    assert ("withheld tag", "ux") not in kinds  # a visible note carries it


def test_scoped_secrets_count_only_under_their_paths(tmp_path: Path) -> None:
    part = Secret("name part", "Marcus", "content/interviews/m.md", 5,
                  scope=("interviews/m/",))
    put(tmp_path / "interviews/m/index.html", "<p>Marcus said</p>")
    put(tmp_path / "roles/x/index.html", "<p>Marcus Aurelius</p>")
    assert [h.output for h in audit_folder(tmp_path, [part], "", []).hits] == [
        "interviews/m/index.html"]
