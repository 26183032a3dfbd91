"""Numbers said in other languages' words (French, German, Spanish, Italian,
Portuguese, Dutch, the Nordic languages, Polish, Czech, Russian, Ukrainian,
Turkish … : ivsite.contacts.numberwords), and written in Chinese or Japanese
numerals or Korean digit words, read as digits for the contact skeleton
(ivsite.contacts.skeleton, step 4; red team 10, R10-15; red team 11, R11-12).

A number taken down from a call in another language is written as it was said:
"quatre un six cinq cinq cinq zéro un quatre deux", "vier eins sechs fünf …",
"cuatro uno seis …", in pairs ("zéro six, douze, trente-quatre",
"zweiundvierzig", "quarantadue", "treinta y dos", "quarenta e dois", "сорок
два", "fyrtiotvå"), or in numerals: "四一六五五五〇一四二", "四十二", "사일육 오오오 공일사이".
ivsite.contacts.spokendigits reads the English words; this module reads these after it,
the same way: words standing apart (no letter beside them; a digit may be), the
text already case-folded and its accents taken off (ivsite.text.normalise: "zéro" is
"zero", "dreißig" "dreissig"). Hundreds ("quatre cent seize") are not read, as
in English.

Many of these words are ordinary words too ("un", "once", "due", "sei", "um",
"Otto"). Reading them as digits refuses nothing by itself: a phone is found only
where seven of its own digits follow one another (ivsite.contacts.skeleton.
phone_windows), which prose does not do.

This runs on every page of every build: the words are one pattern shaped as a
tree of their beginnings, tried only after a character no word continues (one
scan of the text, cheaper than the English reading), the numerals are read
only in a text that holds one.
"""

from __future__ import annotations

import re

from ..text.normalise import fold_cased
from ..text.wordtrie import trie
from .numberwords import GLUED, TEENS, TENS, TWO_DIGITS, UNITS

_AND = r"(?:[\s\-]+(?:et|y|e|und)[\s\-]+|[\s\-]+)"
"""Between the tens and the unit: "trente-quatre", "treinta y dos", "vingt et un"."""


def folded(word: str) -> str:
    """A word as the text it is looked for in is folded (ivsite.text.normalise)."""
    return fold_cased(word).casefold()


def _spellings(word: str) -> list[str]:
    """A word of the data folded, with its apostrophe in the ways it is typed
    ("п'ять", "п’ять") and without; a hyphenated word also with a space."""
    forms = [folded(word)]
    forms += [f.replace("'", mark) for f in forms if "'" in f for mark in ("\u2019", "")]
    return forms + [f.replace("-", " ") for f in forms if "-" in f]


def words_by_value(table: dict[str, str], first: int) -> dict[str, str]:
    """Each word of a table of numberwords (slots from ``first`` up, "/" between
    two words for one number) as its number."""
    return {form: str(first + i) for line in table.values()
            for i, slot in enumerate(line.split()) for word in slot.split("/")
            for form in _spellings(word)}


def glued_words() -> dict[str, str]:
    """Every tens and unit written as one word (numberwords.GLUED) as its number."""
    out: dict[str, str] = {}
    for unit_first, joiners, tens, units in GLUED.values():
        for t, tens_slot in enumerate(tens.split(), 2):
            for u, unit_slot in enumerate(units.split(), 1):
                out.update((folded(f"{a}{j}{b}"), f"{t}{u}")
                           for ten in tens_slot.split("/") for unit in unit_slot.split("/")
                           for j in joiners
                           for a, b in [(unit, ten) if unit_first else (ten, unit)])
    return out


_TEN_MARK = "\x02"
"""Follows the digit a word of :data:`TENS` is read as, until the unit after it
is known (:func:`_joined`)."""


def _vocabulary() -> dict[str, str]:
    """Every word read, as its digits: units, teens, tens (marked), the glued tens."""
    return {**words_by_value(UNITS, 0), **words_by_value(TEENS, 10),
            **{w: d + _TEN_MARK for w, d in words_by_value(TENS, 2).items()},
            **{folded(w): d for w, d in TWO_DIGITS.items()}, **glued_words()}


VOCABULARY = _vocabulary()




