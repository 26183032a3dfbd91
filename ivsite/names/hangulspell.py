"""A Hangul name in the Latin spellings its bearer and others write (red team
18, R18-03).

``anyascii`` romanises Hangul letter by letter and gives a final consonant as
it is written before a vowel: 박 as "Bag", where the Revised Romanization
(what passports and the rules for names use) writes "Bak" and its bearer
"Park". A given name is seldom written in the strict standard either: 지우 is
"Jiu" in it, but "Ji-woo" or "Jiwoo" on a business card, 서연 "Seoyeon" or
"Suhyun" ... So here a syllable is decomposed (Unicode's Hangul arithmetic) and
romanised by the standard's tables, syllable by syllable as the standard has
names written, and each syllable gets the usual other spellings too: ㅜ as
"oo" (우 as "woo"), ㅓ as "u" or "o", ㅕ as "yu", ㅡ as "u", a first ㄱ ㄷ ㅂ ㅈ
as "k" "t" "p" "ch" (the older McCune-Reischauer). At most :data:`MAX_GIVEN`
spellings of a given name are made, the standard's first.
"""

from __future__ import annotations

import itertools

_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
             "ch", "k", "t", "p", "h")
_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
           "u", "wo", "we", "wi", "yu", "eu", "ui", "i")
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
           "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")
_OTHER_VOWELS = {"u": ("oo",), "eo": ("u", "o"), "yeo": ("yu", "yo"), "eu": ("u",),
                 "ae": ("ai",)}
"""The usual other spellings of a vowel."""
_OTHER_INITIALS = {"g": "k", "d": "t", "b": "p", "j": "ch", "r": "l"}
MAX_GIVEN = 24
_FIRST, _LAST = 0xAC00, 0xD7A3


def is_hangul(text: str) -> bool:
    """Whether ``text`` is Hangul syllables and spaces alone (a Korean name)."""
    letters = text.replace(" ", "")
    return bool(letters) and all(_FIRST <= ord(c) <= _LAST for c in letters)


def _parts(syllable: str) -> tuple[str, str, str]:
    index = ord(syllable) - _FIRST
    return _INITIALS[index // 588], _VOWELS[index % 588 // 28], _FINALS[index % 28]


def standard(syllable: str) -> str:
    """``syllable`` in the Revised Romanization (박 "bak", 우 "u")."""
    return "".join(_parts(syllable))


def spellings(syllable: str) -> tuple[str, ...]:
    """``syllable`` as the standard writes it, then as people often do."""
    first, vowel, last = _parts(syllable)
    firsts = (first, *((_OTHER_INITIALS[first],) if first in _OTHER_INITIALS else ()))
    if not first and vowel == "u":
        firsts = ("", "w")  # 우 as "woo"
    vowels = (vowel, *_OTHER_VOWELS.get(vowel, ()))
    out: list[str] = []
    for f, v in itertools.product(firsts, vowels):
        spelt = f + v + last
        if spelt not in out and spelt != "w" + vowel:
            out.append(spelt)
    return tuple(out)


def given_spellings(given: str) -> list[tuple[str, ...]]:
    """The spellings of a given name, each as its syllables, the standard's first."""
    out: list[tuple[str, ...]] = []
    for combo in itertools.product(*(spellings(s) for s in given if not s.isspace())):
        out.append(combo)
        if len(out) >= MAX_GIVEN:
            break
    return out
