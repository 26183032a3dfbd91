"""A full name in the forms a sentence in another language gives it (red team 11,
R11-01): "Anny Kowalskiej" for Anna Kowalska, "Иваном Петровым" for Иван
Петров, "Mikko Virtasen", "Nagy Péterrel", "Ahmet Yılmazla", "ולדני כהן".

Each word of a name is a stem and the endings it may take (the tables of
:mod:`ivsite.names.caseendings`, by the name's script), and the name is found
where two neighbouring words are both forms of its two words, capitalised
(ivsite.text.wordpairs): a word alone ("Anny", "Péterrel") is nobody, and a
full name needs both. Where the name stands given name first and family name
first, both orders are looked for: Hungarian writes "Nagy Péter", and a list
"Kowalskiej Anny".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..text.normalise import fold
from ..text.wordpairs import WordForms, WordPair
from .caseendings import (
    ARABIC_PREFIXES,
    BOTH_CYRILLIC,
    BOTH_LATIN,
    HEBREW_PREFIXES,
    LAST_LATIN,
    Rules,
)

MIN_STEM = 2
"""A stem shorter than this ("A" of "Ada" less its "-a") takes no endings."""
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_HEBREW = re.compile("[\u0590-\u05ff]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[a-z]+")
_DOUBLED = re.compile(r"(.*)([kptgbd])\2([aeiouy])")
"""A Finnish name with a doubled stop before its last vowel ("Mikko"), which one
stop stands for in most cases ("Mikon", "Mikolle")."""
_WEAK = frozenset(("n", "lle", "lla", "lta", "ssa", "sta", "ksi", "t"))
_ASSIMILATED = frozenset(("al", "el"))
"""Hungarian "with" after a consonant, which it doubles: Péterrel, Naggyal."""
_SOFTENED = frozenset(("in", "un", "i", "u", "a", "e"))
"""Turkish endings after a final t, p or k softened to d, b, ğ (Ahmedin)."""
_SOFT = {"t": "d", "p": "b", "k": "g"}


@functools.lru_cache(maxsize=1 << 12)
def name_pairs(given: str, family: str) -> tuple[WordPair, ...]:
    """The pairs that find the name ``given family`` (each as written, one word)
    inflected, in either order; none for a word of a script it has no table for."""
    a, b = _forms(given), _forms(family)
    if a is None or b is None:
        return ()
    return tuple(WordPair(first.words(), second) for first, second in
                 ((a[0], b[1]), (b[0], a[1])) if len(first.stems) > 1 or len(second.stems) > 1)


@functools.lru_cache(maxsize=1 << 12)
def _forms(word: str) -> tuple[WordForms, WordForms] | None:
    """The forms of ``word`` as a name's first word and as its last."""
    low = word.lower()
    if _CYRILLIC.search(low):
        # Folding makes some capitals Latin look-alikes ("В" "b", "Н" "h") and not
        # their small letters: "Вадимом" and "ВАДИМОМ" fold otherwise than "вадимом".
        both = WordForms(tuple(stem for cased in (str.lower, str.capitalize, str.upper)
                               for stem in _declined(low, BOTH_CYRILLIC, cased).stems))
        return both, both
    if _HEBREW.search(low) or _ARABIC.search(low):
        prefixes = HEBREW_PREFIXES if _HEBREW.search(low) else ARABIC_PREFIXES
        folded = fold(low)
        first = WordForms(((folded, frozenset({""})),
                           *((fold(p), frozenset({folded})) for p in prefixes)))
        return first, WordForms(((folded, frozenset({""})),))
    folded = fold(low)
    if not _LATIN.fullmatch(folded):
        return None
    both = _declined(folded, BOTH_LATIN)
    return both, WordForms((*both.stems, *_declined(folded, LAST_LATIN).stems, *_changed(folded)))


def _declined(word: str, rules: Rules, cased: Callable[[str], str] = str.lower) -> WordForms:
    """``word`` (in small letters) as it stands, and each stem a rule leaves with
    that rule's endings, written ``cased`` and folded."""
    stems: list[tuple[str, frozenset[str]]] = [(fold(cased(word)), frozenset({""}))]
    for nominative, endings in rules:
        stem = word[:len(word) - len(nominative)]
        if word.endswith(nominative) and len(stem) >= MIN_STEM:
            stems.append((fold(cased(stem)),
                          _endings(endings, upper=cased is str.upper)))
    return WordForms(tuple(stems))


@functools.lru_cache(maxsize=64)
def _endings(endings: tuple[str, ...], upper: bool = False) -> frozenset[str]:
    """A rule's endings folded (written in capitals first where ``upper``), one
    set per rule (every name shares it)."""
    return frozenset(fold(e.upper() if upper else e) for e in endings)


def _changed(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Stems the last word takes with a changed consonant: Finnish "Mikon",
    Hungarian "Péterrel" and "Naggyal", Turkish "Ahmedin"."""
    out: list[tuple[str, frozenset[str]]] = []
    if m := _DOUBLED.fullmatch(word):
        out.append((m[1] + m[2] + m[3], _WEAK))
    if word[-1:] not in "aeiouy":
        digraph = word[-2:] if word[-2:] in ("gy", "ny", "ly", "ty", "sz", "cs", "zs") else ""
        doubled = word[:-2] + digraph[0] + digraph if digraph else word + word[-1]
        out.append((doubled, _ASSIMILATED))
    if word[-1:] in _SOFT:
        out.append((word[:-1] + _SOFT[word[-1]], _SOFTENED))
    return tuple(out)


@functools.lru_cache(maxsize=1 << 12)
def part_forms(part: str) -> frozenset[str]:
    """A given or family name alone, declined ("Zabrowskiego", "Anny") or with a
    Germanic "-s" ("the Zabrowskis", "Müllers"), itself aside: found near the
    person, where capitalised (R11-01). Not with the endings of the last word of
    a full name (Finnish, Hungarian, Turkish: a hundred forms, each a needle of
    every note near the person), which the full name's pairs have."""
    forms = _forms(part)
    if forms is None:
        return frozenset()
    folded = fold(part)
    return (forms[0].words() | {folded + e for e in _GENITIVES}) - {folded}


_GENITIVES = ("s", "es")


def as_written(name: str, ws: list[str], core: list[str]) -> tuple[str, str]:
    """The first and last word of the name's ``core`` as ``name`` writes them (a
    Cyrillic name's endings are read in its own letters, which folding mixes with
    Latin look-alikes), or folded where its words do not line up."""
    letters = _LETTER_RUNS.findall(name)
    if len(letters) == len(ws):
        return letters[len(ws) - len(core)], letters[-1]
    return core[0], core[-1]


_LETTER_RUNS = re.compile(r"[^\W\d_]+")
