"""Numbers said in French, German, Spanish, Italian or Portuguese words, and
written in Chinese or Japanese numerals or Korean digit words, read as digits for
the contact skeleton (ivsite.contacts.skeleton, step 4; red team 10, R10-15).

A number taken down from a call in another language is written as it was said:
"quatre un six cinq cinq cinq zéro un quatre deux", "vier eins sechs fünf …",
"cuatro uno seis …", in pairs ("zéro six, douze, trente-quatre",
"zweiundvierzig", "quarantadue", "treinta y dos", "quarenta e dois"), or in
numerals: "四一六五五五〇一四二", "四十二", "사일육 오오오 공일사이".
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
tree of their beginnings (one scan of the text, cheaper than the English
reading), the numerals are read only in a text that holds one.
"""

from __future__ import annotations

import re

_UNIT_WORDS = {
    "0": "zero cero null",
    "1": "un une eins uno una um uma",
    "2": "deux zwei zwo dos due dois duas",
    "3": "trois drei tres tre",
    "4": "quatre vier cuatro quattro quatro",
    "5": "cinq funf fuenf cinco cinque",
    "6": "six sechs seis sei meia",
    "7": "sept sieben siete sette sete",
    "8": "huit acht ocho otto oito",
    "9": "neuf neun nueve nove",
}
UNITS = {w: d for d, ws in _UNIT_WORDS.items() for w in ws.split()}
"""Digits as words of the five languages (one word may be several languages')."""
_TEEN_WORDS = {
    "10": "dix zehn diez dieci dez",
    "11": "onze elf once undici",
    "12": "douze zwolf doce dodici doze",
    "13": "treize dreizehn trece tredici treze",
    "14": "quatorze vierzehn catorce quattordici catorze",
    "15": "quinze funfzehn quince quindici",
    "16": "seize sechzehn dieciseis sedici dezesseis dezasseis",
    "17": "dix-sept siebzehn diecisiete diciassette dezessete dezassete",
    "18": "dix-huit achtzehn dieciocho diciotto dezoito",
    "19": "dix-neuf neunzehn diecinueve diciannove dezenove dezanove",
    "21": "veintiuno veintiun", "22": "veintidos", "23": "veintitres",
    "24": "veinticuatro", "25": "veinticinco", "26": "veintiseis",
    "27": "veintisiete", "28": "veintiocho", "29": "veintinueve",
}
TEENS = {w: d for d, ws in _TEEN_WORDS.items() for w in ws.split()}
"""Two digits as one word (a hyphenated French one too): ten to nineteen, and
the Spanish twenties."""
_TENS_WORDS = {
    "2": "vingt vingts zwanzig veinte venti vinte",
    "3": "trente dreissig treinta trenta trinta",
    "4": "quarante vierzig cuarenta quaranta quarenta",
    "5": "cinquante funfzig cincuenta cinquanta",
    "6": "soixante sechzig sesenta sessanta",
    "7": "septante siebzig setenta settanta",
    "8": "huitante octante quatre-vingt quatre-vingts achtzig ochenta ottanta oitenta",
    "9": "nonante neunzig noventa novanta",
}
TENS = {w: d for d, ws in _TENS_WORDS.items() for w in ws.split()}
"""The tens, by their first digit ("trente-quatre" 34, "trente" alone 30)."""
_AND = r"(?:[\s\-]+(?:et|y|e|und)[\s\-]+|[\s\-]+)"
"""Between the tens and the unit: "trente-quatre", "treinta y dos", "vingt et un"."""
_GERMAN_TENS = {"zwanzig": "2", "dreissig": "3", "vierzig": "4", "funfzig": "5",
                "sechzig": "6", "siebzig": "7", "achtzig": "8", "neunzig": "9"}
_GERMAN_UNITS = {"ein": "1", "zwei": "2", "drei": "3", "vier": "4", "funf": "5",
                 "sechs": "6", "sieben": "7", "acht": "8", "neun": "9"}
"""German writes the unit, "und" and the tens as one word: "zweiundvierzig"."""
_ITALIAN_TENS = {"vent": "2", "trent": "3", "quarant": "4", "cinquant": "5", "sessant": "6",
                 "settant": "7", "ottant": "8", "novant": "9"}
_ITALIAN_UNITS = {"uno": "1", "due": "2", "tre": "3", "quattro": "4", "cinque": "5",
                  "sei": "6", "sette": "7", "otto": "8", "nove": "9"}
"""Italian writes the tens and the unit as one word: "quarantadue", "ventitre",
"ventotto" (the vowel dropped before a vowel)."""


_TEN_MARK = "\x02"
"""Follows the digit a word of :data:`TENS` is read as, until the unit after it
is known (:func:`_joined`)."""


def _vocabulary() -> dict[str, str]:
    """Every word read, as its digits: units, teens, tens (marked), the glued
    German and Italian tens; hyphenated words also with a space ("dix sept")."""
    out = {**UNITS, **TEENS, **{w: d + _TEN_MARK for w, d in TENS.items()}}
    for unit, u in _GERMAN_UNITS.items():
        out.update((f"{unit}und{tens}", t + u) for tens, t in _GERMAN_TENS.items())
    for tens, t in _ITALIAN_TENS.items():
        out.update((f"{tens}{vowel}{unit}", t + u) for unit, u in _ITALIAN_UNITS.items()
                   for vowel in ("a", "i", ""))
    out.update((w.replace("-", " "), d) for w, d in list(out.items()) if "-" in w)
    return out


VOCABULARY = _vocabulary()


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` as a tree of their common beginnings: one scan
    of the text tries a few letters at each place, not hundreds of words."""
    tree: dict[str, dict[str, object]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict[str, object]]) -> str:
    alts = [re.escape(c) + _branches(sub) for c, sub in sorted(node.items())  # type: ignore[arg-type]
            if c]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
    return f"(?:{body})?" if "" in node else body


_WORD = re.compile(f"(?:{_trie(list(VOCABULARY))})(?![^\\W\\d_])")
"""A word of :data:`VOCABULARY` with no letter after it (the one before it is
looked at by :func:`_read`: a look-behind first would make every place of the
text a start)."""
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
    text = _WORD.sub(_read, text)
    return _JOIN.sub(_joined, text) if _TEN_MARK in text else text


def _read(m: re.Match[str]) -> str:
    start, word = m.start(), m.group(0)
    if start and (m.string[start - 1].isalpha() or m.string[start - 1] == "_"):
        return word
    return VOCABULARY[word]


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
    return text.translate(_CJK)


def _with_ten(m: re.Match[str]) -> str:
    tens, unit = m.group("tens"), m.group("unit")
    return (tens.translate(_CJK) if tens else "1") + (unit.translate(_CJK) if unit else "0")