def reader(vocabulary: dict[str, str]) -> re.Pattern[str]:
    """A word of ``vocabulary`` with no letter before it (group ``apart``: what
    stands there, so that the engine stops only at spaces, punctuation and
    digits, not at every letter that starts a word) nor after it."""
    return re.compile(f"(?P<apart>[\\W\\d])(?:{trie(vocabulary)})(?![^\\W\\d_])")


_WORD = reader(VOCABULARY)
_JOIN = re.compile(rf"(?P<tens>[0-9]){_TEN_MARK}"
                   rf"(?:{_AND}(?P<unit>[0-9]{{1,2}})(?![0-9]|{_TEN_MARK}))?")
"""A tens word (its digit and the mark) and the unit or teen after it, which is
no tens word itself ("achtzig achtzig" is 80 80)."""


_CJK_VALUES = {"0": "〇零○◯", "1": "一壹弌幺", "2": "二两兩贰貳弍", "3": "三叁參弎",
               "4": "四肆", "5": "五伍", "6": "六陆陸", "7": "七柒", "8": "八捌", "9": "九玖"}
"""Chinese and Japanese numerals, the everyday and the formal (banking) ones; 幺
is 1 and 两 2 as said in Chinese phone numbers."""
_CJK = str.maketrans({c: d for d, cs in _CJK_VALUES.items() for c in cs})
_CJK_DIGITS = "".join(_CJK_VALUES.values())
_TEN = re.compile(f"(?P<tens>[{_CJK_DIGITS.lstrip(_CJK_VALUES['0'])}])?[十拾]"
                  f"(?P<unit>[{_CJK_DIGITS}])?")
"""A number with 十 (ten) in it: "四十二" 42, "十二" 12, "四十" 40."""
_HANGUL = str.maketrans("공영일이삼사오육륙칠팔구십", "〇〇一二三四五六六七八九十")
"""Sino-Korean digits in Hangul, as the numerals they are read as ("사십이" 42)."""
_HANGUL_NUMBER = re.compile("(?<![가-힣])[공영일이삼사오육륙칠팔구십]+(?![가-힣])")
"""A Korean word made of digits alone ("사일육 오오오 공일사이"): in a longer word
they are syllables of other words."""
_NUMERAL = re.compile(f"[{_CJK_DIGITS}十拾공영일이삼사오육륙칠팔구십]")


def other_digits(text: str) -> str:
    """``text`` (case-folded, accents off) with each number word of the five
    languages standing apart, and each Chinese or Japanese numeral, as its digits:
    "trente-quatre" is "34", "四十二" "42", "四一六" "416"."""
    if not text.isascii() and _NUMERAL.search(text):
        text = _numerals(text)
    text = _WORD.sub(_read, " " + text)[1:]  # (a space first stands for the start)
    return _JOIN.sub(_joined, text) if _TEN_MARK in text else text


def _read(m: re.Match[str]) -> str:
    apart = m.group("apart")
    return apart + VOCABULARY[m.group(0)[len(apart):]]


def _joined(m: re.Match[str]) -> str:
    """A tens word and the unit after it ("trente-quatre", "vingt et un",
    "soixante-douze", "quatre-vingt-dix-sept") as one number."""
    tens, unit = int(m.group("tens")), m.group("unit")
    if unit is None:
        return f"{tens}0"
    if len(unit) == 2 and not (tens in (6, 8) and unit[0] == "1"):  # only 60, 80 take a teen
        return f"{tens}0{m.group(0)[2:-len(unit)]}{unit}"
    return str(tens * 10 + int(unit))


def _numerals(text: str) -> str:
    text = _HANGUL_NUMBER.sub(lambda m: m.group(0).translate(_HANGUL), text)
    if "十" in text or "拾" in text:
        text = _TEN.sub(_with_ten, text)
    # Only the numerals' runs are translated: a page with one "○" (a status mark
    # of the theme) otherwise went through str.translate's slow path whole.
    return _CJK_RUN.sub(lambda m: m.group(0).translate(_CJK), text)


_CJK_RUN = re.compile(f"[{_CJK_DIGITS}]+")


def _with_ten(m: re.Match[str]) -> str:
    tens, unit = m.group("tens"), m.group("unit")
    return (tens.translate(_CJK) if tens else "1") + (unit.translate(_CJK) if unit else "0")
