"""Red team 12: where a rule applies (docs/redteam/2026-12-02-twelfth.md).

R12-05: "Mentor only:", "For my mentor only:", "Mentor eyes only:" were refused
(``privacy-label``) inside a mentor note and a ``::: mentor`` passage, where they
are true. Red team 9 had asked for "Mentor only" to be refused in a mentor note
too, with no reader it misled: the mentor is who reads it there. Now a label whose
only audience is the mentor is fine where the mentor alone reads it (as "For my
mentor" was, R11-11); in a public note it is still an error (the fence is
forgotten), and so is one with another privacy word ("Private, mentor only").

R12-16: ``entwurfsmuster.md`` (design patterns) and ``geheimtipps.md`` (insider
tips) said private: a privacy word begins each German compound. A privacy word of
a language that writes compounds as one word now counts inside one only as its
head (at its end, or before notes, files, stuff …); alone or apart
(``geheim.md``, ``entwurf-notizen.md``, ``privat/``) it still says private.

R12-04: "Morgan Stanley" on a role page, or in a note linking a private interview
with Alex Morgan, was refused, though no page shows that interview (a link to it
reads "a private note"). A name part alone now counts beside the notes the
audience sees; the full name, and every form of it, everywhere still.

R12-12: "my old colleague Zabrowski" in another interview's answer stood beside
Quentin Zabrowski's alias'd answer on the question page, and beside his card on
the home page, interviews and timeline. The filter now counts the name parts of
those who answer the same bank question in an answer, and of every person whose
note the audience sees in what lists show of a note (its title, its summary or
first 200 characters), less words of the fields lists show (a company "Morgan
Stanley"); the audit counts them, on its own, on every page linking to the
person's page (ivsite.audit.secret.BESIDE).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    OutputCorpus,
    assert_filter_refuses,
    assert_filter_refuses_all,
    assert_published,
    audit_refusals,
    body_errors,
    write_site,
)

from ivsite.audience import namecheck, notelinks
from ivsite.audience import stage as audiencestage
from ivsite.audit import search as auditsearch
from ivsite.audit import secrets as auditsecrets
from ivsite.names import people
from ivsite.pipeline import build
from ivsite.switches import markerwords, runtogether
from ivsite.switches.pathprivacy import path_privacy
from ivsite.validate import bodyprivacy

# --------------------------------------------------------------------------- R12-05

MENTOR_LABELS = ["Mentor only", "For my mentor only", "Mentor eyes only", "Mentor-only",
                 "Only for my mentor", "For the mentor only", "Mentor only, not public",
                 "MENTOR ONLY", "For my mentor"]
FORMS = ["{}: should I take the lower offer?\n", "## {}\n\nShould I take it?\n",
         "**{}:** should I take it?\n", "> [!note] {}\n> Should I take it?\n",
         "<details><summary>{}</summary>Should I?</details>\n", "<!-- {} -->\nShould I?\n",
         "({}) should I take it?\n"]


def _in_passage(body: str) -> str:
    return f"A public note.\n\n::: mentor\n{body}:::\n"


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(MENTOR_LABELS), st.sampled_from(FORMS))
def test_a_mentor_label_is_true_where_the_mentor_reads_it(label: str, form: str) -> None:
    body = form.format(label)
    assert body_errors(body, "mentor") == []
    assert body_errors(_in_passage(body)) == []
    assert body_errors(body) != []  # in public text the fence is forgotten


@pytest.mark.parametrize("element", ['<div class="mentor-only">Should I?</div>\n',
                                     '<span id="mentor-only-start"></span>\nShould I?\n',
                                     '<span title="Mentor only">Should I?</span>\n'])
def test_markup_for_the_mentor_is_true_where_the_mentor_reads_it(element: str) -> None:
    assert body_errors(element, "mentor") == []
    assert body_errors(_in_passage(element)) == []
    assert body_errors(element) != []


@pytest.mark.parametrize("label", ["Private, mentor only", "Mentor only, do not publish",
                                   "Confidential: mentor only", "Off the record",
                                   "Eyes only", "Private"])
def test_another_privacy_word_stays_a_marker_for_the_mentor(label: str) -> None:
    """The mentor view is published to whoever holds the link: "do not publish",
    "private" say more than "for the mentor"."""
    assert body_errors(f"## {label}\n\nShould I?\n", "mentor") != []
    assert body_errors(_in_passage(f"## {label}\n\nShould I?\n")) != []


def test_the_reproducer_builds(tmp_path: Path) -> None:
    here = Path(__file__).parent.parent / "docs/redteam/2026-12-02-twelfth/R12-05"
    site = write_site(tmp_path / "s", {
        f"reflections/{p.name}": p.read_text(encoding="utf-8")
        for p in sorted((here / "content/reflections").glob("*.md"))})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_without_the_mentor_reading_mentor_only_is_refused_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def as_before(label: str) -> bool:  # R11-11: "For my mentor" alone
        words = label.casefold().split()
        return markerwords.marker_spans(label) == ["mentor"] and "only" not in words
    monkeypatch.setattr(bodyprivacy, "mentor_label", as_before)
    assert ("privacy-label", 1) in body_errors("Mentor only: should I?\n", "mentor")
    assert ("privacy-label", 1) in body_errors("For my mentor only: should I?\n", "mentor")


# --------------------------------------------------------------------------- R12-16

ORDINARY_COMPOUNDS = ["entwurfsmuster", "Entwurfsmuster", "geheimtipps", "geheimtipp",
                      "privatwirtschaft", "privatisierung", "vertraulichkeitsstufen",
                      "geheimdienst", "privatpersonen", "hemligheter-tips"]
PRIVATE_PATHS = ["geheim", "entwurf-notizen", "entwurf_notizen", "Entwurf Notizen",
                 "GeheimTipps", "geheimnotizen", "meineentwürfe", "meineentwuerfe",
                 "privatsachen", "vertraulichedokumente", "geheimnisse", "privatenotes",
                 "mydrafts", "secretstuff", "misborradores", "bozzefinali"]


@pytest.mark.parametrize("word", ORDINARY_COMPOUNDS)
def test_a_compound_a_privacy_word_modifies_says_nothing(word: str) -> None:
    assert path_privacy(f"reflections/2026-04-01-{word}.md") is None, word
    assert path_privacy(f"pages/{word}/x.md") is None, word


@pytest.mark.parametrize("word", PRIVATE_PATHS)
def test_a_privacy_word_alone_or_as_the_head_still_says_private(word: str) -> None:
    assert path_privacy(f"reflections/2026-04-01-{word}.md") == f"2026-04-01-{word}.md"
    assert path_privacy(f"pages/{word}/x.md") == f"{word}/"


def test_privat_folder_is_private() -> None:
    assert path_privacy("pages/privat/x.md") == "privat/"
    assert path_privacy("pages/Privat/x.md") == "Privat/"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["geheim", "entwurf", "privat", "vertraulich"]),
       st.sampled_from(["notizen", "sachen", "dokumente", "akten", "notes", "stuff", ""]),
       st.sampled_from(["", "meine", "alte"]))
def test_a_compound_headed_by_a_holder_word_says_private(word: str, holder: str,
                                                         before: str) -> None:
    name = before + word + holder
    assert path_privacy(f"pages/{name}/x.md") == f"{name}/"
    assert path_privacy(f"pages/{word}-{holder or 'x'}/x.md") is not None


def test_the_german_reproducer_builds(tmp_path: Path) -> None:
    here = Path(__file__).parent.parent / "docs/redteam/2026-12-02-twelfth/R12-16"
    site = write_site(tmp_path / "s", {
        f"reflections/{p.name}": p.read_text(encoding="utf-8")
        for p in sorted((here / "content/reflections").glob("*.md"))})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_without_the_head_rule_the_compounds_say_private(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtogether, "_head", lambda inside, rest: True)
    runtogether.hidden_privacy_word.cache_clear()
    from ivsite.switches import pathprivacy
    pathprivacy.segment_says_private.cache_clear()
    try:
        assert path_privacy("reflections/2026-04-01-entwurfsmuster.md") is not None
        assert path_privacy("reflections/2026-04-02-geheimtipps.md") is not None
    finally:
        runtogether.hidden_privacy_word.cache_clear()
        pathprivacy.segment_says_private.cache_clear()


# --------------------------------------------------------------------------- R12-04 and R12-12


def _talk(name: str, visibility: str, company: str, body: str, day: int = 2,
          **more: Any) -> tuple[dict[str, Any], str]:
    return ({"visibility": visibility, "date": dt.date(2026, 3, day),
             "person": {"name": name, "company": company, "role": "Associate"},
             "alias": f"an associate at company {day}", "status": "done"} | more, body)


def _bank_site(root: Path, said: str, visibility: str = "public") -> Path:
    """Alex Morgan's interview (``visibility``), a role note and a reflection that
    links it, both with ``said``."""
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-02-bank.md": _talk("Alex Morgan", visibility, "Northbank",
                                               "Private notes about the talk.\n",
                                               role="investment-banking-analyst"),
        "roles/investment-banking-analyst.md": ({"title": "Investment Banking Analyst"},
                                                f"Analyst classes at {said} start in July.\n"),
        "reflections/2026-04-01-banks.md": (
            {"title": "Which banks", "date": dt.date(2026, 4, 1), "visibility": "public",
             "summary": "Where to apply."},
            f"Intro.\n\nAfter [[2026-03-02-bank|one conversation]] I shortlisted {said}.\n")})


@pytest.mark.parametrize("visibility", ["private", "mentor"])
def test_a_name_part_beside_a_note_the_audience_cannot_see_builds(
        tmp_path: Path, visibility: str) -> None:
    result = build(_bank_site(tmp_path / "s", "Morgan Stanley", visibility),
                   out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert OutputCorpus(tmp_path / "out").find("Morgan Stanley") != []


@pytest.mark.parametrize("said", ["Alex Morgan's bank", "A. Morgan's bank", "Morgan, Alex"])
def test_the_full_name_beside_a_private_note_is_still_refused(tmp_path: Path, said: str) -> None:
    assert_filter_refuses_all(_bank_site(tmp_path / "s", said), tmp_path / "out",
                              {"content/roles/investment-banking-analyst.md",
                               "content/reflections/2026-04-01-banks.md"})


def test_a_name_part_beside_the_public_note_is_still_refused(tmp_path: Path) -> None:
    assert_filter_refuses_all(_bank_site(tmp_path / "s", "Morgan Stanley", "public"),
                              tmp_path / "out",
                              {"content/roles/investment-banking-analyst.md",
                               "content/reflections/2026-04-01-banks.md"})


def test_counting_private_notes_again_refuses_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The narrower scope switched off: every note beside, seen or not."""
    old = notelinks.close_keys
    monkeypatch.setattr(namecheck, "close_keys", lambda site, note, seen: old(
        site, note, lambda other: True))
    result = build(_bank_site(tmp_path / "s", "Morgan Stanley", "private"),
                   out=tmp_path / "out")
    assert result.status == 1
    assert {d.path for d in result.diagnostics if d.code == "name-without-consent"} >= {
        "content/roles/investment-banking-analyst.md", "content/reflections/2026-04-01-banks.md"}


