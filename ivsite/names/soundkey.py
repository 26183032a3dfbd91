"""A name as it sounds, not as it is spelt: one key for "Dmitry Volkov", "Dmitrij
Wolkow", "Дмитрий Волков", for "Rahul Sharma" and "राहुल शर्मा", for "Mohammed Ali"
and "محمد علي", for "Quentin Zabrowski" and "Квентин Забровски", "Κουέντιν
Ζαμπρόφσκι", "クエンティン・ザブロウスキー".

A name crosses scripts and romanisations by sound, and each crossing spells it anew:
a list of spellings per name misses the next one (red team 6, L2). So both the name
and the text are read the same way: words of other scripts in Latin letters
(``anyascii``, after the Greek letter pairs that stand for one Latin letter, "μπ"
for "b", "ντ" for "d" at a word's start), then each word folded to its consonants
(:func:`word_key`). Vowels go, as every script and romanisation writes them
differently (Arabic and Devanagari often not at all, katakana adds its own);
consonants that romanisations trade are made one ("q", "k", "c" before a back vowel;
"w", "v", "f", "ph"; "z", "s", "sh"; the "h" of "sh", "kh", "th", "dh", "bh" and a
last "h"; a "j" after a vowel, as in "Dmitrij"), a "v" after a vowel is dropped
where no vowel follows (the "ow" of "Zabrowski" that katakana writes as a vowel, the
"-ov" of "Volkov" that is "-ow" in German) and after a "k" (Cyrillic writes "Qu" as
"Кв"), and doubled letters are one. A word that starts with a vowel keeps one mark
for it ("a"), as does an Arabic word that starts with ʿayn or hamza ("Ali", "علي").

A name is found where its given and family name stand as two neighbouring word keys
in the text, either way round, or run together as one word (kana written without the
middle dot), and only across scripts (see :func:`name_sounds`). Short keys would
match prose ("Dana Wills" is "dn vls", as are "down walls"): a name is looked for so
only when each of its two words has at least :data:`MIN_WORD` key letters and both
together :data:`MIN_KEY`.

The text's sound reading is made once per text (ivsite.text.textmatch.Searchable), by
cached mappings: a word's key and a run of another script's Latin reading are each
worked out once per build, and a text in Latin letters alone reuses the words its
ordinary reading found (and is not read by sound at all when every name looked for
is written in Latin letters: ivsite.text.textmatch.Matcher)."""

from __future__ import annotations

import functools
import re
import unicodedata

from anyascii import anyascii

from ..text.escapes import decoded
from ..text.normalise import FORMAT_CHARS, text_words, words
from .nameparts import HONORIFICS, PARTICLES

MIN_WORD = 2
"""Fewer key letters than this in the given or family name: not looked for by sound."""
MIN_KEY = 6
"""Fewer key letters than this in both together: not looked for by sound. A short
name's keys ("Jane Doe": "jn d") match any two words of another script that
romanise alike: a PDF's embedded font read as UTF-16 gave "~jn ~d" twice in
18 KB, and Chinese "金的" reads "jin de" (red team 9 R9-01/02 stay open)."""

_OTHER_SCRIPT = re.compile(
    "[\u0370-\u1dff\u1f00-\u1fff\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af\uff66-\uff9f]")
"""Letters of scripts other than Latin, and Latin letters beyond the common accented
ones (Latin Extended Additional is read by anyascii too): a text without any is
read as its ordinary words (most pages, whose only non-ASCII characters are
dashes, quotes and accented letters)."""
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_GREEK_PAIRS = re.compile(r"(?<![α-ωϊϋς])(?P<start>ντ|γκ)|μπ|γκ|γγ|ου")
_GREEK_SPELT = {"ντ": "d", "γκ": "g"}
"""At a word's start; elsewhere "ντ" stays "nt" ("Κουέντιν"), "γκ" and "γγ" are "ng"."""
_GREEK_INSIDE = {"μπ": "b", "γκ": "ng", "γγ": "ng", "ου": "u"}
_MARKED_START = re.compile(r"(?<![A-Za-z0-9])[`']+(?=[A-Za-z])")
"""ʿayn and hamza (anyascii's "`" and "'") at a word's start: a vowel there in Latin."""


def latin_words(raw: str, cased: str) -> list[str] | None:
    """The words of ``raw`` read in Latin letters, case-folded; ``None`` when it has
    no letters of another script (its words are then those ivsite.text.normalise.text_words
    reads). ``cased``: the text decoded and folded (Searchable.cased), which holds
    another script's letters that an escape spelt (``&#1044;``, ``%D0%94``), all
    but those drawn like Latin ones: decoding a page again costs more than the rest
    of the sound reading."""
    if all(text.isascii() or not _OTHER_SCRIPT.search(text) for text in (raw, cased)):
        return None
    return text_words(latin(decoded(raw)))[1].split()


def latin(text: str) -> str:
    """``text`` with each run of non-ASCII characters read in Latin letters."""
    text = unicodedata.normalize("NFKC", text)
    return _NON_ASCII.sub(lambda m: _latin_run(m.group(0)), text)


@functools.lru_cache(maxsize=1 << 16)
def _latin_run(run: str) -> str:
    run = FORMAT_CHARS.sub("", run)
    if _GREEK.search(run):
        run = _GREEK_PAIRS.sub(_greek_pair, _W_START.sub("w", _unaccented(run).lower()))
    else:
        run = _W_START.sub("w", run)
    out = _MARKED_START.sub("a", anyascii(run))
    return out.replace("`", "").replace("'", "")


