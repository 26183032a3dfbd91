"""A name as it is written in Latin letters: ``Иван Петров`` as "Ivan Petrov",
``王小明`` as "Wang Xiaoming", ``Jürgen Müller`` as "Juergen Mueller".

People with Cyrillic, Greek, Han or Hangul names are written in Latin letters in
file names, URLs and most English text, so each romanisation of a name is looked
for as well as the name (see :func:`ivsite.names.nameforms.name_forms`).

Why ``anyascii``: it covers every script (Han as pinyin syllables, each
capitalised, so a Han name's syllables can be told apart), loads its tables per
Unicode block on first use (importing it costs nothing), is kept up to date and
is ISC-licensed. ``unidecode`` is GPL, which an MIT tool cannot bundle, and
``text-unidecode`` has not been updated since 2019. Some letters have an ASCII
spelling of their own besides the plain one folding gives: German umlauts ("ü"
as "ue"), Nordic "ø" and "å" ("oe", "aa": "Aasa Bjoernstad" for Åsa Bjørnstad,
as passports and email addresses write them) and South Slavic "đ" ("dj":
"Djordje" for Đorđe). Each such letter may be written either way in one name
("Aasa Bjornstad"), so every mix is a spelling. Greek is romanised letter by
letter by ``anyascii`` ("Papadopoylos"); the Greek standard (ELOT 743, what
passports use) writes four pairs of letters as a pair: "ου" as "ou", "αυ" and
"ευ" as "av" and "ev", "γγ" as "ng" ("Papadopoulos", "Evangelos").

A romanisation shorter than :data:`MIN_LETTERS` letters is not looked for: short
ones are common words (李娜, "Li Na", run together is "lina", a given name of
its own). Each romanisation then goes through the name rules as written
(minimum part length, particles); a Han or Hangul name gives word sequences
only, not its syllables alone.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from anyascii import anyascii

from ..text.normalise import SPACELESS, words
from .hangulspell import given_spellings, is_hangul, standard
from .kanaspell import hepburn, is_kana

MIN_LETTERS = 5
"""Fewer letters than this in a romanised name, and it is not looked for."""
_SPELT_OUT = {"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa", "đ": "dj"}
"""Letters with an ASCII spelling of two letters (capitals likewise, capitalised)."""
_GREEK_PAIRS = {"ου": "ou", "αυ": "av", "ευ": "ev", "γγ": "ng"}
_GREEK = re.compile("|".join(_GREEK_PAIRS), re.I)
MAX_MIXES = 4
"""At most this many such letters in a name are spelt each way apart (2**4 spellings);
past that, all one way or all the other."""
_SYLLABLE = re.compile(r"[A-Z][a-z]*|[a-z]+")
_SYLLABLE_RUN = re.compile(r"[^A-Za-z]+")


def romanised(name: str) -> list[str]:
    """Latin spellings of a name in a script written with spaces (Cyrillic,
    Greek, German umlauts …) other than its own after folding; each is a name
    with all the forms of one."""
    if name.isascii() or SPACELESS.search(name):
        return []
    name = unicodedata.normalize("NFC", name)
    own = words(name)
    out: list[str] = []
    for s in (*_spelt_out(name), anyascii(name), anyascii(_greek(name))):
        ws = words(s)
        if ws != own and len("".join(ws)) >= MIN_LETTERS and s not in out:
            out.append(s)
    return out


def _greek(name: str) -> str:
    """``name`` with the pairs of Greek letters ELOT 743 writes as a pair spelt so
    (accents off first: "ού" is "ου")."""
    if not _GREEK.search(bare := _unaccented(name)):
        return name
    return _GREEK.sub(lambda m: _cased(_GREEK_PAIRS[m.group(0).casefold()], m.group(0)), bare)


def _unaccented(text: str) -> str:
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                       if not unicodedata.combining(c)))


def _cased(latin: str, written: str) -> str:
    return latin.upper() if written.isupper() else \
        latin.capitalize() if written[0].isupper() else latin


def _spelt_out(name: str) -> list[str]:
    """``name`` with each mix of its letters of :data:`_SPELT_OUT` spelt out."""
    present = sorted({c for c in name.casefold() if c in _SPELT_OUT})
    mixes = itertools.product((False, True), repeat=len(present)) \
        if len(present) <= MAX_MIXES else [(True,) * len(present)]
    out = []
    for mix in mixes:
        chosen = {c for c, spelt in zip(present, mix, strict=True) if spelt}
        if chosen:
            table: dict[str, str | int | None] = {c: _SPELT_OUT[c] for c in chosen}
            table |= {c.upper(): _SPELT_OUT[c].capitalize() for c in chosen}
            out.append(name.translate(str.maketrans(table)))
    return out


KOREAN_SURNAMES: dict[str, tuple[str, ...]] = {
    "김": ("kim",), "이": ("lee", "yi", "rhee"), "박": ("park", "pak"), "최": ("choi",),
    "정": ("jung", "chung", "jeong"), "강": ("kang",), "조": ("cho", "jo"),
    "윤": ("yoon", "yun"), "장": ("jang", "chang"), "임": ("lim", "im"), "한": ("han",),
    "오": ("oh",), "서": ("seo", "suh"), "신": ("shin",), "권": ("kwon",), "황": ("hwang",),
    "안": ("ahn",), "송": ("song",), "류": ("ryu", "yoo"), "유": ("yoo", "yu"),
    "전": ("jeon", "jun", "chun"), "홍": ("hong",), "고": ("ko", "go"), "문": ("moon",),
    "양": ("yang",), "손": ("son", "sohn"), "배": ("bae",), "백": ("baek", "paik"),
    "허": ("heo", "huh"), "노": ("noh", "roh"), "남": ("nam",), "심": ("shim", "sim"),
    "하": ("ha",), "곽": ("kwak",), "성": ("sung",), "차": ("cha",), "주": ("joo", "ju"),
    "우": ("woo",), "구": ("koo", "gu"), "민": ("min",), "나": ("na", "ra"),
    "진": ("jin",), "지": ("ji",), "엄": ("um", "eom"), "변": ("byun",), "채": ("chae",),
    "원": ("won",), "천": ("chun",), "방": ("bang",), "공": ("kong",), "현": ("hyun",),
}
"""Korean family names as their bearers write them in English ("Kim", "Lee",
"Park"), which is seldom the Revised Romanization anyascii gives ("Gim", "I",
"Bak"): the most common family names and their usual spellings (National
Institute of Korean Language, 2009 survey of surname spellings). No maintained
library carries these; the given name keeps its Revised Romanization."""


def romanised_seqs(name: str) -> set[tuple[str, ...]]:
    """A Han or Hangul name in pinyin or Hangul romanisation, as word sequences:
    family and given name both ways round, the syllables apart and all run
    together ("wang xiaoming", "xiaoming wang", "wang xiao ming", "xiao ming wang",
    "wangxiaoming"); a Korean family name also as it is usually written in English
    (see :data:`KOREAN_SURNAMES`: 김민준 as "Minjun Kim", "Kim Min-jun"). The
    family name is the first written word, or else the first syllable."""
    if not SPACELESS.search(name):
        return set()
    written_words = name.split()
    written = [_SYLLABLE.findall(anyascii(w).replace("'", "")) for w in written_words]
    syllables = [s.lower() for w in written for s in w]
    if len(written) > 1:
        groups = ["".join(w).lower() for w in written if w]
        family, family_syllables = written_words[0], len(written[0])
    else:
        groups = [syllables[0], "".join(syllables[1:])] if len(syllables) > 1 else []
        family, family_syllables = name.strip()[:1], 1
    if len(groups) < 2 or len("".join(groups)) < MIN_LETTERS:
        return set()
    given, given_syllables = groups[1:], syllables[family_syllables:]
    out = {tuple(groups), tuple(reversed(groups)), tuple(syllables), ("".join(groups),)}
    for spelt in (groups[0], *KOREAN_SURNAMES.get(family, ())):
        out |= {(spelt, *given), (*given, spelt), (spelt, *given_syllables),
                (*given_syllables, spelt), (spelt + "".join(given),)}
    return out


def usual_spellings(name: str) -> set[tuple[str, ...]]:
    """A Hangul or kana name as it is usually written in Latin letters besides
    :func:`romanised_seqs`: 박지우 as "Bak Jiu", "Park Jiwoo", "Park Ji-woo"
    (ivsite.names.hangulspell), さとう ゆき as "Yuki Sato", "Satoh Yuki"
    (ivsite.names.kanaspell). Looked for, never a key that makes two notes one
    person: 서연 written "Soyeon" is also how 소연 is written."""
    if is_hangul(name):
        written = name.split()
        family = written[0] if len(written) > 1 else name.strip()[:1]
        rest = "".join(written[1:]) if len(written) > 1 else name.strip()[1:]
        families = dict.fromkeys((*KOREAN_SURNAMES.get(family, ()),
                                  "".join(standard(s) for s in family)))
        out: set[tuple[str, ...]] = set()
        for spelt, given in itertools.product(families, given_spellings(rest)):
            whole = "".join(given)
            if len(spelt + whole) >= MIN_LETTERS:
                out |= {(spelt, whole), (whole, spelt), (spelt, *given), (*given, spelt),
                        (spelt + whole,)}
        return out
    if is_kana(name) and SPACELESS.search(name):
        groups = [_SYLLABLE_RUN.sub("", anyascii(w)).lower() for w in name.split()]
        return _hepburn_seqs(groups) if len(groups) > 1 else set()
    return set()


def _hepburn_seqs(groups: list[str]) -> set[tuple[str, ...]]:
    """A kana name's family and given name with their long vowels as Hepburn
    writes them, each with the other as it stands or written so too."""
    out: set[tuple[str, ...]] = set()
    family, given = groups[0], "".join(groups[1:])
    for f in {family, *hepburn(family)}:
        for g in {given, *hepburn(given)}:
            if (f, g) != (family, given) and len(f + g) >= MIN_LETTERS:
                out |= {(f, g), (g, f), (f + g,)}
    return out


def run_together(run: str) -> str:
    """A Han or Hangul run romanised, its syllables run together ("xiaoming" of
    小明, "minjun" of 민준)."""
    return "".join(_SYLLABLE.findall(anyascii(run).replace("'", ""))).lower()
