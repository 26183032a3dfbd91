"""Red team 6, L5 and L6: a name read through dashes, digits or fancy-text letters.

L5: "Quen-tin Za-brow-ski" (any dash), "Qu3nt1n Z4br0wsk1" and "Z@browski" were
published; L6: small-caps text writes Q as ``ǫ``, which folds to "o". Each
reproducer line is refused by the filter and, with the filter off, by the build's
own audit; with the reading that finds it switched off (ivsite.text.readings) the
build exits 0 with the spelling in the output. Hypothesis writes random names in
syllables and in leetspeak; years, dates and phone numbers are not read as
letters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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

from ivsite.text import normalise, readings, splitwords
from ivsite.text.normalise import SEPARATOR, text_words, words
from ivsite.text.textmatch import Matcher

TALK = f"content/{RED_TEAM_TALK}"
PAGE = "content/pages/p.md"


def _site(root: Path, said: str) -> Path:
    """The red team's interview (Quentin Zabrowski, who said no: the default), and
    a page that says ``said``."""
    talk = red_team_talk(role="Analyst", email="qz@northfield.example", phone="+1 416 555 0142")
    return red_team_site(root, {"pages/p.md": ({"title": "About"}, said + "\n")}, talk)


def _no_dashes(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(readings, "undashed", lambda cased: [])
    # The syllables left apart are joined as split words too (ivsite.text.splitwords,
    # red team 8 N12): off, to show the dash reading alone.
    mp.setattr(splitwords.SplitWords, "reading", lambda self, joined: None)


def _no_leet(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(readings, "as_letters", lambda joined, separator: [])


def _no_fancy(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(readings, "fancy", lambda decoded: [])


def _none(mp: pytest.MonkeyPatch) -> None:
    _no_dashes(mp)
    _no_leet(mp)


@dataclass(frozen=True)
class Case:
    name: str
    switch_off: Callable[[pytest.MonkeyPatch], None]


CASES = {
    "hyph": Case("Quen-tin Za-brow-ski", _no_dashes),
    "hyphU": Case("Quen\u2010tin Za\u2010brow\u2010ski", _no_dashes),
    "non-breaking hyphen": Case("Quen\u2011tin Za\u2011brow\u2011ski", _no_dashes),
    "en dash": Case("Quen\u2013tin Za\u2013brow\u2013ski", _no_dashes),
    "em dash": Case("Quen\u2014tin Za\u2014brow\u2014ski", _no_dashes),
    "minus": Case("Quen\u2212tin Za\u2212brow\u2212ski", _no_dashes),
    "hyphenation point": Case("Quen\u2027tin Za\u00b7brow\u00b7ski", _no_dashes),
    "leet": Case("Qu3ntin Zabr0wski", _no_leet),
    "leet2": Case("Qu3nt1n Z4br0wsk1", _no_leet),
    "leet3": Case("Quentin Zabrow5ki", _no_leet),
    "symbols": Case("Qu\u20acntin Z@browski", _no_leet),
    "leet in syllables": Case("Qu3n-t1n Za-br0w-sk1", _none),
    "smallcap": Case("\u01eb\u1d1c\u1d07\u0274\u1d1b\u026a\u0274 "
                     "\u1d22\u1d00\u0299\u0280\u1d0f\u1d21s\u1d0b\u026a", _no_fancy),
    "sc4": Case("\u01ebuentin Zabrowski", _no_fancy),
    "sc4 taken apart": Case("o\u0328uentin Zabrowski", _no_fancy),
    "faux Cyrillic capital": Case("\u01eauentin Zabrowski", _no_fancy),
}

LINE_ENDS = {"hyphenated at line ends": Case("Quen-\ntin Za-\nbrow-\nski", _no_dashes)}
"""Found by the audit, which reads a page whole; the filter reads a note line by
line and does not see a word broken over two (the build is refused all the same)."""
EVERY = CASES | LINE_ENDS


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_filter_refuses(tmp_path: Path, case: Case) -> None:
    assert_filter_refuses(_site(tmp_path / "s", f"I met {case.name} today."), tmp_path / "out",
                          PAGE)


@pytest.mark.parametrize("case", EVERY.values(), ids=EVERY.keys())
def test_the_audit_alone_refuses(tmp_path: Path, no_filter: None, case: Case) -> None:
    assert_audit_refuses(_site(tmp_path / "s", f"I met {case.name} today."), tmp_path / "out",
                         TALK)


SWITCHED_OFF = {k: EVERY[k] for k in ("hyph", "leet2", "symbols", "sc4", "leet in syllables",
                                      "hyphenated at line ends")}
"""One case per reading switched off (each reproducer line is refused above): a
build per line and switch made the suite run past the CI budget."""


@pytest.mark.parametrize("case", SWITCHED_OFF.values(), ids=SWITCHED_OFF.keys())
def test_without_the_reading_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_filter: None, case: Case) -> None:
    case.switch_off(monkeypatch)
    other_readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s", f"I met {case.name} today."), tmp_path / "out",
                     f"I met {case.name} today.")


# --------------------------------------------------------------- random names

NAME_WORD = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).map(str.capitalize)
DASH = st.sampled_from(["-", "\u2010", "\u2011", "\u2013", "\u2014", "\u2212", "\u00b7"])
LEET = {"o": "0", "i": "1", "l": "1", "z": "2", "e": "3", "a": "4", "s": "5", "g": "9",
        "t": "7", "b": "8"}


@st.composite
def spelt_word(draw: st.DrawFn, word: str) -> str:
    """``word`` broken by dashes, with letters as digits, both or neither. At least
    one letter stays, "1" stands for "i" or for "l" in one word, not both, and the
    letter after a dash stays (a dash between two digits is a date's or a phone
    number's, not read)."""
    how = draw(st.sampled_from(["as is", "dashes", "leet", "both"]))
    cuts = sorted(draw(st.sets(st.integers(1, len(word) - 1), min_size=1, max_size=3))) \
        if how in ("dashes", "both") else []
    chosen: set[int] = set()
    if how in ("leet", "both"):
        one = draw(st.sampled_from("il"))
        places = [i for i, c in enumerate(word.lower())
                  if c in LEET and (c not in "il" or c == one) and i not in cuts]
        if places:
            chosen = draw(st.sets(st.sampled_from(places), max_size=len(word) - 1))
    letters = [LEET[c.lower()] if i in chosen else c for i, c in enumerate(word)]
    parts = ["".join(letters[a:b]) for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]
    return draw(DASH).join(parts)


@st.composite
def spelt(draw: st.DrawFn) -> tuple[str, str]:
    """A random name and a way of writing it: in syllables, in leetspeak or both."""
    given_name, family = draw(NAME_WORD), draw(NAME_WORD)
    return (f"{given_name} {family}",
            f"{draw(spelt_word(given_name))} {draw(spelt_word(family))}")


@settings(max_examples=200, deadline=None)
@given(spelt(), st.sampled_from(["I met {} today.", "{}", "On 2026-03-01, {} (416-555-0142)"]))
def test_a_name_in_syllables_or_leetspeak_is_found(name_spelt: tuple[str, str],
                                                   around: str) -> None:
    name, spelling = name_spelt
    matcher = Matcher([(tuple(words(name)), name)])
    assert matcher.find(around.format(spelling)) == [name], spelling


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60) | st.lists(st.sampled_from(
    ["Quen-tin", "Qu3n", "x42", "h1", "2026", "-", " ", "ǫ", "@", "a@b", "Zabr@", "l33t"]),
    max_size=12).map("".join))