QUESTIONS = "- id: typical-day\n  text: What does a typical day look like?\n"


def _studio_site(root: Path, answer: str, lead: str = "A quick chat.",
                 summary: str | None = None) -> Path:
    """Quentin Zabrowski's public, unconsented interview and Ana Lopez's consented
    one, both answering the bank's question; ``answer`` is hers."""
    ana = _talk("Ana Lopez", "public", "Brightside Agency",
                f"{lead}\n\n## What does a typical day look like?\n\n{answer}\n", day=5,
                consent={"publish_name": True})
    if summary is not None:
        ana[0]["summary"] = summary
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "questions.yaml": QUESTIONS,
        "interviews/2026-03-02-studio.md": _talk(
            "Quentin Zabrowski", "public", "Studio North",
            "We talked.\n\n## What does a typical day look like?\n\nSketching, then calls.\n"),
        "interviews/2026-03-05-agency.md": ana})


SAID = "Reviews all morning; my old colleague {} swears by sketching first, I don't."
FAR = "Reviews all morning. " + "Then critiques and more critiques. " * 8


@pytest.mark.parametrize("part", ["Zabrowski", "Quentin", "ZABROWSKI", "Zabrowski's"])
def test_a_name_part_in_an_answer_beside_his_is_refused(tmp_path: Path, part: str) -> None:
    site = _studio_site(tmp_path / "s", FAR + SAID.format(part), summary="Agency life.")
    assert_filter_refuses(site, tmp_path / "out", "content/interviews/2026-03-05-agency.md")


