"""Red team 8, N12: plain ASCII read as other letters, and names broken by marks or
spaces a reader looks past.

"QUENTlN ZABROWSKl" (a small "l" for a capital "I"), "Quent!n Zabrowsk!" and
"Quent|n Zabrowsk|" ("!" and "|" for "i" at a word's end), "Zabrovvski" ("vv"
for "w"), "Quen'tin Zab'rowski" (apostrophes inside words) and "Quentin (the
designer) Zabrowski" (an aside between the names) and "Quen tin Zab row ski"
(words split by spaces) all built with exit 0. Each is now read as a reader
reads it (ivsite.text.asciireadings and ivsite.text.readings, through
ivsite.text.normalise.text_words; split words by ivsite.text.splitwords, through
ivsite.text.textmatch.Matcher), by the filter and the audit alike: each is refused
by the filter and, with the filter off, by the build's own audit; with those
readings off, the build exits 0 with the text in the output. Ordinary text with
apostrophes, asides, exclamation marks and capitals names no one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sites import (
    RED_TEAM_TALK,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    misspellings_off,
    other_readings_off,
    red_team_site,
    red_team_talk,
)

from ivsite.names import gapforms
from ivsite.names.people import matcher_of
from ivsite.pipeline import build
from ivsite.text import normalise, readings, splitwords

TALK = f"content/{RED_TEAM_TALK}"
PAGE = "content/pages/p.md"

CASES = {
    "l for I in capitals": "THANKS TO QUENTlN ZABROWSKl.",
    "one l for I": "Thanks to Quentin ZABROWSKl.",
    "! for i": "Thanks to Quent!n Zabrowsk!",
    "| for i": "Thanks to Quent|n Zabrowsk|.",
    "vv for w": "Thanks to Quentin Zabrovvski.",
    "apostrophes": "Thanks to Quen'tin Zab'rowski.",
    "curly apostrophes": "Thanks to Quen\u2019tin Zab\u2019rowski.",
    "an aside in brackets": "Thanks to Quentin (the designer) Zabrowski.",
    "an aside in square brackets": "Thanks to Quentin [our lead designer at the bank] Zabrowski.",
    "words split by spaces": "Thanks to Quen tin Zab row ski.",
    "one word split": "Thanks to Quentin Zab rowski.",
}

ORDINARY = (
    "We didn't know (at first) what they'd say. Thanks! It's the team's call.\n\n"
    "ALL CAPS HEADLINE, with a VIVID example. The iPhone and getItem() are fine.\n\n"
    "Quentin's role (design) is open; Savvy people ask. Ask | answer | repeat.\n"
)
"""Apostrophes, asides, "!" and "|", capitals and "vv" in ordinary text."""


def _site(root: Path, said: str) -> Path:
    return red_team_site(root, {"pages/p.md": ({"title": "About"}, f"{said}\n")})


def _readings_off(mp: pytest.MonkeyPatch) -> None:
    misspellings_off(mp)  # "QUENTlN" is one letter from "Quentin"
    mp.setattr(normalise, "ascii_lookalikes", lambda cased: [])
    mp.setattr(splitwords.SplitWords, "reading", lambda self, joined: None)
    mp.setattr(readings, "_SYMBOL_IN_WORD",
               re.compile(f"[{re.escape(readings._SYMBOLS)}](?<=[^\\W_].)(?=[^\\W_])"))


@pytest.mark.parametrize("said", CASES.values(), ids=CASES.keys())
def test_the_filter_refuses(tmp_path: Path, said: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", said), tmp_path / "out", PAGE)


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("said", CASES.values(), ids=CASES.keys())
def test_the_audit_alone_refuses(tmp_path: Path, said: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", said), tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("said", CASES.values(), ids=CASES.keys())
def test_without_the_readings_it_is_published(tmp_path: Path, said: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _readings_off(monkeypatch)
    other_readings_off(monkeypatch)
    monkeypatch.setattr(gapforms, "GAP_FORMS", False)  # an aside read past (R18-04)
    assert_published(_site(tmp_path / "s", said), tmp_path / "out", said.rstrip("."))


def test_ordinary_text_names_no_one(tmp_path: Path) -> None:
    assert_published(_site(tmp_path / "s", ORDINARY), tmp_path / "out", "Savvy people ask")


def test_a_capital_i_for_a_small_l() -> None:
    """The other way round: "AIex WaIker" is Alex Walker."""
    match = matcher_of([("unconsented name", "Alex Walker", 1)])
    assert match.find("Thanks to AIex WaIker.") == [1]
    assert match.find("Thanks to Alex and the Walker team.") == []


@pytest.mark.parametrize("said", [
    "Anna (from the library) and Lee's book", "The Lib'rary (Anna) visit",
])
def test_a_reading_joins_no_other_words(said: str) -> None:
    """An aside joins only the words just outside it; an apostrophe joins only
    letters."""
    match = matcher_of([("unconsented name", "Anna Lee", 1), ("unconsented name", "Lib Visit", 2)])
    assert match.find(said) == []


@pytest.mark.parametrize("said", [
    "A new man joined. Paul said so.", "Paul is a new man.", "the car pet", "Quen tin",
])
def test_pieces_join_only_into_a_full_name(said: str) -> None:
    """Pieces are joined only into a sequence of two words or more: "new man" is
    not the part "newman" alone, nor "Quen tin" the given name alone."""
    match = matcher_of([("unconsented name", "Paul Newman", 1),
                        ("unconsented name", "Quentin Zabrowski", 2)])
    assert match.find(said) == []
    assert match.find("Thanks to Paul New man and Quen tin Zab rowski.") == [1, 2]


def test_a_name_in_prose_after_linkedin_is_no_linkedin_address(tmp_path: Path) -> None:
    """The reading of a name in pieces is for names, not for a contact detail's
    words: "LinkedIn. Jane Doe" read in pieces is "linked in jane doe", the words
    of linkedin.com/in/jane-doe; a sentence any note may say, refused by neither
    the filter nor the audit."""
    meta, body = red_team_talk(name="Jane Doe",
                               linkedin="https://www.linkedin.com/in/jane-doe")
    meta = {**meta, "consent": {"publish_name": True}}
    site = red_team_site(tmp_path / "s", {"pages/p.md": (
        {"title": "About"}, "I found her on LinkedIn. Jane Doe is great.\n")}, (meta, body))
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
