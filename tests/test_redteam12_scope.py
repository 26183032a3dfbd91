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
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import body_errors, write_site

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