def test_the_readings_only_add_words(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(normalise, "_other_readings", lambda *args: [])
        cased, alone = text_words(text)
    cased_too, joined = text_words(text)
    assert cased_too == cased
    assert joined.split(SEPARATOR)[0] == alone.split(SEPARATOR)[0]
    assert set(alone.split()) <= set(joined.split())


@pytest.mark.parametrize("text", [
    "Call +1 416 555 0142 on 2026-03-01 at 10:30.",
    "In 2026, 1999 and 1 January 1970: 4 5 7 8 0 3.",
    "Room 5-101, ext. 7-3080.",
])
def test_numbers_alone_are_not_read_as_letters(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(normalise, "_other_readings", lambda *args: [])
        alone = text_words(text)[1]
    assert text_words(text)[1] == alone


def test_words_with_digits_are_read_both_ways_and_numbers_stay() -> None:
    joined = text_words("Ph1l met Qu3nt1n in 2026")[1]
    assert " phil met quentin in 2026 " in joined
    assert " phll met quentln in 2026 " in joined


@pytest.mark.parametrize("text", ["Quentin Za-brow-ski", "Qu3ntin Zabrowski",
                                  "\u01ebuentin Zabrowski"])
def test_a_reading_keeps_its_neighbours(text: str) -> None:
    """Only the words around a word read again are read again, but far enough
    that a name and a five-word run stay whole."""
    page = " ".join(["lorem"] * 200 + ["Well-known", text, "3px"] + ["ipsum"] * 200)
    assert Matcher([(("quentin", "zabrowski"), 1)]).find(page) == [1]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(normalise, "_other_readings", lambda *args: [])
        alone = text_words(page)[1]
    assert 0 < len(text_words(page)[1]) - len(alone) < 400
