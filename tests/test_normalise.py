"""The fast paths of ivsite.text.normalise give exactly what the plain definition gives.

text_words finds words with str.translate and str.split when a text is ASCII (or
ASCII but for symbols), and folds format characters run by run; the reference
here is the definition written the slow, obvious way, one regular expression
over the whole text at each step. The other readings of ivsite.text.readings
(dashes, digits as letters, fancy-text letters) are off here: they are tested in
tests/test_names_readings.py.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ivsite.text import lookalike_letters, normalise
from ivsite.text.escapes import _ESCAPE, _unescape
from ivsite.text.latexaccents import latex_letters
from ivsite.text.normalise import (
    _LETTERS,
    _MARKS,
    FORMAT_CHARS,
    SEPARATOR,
    SPACELESS_CHARS,
    fold,
    text_words,
    words,
)
from ivsite.text.textmatch import Matcher, searchable

_MARK = "[" + "".join(chr(i) for i in range(0x300, 0x30000)
                      if unicodedata.category(chr(i)).startswith("M")) + "]"
"""Every combining mark, asked of unicodedata here (ivsite keeps their ranges)."""
_WORD = re.compile(rf"[^\W_](?:[^\W_]|{_MARK})*")
"""Letters and digits with the marks on them (a vowel sign is part of its word)."""
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_DIGIT_EDGE = re.compile(r"(?<=[^\W\d_]{3})(?=[0-9])|(?<=[0-9])(?=[^\W\d_]{3})")
"""Three letters and a digit meeting: "janedoe92" is searched as "janedoe 92" too."""


def reference_cased(text: str) -> str:
    text = html.unescape(text)
    text = unquote(text)
    text = latex_letters(text)  # "\\.J" is a J with a dot (R11-23), before other escapes
    text = _ESCAPE.sub(_unescape, text)
    text = FORMAT_CHARS.sub("", unicodedata.normalize("NFKC", text))
    text = re.sub(r"[^\x00-\x7f]+", lambda m: unicodedata.normalize("NFC", _MARKS.sub(
        "", unicodedata.normalize("NFKD", m.group(0))).translate(_LETTERS).translate(
            lookalike_letters.table())), text)
    return re.sub(rf"(?<=[A-Za-z0-9]){_MARK}+", "", text)  # a mark on a Latin letter


_SPACELESS = re.compile(f"[{SPACELESS_CHARS}]")


def reference_edged(text: str) -> str:
    """``text`` with a space where a letter or digit of a script written without
    spaces meets one of another script, the marks on a letter going with it."""
    out, last = [], None
    for c in text:
        if c.isalnum():
            spaceless = _SPACELESS.match(c) is not None
            if last is not None and spaceless != last:
                out.append(" ")
            last = spaceless
        elif not re.match(_MARK, c):
            last = None
        out.append(c)
    return "".join(out)


def reference_words(text: str) -> list[str]:
    """As text_words's words: whole, then, with camelCase, split."""
    cased = reference_edged(reference_cased(text))
    ws = _WORD.findall(cased.casefold())
    if re.search(r"[a-z][A-Z]|[A-Z][A-Z][a-z]", cased) or _DIGIT_EDGE.search(cased):
        split = _DIGIT_EDGE.sub(" ", _CAMEL.sub(" ", cased))
        ws += [SEPARATOR, *_WORD.findall(split.casefold())]
    runs = [list(g) for _, g in itertools.groupby(
        ws, lambda w: len(w) == 1 and w.isalpha())]
    if any(len(r) >= 3 and len(r[0]) == 1 and r[0].isalpha() for r in runs):
        ws += [SEPARATOR, *(w for r in runs for w in (
            ["".join(r)] if len(r) >= 3 and len(r[0]) == 1 and r[0].isalpha() else r))]
    return ws