_W_START = re.compile("(?<![^\\W\\d_])(?:[\u0423\u0443](?=[\u0418\u0438\u041e\u043e\u0410\u0430"
                      "\u042d\u044d\u0415\u0435])|\u03b3\u03bf\u03c5(?=[\u03b1\u03b5\u03b7\u03b9\u03bf\u03c9]))")
"""An English "W" as Russian and Greek write it at a word's start: "у" before a
vowel ("Уильямс", "Уилсон"), "γου" before a vowel ("Γουίλιαμς", "Γουίλσον"): read
"w", so that their keys are those of "Williams" and "Wilson" (red team 7 M1). Only
another script's words are read so (a word in Latin letters is never read here)."""


def _greek_pair(m: re.Match[str]) -> str:
    pair = m.group(0)
    return _GREEK_SPELT[pair] if m.group("start") else _GREEK_INSIDE[pair]


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c))


_VOWEL = "aeiouy"
_FOLDS = [
    (re.compile(r"dzh|dj"), "j"),              # "Джейн" read "Dzheyn" is "Jane"
    (re.compile(r"ph"), "f"),
    (re.compile(r"c(?=[eiy])"), "s"),          # "Vincent", "Cecilia"
    (re.compile(r"(?<=[bcdgjkpstz])h|h$"), ""),  # sh, ch, kh, th, zh, gh, bh; "Sarah"
    (re.compile(r"(?<=[aeiouy])j"), ""),       # "Dmitrij", "Sergej": a vowel
    (re.compile(r"[ckq]+"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"[wf]"), "v"),
    (re.compile(r"z"), "s"),
    (re.compile(r"([a-z])\1+"), r"\1"),      # "Volkoff" before the "v" after a vowel
    (re.compile(r"(?<=k)v"), ""),               # "Quentin" is "Kventin" in Cyrillic
    (re.compile(r"(?<=[aeiouy])v(?![aeiouy])"), ""),  # "Zabrowski", "Volkov", "Wolkow"
    (re.compile(r"[aeiouy]+"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]


def word_key(word: str) -> str:
    """A folded word's consonants, as :mod:`this module <ivsite.names.soundkey>` says;
    a word that is not Latin letters alone (digits, a separator) as it is."""
    if not (word.isascii() and word.isalpha()):
        return word
    word = word.lower()
    key = word
    for pattern, spelt in _FOLDS:
        key = pattern.sub(spelt, key)
    return ("a" if word[0] in _VOWEL else "") + key


_KEYS: dict[str, str] = {}
"""Every word's key worked out so far: a text's words are looked up in it by C-level
set and map calls (a bounded cache's bookkeeping cost more than the rest of the
sound reading together)."""
MAX_KEYS = 1 << 18
"""Past this many words the table starts again (a long-running preview server)."""


OTHER = "~"
"""Marks the key of a word the text wrote in another script."""


def text_keys(ws: list[str], latin_ws: list[str] | None = None) -> str:
    """A text's word keys, each between single spaces (as Searchable.joined): of
    ``latin_ws`` when the text has another script's letters (see latin_words), the
    key of each word that is not one of its ordinary words ``ws`` marked with
    :data:`OTHER`."""
    read = ws if latin_ws is None else latin_ws
    missing = set(read).difference(_KEYS)
    if missing:
        if len(_KEYS) + len(missing) > MAX_KEYS:
            _KEYS.clear()
            missing = set(read)
        _KEYS.update((w, word_key(w)) for w in missing)
    if latin_ws is None:
        return " " + " ".join(map(_KEYS.__getitem__, ws)) + " "
    own = set(ws)
    return " " + " ".join(_KEYS[w] if w in own else OTHER + _KEYS[w] for w in latin_ws) + " "


def name_sounds(name: str) -> list[tuple[str, ...]]:
    """The key sequences that find ``name`` by sound: given and family name either
    way round and run together; none where they are too short (see MIN_KEY).
    ``name`` is without titles, suffixes or asides (ivsite.names.nameparts.plain_name).

    Only across scripts: a name written in Latin letters is found by sound where
    the text writes one of its words in another script (:data:`OTHER`), a name in
    another script in any text. Two names in Latin letters that sound alike are
    mostly two people ("Kiri Kristiansen", "Keira Christiansen"), and among a
    thousand names a pair of ordinary words sounds like one ("copper dingo",
    "Dong Kapoor"): their spellings are left to the spelt forms."""
    other = bool(_OTHER_SCRIPT.search(name))
    ws = [w for w in words(latin(decoded(name))) if w not in PARTICLES]
    while len(ws) > 2 and ws[0] in HONORIFICS:
        ws = ws[1:]
    if len(ws) < 2 or not all(w.isalpha() for w in (ws[0], ws[-1])):
        return []
    given, family = word_key(ws[0]), word_key(ws[-1])
    if min(len(given), len(family)) < MIN_WORD or len(given) + len(family) < MIN_KEY:
        return []
    marked = [(a, b) for a in ("", OTHER) for b in ("", OTHER) if other or a or b]
    run = [OTHER + word_key(ws[0] + ws[-1])] + ([word_key(ws[0] + ws[-1])] if other else [])
    return [*((a + given, b + family) for a, b in marked),
            *((a + family, b + given) for a, b in marked), *((r,) for r in run)]