def test_a_name_part_in_what_lists_show_is_refused(tmp_path: Path) -> None:
    """Not in the answer: in the note's first lines, its card's summary on the
    home page, interviews and timeline, beside his card."""
    site = _studio_site(tmp_path / "s", "Reviews all morning.",
                        lead="My old colleague Zabrowski sent me here.")
    assert_filter_refuses(site, tmp_path / "out", "content/interviews/2026-03-05-agency.md",
                          line=None)


def test_a_name_part_elsewhere_in_the_note_builds(tmp_path: Path) -> None:
    """Past what lists show, and in no answer his stands beside: not on a page
    that shows him."""
    site = _studio_site(tmp_path / "s", "Reviews all morning.", summary="Agency life.",
                        lead="A quick chat.\n\n" + FAR + "\n\n## Who else?\n\nZabrowski, once.")
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_a_company_that_holds_the_name_part_builds(tmp_path: Path) -> None:
    """A list shows another interview's company: "Morgan Stanley" beside Alex
    Morgan's card is that company, not him."""
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-02-bank.md": _talk("Alex Morgan", "public", "Northbank", "Notes.\n"),
        "interviews/2026-03-05-ms.md": _talk("Ana Lopez", "public", "Morgan Stanley",
                                             "Notes.\n", day=5)})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize(("lead", "answer", "pages"), [
    ("A quick chat.", FAR + SAID.format("Zabrowski"), {"questions/typical-day/index.html"}),
    ("Zabrowski sent me.", "Reviews.", {"index.html", "interviews/index.html",
                                         "timeline/index.html"}),
])
def test_the_audit_alone_refuses_the_pages_that_show_him(
        tmp_path: Path, lead: str, answer: str, pages: set[str]) -> None:
    refused = audit_refusals(_studio_site(tmp_path / "s", answer, lead=lead,
                                          summary=None if lead != "A quick chat." else "x y"),
                             tmp_path / "out")
    outputs = {out for out, source in refused
               if source == "content/interviews/2026-03-02-studio.md"}
    assert outputs >= pages, outputs


