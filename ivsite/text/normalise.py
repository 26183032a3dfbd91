"""Text as a reader sees it, not as it is spelt: the one normaliser behind every
name and contact check.

A name is the same name to a reader whether it is written in NFD or NFC, with or
without accents, with a zero-width joiner or a soft hyphen inside, in full-width
letters, as ``Adaeze_Okafor``, ``@AdaezeOkafor``, ``Adaeze%20Okafor`` or
``Adaeze&shy;Okafor``. :func:`fold` turns all of these into the same lower-case
text and :func:`words` into the same words, so the audience filter's name check
and the audit (both through :mod:`ivsite.text.textmatch`) agree on what a name is.

Order matters: entities and percent-escapes are decoded first (they may spell
any of the rest), compatibility forms and format characters go next, accents are
folded before camelCase is split (so ``JoséRamírez`` splits), and case is folded
last (camelCase needs the case).

camelCase is split only in the text searched (:func:`text_words`, which gives
the words both whole and split), never in what is looked for: "McDonald" and
"LinkedIn" must still be found as "mcdonald" and "linkedin". A name written
run together is found through its run-together form (see ivsite.names.people). So
is a letter-spaced one ("J a n e D o e"): the text searched has its runs of
single letters joined as well.

A word broken into syllables by dashes, written in leetspeak or with a
fancy-text letter Unicode has instead of a small capital is searched as read
too (:mod:`ivsite.text.readings`).

Letters of other scripts drawn like Latin ones (``Jɑne``, ``ᎫᎪNᎬ``, ``🅹🅰🅽🅴``)
fold to the Latin letter: a hand table first, then Unicode's confusables
(:mod:`ivsite.text.lookalike_letters`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from . import lookalike_letters, readings
from .asciireadings import ascii_lookalikes
from .escapes import decoded
from .turnedtext import BRAILLE, right_way_up
from .unicodemarks import mark_class

FORMAT_CHARS = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160"
    "\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
"""Characters drawn as nothing, so a name may hide any of them inside: Unicode
category Cf (zero-width space and joiners, soft hyphen, word joiner, BOM, bidi
controls, tags) and the rest of Default_Ignorable_Code_Point (variation
selectors, Khmer inherent vowels, Hangul fillers, the grapheme joiner)."""
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
"""Combining diacritics left by NFKD: 'é' is 'e' + U+0301."""
_LETTERS = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ẞ": "SS", "ı": "i",
    "þ": "th", "Þ": "TH", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T",
    # Latin letters that neither take apart nor have a base letter in their name
    # (see ivsite.text.lookalike_letters for "E WITH STROKE" and the like) nor a
    # look-alike in Unicode's list, but read as that letter
    "ŋ": "n", "Ŋ": "N", "ĸ": "k", "ƅ": "b", "Ƅ": "b",
    # Cyrillic and Greek letters drawn like Latin ones ("Jаnelle" with a Cyrillic а)
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    "ο": "o", "Ο": "O", "α": "a", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H",
    "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "ν": "v", "ρ": "p", "ι": "i", "κ": "k",
    **BRAILLE,  # "⠚⠁⠝⠑" is "jane" (ivsite.text.turnedtext)
})
"""Letters NFKD does not take apart but a reader without the key drops all the same."""
_CAMEL = re.compile(r"[A-Z](?:(?<=[a-z].)|(?=[a-z])(?<=[A-Z].))")
"""A capital that starts a camelCase word ("Jane|Doe", "HTML|Page"). A capital is
rare in text, so a pattern that starts with one scans fast."""
MARK = mark_class()
"""Combining marks: the vowel signs and viramas inside a Devanagari, Tamil,
Gurmukhi or Thai word ("राहुल" is र, ा, ह, ु, ल), which are neither letters nor
digits to Python but part of the word."""
_WORD = re.compile(rf"[^\W_](?:[^\W_]|{MARK})*")
"""Letters and digits with the marks on them: '_', '-', '.', '@', '/' and spaces
all separate words; a vowel sign does not ("राहुल" is one word, red team 7 M2)."""
_WORD_ONLY = re.compile(rf"(?:[^\W\d_]|{MARK})+")
_LEADING_MARKS = re.compile(rf"^{MARK}+")
_MARKS_ON_LATIN = re.compile(rf"(?<=[A-Za-z0-9]){MARK}+")
"""Marks left on a Latin letter or digit once folded (see _fold_run)."""


def is_word(word: str) -> bool:
    """Whether ``word`` is letters and the marks on them (no digits): ``str.isalpha``
    but for words with vowel signs, which it says are not letters."""
    return word.isalpha() or _WORD_ONLY.fullmatch(word) is not None
SPACELESS = re.compile(
    "[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]")
"""Scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar, Khmer,
Japanese kana, Han, Hangul): a name there is found as a substring, not as words."""


SPACELESS_CHARS = SPACELESS.pattern[1:-1] + "\u3005-\u3007\u303b"
"""The letters of :data:`SPACELESS`, and the Japanese iteration and closing marks
("佐々木", "〆"), which stand inside such a word but outside its blocks."""
SPACELESS_WORD = re.compile(f"[{SPACELESS_CHARS}]")
"""One letter of a word of :data:`SPACELESS_CHARS`."""
_SCRIPT_EDGE = re.compile(
    rf"[{SPACELESS_CHARS}](?:{MARK})*(?=[^\W_{SPACELESS_CHARS}])"
    rf"|[^\W_{SPACELESS_CHARS}](?:{MARK})*(?=[{SPACELESS_CHARS}])")
"""The last letter (and its marks) of a run of a script written without spaces
just before a letter or digit of another script, or the reverse: "昨日|Robert
Quinlan|さんと", "คุยกับ|Robert", "rquin@zenthor.example|まで". A Japanese, Chinese
or Thai author puts no space between a foreign name and the particle or
honorific beside it, so a change of script there is where a word ends (red team
14, R14-08, R14-09)."""


def script_edges_spaced(text: str) -> str:
    """``text`` with a space where a script written without spaces meets letters or
    digits of another (see :data:`_SCRIPT_EDGE`): its words are the words a
    reader sees. A spaceless-script name is found in the words run together, so
    the spaces take nothing from it."""
    return _SCRIPT_EDGE.sub(_edge_spaced, text)


def _edge_spaced(m: re.Match[str]) -> str:
    return m.group(0) + " "


def fold(text: str) -> str:
    """``text`` decoded, without format characters and accents, case-folded."""
    return fold_cased(text).casefold()


def fold_cased(text: str) -> str:
    """As :func:`fold`, but for case ("I" and "l" stay apart, camelCase stays)."""
    return _folded(decoded(text))


def _folded(text: str) -> str:
    """Decoded text folded but for case."""
    if not text.isascii():
        # What is left to fold stands in runs of non-ASCII characters (format
        # characters too): fold each run once (a site's pages repeat the same few),
        # not the whole text each time.
        text = _NON_ASCII.sub(_folded_run, unicodedata.normalize("NFKC", text))
    return text


def _folded_run(m: re.Match[str]) -> str:
    start = m.start()
    return _fold_run(m.group(0), start > 0 and m.string[start - 1].isalnum())


@functools.lru_cache(maxsize=1 << 16)
def _fold_run(run: str, after_latin: bool = False) -> str:
    """Format characters and accents off, look-alike letters to Latin (the hand
    table, then Unicode's confusables: see ivsite.text.lookalike_letters); Hangul and kana
    composed again; then every mark on a Latin letter or digit off (``after_latin``:
    the run follows one), as accents are.

    A vowel sign is part of an Indic word (:data:`MARK`), but on a Latin letter it
    is a decoration a reader looks past: kept, "Quentinा Zabrowskiा" on a page
    with words of another script was read as words no name has."""
    run = _MARKS.sub("", unicodedata.normalize("NFKD", FORMAT_CHARS.sub("", run)))
    run = run.translate(_LETTERS)
    if lookalike_letters.MAY_LOOK_LATIN.search(run):
        run = run.translate(lookalike_letters.table())
    run = unicodedata.normalize("NFC", run)
    if after_latin:
        run = _LEADING_MARKS.sub("", run)
    return _MARKS_ON_LATIN.sub("", run)


def words(text: str) -> list[str]:
    """The words of ``text`` after :func:`fold`."""
    return _words(fold(text))


def text_words(text: str) -> tuple[str, str]:
    """``text`` folded but for case, and its words to search as one string, each
    word between single spaces (" jane doe "): as :func:`words`, then, if it has
    camelCase or letters run into digits, a separator no needle spans and the
    words again with those split; then letter-spaced runs joined, then the
    readings of ivsite.text.readings (dashed syllables, leetspeak, fancy-text letters),
    each after a separator.

    Most text is ASCII once folded, or ASCII but for a few symbols (dots, dashes):
    its words are found by ``str.translate`` and ``str.split``, both C loops over
    the text, not by a regular expression; other text by :data:`_WORD`. Words are
    found before case is folded (camelCase needs the case), which finds the same
    words: case folding makes a letter or digit of no character that was not one,
    nor the reverse, but for 28 letters with accents that folding has taken apart
    already (İ, ǰ, ᾷ …: base letter and marks, the marks dropped)."""
    plain = decoded(text)
    cased = _folded(plain)
    spaced = _joined(cased)
    joined = base = _casefold(spaced)
    if _CAMEL.search(spaced) or _DIGIT_EDGE_IN.search(spaced):
        joined += f" {SEPARATOR} " + _casefold(
            _split_at_digits(_CAMEL.sub(r" \g<0>", spaced)))
    if _SPACED_OUT.search(f" {joined} "):
        joined += f" {SEPARATOR} " + _SPACED_OUT.sub(_run_together, f" {joined} ").strip()
    joined += "".join(f" {SEPARATOR} {r}" for r in _other_readings(plain, cased, base))
    return cased, f" {joined} "


def _other_readings(plain: str, cased: str, joined: str) -> list[str]:
    """The words (``joined``) again as a reader may read them, around the words
    read so (ivsite.text.readings): fancy-text letters as the letter they stand for,
    upside-down text the right way up (ivsite.text.turnedtext),
    dashes inside words taken out, ASCII look-alikes, apostrophes and asides
    (ivsite.text.asciireadings), then digits and symbols inside words as
    letters, in the words and in those readings."""
    more = [_casefold(_joined(_folded(part)))
            for part in (*readings.fancy(plain), *right_way_up(plain))]  # "ǝoᗡ ǝuɐſ"
    more += [_casefold(_joined(part)) for part in readings.undashed(cased)]
    more += [_casefold(_joined(part)) for part in ascii_lookalikes(cased)]
    symbols = [_casefold(_joined(part)) for part in readings.symbols_as_digits(cased)]
    every = f" {SEPARATOR} ".join([joined, *more, *symbols])
    return more + readings.as_letters(every, SEPARATOR)


_DIGIT_EDGE = re.compile(r"(?<=[^\W\d_]{3})(?=[0-9])|(?<=[0-9])(?=[^\W\d_]{3})")
"""Where three letters meet digits inside a word: a handle or mailbox with a number
on the name ("quentinzabrowski92", "2026janedoe") is searched split there too, as
camelCase is ("h1", "3px" and "2nd" are not split: no name is in them)."""
_DIGIT_EDGE_IN = re.compile(r"[0-9](?:(?<=[^\W\d_]{3}[0-9])|(?=[^\W\d_]{3}))")
"""Whether a text has a place :data:`_DIGIT_EDGE` splits: found the same, written
to start with a digit, which the regular expression engine scans for eight times
as fast as it tries the look-behind at every place."""
_EDGE_DIGIT = re.compile(r"[0-9](?:(?<=[^\W\d_]{3}[0-9])(?P<before>))?"
                         r"(?:(?=[^\W\d_]{3})(?P<after>))?")
"""Each digit, and whether :data:`_DIGIT_EDGE` splits before or after it: the
split, made from the digits (see :func:`_split_at_digits`)."""


def _split_at_digits(text: str) -> str:
    """``_DIGIT_EDGE.sub(" ", text)``, made several times faster."""
    return _EDGE_DIGIT.sub(_edge, text)


def _edge(m: re.Match[str]) -> str:
    before, after = m.group("before"), m.group("after")
    return f"{' ' if before is not None else ''}{m.group(0)}{' ' if after is not None else ''}"
_SPACED_OUT = re.compile(r" [^\W\d_] [^\W\d_](?: [^\W\d_])+(?= )")
"""Three or more single letters in a row: letter-spaced words ("J a n e  D o e",
"J.a.n.e D.o.e"). Searched run together too ("janedoe", which a name's
run-together form finds), as camelCase is searched split. Where one spaced word
ended (two spaces, a dot and a space) is lost with the separators, so the run is
searched whole. Written to start with a space and spelt out twice (not
"{2,}"): the regular expression engine then scans for it about three times as
fast, and most texts have no such run, so the search reads them whole."""


def _run_together(m: re.Match[str]) -> str:
    return " " + m.group(0).replace(" ", "")


def _casefold(text: str) -> str:
    return text.lower() if text.isascii() else text.casefold()


def _joined(text: str) -> str:
    return " ".join(_words(text))


def _words(folded: str) -> list[str]:
    if not folded.isascii():
        # Symbols (dots, dashes, arrows) are all that keeps most pages from ASCII.
        spaced = _NON_ASCII.sub(_spaced_run, folded)
        if not spaced.isascii():
            return _WORD.findall(script_edges_spaced(folded))
        folded = spaced
    return _spaced(folded).split()


def _spaced(ascii_text: str) -> str:
    """ASCII text with every character but letters and digits made a space."""
    return ascii_text.translate(_SPACES)


def _spaced_run(m: re.Match[str]) -> str:
    return _spaced_symbols(m.group(0))


@functools.lru_cache(maxsize=1 << 16)
def _spaced_symbols(run: str) -> str:
    return "".join(c if c.isalnum() else " " for c in run)


_SPACES = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


SEPARATOR = "\x00"
"""Stands between two word lists searched as one: no word sequence matches across."""

def compact(ws: list[str]) -> str:
    """Words run together: how a spaceless-script name is compared."""
    return "".join(ws)
