"""A combining mark of another script on a Latin name: "Quentinा Zabrowskiा".

A vowel sign belongs to an Indic word ("राहुल" is one word, red team 7 M2), so a
page with any word of another script was read with the marks kept on the Latin
words too: "quentinा zabrowskiा", a word no name has, and the build published
the name with exit 0 ("Anaा Limा": a long name was still found by its sound,
ivsite.names.soundkey, a short one is not looked for so). A reader looks past a mark
on a Latin letter as past an accent; folding now takes it off
(ivsite.text.normalise._fold_run). Found by the hypothesis test of the word
definition (tests/test_normalise.py). Each case is refused by the filter and,
with the filter off, by the build's own audit; with the marks left on, the build
exits 0 with the short name in the output.
"""

from __future__ import annotations

import re
import unicodedata
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

from ivsite.text import normalise
from ivsite.text.textmatch import Matcher
from ivsite.text.unicodemarks import mark_ranges

TALK = f"content/{RED_TEAM_TALK}"
PAGE = "content/pages/p.md"
OTHER_SCRIPT = "日本語のページです。"
"""Words of another script on the same page: the reading that keeps vowel signs."""

CASES = {
    "devanagari aa": "Quentin\u093e Zabrowski\u093e",
    "devanagari e inside": "Quen\u0947tin Zab\u0947rowski",
    "brahmi": "Quentin\U00011038 Zabrowski\U00011038",
    "thai": "Quentin\u0e31 Zabrowski\u0e31",
    "arabic fatha": "Quentin\u064e Zabrowski\u064e",
    "after a zero-width space": "Quentin\u200b\u093e Zabrowski\u200b\u093e",
    "on an accented letter": "Quentiné\u093e Zabrowski",
    "a name too short for its sound": "Ana\u093e Lim\u093e",
}
SHORT = "Ana Lim"


def _site(root: Path, said: str) -> Path:
    """The interview of Quentin Zabrowski, or of Ana Lim where the page names her
    (neither agreed to be named), and a page that says ``said``."""
    talk = red_team_talk(name=SHORT) if said.startswith("Ana") else None
    return red_team_site(root, {"pages/p.md": ({"title": "About"},
                                               f"{OTHER_SCRIPT} {said}\n")}, talk)


def _marks_kept(mp: pytest.MonkeyPatch) -> None:
    never = re.compile("(?!)")
    mp.setattr(normalise, "_LEADING_MARKS", never)
    mp.setattr(normalise, "_MARKS_ON_LATIN", never)


@pytest.mark.parametrize("said", CASES.values(), ids=CASES.keys())
def test_the_filter_refuses(tmp_path: Path, said: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", said), tmp_path / "out", PAGE)


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("said", CASES.values(), ids=CASES.keys())
def test_the_audit_alone_refuses(tmp_path: Path, said: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", said), tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_with_the_marks_left_on_it_is_published(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _marks_kept(monkeypatch)
    other_readings_off(monkeypatch)
    said = CASES["a name too short for its sound"]
    assert_published(_site(tmp_path / "s", said), tmp_path / "out", said)


_MARKS_BEYOND_ACCENTS = [chr(c) for a, b in mark_ranges() for c in range(a, b + 1)
                         if not normalise._MARKS.match(chr(c))
                         and unicodedata.normalize("NFKC", "n" + chr(c)) == "n" + chr(c)]
"""Marks that neither the accent table takes off nor composition joins to a letter."""


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_MARKS_BEYOND_ACCENTS), st.lists(st.integers(1, 8), min_size=1,
                                                         max_size=3))
def test_a_mark_anywhere_on_the_name_is_looked_past(mark: str, places: list[int]) -> None:
    name = "Quentin Zabrowski"
    marked = name
    for place in sorted(set(places), reverse=True):  # after a letter, never at the start
        if marked[place - 1].isalpha():
            marked = marked[:place] + mark + marked[place:]
    found = Matcher([(("quentin", "zabrowski"), name)])
    assert found.find(f"{OTHER_SCRIPT} {marked}.") == [name], ascii(marked)
