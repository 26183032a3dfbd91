"""Red team 10 (docs/redteam/2026-12-01-tenth.md): a name in spellings of other
languages, each a class, all through the one matcher both lines share
(ivsite.names.nameforms, ivsite.names.people):

* R10-14: a title of another language before, or an honorific after, the family
  name ("Señor Zabrowski", "Pan Zabrowski", "Zabrowski-san": ivsite.names.worldtitles);
* R10-24: a CJK family name with an honorific ("山田さん", "王先生", "김 선생님");
* R10-20: long vowels and Korean vowels spelt another way ("Shohei Ohtani" for
  Shōhei Ōtani, "Yuki Satou", "Min-joon Kim" for Minjun Kim: ivsite.names.vowelspellings);
* R10-06: a diminutive of another language ("Kasia" for Katarzyna, "Sasha" for
  Aleksandr: ivsite.names.worlddiminutives).

Matcher cases are unit tests; one build shows the filter refuses every page, one
that the audit alone does, one that with the four readings off the build publishes
them, and one that near misses build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    OutputCorpus,
    assert_filter_refuses_all,
    assert_published,
    audit_refusals,
    day,
    other_readings_off,
    write_site,
)

from ivsite.names import nameforms, nicknamed, worldtitles
from ivsite.names.nameforms import name_forms
from ivsite.names.people import needle_of
from ivsite.pipeline import build
from ivsite.text.textmatch import Matcher

PEOPLE = {  # note -> name
    "quentin": "Quentin Zabrowski", "yamada": "山田太郎", "wang": "王小明", "kim": "김민준",
    "ohtani": "Shōhei Ōtani", "sato": "Yuki Satō", "minjun": "Minjun Kim",
    "kasia": "Katarzyna Wiśniewska", "sasha": "Aleksandr Sokolov",
    "lee": "Jia Lee", "zhang": "Wei Zhang", "yi": "이민준",
}
LEAKS = {  # page -> (text, whose interview)
    "senor": ("Thanks to Señor Zabrowski for the talk.", "quentin"),
    "san": ("Zabrowski-san showed me the office.", "quentin"),
    "yamada": ("山田さんはデザインの仕事について話してくれました。", "yamada"),
    "wang": ("今年、王先生にお会いしました。", "wang"),
    "korean": ("지난주에 김 선생님을 만났습니다.", "kim"),
    "ohtani": ("This year I met Shohei Ohtani.", "ohtani"),
    "satou": ("Yuki Satou was generous with her time.", "sato"),
    "minjoon": ("Min-joon Kim was generous with his time.", "minjun"),
    "kasia": ("This year I met Kasia Wiśniewska.", "kasia"),
    "sasha": ("Sasha Sokolov was generous with his time.", "sasha"),
}
SHOWN = {"senor": "Señor Zabrowski", "san": "Zabrowski-san", "yamada": "山田さん",
         "wang": "王先生", "korean": "김 선생님", "ohtani": "Shohei Ohtani",
         "satou": "Yuki Satou", "minjoon": "Min-joon Kim", "kasia": "Kasia Wiśniewska",
         "sasha": "Sasha Sokolov"}


def _note(who: str) -> str:
    """A file name that names no one (a name in it is refused on its own)."""
    return f"interviews/2026-03-01-talk{list(PEOPLE).index(who)}.md"


def _talk(name: str) -> tuple[dict[str, object], str]:
    return ({"visibility": "private", "date": day("2026-03-01"),
             "person": {"name": name, "company": "Acme"},
             "alias": f"designer {list(PEOPLE.values()).index(name)}", "status": "done"},
            "We talked about the job.\n")


def _site(root: Path, pages: dict[str, str]) -> Path:
    return write_site(root, {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        **{_note(k): _talk(n) for k, n in PEOPLE.items()},
        **{f"pages/{p}.md": ({"title": p.title()}, f"{text}\n") for p, text in pages.items()},
    })


def _matcher(name: str) -> Matcher[int]:
    n = needle_of("unconsented name", name)
    return Matcher([(s, 1) for s in n.seqs], substrings=[(s, 1) for s in n.substrings],
                   sounds=[(s, 1) for s in n.sounds],
                   confirmed=[(c, 1) for c in n.confirmed])


FOUND = [
    *(("Quentin Zabrowski", f"{t.title()} Zabrowski said")
      for t in sorted(worldtitles.TITLES_BEFORE)),
    *(("Quentin Zabrowski", f"Zabrowski-{s} said") for s in sorted(worldtitles.SUFFIXES_SPACED)),
    *(("Quentin Zabrowski", f"Zabrowski {s} said") for s in sorted(worldtitles.SUFFIXES_SPACED)),
    *(("Quentin Zabrowski", f"Zabrowski-{s} said") for s in sorted(worldtitles.SUFFIXES_JOINED)),
    *(("Quentin Zabrowski", f"ZABROWSKI-{s.upper()} said")
      for s in sorted(worldtitles.SUFFIXES_JOINED)),
    *(("Quentin Zabrowski", f"zabrowski {s} said") for s in sorted(worldtitles.SUFFIXES_JOINED)),
    *(("山田 太郎", f"今日は山田{h}と話した") for h in sorted(worldtitles.CJK_AFTER)),
    *(("山田太郎", f"今日は山田{h}と話した") for h in sorted(worldtitles.CJK_AFTER)),
    *(("王小明", f"王{h}说") for h in sorted(worldtitles.CJK_AFTER)),
    *(("김민준", f"어제 김 {h}을 만났다") for h in sorted(worldtitles.KOREAN_AFTER)),
    *(("김민준", f"어제 김{h}께서 오셨다") for h in sorted(worldtitles.KOREAN_AFTER)),
    ("Shōhei Ōtani", "Shohei Ohtani"), ("Shōhei Ōtani", "Shouhei Ootani"),
    ("Shōhei Ōtani", "Ohtani Shohei"), ("Yuki Satō", "Yuki Satoh"), ("Yuki Satō", "Yuki Satoo"),
    ("Yuki Satoh", "Yuki Sato"), ("Ryūji Sato", "Ryuuji Sato"), ("Minjun Kim", "Min-joon Kim"),
    ("Minjun Kim", "Kim Minjoon"), ("Seonghyeon Park", "Sung-hyun Park"),
    ("Jihoon Lee", "Ji-hun Lee"), ("Hyun-woo Lee", "Hyeonwoo Lee"),
    ("Katarzyna Wiśniewska", "Kasia Wiśniewska"), ("Aleksandr Sokolov", "Sasha Sokolov"),
    ("Kasia Nowak", "Katarzyna Nowak"), ("José García", "Pepe García"),
    ("Giuseppe Rossi", "Beppe Rossi"), ("Małgorzata Nowak", "Gosia Nowak"),
    ("Quentin Zabrowski", "Quentin-Z. said"), ("Mario Rossi", "Sig. Rossi"),
    ("Ana de la Cruz", "Señora de la Cruz"), ("Muhammad Al-Farsi", "Mohamed Al-Farsi"),
    ("Yusuf Demir", "Youssef Demir"),
    # A short form no word is counts in small letters too, as a mailbox or a slug
    # has it (red team 15, R15-03); one that is a word only capitalised.
    ("Katarzyna Wiśniewska", "kasia wisniewska"), ("Katarzyna Wiśniewska", "kasia.wisniewska@"),
]
NOT_FOUND = [
    ("Quentin Zabrowski", "Señor, the pan is hot; the san of it"),
    ("Quentin Zabrowski", "Zabrowski San Francisco"),  # a capitalised syllable-like word
    ("Jia Lee", "Lee Chan and Lee Ji-woo spoke"), ("Wei Zhang", "Zhang San is a placeholder"),
    ("Wei Pan", "the frying pan"), ("Jia Lee", "Pan Lee"),  # Pan Lee: another person? no title
    ("이민준", "우리 아이 선생님은 좋아요. 이 선생님은 친절해요."),
    ("김민준", "아이씨 하나님"),
    ("Shōhei Ōtani", "Shohei said"), ("Yuki Satō", "sat on the sofa"),
    ("John Moore", "Jon More"),  # "oh" and "oo" fold only the given and family name together
    ("Katarzyna Wiśniewska", "kasia said wisniewska"),  # not side by side
    ("Joanna Nowak", "Asia"),
]


@pytest.mark.parametrize(("name", "text"), FOUND)
def test_the_matcher_finds(name: str, text: str) -> None:
    assert _matcher(name).find(text) == [1], (name, text)


@pytest.mark.parametrize(("name", "text"), NOT_FOUND)
def test_the_matcher_passes(name: str, text: str) -> None:
    if (name, text) in {("Jia Lee", "Pan Lee"), ("John Moore", "Jon More")}:
        # A title with the family name counts, whoever bears it ("Mr Lee" too);
        # "Jon More" is a spelling of John Moore's, as "Jon Moore" is.
        assert _matcher(name).find(text) == [1]
        return
    assert _matcher(name).find(text) == [], (name, text)


_SYLLABLES = ("ko", "so", "to", "yu", "ryu", "sho", "hei", "ta", "ni", "ka", "ji", "ma",
              "ku", "mo", "no", "shu", "ro")
_LONG = {"o": ("ō", ("o", "oh", "ou", "oo")), "u": ("ū", ("u", "uu"))}


@st.composite
def _long_vowel_name(draw: st.DrawFn) -> tuple[str, str]:
    """A Japanese-like name with long vowels (macrons) and one of its spellings."""
    written, spelt = [], []
    for _ in range(2):
        w, s = "", ""
        for syllable in draw(st.lists(st.sampled_from(_SYLLABLES), min_size=2, max_size=3)):
            w, s = w + syllable, s + syllable
            if syllable[-1] in _LONG and w.count("ō") + w.count("ū") < 2 \
                    and draw(st.booleans()):  # two in a word: see vowelspellings.MAX_WORD
                macron, ways = _LONG[syllable[-1]]
                w, s = w[:-1] + macron, s[:-1] + draw(st.sampled_from(ways))
        written.append(w.capitalize())
        spelt.append(s.capitalize())
    return " ".join(written), " ".join(spelt)


@given(_long_vowel_name())
@settings(max_examples=150, deadline=None)
def test_every_long_vowel_spelling_is_found(pair: tuple[str, str]) -> None:
    name, spelt = pair
    assert _matcher(name).find(f"I met {spelt} today") == [1], pair


def test_a_diminutive_alone_is_a_part_near_the_person() -> None:
    assert "kasia" in name_forms("Katarzyna Wiśniewska").parts
    assert "sasha" in name_forms("Aleksandr Sokolov").parts
    assert "asia" not in name_forms("Joanna Nowak").parts  # a word: with the family name only


def test_the_filter_refuses_each(tmp_path: Path) -> None:
    assert_filter_refuses_all(_site(tmp_path / "s", {p: t for p, (t, _) in LEAKS.items()}),
                              tmp_path / "out", {f"content/pages/{p}.md" for p in LEAKS})


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_each(tmp_path: Path) -> None:
    hits = audit_refusals(_site(tmp_path / "s", {p: t for p, (t, _) in LEAKS.items()}),
                          tmp_path / "out")
    for page, (_, who) in LEAKS.items():
        source = f"content/{_note(who)}"
        assert any(out.startswith(f"{page}/") and src == source for out, src in hits), \
            (page, sorted(hits))


@pytest.mark.usefixtures("no_filter")
def test_without_these_readings_it_is_published(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameforms, "titled_forms", lambda family: ())
    monkeypatch.setattr(nameforms, "cjk_titled", lambda name: [])
    monkeypatch.setattr(nameforms, "korean_titled", lambda name: set())
    monkeypatch.setattr(nameforms, "vowel_seqs", lambda name: set())
    monkeypatch.setattr(nameforms, "usual_spellings", lambda name: set())  # R18-03
    monkeypatch.setattr(nameforms, "diminutive_parts", lambda given: [])
    monkeypatch.setattr(nicknamed, "diminutives", lambda given: [])
    # "Yuki Satou" is "Yuki Sato" with a case ending (ivsite.names.inflections): off.
    monkeypatch.setattr(nameforms, "name_pairs", lambda given, family: ())
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())  # "Ohtani"
    other_readings_off(monkeypatch)
    site = _site(tmp_path / "s", {p: t for p, (t, _) in LEAKS.items()})
    out = tmp_path / "out"
    result = build(site, out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(out)
    for page, shown in SHOWN.items():
        assert corpus.find(shown) != [], page


def test_near_misses_are_published(tmp_path: Path) -> None:
    pages = {"a": "Señor, the frying pan is hot. Zhang San is a placeholder.",
             "b": "Lee Chan and Lee Ji-woo spoke. Pan Wei spoke too.",
             "c": "우리 아이 선생님은 좋아요. 이 선생님은 친절해요. 하나님.",
             "d": "Shohei said; we sat on the sofa in Asia with Sasha and Kasia.",
             "e": "The san of it; Katarzyna spoke."}
    site = _site(tmp_path / "s", pages)
    assert_published(site, tmp_path / "out", "frying pan")


@pytest.mark.parametrize("protected", [True, False])
def test_a_diminutive_alone_in_the_persons_own_note_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, protected: bool) -> None:
    """R10-06: "Kasia" on its own in Katarzyna Wiśniewska's own public note;
    published with the diminutive parts switched off."""
    if not protected:
        monkeypatch.setattr(nameforms, "diminutive_parts", lambda given: [])
    front, _ = _talk("Katarzyna Wiśniewska")
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"}, "Welcome.\n"),
        "interviews/2026-03-01-talk.md": ({**front, "visibility": "public"},
                                          "Kasia showed me her studio.\n")})
    result = build(site, out=tmp_path / "out")
    assert result.status == (1 if protected else 0), [d.text() for d in result.diagnostics]
    assert any(d.path == "content/interviews/2026-03-01-talk.md"
               and d.code == "name-without-consent" for d in result.diagnostics) == protected