PIECES = st.sampled_from([
    "Jane", "DOE", "jane", "McDonald", "LinkedIn", "HTMLPage", "aB", "ABc", "x", "42",
    " ", "  ", "\n", "\t", "-", "_", ".", "@", "/", "'", "&amp;", "&shy;", "&nbsp;",
    "&#74;", "%20", "%C3%A9", "%", "\\e9 ", "\\u00e9", "\\x4a", "\\", "\u00ad",
    "\u200b", "\u200d", "\u202e", "\ufeff", "\U000e0041", "é", "e\u0301", "É", "ø",
    "ß", "İ", "ı", "ﬁ", "Ｊａｎｅ", "а", "Ѕ", "ο", "●", "·", "—", "…", "→", "’", "“",
    "\u00a0", "\u2003", "ς", "Σ", "ǅ", "Ⅻ", "²", "½", "٣", "김", "민준", "田中", "カタカナ",
    "ไทย", "\u0345", "ᾷ", "\U0001d400", "\x00", "\x1c", "\x85", "\u2028",
    "ɑ", "ȷ", "ո", "ᴊ", "Ꭻ", "ꓙ", "🅹", "🇯", "J a n e", "D.o.e", "a b", "राहुल", "ा", "\U00011038",
])
TEXTS = st.lists(PIECES, max_size=24).map("".join) | st.text(max_size=40)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_text_words_is_the_plain_definition(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(normalise, "_other_readings", lambda *args: [])
        cased, joined = text_words(text)
    assert cased == reference_cased(text)
    assert fold(text) == cased.casefold()
    assert joined == " " + " ".join(reference_words(text)) + " "
    assert words(text) == _WORD.findall(reference_edged(fold(text)))


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.lists(st.lists(PIECES, min_size=1, max_size=3), max_size=6))
def test_a_sequence_is_found_exactly_where_its_words_stand_together(
        text: str, needles: list[list[str]]) -> None:
    seqs = [tuple(words("".join(n))) for n in needles]
    seqs = [s for s in seqs if s]
    ws = reference_words(text)
    expected = {s for s in seqs
                if any(tuple(ws[i:i + len(s)]) == s for i in range(len(ws)))}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(normalise, "_other_readings", lambda *args: [])
        searchable.cache_clear()
        # Words as written: a name read in pieces (ivsite.text.splitwords) is not.
        assert set(Matcher([(s, s) for s in seqs], in_pieces=[]).find(text)) == expected
    searchable.cache_clear()


def _keeps_alnum(c: str) -> bool:
    folded = c.casefold()
    return c.isalnum() == all(x.isalnum() for x in folded) and (
        c.isalnum() or not any(x.isalnum() for x in folded))


def test_words_found_before_case_folding_are_the_words_after() -> None:
    """text_words splits words before folding case: only characters whose case
    folding makes or unmakes a letter or digit could tell, and folding an accent
    has taken every one of them apart before."""
    from ivsite.text.normalise import fold_cased

    changed = [chr(i) for i in range(0x110000) if not _keeps_alnum(chr(i))]
    assert changed  # İ, ǰ, ᾷ …
    for c in changed:
        assert all(_keeps_alnum(x) for x in fold_cased(c)), c


def test_phone_numbers_read_before_case_folding_are_the_same() -> None:
    """Phone numbers are read in text not yet case-folded: case folding changes no
    digit or phone punctuation and makes none."""
    phone = re.compile(r"[0-9\s().\-/\u2010-\u2015\u2212\u00b7\u30fb\ufe58\ufe63\uff0d]")
    for i in range(0x110000):
        c = chr(i)
        if phone.fullmatch(c):
            assert c.casefold() == c, hex(i)
        else:
            assert not any(phone.fullmatch(x) for x in c.casefold()), hex(i)


def test_the_kept_mark_ranges_are_those_unicodedata_gives() -> None:
    from ivsite.text import unicodemarks

    assert unicodemarks.found_ranges() == unicodemarks.mark_ranges()
    if unicodedata.unidata_version == unicodemarks.KEPT_VERSION:
        assert unicodemarks.found_ranges() == unicodemarks.KEPT_RANGES


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab\u00e9\u00df\u0434_ -.09\u0663"), max_size=12))
def test_the_digit_edge_is_found_where_the_split_would_split(text: str) -> None:
    """text_words tests for a place between letters and digits with a pattern that
    starts with the digit (fast): it finds one exactly where the split's pattern does."""
    assert bool(normalise._DIGIT_EDGE_IN.search(text)) == bool(normalise._DIGIT_EDGE.search(text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab\u00e9\u00df\u0434_ -.09\u0663"), max_size=14))
def test_the_split_at_digits_is_the_split_of_the_edge_pattern(text: str) -> None:
    assert normalise._split_at_digits(text) == normalise._DIGIT_EDGE.sub(" ", text)
