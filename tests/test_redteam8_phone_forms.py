"""Red team 8, N10 and N13: the person's phone in forms the contact skeleton did
not read.

N10: "رقم الهاتف: 0142 555 416", plain Markdown, shows as "416 555 0142": after
right-to-left letters (or in ``dir="rtl"``) bidi lays the digit groups out from the
right. The skeleton held "0142555416", not the last seven digits "5550142". Now
every run of digit groups is read in reverse group order too
(ivsite.contacts.skeleton.phone_windows).

N13: a number as people say it, "01 forty-two", "416 triple-five 0142", "double
five", "oh-one forty-two": now read as its digits (ivsite.contacts.spokendigits).

Each is refused by the filter (``contact-in-text``) and, with the filter's name and
contact check off (the ``no_filter`` fixture), by the build's own audit; with the
reading switched off, the build exits 0 with the number in the output. A page of
ordinary sentences with numbers in it is not refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    RED_TEAM_TALK,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    other_readings_off,
    red_team_site,
    red_team_talk,
)

from ivsite.contacts import skeleton as contactskeleton
from ivsite.contacts import spokendigits
from ivsite.pipeline import build
from ivsite.validate import bodyprivacy

PHONE = "+1 416 555 0142"
TALK = f"content/{RED_TEAM_TALK}"
PAGE = "content/pages/p.md"

REVERSED = {
    "after Arabic text": "رقم الهاتف: 0142 555 416",
    "after Hebrew text": "מספר הטלפון: 0142 555 416",
    "in an rtl paragraph": '<p dir="rtl">0142 555 416 1+</p>',
    "dashes, two groups": "٠١٤٢-٥٥٥",
}
SPOKEN = {
    "pairs": "Their desk: 416 555 01 forty-two.",
    "triple": "Or 416 triple-five 0142.",
    "oh and pairs": "416 555 oh-one forty-two",
    "double": "four one six, double five five, oh one four two",
    "treble and tens": "416 treble 5 oh one forty two",
}
CASES = {**REVERSED, **SPOKEN}

PROSE = """In 2019 we hired 416 people; 555 applied and 142 stayed.

Forty-two people came, twenty of them twice; double the number of last year, and
triple the budget. One of them, Quentin's colleague, had five or six offers.

The 3 rounds took 14 days: 2 calls, 5 hours of tests, 1 panel of 4 and 0 feedback.

Chapter 7, pages 416 to 555, section 0.142; version 1.4.2 of 2026-03-01.

رقم الصفحة 12 من 40. She was one in a million, ten out of ten, a double first.
"""


def _site(root: Path, said: str) -> Path:
    return red_team_site(root, {"pages/p.md": ({"title": "About"}, f"{said}\n")},
                         red_team_talk(phone=PHONE))


DRAWN = REVERSED["in an rtl paragraph"]
"""Raw HTML that lays digits out right to left: refused as drawn-markup first
(ivsite.markup.drawnhtml, red team 8 N2), the contact check's reading is then shown with
that refusal switched off."""


def _drawn_markup_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "drawing", lambda content: iter(()))


@pytest.mark.parametrize("said", CASES.values(), ids=CASES.keys())
def test_the_filter_refuses(tmp_path: Path, said: str, monkeypatch: pytest.MonkeyPatch
                            ) -> None:
    if said == DRAWN:
        assert_filter_refuses(_site(tmp_path / "d", said), tmp_path / "dout", PAGE,
                              "drawn-markup")
        _drawn_markup_off(monkeypatch)
    assert_filter_refuses(_site(tmp_path / "s", said), tmp_path / "out", PAGE,
                          "contact-in-text")


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("said", CASES.values(), ids=CASES.keys())
def test_the_audit_alone_refuses(tmp_path: Path, said: str,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    if said == DRAWN:
        _drawn_markup_off(monkeypatch)
    assert_audit_refuses(_site(tmp_path / "s", said), tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_the_reversed_groups_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other_readings_off(monkeypatch)
    monkeypatch.setattr(contactskeleton, "_GROUP_RUN", contactskeleton.re.compile("(?!)"))
    assert_published(_site(tmp_path / "s", REVERSED["after Arabic text"]), tmp_path / "out",
                     "0142 555 416")


@pytest.mark.usefixtures("no_filter")
def test_without_the_spoken_numbers_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other_readings_off(monkeypatch)
    monkeypatch.setattr(spokendigits, "_TENS", spokendigits.re.compile("(?!)"))
    monkeypatch.setattr(spokendigits, "_REPEAT", spokendigits.re.compile("(?!)"))
    for name, said in SPOKEN.items():
        assert_published(_site(tmp_path / name, said), tmp_path / f"out-{name}", said)


def test_ordinary_prose_with_numbers_is_not_refused(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", PROSE), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_the_words_read_as_digits() -> None:
    read = spokendigits.spoken_digits
    assert read("416 triple-five oh-one forty-two") == "416 5 5 5 0-1 42"
    assert read("double 5, seventy, nineteen") == "5 5, 70, 19"
    assert read("often someone doubled the tension") == "often someone doubled the tension"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted({*spokendigits.DIGITS, *spokendigits.TEENS,
                                         *spokendigits.TENS, *spokendigits.REPEATS,
                                         "5", "-", " ", "often", "city", "x"})),
                max_size=12).map(" ".join))
def test_spoken_digits_reads_as_every_pattern_run_would(text: str) -> None:
    """Each pattern runs only where its words' letters are: the same reading as
    running every pattern on every text."""
    every = spokendigits._TENS.sub(spokendigits._tens, spokendigits._TEENS.sub(
        lambda m: spokendigits.TEENS[m.group(0)], text))
    every = spokendigits._REPEAT.sub(spokendigits._repeat, every)
    every = spokendigits._DIGIT_WORD.sub(lambda m: spokendigits.DIGITS[m.group(0)], every)
    assert spokendigits.spoken_digits(text) == every
