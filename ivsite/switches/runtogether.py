"""A privacy word run into other words in one case: ``privatenotes/``,
``mydrafts/``, ``secretstuff/``, ``forprivateuse/``, ``PRIVATENOTES/``.

ivsite.switches.pathprivacy splits a path segment into words on spaces, dashes, dots and
camelCase, so ``PrivateNotes/`` says private; a folder name typed in one case,
with no break at all, had no words to split and was published (red team 8, N9).
So a word of a segment that holds a privacy word of ivsite.switches.lookalike, at its
start, its end or inside it, says private too, unless the rest makes an ordinary
English word of it: an ending (``privateer``, ``drafting``, ``secretary``,
``secretive``, ``privately``, ``internalize``) and a few beginnings
(``overdraft``, ``updraft``, ``deprivation``, ``undrafted``). Anything else
(``mydrafts``, ``hiddengems``) errs towards private, as the rest of the path rule
does: the note is then withheld, and one that says ``visibility: public`` is a
``path-says-private`` error whose hint says to rename the folder.

Only words of five letters or more that ivsite.switches.lookalike matches loosely are read
inside a word: the short and the whole-only ones (``nda``, ``wip``, ``priv``,
``personal``) are inside far too many ordinary words (``agenda``, ``wipe``,
``privilege``, ``personality``). The words of the scripts that write no spaces
between words (Chinese, Japanese, Thai; Korean often) are read inside any word,
whatever their length: ``非公開メモ`` ("not-public memo") is one word to split on
(red team 9, R9-21).

A privacy word of a language that writes compounds as one word counts inside a
word only as the compound's head, where German, Dutch, the Scandinavian languages,
Finnish and Hungarian put it:
at its end (``meineentwürfe``, ``bankgeheimnis``), or before a word a private
folder is named with (``geheimnotizen``, ``privatsachen``, ``vertraulichedokumente``).
Before any other word it names a kind of that word, an ordinary one
(``entwurfsmuster``, design patterns; ``geheimtipps``, insider tips;
``privatwirtschaft``, the private sector; red team 12, R12-16), which no list of
exceptions per language could hold. The word alone, or apart from the others
(``geheim.md``, ``entwurf-notizen.md``, ``GeheimTipps.md``), still says private.
"""

from __future__ import annotations

import functools
import unicodedata

from .lookalike import GERMAN, WHOLE_ONLY, WITHHELD, normalise
from .worldwords import LANGUAGES

_MIN_LETTERS = 5

INSIDE: tuple[str, ...] = tuple(sorted(
    {w for w in WITHHELD if len(w) >= _MIN_LETTERS and w not in WHOLE_ONLY},
    key=len, reverse=True))
"""The privacy words looked for inside a word."""

_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI")


def _unspaced(word: str) -> bool:
    return all(unicodedata.name(ch, "").startswith(_UNSPACED_SCRIPTS) for ch in word)


UNSPACED: tuple[str, ...] = tuple(w for w in WITHHELD if _unspaced(w))
"""The privacy words of scripts written without spaces, looked for in any word."""

ENDINGS = frozenset({
    "", "s", "es", "e", "y", "er", "ers", "eer", "eers", "eering", "ing", "ings", "ed",
    "ee", "ees", "ary", "aries", "ariat", "ariats", "ly", "ily", "ness", "iness", "cy",
    "ive", "ively", "iveness", "ion", "ions", "sman", "smen", "swoman", "swomen",
    "smanship", "ize", "izes", "ized", "izing", "ise", "ises", "ised", "ising",
    "ization", "isation", "ity", "ities", "ist", "ists", "ism", "keit", "idad",
})
"""What may follow a privacy word in one ordinary word: English endings
(``secret|ary``, ``draft|ing``, ``privat|ization``), and the German and Spanish
nouns of a word (``persönlich|keit``, personality; ``confidencial|idad``)."""

_HEAD_LAST = ("Dutch", "Scandinavian", "Finnish", "Hungarian")

COMPOUNDING = frozenset(
    normalise(w) for w in (*GERMAN, *(w for language in _HEAD_LAST for w in LANGUAGES[language]))
) - {"secret", "personal"}
"""The privacy words of the languages that write compounds as one word, head last:
German, Dutch, Scandinavian, Finnish, Hungarian (``secret`` and ``personal`` are
English words too). Other languages do not glue words into one, so their words
run into others are read as English ones are."""

HEAD_ENDINGS = frozenset({"", "s", "e", "en", "n", "er", "es", "ern", "a", "o", "i", "as",
                          "os", "nis", "nisse", "nissen"})
"""What may follow such a word that ends a compound: the plural and case endings
(``entwürfe|n``), and the German noun of ``geheim`` (``geheim|nis``, a secret)."""

LINKS = ("", "s", "es", "e", "en", "n", "er")
"""What joins the parts of a compound (``entwurf|s|muster``, ``vertrauliche|dokumente``)."""

HOLDERS = frozenset({
    "notes", "note", "notizen", "notiz", "notitie", "notities", "anteckningar", "noter",
    "sachen", "sache", "dinge", "kram", "zeug", "stuff", "dateien", "datei", "files", "file",
    "dokumente", "dokument", "docs", "documents", "akten", "akte", "ordner", "folder",
    "mappe", "texte", "text", "seiten", "pages", "projekte", "projekt", "ideen", "gedanken",
    "tagebuch", "journal", "memos", "memo", "infos", "bereich", "stukken", "map",
    "muistiinpanot", "muistio", "muistiot", "jegyzetek", "aantekeningen", "dokumenter",
})
"""Words a private folder is named with, the head of a compound a privacy word of
another language modifies (``geheim|notizen``, ``privat|sachen``)."""


BEGINNINGS = frozenset({"", "over", "up", "down", "back", "de", "un"})
"""What may come before one in an ordinary word: ``over|draft``, ``up|draft``,
``de|privat|ion``, ``un|draft|ed``."""


@functools.lru_cache(maxsize=1 << 12)
def hidden_privacy_word(word: str) -> str | None:
    """The privacy word run into ``word`` (already case-folded, one word of a
    path segment), or None when there is none or the rest makes it an ordinary
    word (see the module's docstring). A privacy word inside a longer one read
    as ordinary is explained by it: ``privat`` in ``private|ly``."""
    unspaced = next((inside for inside in UNSPACED if inside in word), None)
    if unspaced is not None:
        return unspaced
    found = [(start, start + len(inside), inside) for inside in INSIDE
             for start in _places(word, inside)]
    ordinary = [(s, e) for s, e, _ in found if word[:s] in BEGINNINGS and word[e:] in ENDINGS]
    return next((inside for s, e, inside in found
                 if not any(s2 <= s and e <= e2 for s2, e2 in ordinary)
                 and _head(inside, word[e:])), None)


def _head(inside: str, rest: str) -> bool:
    """Whether a privacy word followed by ``rest`` in one word says private: one
    of a language that writes compounds as one word only as the compound's head
    (see the module's docstring), any other always."""
    return inside not in COMPOUNDING or rest in HEAD_ENDINGS or any(
        rest.startswith(link) and rest[len(link):] in HOLDERS for link in LINKS)


def _places(word: str, inside: str) -> list[int]:
    places: list[int] = []
    start = word.find(inside)
    while start >= 0:
        places.append(start)
        start = word.find(inside, start + 1)
    return places
