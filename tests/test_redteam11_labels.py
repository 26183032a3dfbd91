"""Red team 11, R11-11 (docs/redteam/2026-12-01-eleventh.md): labels where a fence
belongs were published: ``Sensitive:``, ``Restricted:``, ``Just for me:``,
``Between you and me:``, ``*(not for the site)*``, ``Do not post:``, ``Remove
before publishing:``, ``Under NDA:``, ``In confidence:``, ``For my mentor:``;
headings ``## Sensitive stuff``, ``## Under embargo``, ``## What she asked me not
to repeat``, ``### For my mentor``, ``## Off the record, how did …?``; and the
example site's own "Off the record, she said …" without its fence.

Now each is a ``privacy-label`` error (a heading or a line that opens with a
label, ivsite.validate.bodymarkers, judged by ivsite.switches.markerwords): the
words are in the one list (R11-10), "under" opens a label ("Under NDA"), a label
in emphasised brackets counts, "for my mentor" is a mentor-only label, a heading
or label that says it was told in confidence ("asked me not to repeat") is one
wherever the words stand in it, and a line or sentence that opens with a
privacy phrase of two words or more before a comma ("Off the record, …") is one
too. A phrase inside a sentence, one word before a comma ("Private, public and
…"), and the same words in prose are not. Front-matter strings are read the same
way (ivsite.validate.frontmarkers).

The audit cannot be a second line here: nothing withholds the text a label
stands over, so the audit holds no secret to look for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, body_errors, red_team_site

from ivsite.pipeline import build
from ivsite.switches import lookalike, markerwords, runtogether
from ivsite.validate import bodymarkers
from ivsite.validate.frontmarkers import text_markers

LABELLED = [
    "Sensitive: QQ01 my pay was 62k.", "Restricted: QQ02 Leeds closes.",
    "Just for me: QQ03 I failed.", "Between you and me: QQ04 probation.",
    "*(not for the site)* QQ05 my manager.", "Do not post: QQ06 the offer.",
    "Remove before publishing: QQ07 let go.", "Under NDA: QQ08 the launch.",
    "In confidence: QQ09 two are leaving.", "For my mentor: QQ10 accept or wait?",
    "## Sensitive stuff\n\nQQ11", "## Under embargo\n\nQQ12",
    "## What she asked me not to repeat\n\nQQ13", "### For my mentor\n\nQQ14",
    "## Off the record, how did the Globex interview go?\n\nQQ15",
    "Off the record, she said QQ16 her contract paid about $38 an hour.",
    "**Off the record**, QQ17 the team is being reorganised.",
    "**Off the record,** QQ18 the team.", "We met. Off the record, QQ19 she is leaving.",
    "Between you and me, QQ20 the team shrinks.", "In strict confidence, QQ21 x.",
    "She told us not to repeat this: QQ22 x.", "## Not to be repeated\n\nQQ23",
    "Strictly off the record, QQ24 x.", "[Under NDA] QQ25 x.", "_(Confidential)_ QQ26 x.",
    "We met. Off the record: QQ27 x.", "It went well; Under NDA: QQ28 x.",
    "Confidentially, QQ29 she is leaving.", "We met. **In confidence:** QQ30 x.",
]


@pytest.mark.parametrize("body", LABELLED)
def test_a_label_is_an_error(body: str) -> None:
    found = body_errors(f"Intro.\n\n{body}\n")
    assert ("privacy-label", 3) in found, found
    assert body_errors(f"Intro.\n\n{body}\n", "private") == []
    assert body_errors(f"Intro.\n\n::: private\n{body}\n:::\n") == []


def test_for_my_mentor_where_the_mentor_reads_it_is_true() -> None:
    assert body_errors("Intro.\n\n::: mentor\nFor my mentor: accept or wait?\n:::\n") == []
    assert body_errors("Intro.\n\n::: mentor\n### For my mentor\n\nAccept?\n:::\n") == []
    assert body_errors("Intro.\n\n### For my mentor\n\nAccept?\n", "mentor") == []
    assert body_errors("Intro.\n\n::: mentor\nOff the record, she left.\n:::\n") != []
    # "Mentor only" there is true as well (red team 12, R12-05); "private" is not.
    assert body_errors("Intro.\n\n## Mentor only\n", "mentor") == []
    assert body_errors("Intro.\n\n## Private, mentor only\n", "mentor") != []


ORDINARY = [
    "Private, public and nonprofit employers all hire.", "In my view, yes.",
    "She asked me not to repeat it, so I won't.", "## When to go off the record",
    "## Sensitive topics", "Sensitive topics: salary and health.", "Under the hood, it is SQL.",
    "Restricted stock units: a primer.", "For the record, I liked it.",
    "On the record, she praised the team.", "## Don't repeat yourself",
    "For my mentor's advice, see below.", "## Questions for my mentor's team",
    "Confidential computing, explained.", "I asked whether it was off the record, and it was not.",
    "She said, off the record or not, that pay is fair.", "## How to keep it confidential",
    "## Off the top of my head, three tips", "Offline: meetups and coffee chats.",
    "## Skip-level meetings", "Personal, team and company goals.", "Draft, then edit.",
    "We met. Private equity: a career path.", "I left. Personal: n/a.", "Done. Draft: v2.",
    "We spoke confidentially, and she was kind.",
]


@pytest.mark.parametrize("body", ORDINARY)
def test_ordinary_prose_is_no_label(body: str) -> None:
    assert body_errors(f"Intro.\n\n{body}\n") == []


_PHRASES = st.sampled_from(["Off the record", "Between you and me", "In confidence",
                            "Under NDA", "Strictly off the record", "Just between us",
                            "Under embargo", "Not for the site", "For my eyes only"])


@settings(max_examples=80, deadline=None)
@given(_PHRASES, st.sampled_from(["{}, ", "**{}**, ", "**{},** ", "*{}*, ", "{} , "]),
       st.sampled_from(["", "We met. ", "> ", "- ", "🔒 "]))
def test_every_opening_phrase(phrase: str, form: str, before: str) -> None:
    body = f"Intro.\n\n{before}{form.format(phrase)}she is leaving.\n"
    assert ("privacy-label", 3) in body_errors(body), body


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["In my view", "For the record", "Under the hood", "On the record",
                        "Between the two of us", "Off the top of my head", "Private",
                        "Confidentially speaking of pay", "In short"]),
       st.sampled_from(["{}, ", "**{}**, "]), st.sampled_from(["", "We met. ", "> "]))
def test_an_ordinary_opening_is_prose(opening: str, form: str, before: str) -> None:
    body = f"Intro.\n\n{before}{form.format(opening)}she is leaving.\n"
    assert body_errors(body) == [], body


@pytest.mark.parametrize(("text", "marked"), [
    ("Off the record, she said 38 an hour.", True),
    ("My story. Between you and me, I hate it.", True),
    ("Under NDA: the launch.", True), ("Sensitive: my pay.", True),
    ("Private, public and nonprofit employers.", False), ("In my view, yes.", False)])
def test_a_front_matter_string_is_read_the_same_way(text: str, marked: bool) -> None:
    assert any(code == "privacy-label" for code, _ in text_markers(text, "x")) == marked


# ------------------------------------------------------------------- end to end

REPRODUCER = "I am moving into user research.\n\n" + "\n\n".join(LABELLED[:17]) + "\n"


def _site(root: Path) -> Path:
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, REPRODUCER)})


def test_the_build_refuses_the_reproducer(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    found = [(d.code, d.line) for d in result.diagnostics if d.path == "content/pages/about.md"]
    assert len(found) == 17 and {c for c, _ in found} == {"privacy-label"}, found
    assert result.status == 1 and not (tmp_path / "out").exists()


NEW = ("sensitive", "restricted", "justforme", "betweenyouandme", "donotpost",
       "removebeforepublishing", "inconfidence")


def test_without_the_new_rules_each_is_published(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookalike, "WITHHELD", tuple(w for w in lookalike.WITHHELD
                                                     if w not in NEW))
    monkeypatch.setattr(runtogether, "INSIDE", tuple(w for w in runtogether.INSIDE
                                                     if w not in NEW))
    monkeypatch.setattr(markerwords, "FRAME_WORDS", markerwords.FRAME_WORDS - {"under"})
    monkeypatch.setattr(markerwords, "_CONFIDED", re.compile(r"(?!)"))
    old_label = markerwords._marker_label

    def without_for(label: str) -> bool:  # "For my mentor" as it was: a topic
        only_mentor = markerwords.marker_spans(label) == ["mentor"]
        return old_label(label) and not (only_mentor and "only" not in label.casefold())
    monkeypatch.setattr(markerwords, "_marker_label", without_for)
    monkeypatch.setattr(bodymarkers, "_COMMA_LEADS", ())
    leads = list(bodymarkers._LEADS)
    leads[-1] = re.compile(bodymarkers._PRE + r"[(\[]([^()\[\]\x01\x02]{1,40})[)\]]")
    monkeypatch.setattr(bodymarkers, "_LEADS", tuple(leads))
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    for n in range(1, 18):
        assert corpus.find(f"QQ{n:02}") != [], n


def test_without_sentence_starts_a_label_inside_a_line_is_missed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    body = "Intro.\n\nWe met. Off the record: QQ27 x.\n"
    assert body_errors(body) == [("privacy-label", 3)]
    monkeypatch.setattr(bodymarkers, "_SENTENCE_START", re.compile(r"(?!)"))
    assert body_errors(body) == []
