"""A kana name in Hepburn as it is written in English text (red team 18, R18-03).

``anyascii`` writes a long vowel as kana spell it: さとう as "satou", おおの as
"oono", ゆうこ as "yuuko". Passports and English text write Hepburn, which
drops the length ("Sato", "Ono", "Yuko"), marks it with a macron ("Satō", folded
to "sato" before names are matched) or spells it "oh" ("Satoh", "Ohno"). So a
kana name is looked for in each of those spellings too, every long vowel of
the name one way (a name mixing them is rare, and each mix more to look for).
"""

from __future__ import annotations

import re

_LONG = re.compile(r"ou|oo|uu|aa|ii|ee")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_OH = {"ou": "oh", "oo": "oh"}


def is_kana(text: str) -> bool:
    """Whether ``text`` is written in kana (a Japanese name without kanji)."""
    return bool(_KANA.search(text))


def hepburn(word: str) -> set[str]:
    """``word`` (romanised kana) with its long vowels shortened, and with
    ``ou``/``oo`` as "oh"; without itself, and empty when it has none."""
    if not _LONG.search(word):
        return set()
    short = _LONG.sub(lambda m: m.group()[0], word)
    oh = _LONG.sub(lambda m: _OH.get(m.group(), m.group()[0]), word)
    return {short, oh} - {word}
