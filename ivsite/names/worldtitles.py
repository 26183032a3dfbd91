"""Titles and honorifics of other languages with a family name: "Señor Zabrowski",
"Pan Zabrowski", "Zabrowski-san", "山田さん", "王先生", "김 선생님" (red team 10,
R10-14 and R10-24).

A title with the family name names a person as surely as "Mr Zabrowski" does
(ivsite.nameparts.HONORIFICS, looked for anywhere by ivsite.nameforms), and
Japanese, Chinese and Korean texts refer to a person by family name and
honorific almost every time. These titles are looked for only beside the family
name, never alone, and are kept apart from HONORIFICS: that list is also taken
off the front of a recorded name, and "Pan" is a Chinese family name (Pan Wei).

Where a word is also a syllable of East Asian names ("Zhang San" is Chinese for
John Doe, "Kim Ji-woo", "Jackie Chan"), the honorific after a family name counts
only joined by a hyphen or written in small letters ("Yamada-san", "Yamada san"),
never as a capitalised word ("Lee Chan").
"""

from __future__ import annotations

import re

from ..text.textmatch import Confirmed

TITLES_BEFORE = frozenset({
    "senor", "senora", "senorita", "senhor", "senhora", "signor", "signora", "signorina",
    "sig", "sigra", "pan", "pani", "panna", "pane", "gospodin", "gospozha", "gospodja",
    "meneer", "mevrouw", "dhr", "mevr", "fru", "kyrios", "kyria", "dona", "mademoiselle",
    "ustad", "ustaz", "cik", "encik", "puan"})
"""Spanish, Portuguese, Italian, Polish/Czech, Russian and South Slavic
(romanised), Dutch, Scandinavian, Greek (romanised), Urdu and Malay titles before a family
name. Left out: "Don", "Sayed", "Tuan" (given names: Tuan Nguyen is someone
else than an unconsented Lan Nguyen), "Hr" (a department)."""

SUFFIXES_SPACED = frozenset({
    "sama", "sensei", "senpai", "sempai", "dono", "ssi", "seonsaengnim", "sonsaengnim",
    "sunbae", "xiansheng", "laoshi", "nushi", "hanim", "efendi"})
"""Honorifics after a family name, romanised, that are no syllable of a name."""
SUFFIXES_JOINED = frozenset({"san", "kun", "chan", "nim", "ji", "shi", "bey", "hanum"})
"""Honorifics after a family name that are also syllables of names: only joined by
a hyphen or in small letters."""

CJK_AFTER = ("さん", "さま", "様", "くん", "君", "ちゃん", "先生", "氏", "殿", "先輩",
             "部長", "課長", "社長", "女士", "小姐", "老师", "老師", "教授", "博士",
             "经理", "經理", "太太", "同学", "同學")
"""Japanese and Chinese honorifics written after a family name, without a space."""
KOREAN_AFTER = ("씨", "님", "선생님", "교수님", "선배", "선배님", "사장님", "대표님",
                "박사님", "부장님", "과장님", "팀장님")
"""Korean honorifics after a family name (씨 and 선생님 spaced by the standard
orthography, often written joined)."""
KOREAN_PARTICLES = ("", "은", "는", "이", "가", "을", "를", "의", "께", "께서", "에게",
                    "한테", "과", "와", "도", "만", "이랑", "랑", "하고", "이요", "요")
"""What Korean writes joined after a noun: the honorific's word with each."""
KOREAN_WORDS = frozenset({"이", "나", "오", "구", "지", "하", "우", "도", "주"})
"""Family names that are also words alone ("이 선생님" is "this teacher"): with
a space before the honorific only for 씨."""

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HANGUL = re.compile("[\uac00-\ud7af]+")


def titled_forms(family: tuple[str, ...]) -> tuple[Confirmed, ...]:
    """The folded family name ``family`` with a title of :data:`TITLES_BEFORE`
    before it, an honorific of :data:`SUFFIXES_SPACED` after it, or one of
    :data:`SUFFIXES_JOINED` joined by a hyphen or in small letters: forms whose
    anchor is the family name, so their patterns run only on a text that has it (a
    word sequence per title made a thousand people's names twice as slow to make
    ready). The patterns run on the text as cased (accents folded: "Señor" is
    "Senor"); their ``capital`` group is empty, so no capital is asked for."""
    family_re = r"[\W_]+".join(re.escape(w) for w in family)
    name = (rf"{re.escape(family[0])}(?<![^\W_][\s\S]{{{len(family[0])}}})"
            + family_re[len(re.escape(family[0])):])
    before = "|".join(sorted(TITLES_BEFORE))
    spaced = "|".join(sorted(SUFFIXES_SPACED))
    joined = "|".join(sorted(SUFFIXES_JOINED))
    dash = "[-\u2010\u2011]"
    titled = rf"(?P<capital>)(?<![^\W_])(?:{before})\.?\s+{family_re}(?![^\W_])"
    honoured = (rf"(?P<capital>){name}(?:(?:\s+|{dash})(?:{spaced})(?![^\W_])"
                rf"|(?:{dash}(?:{joined})|\s+(?-i:{joined}))(?![^\W_]|-[^\W_]))")
    # Two forms: the title's runs only where the text has a title word (it starts
    # with none of the name's), the honorific's starts with the family name.
    return (Confirmed(family, titled, gate=TITLES_BEFORE), Confirmed(family, honoured))


def cjk_families(name: str) -> list[str]:
    """The family names a Han name may have: its first written word when spaced
    ("山田 太郎"), else its first one or two characters (a Chinese family name is
    one, a Japanese one mostly two, and no dictionary says where 山田太郎 splits)."""
    written = name.split()
    if len(written) > 1:
        return [written[0]] if _HAN.fullmatch(written[0]) else []
    run = name.strip()
    if not _HAN.fullmatch(run) or len(run) < 2:
        return []
    if len(run) == 2:
        return [run[:1]]
    if len(run) == 3:
        return [run[:1], run[:2]]
    return [run[:2], run[:3]] if len(run) >= 5 else [run[:2]]


def cjk_titled(name: str) -> list[str]:
    """A Han family name with each Japanese or Chinese honorific, as substrings of a
    text's words run together ("山田さん", "王先生")."""
    return [f + h for f in cjk_families(name) for h in CJK_AFTER]


def korean_titled(name: str) -> set[tuple[str, ...]]:
    """A Hangul family name with each honorific, as word sequences: joined or spaced,
    with each particle ("김 선생님", "김선생님은", "김 씨가"). Words, not substrings:
    run together, "아이 선생님" (a child's teacher) holds "이선생님"."""
    written = name.split()
    run = written[0] if len(written) > 1 else name.strip()
    if not _HANGUL.fullmatch(run) or (len(written) == 1 and len(run) < 2):
        return set()
    family = run if len(written) > 1 else run[:1]
    out: set[tuple[str, ...]] = set()
    for h in KOREAN_AFTER:
        for p in KOREAN_PARTICLES:
            out.add((family + h + p,))
            if family not in KOREAN_WORDS or h == "씨":
                out.add((family, h + p))
    return out
