"""The leak suite for the pages that help decide (issue 12): the companies index
and each company's page, the people page, the timeline, and a role page's
interest chart and answers side by side.

The leak site of tests/sites.py gets a role's worth of interviews more: a private
one and a mentor one, each with a company, a name, an interest value, a month
and an answer to a bank question that nothing else has, and a public one as the
positive control. Every byte of the public and mentor builds is searched (as in
test_leaks.py), each new page is looked at on its own, and for each page a
patched emitter that lets a withheld value through shows the build's own audit
failing the build on that page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from sites import (
    UNCONSENTED_NAME,
    OutputCorpus,
    canary,
    day,
    leak_site_content,
    output_files,
    write_site,
)

from ivsite.emit import companies, lists, rolepage, timeline
from ivsite.emit.chart import Point
from ivsite.incremental import last_build
from ivsite.pipeline import EXIT_CONTENT, Result, build

PRIVATE_COMPANY = f"{canary('privcompany')} Holdings"
PRIVATE_PERSON = f"Vera {canary('privname')}"
PRIVATE_TITLE = f"{canary('privchat')} Chat"
PRIVATE_ANSWER = f"{canary('privanswer')} by accident, fixing spreadsheets."
MENTOR_COMPANY = f"{canary('mentorcompany')} Group"
MENTOR_PERSON = f"Mona {canary('mentorperson')}"
MENTOR_ANSWER = f"{canary('mentoranswer')} through a research assistantship."
PUBLIC_ANSWER = "PUBLIC-ok-answer through a bootcamp."
NEVER_PUBLIC = (PRIVATE_COMPANY, PRIVATE_PERSON, PRIVATE_TITLE, PRIVATE_ANSWER,
                MENTOR_COMPANY, MENTOR_PERSON, MENTOR_ANSWER, UNCONSENTED_NAME)
NEVER_MENTOR = (PRIVATE_COMPANY, PRIVATE_PERSON, PRIVATE_TITLE, PRIVATE_ANSWER,
                MENTOR_PERSON, UNCONSENTED_NAME)
NEW_PAGES = ("companies/index.html", "companies/bankco/index.html",
             "companies/answerco/index.html", "people/index.html", "timeline/index.html",
             "roles/analyst/index.html")


def analyst(date: str, visibility: str, name: str, company: str, interest: int,
            answer: str, **extra: Any) -> tuple[dict[str, Any], str]:
    front = {"date": day(date), "visibility": visibility, "role": "analyst",
             "person": {"name": name, "role": "Analyst", "company": company},
             "alias": f"an analyst met in {date[:7]}", "interest": interest, **extra}
    return front, f"## How did you start?\n\n{answer}\n"


def site_content() -> dict[str, Any]:
    return {
        **leak_site_content(),
        "questions.yaml": "- id: start\n  text: How did you start?\n",
        # January 2026 holds private interviews alone (this one and private-default).
        "interviews/private-analyst.md": analyst(
            "2026-01-17", "private", PRIVATE_PERSON, PRIVATE_COMPANY, 1, PRIVATE_ANSWER,
            title=PRIVATE_TITLE),
        "interviews/mentor-analyst.md": analyst(
            "2026-02-19", "mentor", MENTOR_PERSON, MENTOR_COMPANY, 2, MENTOR_ANSWER),
        "interviews/public-answer.md": analyst(
            "2026-02-10", "public", "Uma Answerer", "Answerco", 5, PUBLIC_ANSWER),
    }


def _ok(result: Result) -> None:
    errors = [d.text() for d in result.diagnostics if d.severity == "error"]
    assert result.status == 0 and not errors, errors


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, OutputCorpus]:
    base = tmp_path_factory.mktemp("decide-leaks")
    site = write_site(base / "site", site_content())
    out: dict[str, OutputCorpus] = {}
    for audience in ("public", "mentor"):
        _ok(build(site, audience=audience, out=base / audience))
        out[audience] = OutputCorpus(base / audience)
    return out


# --------------------------------------------------------------------------- every byte


@pytest.mark.parametrize("needle", NEVER_PUBLIC)
def test_withheld_value_in_no_public_byte(built: dict[str, OutputCorpus], needle: str) -> None:
    assert built["public"].find(needle) == []


@pytest.mark.parametrize("needle", NEVER_MENTOR)
def test_withheld_value_in_no_mentor_byte(built: dict[str, OutputCorpus], needle: str) -> None:
    assert built["mentor"].find(needle) == []


# --------------------------------------------------------------------------- page by page


@pytest.mark.parametrize("audience", ["public", "mentor"])
@pytest.mark.parametrize("rel", NEW_PAGES)
def test_new_page_shows_the_visible_and_nothing_withheld(
        built: dict[str, OutputCorpus], audience: str, rel: str) -> None:
    corpus = built[audience]
    assert rel in corpus.files, f"{rel} is missing: the test would prove nothing"
    text = corpus.text[rel].decode("utf-8")
    for needle in NEVER_PUBLIC if audience == "public" else NEVER_MENTOR:
        assert needle.lower() not in text, needle
    assert "orla" not in re.findall(r"[a-z]+", text)  # not even the given name alone
    if audience == "public":
        assert "2026-01" not in text and "january 2026" not in text, "a private month"


def test_companies_list_only_visible_companies(built: dict[str, OutputCorpus]) -> None:
    public = built["public"].html("companies/index.html")
    assert re.findall(r'class="card-title"><a href="[^"]+">([^<]+)<', public) == [
        "Answerco", "Bankco", "Openco"]
    mentor = built["mentor"].html("companies/index.html")
    assert MENTOR_COMPANY in mentor
    assert not [r for r in built["public"].files if "group" in r]  # no page for it either
    assert [r for r in built["mentor"].files if r.startswith("companies/canary-mentorcompany")]


def test_people_page_names_only_who_agreed(built: dict[str, OutputCorpus]) -> None:
    for audience in ("public", "mentor"):
        people = built[audience].html("people/index.html")
        assert "Pat Publicname" in people and "a data analyst at a bank" in people
        assert "Uma Answerer" not in people and "an analyst met in 2026-02" in people
        assert "Uma" not in people and "Orla" not in people


def test_timeline_has_no_month_of_withheld_conversations(
        built: dict[str, OutputCorpus]) -> None:
    for audience in ("public", "mentor"):
        html = built[audience].html("timeline/index.html")
        months = re.findall(r'<h2 id="iv-m-([0-9-]+)"', html)
        assert months == ["2026-03", "2026-02"], (audience, months)
    assert "interviews/mentor-analyst/" in built["mentor"].html("timeline/index.html")
    assert "mentor-analyst" not in built["public"].html("timeline/index.html")


def _interest_rows(html: str) -> list[tuple[str, str]]:
    table = html[html.index('<table class="interest-table"'):html.index("</table>")]
    return re.findall(r'<time datetime="([0-9-]+)">.*?<td>(\d) of 5</td>', table)


def test_chart_holds_only_visible_interest(built: dict[str, OutputCorpus]) -> None:
    public = built["public"].html("roles/analyst/index.html")
    assert _interest_rows(public) == [("2026-02-10", "5"), ("2026-03-01", "4")]
    assert len(re.findall(r'<circle class="dot"', public)) == 2
    mentor = built["mentor"].html("roles/analyst/index.html")
    assert _interest_rows(mentor) == [("2026-02-10", "5"), ("2026-02-19", "2"),
                                      ("2026-03-01", "4")]
    for html in (public, mentor):
        assert "1 of 5" not in html and "2026-01-17" not in html  # the private point


def test_role_answers_hold_only_visible_answers(built: dict[str, OutputCorpus]) -> None:
    public = built["public"].html("roles/analyst/index.html")
    answers = public[public.index('id="iv-role-answers"'):]
    assert PUBLIC_ANSWER in answers and MENTOR_ANSWER not in public
    mentor = built["mentor"].html("roles/analyst/index.html")
    answers = mentor[mentor.index('id="iv-role-answers"'):]
    assert answers.index(MENTOR_ANSWER) < answers.index(PUBLIC_ANSWER)  # newest first


# --------------------------------------------------------------------------- the second line

def _leak_company(monkeypatch: pytest.MonkeyPatch) -> None:
    original = companies.companies

    def leaky(g: Any) -> list[companies.Company]:
        return [*original(g), companies.Company(PRIVATE_COMPANY, "companies/leak/",
                                                g.collections["interviews"][:1])]
    monkeypatch.setattr(companies, "companies", leaky)


def _leak_month(monkeypatch: pytest.MonkeyPatch) -> None:
    original = timeline.months

    def leaky(em: Any) -> list[dict[str, Any]]:
        found = original(em)
        card = dataclasses.replace(found[0]["notes"][0], title=PRIVATE_TITLE)
        return [{"key": "2026-01", "id": "iv-m-2026-01", "label": "January 2026",
                 "notes": [card]}, *found]
    monkeypatch.setattr(timeline, "months", leaky)


def _leak_point(monkeypatch: pytest.MonkeyPatch) -> None:
    original = rolepage.interest_points

    def leaky(interviews: list[Any]) -> list[Point]:
        found = original(interviews)
        if not found:
            return found
        card = dataclasses.replace(found[0].note, display_name=PRIVATE_PERSON)
        return [Point(dt.date(2026, 1, 17), 1, card), *found]
    monkeypatch.setattr(rolepage, "interest_points", leaky)


def _leak_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    original = rolepage._answer

    def leaky(em: Any, a: Any, page_url: str) -> dict[str, Any]:
        out = original(em, a, page_url)
        return {**out, "body": out["body"] + f"<p>{PRIVATE_ANSWER}</p>"}
    monkeypatch.setattr(rolepage, "_answer", leaky)


def _leak_person(monkeypatch: pytest.MonkeyPatch) -> None:
    original = lists.people

    def leaky(em: Any) -> list[dict[str, Any]]:
        return [{**p, "name": UNCONSENTED_NAME} if p["name"] == "a data analyst at a bank"
                else p for p in original(em)]
    monkeypatch.setattr(lists, "people", leaky)


SWITCHED_OFF = {
    "companies/index.html": (_leak_company, "private-analyst.md"),
    "timeline/index.html": (_leak_month, "private-analyst.md"),
    "roles/analyst/index.html": (_leak_point, "private-analyst.md"),
    "roles/analyst/index.html answers": (_leak_answer, "private-analyst.md"),
    "people/index.html": (_leak_person, "public-alias.md"),
}


@pytest.mark.parametrize("case", sorted(SWITCHED_OFF))
def test_the_audit_alone_catches_a_withheld_value_on_a_new_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    """Were a page family to let a withheld value through, the build's own audit
    fails the build on that page and names the note it came from."""
    patch, source = SWITCHED_OFF[case]
    rel = case.split()[0]
    site = write_site(tmp_path / "site", site_content())
    out = tmp_path / "out"
    patch(monkeypatch)
    monkeypatch.setattr(last_build, "code_digest", lambda: "patched emitter")
    result = build(site, audience="public", out=out)
    assert result.status == EXIT_CONTENT, [d.text() for d in result.diagnostics]
    audit = [d for d in result.diagnostics if d.code == "audit"]
    assert any(rel in d.message for d in audit), [d.text() for d in audit]
    assert any(d.path.endswith(source) for d in audit), [d.text() for d in audit]
    assert not out.exists() or output_files(out) == {}