def test_the_reproducer_is_refused(tmp_path: Path) -> None:
    here = Path(__file__).parent.parent / "docs/redteam/2026-12-02-twelfth/R12-12/content"
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "questions.yaml": (here / "questions.yaml").read_text(encoding="utf-8"),
        **{f"interviews/{p.name}": p.read_text(encoding="utf-8")
           for p in sorted((here / "interviews").glob("*.md"))}})
    assert_filter_refuses(site, tmp_path / "out", "content/interviews/2026-03-05-agency.md")


def test_without_the_pages_that_show_him_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both lines switched off (the filter's answers and lists, the audit's
    pages linking to his): the name part is published beside his answer."""
    monkeypatch.setattr(people.Mentions, "carded", lambda self, site, seen: [])
    monkeypatch.setattr(audiencestage, "question_peers", lambda site, seen: {})
    monkeypatch.setattr(auditsearch, "_SEARCHES", {})
    site = _studio_site(tmp_path / "s", FAR + SAID.format("Zabrowski"), summary="Agency.")
    assert_published(site, tmp_path / "out", "colleague Zabrowski swears")
    page = (tmp_path / "out/questions/typical-day/index.html").read_text(encoding="utf-8")
    assert "Zabrowski" in page and "Studio North" in page


def test_without_the_audit_scope_the_filter_alone_refuses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit's pages beside him off: the filter still refuses the answer."""
    monkeypatch.setattr(auditsecrets, "BESIDE", "off:")
    monkeypatch.setattr(auditsearch, "_SEARCHES", {})
    site = _studio_site(tmp_path / "s", FAR + SAID.format("Zabrowski"), summary="Agency.")
    assert_filter_refuses(site, tmp_path / "out", "content/interviews/2026-03-05-agency.md")


@pytest.mark.usefixtures("no_filter")
def test_without_the_audit_scope_the_audit_alone_publishes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auditsecrets, "BESIDE", "off:")
    site = _studio_site(tmp_path / "s", FAR + SAID.format("Zabrowski"), summary="Agency.")
    assert_published(site, tmp_path / "out", "colleague Zabrowski swears")
