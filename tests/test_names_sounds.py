"""Red team 6, L2: a name in another script or another romanisation is found by
sound (ivsite.names.soundkey), by the filter and, with the filter off, by the audit.

Every reproducer line of docs/redteam/2026-11-30-sixth.md (L2) is a case: the
filter refuses it at its line, the audit alone refuses it, and with the sound
keys switched off it is published (exit 0, the name in the output). Hypothesis
writes random names in Cyrillic and Greek letters and picks spellings of one
Russian name; ordinary prose and the corpora give no hit a name's spelt forms do
not give already.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, write_site

from ivsite.names import nameforms
from ivsite.names.people import matcher_of
from ivsite.names.soundkey import name_sounds
from ivsite.pipeline import build
from ivsite.readers import readable

TALK = "content/interviews/i.md"
PAGE = "content/pages/p.md"

CASES = {  # id: (the name recorded, what a public page says)
    "Cyrillic name, Dmitry": ("Дмитрий Волков", "I met Dmitry Volkov."),
    "Cyrillic name, Dmitri": ("Дмитрий Волков", "I met Dmitri Volkov."),
    "Cyrillic name, Dmitrii": ("Дмитрий Волков", "I met Dmitrii Volkov."),
    "Cyrillic name, German spelling": ("Дмитрий Волков", "I met Dmitrij Wolkow."),
    "Latin name, Cyrillic text": ("Dmitry Volkov", "I met Дмитрий Волков."),
    "Devanagari name, Latin text": ("राहुल शर्मा", "I met Rahul Sharma."),
    "Latin name, Devanagari text": ("Rahul Sharma", "I met राहुल शर्मा."),
    "Arabic name, Mohammed": ("محمد علي", "I met Mohammed Ali."),
    "Arabic name, Muhammad": ("محمد علي", "I met Muhammad Ali."),
    "Latin name in Cyrillic": ("Quentin Zabrowski", "I met Квентин Забровски for coffee."),
    "Latin name in Greek": ("Quentin Zabrowski", "I met Κουέντιν Ζαμπρόφσκι for coffee."),
    "Latin name in katakana": ("Quentin Zabrowski",
                               "I met クエンティン・ザブロウスキー for coffee."),
}


def _site(root: Path, name: str, page: str) -> Path:
    talk: Any = ({"visibility": "public", "date": "2026-03-01", "alias": "an analyst",
                  "person": {"name": name, "role": "Analyst", "company": "Northfield Bank"}},
                 "We talked about the job.\n")
    return write_site(root, {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                             "interviews/i.md": talk,
                             "pages/p.md": ({"title": "About"}, page + "\n")})


@pytest.mark.parametrize(("name", "page"), CASES.values(), ids=CASES.keys())
def test_the_filter_refuses(tmp_path: Path, name: str, page: str) -> None:
    result = build(_site(tmp_path / "s", name, page), out=tmp_path / "out")
    assert result.status == 1
    assert any(d.path == PAGE and d.code == "name-without-consent" and d.line == 4
               for d in result.diagnostics), [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("name", "page"), CASES.values(), ids=CASES.keys())
def test_the_audit_alone_refuses(tmp_path: Path, no_filter: None, name: str,
                                 page: str) -> None:
    result = build(_site(tmp_path / "s", name, page), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.secret.source == TALK and h.secret.kind == "unconsented name"
               for h in result.hits), [h.text() for h in result.hits]
    assert not (tmp_path / "out").exists()


SWITCHED_OFF = {k: CASES[k] for k in ("Cyrillic name, Dmitri", "Latin name, Devanagari text",
                                      "Arabic name, Muhammad", "Latin name in katakana")}
"""A case per kind of crossing (each reproducer line is refused above): a build per
line made the suite run past the CI budget."""


@pytest.mark.parametrize(("name", "page"), SWITCHED_OFF.values(), ids=SWITCHED_OFF.keys())
def test_without_the_sound_keys_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, page: str) -> None:
    monkeypatch.setattr(nameforms, "name_sounds", lambda name: [])
    # One letter from a romanised form is a typo's reach (ivsite.names.typoforms): off.
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())
    monkeypatch.setattr(readable, "on_screen", lambda page, hidden=frozenset(): "")
    monkeypatch.setattr(readable, "cbor_strings", lambda data: None)
    result = build(_site(tmp_path / "s", name, page), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    said = page.removeprefix("I met ").removesuffix(".").removesuffix(" for coffee")
    assert OutputCorpus(tmp_path / "out").find(said) != []


# Hypothesis: any name, written in another script or spelt another way.

_CYRILLIC = dict(zip("bdfgklmnprstvzaeiou", "бдфгклмнпрствзаеиоу", strict=True))
_GREEK = {**dict(zip("dfgklmnprstvzaeio", "δφγκλμνπρστβζαειο", strict=True)),
          "b": "μπ", "u": "ου"}
_SYLLABLE = st.tuples(st.sampled_from("bdfgklmnprstvz"), st.sampled_from("aeiou"))
_WORD = st.builds(lambda ss, end: "".join(c + v for c, v in ss) + end,
                  st.lists(_SYLLABLE, min_size=3, max_size=4),
                  st.sampled_from(["", "n", "k", "s", "r"]))


def _written(word: str, table: dict[str, str]) -> str:
    out = "".join(table[c] for c in word)
    return out[:-1] + "ς" if table is _GREEK and out.endswith("σ") else out


def _finds(name: str, text: str) -> bool:
    return matcher_of([("unconsented name", name, name)]).find(text) == [name]


@settings(max_examples=150, deadline=None)
@given(_WORD, _WORD, st.sampled_from(["cyrillic", "greek"]), st.booleans())
def test_a_name_in_another_script_is_found(given_name: str, family: str, script: str,
                                           family_first: bool) -> None:
    name = f"{given_name.capitalize()} {family.capitalize()}"
    table = _CYRILLIC if script == "cyrillic" else _GREEK
    words = [_written(given_name, table), _written(family, table)]
    if family_first:
        words.reverse()
    written = " ".join(w.capitalize() for w in words)
    assume(name_sounds(name))  # long enough to be looked for by sound (see MIN_KEY)
    assert _finds(name, f"We spoke with {written} last week."), (name, written)
    assert _finds(f"{words[0]} {words[1]}", f"We spoke with {name} last week.")


_GIVEN = ["Dmitry", "Dmitri", "Dmitrii", "Dmitrij", "Dmitriy", "Дмитрий", "Δημήτρη"]
_FAMILY = ["Volkov", "Wolkow", "Volkoff", "Volkow", "Волков", "Βόλκοφ"]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(_GIVEN), st.sampled_from(_FAMILY), st.sampled_from(_GIVEN),
       st.sampled_from(_FAMILY), st.sampled_from([" ", ", ", "\u00a0", "-"]))
def test_every_spelling_of_a_name_finds_every_other_script(
        given_name: str, family: str, said_given: str, said_family: str, gap: str) -> None:
    """Where the name or what the text says has a word in another script."""
    assume(not all(w.isascii() for w in (given_name, family, said_given, said_family)))
    assert _finds(f"{given_name} {family}", f"Notes: {said_given}{gap}{said_family} said so.")
    assert _finds(f"{given_name} {family}", f"Notes: {said_family}{gap}{said_given}.")


# False positives: prose names no one.

PROSE = """
Most of the people I talked to this month work on data teams at banks, insurers and
a few public agencies. Their days start with a stand-up, then a long stretch of
work on dashboards and models, and end with meetings that could have been emails.
Several said the hardest part of the job is not the maths but the politics: who
owns a metric, who may change it, and who gets blamed when it moves the wrong way.
One analyst told me she spends more time writing documentation than code, and that
good documentation is what gets people promoted. Another said the best thing I
could do before applying was to build a small project with real, messy data and to
write down every decision I made along the way. Mark my words, she said, the
portfolio matters more than the degree. Read the job posts carefully, match your
story to their needs, and never send the same cover letter twice. The market is
slow right now, but teams still hire for people who can explain a model to a
manager in plain words. Morning coffee chats went better than afternoon calls;
people were fresher, more candid and less rushed. I kept notes in a simple
spreadsheet, with the date, the role, the company and what to do next, and sent a
short thank-you note within a day. Most replied. A few offered to pass my resume
along to their hiring managers, which I accepted with thanks. Data quality, stakeholder
management, storytelling with charts, SQL, Python and a little statistics came up
again and again. Nobody mentioned blockchain. Several people warned me about
burnout in the first year, and about teams that measure everything but decide
nothing. Dark patterns, silent failures, shadow spreadsheets and broken pipelines
were the stories they told most often over coffee and cake at the market stall.
"""
SAMPLE_NAMES = ["Дмитрий Волков", "राहुल शर्मा", "محمد علي", "Мария Сантос", "Марк Стоун",
                "Питер Миллер", "Даниэль Харрис", "Сергей Петров", "فاطمة حسن",
                "Карлос Родригес", "Павел Новак", "Маргарет Стори", "Дарио Каспер",
                "Стелла Маркович", "Тобиас Нордин", "Κωνσταντίνος Παπαδόπουλος",
                "प्रियंका पटेल", "Квентин Забровски"]
"""Names in other scripts: looked for by sound in English text too."""


def test_prose_names_no_one_by_sound() -> None:
    """No two neighbouring words of the prose sound like any of the names; and the
    check is live: each name, in its script, is found in the prose."""
    assert all(name_sounds(n) for n in SAMPLE_NAMES)
    matcher = matcher_of(("unconsented name", n, n) for n in SAMPLE_NAMES)
    assert matcher.find(PROSE) == []
    for n in SAMPLE_NAMES:
        assert matcher.find(PROSE.replace("Mark my words", n + " said")) == [n]


def test_names_in_latin_letters_are_not_compared_by_sound_in_latin_letters() -> None:
    """Two Latin spellings that sound alike are mostly two people, and among many
    names some pair of words sounds like one: the bench site's "copper dingo" and
    "secondary is" sounded like "Dong-hyun Kapoor" and "Yusuf Schneider"."""
    matcher = matcher_of(("unconsented name", n, n) for n in
                         ("Dong-hyun Kapoor", "Yusuf Schneider", "Kiri Kristiansen"))
    assert matcher.find("keen copper dingo; secondary is; Keira Christiansen") == []
    assert matcher.find("Кири Кристиансен") == ["Kiri Kristiansen"]


def test_short_names_are_not_looked_for_by_sound() -> None:
    """"Dana Wills" is "dn vls" by sound, as "down walls" is: too short a key."""
    assert [n for n in ("Dana Wills", "Ana Silva", "Li Na", "Jo Ray") if name_sounds(n)] == []
    matcher = matcher_of([("unconsented name", "Dana Wills", "Dana Wills")])
    assert matcher.find("They tore down walls and dined well.") == []
    assert matcher.find("They met Dana Wills.") == ["Dana Wills"]
