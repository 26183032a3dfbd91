"""Red team 18, R18-03: a name recorded in its own script and written in the
body in its usual Latin spelling was published: 박지우 as "Park Jiwoo", "Bak
Jiu" (the Revised Romanization, where anyascii gives "Bag") or "Park Ji-woo";
さとう ゆき or サトウ ユキ as "Yuki Sato" or "Satō" (Hepburn drops or marks the
long vowel that kana spell "ou"). The filter refuses each
(ivsite.names.hangulspell, ivsite.names.kanaspell through
ivsite.names.romanise); the audit alone refuses it; with those spellings off it
is published. Open: kanji (a reading needs a dictionary), Hebrew, Thai and
Cantonese spellings.
"""

from __future__ import annotations

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

from ivsite.names import nameforms
from ivsite.names.hangulspell import spellings, standard
from ivsite.names.identity import one_person_keys
from ivsite.names.kanaspell import hepburn
from ivsite.names.romanise import usual_spellings

TALK = "content/interviews/x.md"
CASES = {
    "Park Jiwoo": ("박지우", "I met Park Jiwoo at the fair."),
    "Bak Jiu": ("박지우", "I met Bak Jiu at the fair."),
    "Park Ji-woo": ("박지우", "I met Park Ji-woo at the fair."),
    "Jiwoo Park": ("박지우", "I met Jiwoo Park at the fair."),
    "Kim Min-joon": ("김민준", "I met Kim Min-joon at the fair."),
    "Lee Suyun": ("이서연", "I met Lee Suyun at the fair."),
    "Yuki Sato": ("さとう ゆき", "I met Yuki Sato at the fair."),
    "Yuki Satō": ("さとう ゆき", "I met Yuki Satō at the fair."),
    "Satoh Yuki": ("さとう ゆき", "I met Satoh Yuki at the fair."),
    "katakana Sato": ("サトウ ユキ", "I met Yuki Sato at the fair."),
    "Yuko Ono": ("おおの ゆうこ", "I met Yuko Ono at the fair."),
}
SWITCHED_OFF = ("Park Jiwoo", "Bak Jiu", "Yuki Sato", "Yuko Ono")
"""One case per spelling made here (a build per line would run past CI's budget)."""


def _talk(name: str, line: str) -> Any:
    return ({"visibility": "public", "date": "2026-02-10", "person": {"name": name},
             "alias": "a designer"}, f"Intro.\n\n{line}\n")


def _site(root: Path, case: str) -> Path:
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/x.md": _talk(*CASES[case])})


def _spellings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameforms, "usual_spellings", lambda name: set())


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_filter_refuses(tmp_path: Path, case: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", case), tmp_path / "out", TALK)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_audit_alone_refuses(tmp_path: Path, no_filter: None, case: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", case), tmp_path / "out", TALK)


@pytest.mark.parametrize("case", SWITCHED_OFF)
def test_without_the_spellings_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_filter: None, case: str) -> None:
    _spellings_off(monkeypatch)
    other_readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s", case), tmp_path / "out",
                     CASES[case][1].split("met ")[1].split(" at")[0])


def test_the_tables() -> None:
    assert standard("박") == "bak" and standard("지") == "ji" and standard("우") == "u"
    assert {"woo", "oo"} <= set(spellings("우")) and "suh" not in spellings("서")
    assert "su" in spellings("서") and "yun" in spellings("연")
    assert hepburn("satou") == {"sato", "satoh"} and hepburn("yuki") == set()
    assert hepburn("oono") == {"ono", "ohno"}


def test_the_spellings_make_no_one_the_same_person() -> None:
    """서연 written "Soyeon" is how 소연 is written too: looked for, never a key."""
    assert ("park", "soyeon") in usual_spellings("박서연")
    assert not set(one_person_keys("박서연")) & set(one_person_keys("박소연"))


def test_other_people_build(tmp_path: Path) -> None:
    """A Korean or Japanese colleague's other name in the same note builds."""
    from ivsite.pipeline import build
    talk = ({"visibility": "public", "date": "2026-02-10", "person": {"name": "박지우"},
             "alias": "a designer"},
            "Intro.\n\nShe works with Park Minseo and Yuki Tanaka; sato means sugar.\n")
    site = write_site(tmp_path / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                       "interviews/x.md": talk})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
