"""Red team 3, H4, H5, H9, H10 and H22: letters a reader reads as the name.

H4: an invisible character inside a name, email or phone (variation selectors,
Khmer inherent vowels, Hangul fillers: Default_Ignorable_Code_Point, not only
category Cf) is taken out before matching. H5: a modifier letter drawn as an
apostrophe ("Siobhan OʼBrien") is an apostrophe. H22: a Latin letter with a bar,
stroke or hook ("Quɇntin Zaƀrowski") is its base letter. H9: "Aasa Bjoernstad"
and "Djordje Petrovic" are spellings of Åsa Bjørnstad and Đorđe Petrović. H10:
김민준 is "Minjun Kim", Γιώργος Παπαδόπουλος "Giorgos Papadopoulos", 王晓明
is 王曉明 (Traditional characters, ivsite.names.chinese_forms).

All of it is in the one folding and romanising code (ivsite.text.normalise,
ivsite.text.lookalike_letters, ivsite.names.romanise) that the filter's name check and the
audit share: each spelling is refused by the filter, fails the build on the
audit alone, and gets through when its protection is switched off.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, write_site
from test_spellings import audit_fails, refused

from ivsite.audience import stage as audience
from ivsite.names import nameforms, people, romanise
from ivsite.pipeline import build
from ivsite.text import lookalike_letters, normalise, splitwords
from ivsite.validate import note as validatenote

QUENTIN = "Quentin Zabrowski"
INVISIBLE = ["\ufe00", "\ufe0f", "\U000e0100", "\u17b4", "\u17b5", "\u3164", "\u180f"]
APOSTROPHES = ["ʼ", "ʻ", "ʹ", "ˈ", "ꞌ", "\u0374"]
WITH_STROKE = {"ɇ": "Quɇntin Zabrowski", "ƀ": "Quentin Zaƀrowski", "ɨ": "Quentɨn Zabrowski",
               "ʉ": "Qʉentin Zabrowski", "Ƶ": "Quentin Ƶabrowski", "ɼ": "Quentin Zabɼowski",
               "ꞑ": "Quentiꞑ Zabrowski", "ⱺ": "Quentin Zabrⱺwski"}
NOT_NAMED = {"ŋ": "Quentiŋ Zabrowski", "ĸ": "Quentin Zabrowsĸi", "ƅ": "Quentin Zaƅrowski"}
NORDIC = [("Åsa Bjørnstad", "Aasa Bjoernstad"), ("Åsa Bjørnstad", "Aasa Bjornstad"),
          ("Åsa Bjørnstad", "Åsa Bjoernstad"), ("Søren Kierkegaard", "Soeren Kierkegaard"),
          ("Đorđe Petrović", "Djordje Petrovic")]
KOREAN = [("김민준", "Minjun Kim"), ("김민준", "Kim Min-jun"), ("김민준", "Kim Min Jun"),
          ("박서연", "Seoyeon Park"), ("이지은", "Lee Jieun")]
CHINESE = [("王晓明", "王曉明"), ("王曉明", "王晓明")]
GREEK = [("Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos"),
         ("Ευάγγελος Βενιζέλος", "Evangelos Venizelos")]


@pytest.fixture(autouse=True)
def fresh_tables() -> Iterator[None]:
    """Folding and the look-alike table are cached: start and end without them."""
    normalise._fold_run.cache_clear()
    lookalike_letters.table.cache_clear()
    yield
    normalise._fold_run.cache_clear()
    lookalike_letters.table.cache_clear()


def found(name: str, text: str) -> bool:
    return bool(people.matcher_of([("unconsented name", name, 1)]).find(text))


# --------------------------------------------------------------------------- H4


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_an_invisible_character_inside_a_name_is_refused(
        tmp_path: Path, mark: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A variation selector after a Latin letter is refused before the name check
    # (invisible-text, red team 12 R12-02); this is the name check's test.
    monkeypatch.setattr(validatenote, "invisible_data", lambda *args: False)
    assert refused(tmp_path, QUENTIN, f"Quen{mark}tin Zabrowski")


def test_an_invisible_character_fails_the_audit_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert audit_fails(tmp_path, monkeypatch, QUENTIN, "Quen\ufe0ftin Zabrowski")


def test_without_taking_them_out_the_name_gets_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalise, "FORMAT_CHARS", re.compile("(?!)"))
    # U+FE0F is a mark too, which folding takes off a Latin letter as well.
    monkeypatch.setattr(normalise, "_LEADING_MARKS", re.compile("(?!)"))
    monkeypatch.setattr(normalise, "_MARKS_ON_LATIN", re.compile("(?!)"))
    # The two pieces left are joined as split words too (ivsite.text.splitwords).
    monkeypatch.setattr(splitwords.SplitWords, "reading", lambda self, joined: None)
    assert not refused(tmp_path, QUENTIN, "Quen\ufe0ftin Zabrowski")


def _ignorable(code: int) -> bool:
    """Default_Ignorable_Code_Point as far as the character database shows it:
    format characters, variation selectors, Hangul fillers (the Khmer inherent vowels,
    U+034F and the unassigned ones are listed by number in the property)."""
    char = chr(code)
    name = unicodedata.name(char, "")
    return (unicodedata.category(char) == "Cf" and code not in range(0x0600, 0x0606)
            and code not in range(0xFFF9, 0xFFFC) and code not in range(0x13430, 0x13440)
            ) or "VARIATION SELECTOR" in name or re.fullmatch(r"HANGUL.* FILLER", name) is not None


def test_every_ignorable_character_is_taken_out() -> None:
    codes = [c for c in (*range(0x20000), *range(0xE0000, 0xE1000)) if _ignorable(c)]
    assert len(codes) > 400
    assert [hex(c) for c in codes if normalise.fold(f"jane{chr(c)}doe") != "janedoe"] == []


def test_an_invisible_character_does_not_hide_contact_details(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"},
                           "Write to qz@ac\ufe0fme.example or call +1 416 555 01\ufe0f99.\n"),
        "interviews/a.md": ({"date": "2026-01-01", "visibility": "private",
                             "alias": "an engineer",
                             "person": {"name": QUENTIN, "email": "qz@acme.example",
                                        "phone": "+1 416 555 0199"},
                             "consent": {"publish_name": False}}, "Hi.\n"),
    })
    result = build(site, out=tmp_path / "out")
    assert result.status == 1
    assert {d.code for d in result.diagnostics} >= {"contact-in-text"}, \
        [d.text() for d in result.diagnostics]


# --------------------------------------------------------------------------- H5


@pytest.mark.parametrize("mark", APOSTROPHES, ids=[f"U+{ord(c):04X}" for c in APOSTROPHES])
def test_a_modifier_apostrophe_is_an_apostrophe(tmp_path: Path, mark: str) -> None:
    assert refused(tmp_path, "Siobhan O'Brien", f"Siobhan O{mark}Brien")


def test_a_modifier_apostrophe_fails_the_audit_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert audit_fails(tmp_path, monkeypatch, "Siobhan O'Brien", "Siobhan OʼBrien")


def test_without_the_apostrophe_look_alikes_the_name_gets_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookalike_letters, "_reaches", lambda *args: False)
    # "oʼbrien" is one letter from "obrien", a typo's reach (ivsite.names.typoforms): off.
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())
    assert not refused(tmp_path, "Siobhan O'Brien", "Siobhan OʼBrien")


def test_a_name_written_with_one_is_found_with_the_ascii_apostrophe() -> None:
    assert found("Siobhan OʼBrien", "Siobhan O'Brien")
    assert found("Siobhan OʼBrien", "Siobhan Obrien")
    assert not found("Siobhan OʼBrien", "Siobhan Brie")


# --------------------------------------------------------------------------- H22


@pytest.mark.parametrize("spelt", [*WITH_STROKE.values(), *NOT_NAMED.values()],
                         ids=[*WITH_STROKE, *NOT_NAMED])
def test_a_latin_letter_with_a_stroke_is_its_base_letter(tmp_path: Path, spelt: str) -> None:
    assert refused(tmp_path, QUENTIN, spelt)


def test_a_stroked_letter_fails_the_audit_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert audit_fails(tmp_path, monkeypatch, QUENTIN, "Quɇntin Zaƀrowski")


def test_without_the_letter_names_a_stroked_letter_gets_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookalike_letters, "_WITH", re.compile("(?!)"))
    assert not refused(tmp_path, QUENTIN, "Quɇntin Zaƀrowski")


_LATIN_WITH = [c for c in map(chr, range(0x80, 0x2C80))
               if len(unicodedata.normalize("NFKD", c)) == 1
               and re.fullmatch(r"LATIN (SMALL|CAPITAL) LETTER [A-Z] (WITH|BAR)\b.*",
                                unicodedata.name(c, ""))]


def test_every_latin_letter_named_with_a_base_letter_folds_to_one() -> None:
    """To its base letter, or to the letter Unicode's confusables say it looks like
    ("ʋ", V WITH HOOK, is drawn as "u")."""
    assert len(_LATIN_WITH) > 50
    folded = {c: normalise.fold(c) for c in _LATIN_WITH}
    assert [c for c, f in folded.items() if not (f.isascii() and f.isalpha() and len(f) == 1)
            ] == []
    assert len([c for c, f in folded.items() if f != unicodedata.name(c).split()[3].lower()]
               ) <= 3


# --------------------------------------------------------------------------- H9


@pytest.mark.parametrize(("name", "spelt"), NORDIC)
def test_a_nordic_or_south_slavic_spelling_is_refused(tmp_path: Path, name: str,
                                                      spelt: str) -> None:
    assert refused(tmp_path, name, spelt)


def test_a_nordic_spelling_fails_the_audit_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert audit_fails(tmp_path, monkeypatch, "Åsa Bjørnstad", "Aasa Bjoernstad")


@pytest.mark.parametrize(("name", "spelt"), NORDIC)
def test_without_spelling_out_the_letters_it_gets_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, spelt: str) -> None:
    monkeypatch.setattr(romanise, "_spelt_out", lambda name: [])
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())  # (a typo's reach)
    # The sound keys (ivsite.names.soundkey, test_names_sounds) find these on their own:
    # off, so that this shows the spelt-out letters are what finds them.
    monkeypatch.setattr(nameforms, "name_sounds", lambda name: [])
    assert not refused(tmp_path, name, spelt)


_SPELLABLE = st.sampled_from(sorted(romanise._SPELT_OUT))


@settings(deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["b", "j", "rn", "st", "k"]), _SPELLABLE,
                          st.booleans()), min_size=1, max_size=4, unique_by=lambda p: p[1]))
def test_every_mix_of_spellings_is_found(parts: list[tuple[str, str, bool]]) -> None:
    """A name with up to four such letters, each written spelt out or plain."""
    name = "Ola " + "".join(f"{c}{letter}" for c, letter, _ in parts) + "n"
    spelt = "Ola " + "".join(
        f"{c}{romanise._SPELT_OUT[letter] if out else normalise.fold(letter)}"
        for c, letter, out in parts) + "n"
    assert found(name, spelt)


# --------------------------------------------------------------------------- H10


@pytest.mark.parametrize(("name", "spelt"), [*KOREAN, *GREEK, *CHINESE])
def test_a_korean_or_greek_name_as_written_in_english_is_refused(
        tmp_path: Path, name: str, spelt: str) -> None:
    assert refused(tmp_path, name, spelt)


@pytest.mark.parametrize(("name", "spelt"), [KOREAN[0], GREEK[0], CHINESE[0]])
def test_it_fails_the_audit_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  name: str, spelt: str) -> None:
    assert audit_fails(tmp_path, monkeypatch, name, spelt)


def test_without_the_usual_korean_family_names_it_gets_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(romanise, "KOREAN_SURNAMES", {})
    assert not refused(tmp_path, "김민준", "Minjun Kim")


def test_without_the_greek_letter_pairs_it_gets_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(romanise, "_greek", lambda name: name)
    monkeypatch.setattr(nameforms, "name_sounds", lambda name: [])  # (as above)
    monkeypatch.setattr(nameforms, "typo_pairs", lambda given, family: ())  # (as above)
    assert not refused(tmp_path, "Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos")


def test_without_the_other_chinese_forms_it_gets_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nameforms, "other_forms", lambda name: [])
    assert not refused(tmp_path, "王晓明", "王曉明")


def test_a_family_name_alone_is_not_the_person() -> None:
    """"Kim" and "Lee" are looked for only with the given name."""
    assert not found("김민준", "Kim and Lee met Minjae Park")
    assert not found("Åsa Bjørnstad", "Aasa and Bjoern went")


def test_the_published_page_keeps_other_text(tmp_path: Path) -> None:
    """A site with these letters in consented names and prose still builds."""
    site = write_site(tmp_path / "s", {
        "pages/index.md": ({"title": "Home"},
                           "Hawaiʻi, Åsa Bjørnstad ❤️ and Kim Minjun spoke.\n"),
        "interviews/a.md": ({"date": "2026-01-01", "visibility": "public",
                             "person": {"name": "Åsa Bjørnstad"},
                             "consent": {"publish_name": True}}, "Hi.\n"),
        "interviews/b.md": ({"date": "2026-01-02", "visibility": "public",
                             "person": {"name": "김민준"},
                             "consent": {"publish_name": True}}, "Hi.\n"),
    })
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert OutputCorpus(tmp_path / "out").find("Kim Minjun") != []


def test_the_filter_is_what_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``refused`` reads the filter's diagnostics: with its name check off, none."""
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    assert not refused(tmp_path, QUENTIN, "Quɇntin Zabrowski")
