"""Red team 7, M1 and M2: an unconsented name's single part in the person's own
note, from the red team's reproducers. Each line is refused by the filter and,
with the filter off, by the build's own audit; with the protection switched off
the build exits 0 with the text in the output.

M2: a given name written with vowel signs (Devanagari, Tamil, Gurmukhi) is one
word, and a name part (ivsite.text.normalise.is_word), not three letters that are
each too short to look for. A Chinese or Korean name of three syllables has a
given name of two (小明 of 王小明, 민준 of 김민준), a part in its own script and
romanised (Xiaoming, Minjun). A Japanese name in kanji is not split (no dictionary).

M1: a Latin-recorded family name alone in another script, by its sound key
(ivsite.names.partsounds); an English initial "W" as Russian and Greek write it ("Уи",
"Γουί": ivsite.names.soundkey._W_START), so "Алиса Уильямс" sounds like Alice Williams.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sites import (
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    other_readings_off,
    write_site,
)

from ivsite.names import nameforms, partsounds, people, soundkey

TALK = "content/interviews/x.md"


def _talk(name: str, line: str) -> Any:
    return ({"visibility": "public", "date": "2026-02-10", "person": {"name": name},
             "alias": "a designer"}, f"Intro.\n\n{line}\n")


@dataclass(frozen=True)
class Case:
    name: str
    line: str
    switch_off: Callable[[pytest.MonkeyPatch], None]


def _letters_only(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(nameforms, "is_word", str.isalpha)


def _letters_only_and_unheard(mp: pytest.MonkeyPatch) -> None:
    """A romanised part ("murukn" of முருகன்) is also heard in the name's own script
    (ivsite.names.partsounds), a second protection: both off."""
    _letters_only(mp)
    _no_part_sounds(mp)


def _no_given_syllables(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(nameforms, "_given_syllables", lambda run: set())


def _no_part_sounds(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(people, "part_sounds", lambda part: [])


def _no_w_start(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(soundkey, "_W_START", re.compile("(?!)"))
    _fresh_readings()


def _fresh_readings() -> None:
    """The sound readings cached so far forgotten (made with or without a switch)."""
    soundkey._latin_run.cache_clear()
    soundkey._KEYS.clear()


@pytest.fixture(autouse=True)
def _forget_readings() -> Iterator[None]:
    yield
    _fresh_readings()


CASES = {
    "Devanagari given name": Case("राहुल शर्मा", "K1 राहुल", _letters_only),
    "Tamil given name": Case("முருகன் செல்வம்", "K1 முருகன்", _letters_only_and_unheard),
    "Gurmukhi given name": Case("ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "K1 ਗੁਰਪ੍ਰੀਤ", _letters_only_and_unheard),
    "Chinese given name": Case("王小明", "Y02 小明", _no_given_syllables),
    "Chinese given name in pinyin": Case("王小明", "Y03 Xiaoming", _no_given_syllables),
    "Korean given name": Case("김민준", "H1 민준", _no_given_syllables),
    "Korean given name romanised": Case("김민준", "H2 Minjun", _no_given_syllables),
    "family name in Greek": Case("Maria Papadopoulos", "W01 Παπαδόπουλος", _no_part_sounds),
    "family name in Cyrillic": Case("Quentin Zabrowski", "Z1 Забровски", _no_part_sounds),
    "family name in katakana": Case("Quentin Zabrowski", "Z2 ザブロウスキー", _no_part_sounds),
    "Williams in Russian": Case("Alice Williams", "K2 Алиса Уильямс", _no_w_start),
    "Williams in Greek": Case("Alice Williams", "K3 Άλις Γουίλιαμς", _no_w_start),
    "Williams alone in Russian": Case("Alice Williams", "K5 Уильямс", _no_w_start),
    "Wilson alone in Greek": Case("Harry Wilson", "K6 Γουίλσον", _no_w_start),
}


def _site(root: Path, case: Case) -> Path:
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/x.md": _talk(case.name, case.line)})


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_filter_refuses(tmp_path: Path, case: Case) -> None:
    assert_filter_refuses(_site(tmp_path / "s", case), tmp_path / "out", TALK)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_audit_alone_refuses(tmp_path: Path, no_filter: None, case: Case) -> None:
    assert_audit_refuses(_site(tmp_path / "s", case), tmp_path / "out", TALK)


SWITCHED_OFF = {k: CASES[k] for k in (
    "Devanagari given name", "Tamil given name", "Chinese given name in pinyin",
    "Korean given name", "family name in Greek", "family name in katakana",
    "Williams in Russian", "Wilson alone in Greek")}
"""A case per protection and script (each reproducer line is refused above): a
build per line made the suite run past the CI budget."""


@pytest.mark.parametrize("case", SWITCHED_OFF.values(), ids=SWITCHED_OFF.keys())
def test_without_the_protection_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_filter: None, case: Case) -> None:
    case.switch_off(monkeypatch)
    other_readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s", case), tmp_path / "out", case.line)


def test_a_part_in_latin_letters_is_not_heard() -> None:
    """Only across scripts, and only a long enough key: prose in Latin letters that
    sounds like a part ("Sabrewski"), or a short key, is not looked for by sound."""
    assert partsounds.part_sounds("Zabrowski") == [("~sbrsk",)]
    assert partsounds.part_sounds("Ali") == []
    found = people.matcher_of([(people.PART_KIND, "Zabrowski", 1)])
    assert found.find("met Забровски today") != []
    assert found.find("met Sabrovsky today") == []
