"""Two neighbouring words, each one of many forms: a name inflected, or mistyped.

A Polish author writes "u Anny Kowalskiej" for Anna Kowalska, a Finnish one
"Mikko Virtasen", a Hebrew one "ולדני כהן" (red team 11, R11-01); a hurried one
"Qeuntin Zabrowski" (R11-13). Each word alone is no name ("Anny" is a word of
many a text), and all the pairs of their forms are too many to look for as word
sequences (tens of forms of each word, hundreds of pairs per name). So a
:class:`WordPair` is looked for by its first word's forms, which the text's set
of words is intersected with (a set operation in C), and only where one stands
is the next word checked: one of the other word's forms, or a word one edit from
it (:func:`one_edit`).

Both words must be capitalised as the text is written (a letter of a script
without case counts as a capital): a name is, and "grant prices" or "frank
jokes" in prose are not Grant Price's or Frank Jones's.

A pair of one word is that word alone, capitalised: a name part near the person
declined ("the Zabrowskis"), or one that is an everyday word ("Hope"), which
counts only inside a sentence (R11-17: "I hope so" and "Hope you are well" are
not Hope Diaz).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the engine's own lower case
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _casefix  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Generic, TypeVar

from ..names.nameparts import HONORIFICS
from .datewords import in_date
from .normalise import SEPARATOR

if TYPE_CHECKING:
    from .textmatch import Searchable

T = TypeVar("T")


@dataclass(frozen=True)
class WordForms:
    """The forms of one word: each stem with the endings it takes ("" for the
    stem alone), kept so rather than spelt out (a name's last word has a hundred)."""

    stems: tuple[tuple[str, frozenset[str]], ...]

    @functools.cached_property
    def _by_length(self) -> tuple[tuple[int, dict[str, frozenset[str]]], ...]:
        """The stems by length, each with its endings (the endings of stems spelt
        alike merged): a word is looked up once per length, not once per stem."""
        lengths: dict[int, dict[str, frozenset[str]]] = {}
        for stem, endings in self.stems:
            same = lengths.setdefault(len(stem), {})
            same[stem] = same.get(stem, frozenset()) | endings
        return tuple(sorted(lengths.items()))

    def has(self, word: str) -> bool:
        for n, stems in self._by_length:
            endings = stems.get(word[:n])
            if endings is not None and word[n:] in endings:
                return True
        return False

    def words(self) -> frozenset[str]:
        return frozenset(stem + e for stem, endings in self.stems for e in endings)


NO_FORMS = WordForms(())


@dataclass(frozen=True)
class WordPair:
    """A word of ``anchor`` with, next to it (after it, or before it where
    ``before``), a word of ``other`` or one edit from ``close_to``; with neither, a
    word of ``anchor`` alone, capitalised (a name part declined: "the Zabrowskis";
    one that is also a word, "Hope", inside a sentence alone: ``amid``)."""

    anchor: frozenset[str]
    other: WordForms = NO_FORMS
    close_to: str = ""
    before: bool = False
    amid: bool = False
    """For a word alone: only inside a sentence (see :func:`_capitalised_alone`),
    for a name part that is an everyday word."""


def one_edit(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one letter changed, added or dropped,
    or two neighbouring letters swapped (and not ``target`` itself)."""
    n, m = len(word), len(target)
    if abs(n - m) > 1 or word == target:
        return False
    i = 0
    while i < min(n, m) and word[i] == target[i]:
        i += 1
    if n == m:
        rest = word[i + 1:] == target[i + 1:]
        swapped = (i + 1 < n and word[i] == target[i + 1] and word[i + 1] == target[i]
                   and word[i + 2:] == target[i + 2:])
        return rest or swapped
    return word[i + 1:] == target[i:] if n > m else word[i:] == target[i + 1:]


class PairFinder(Generic[T]):
    """Which of many word pairs stand in a text; each carries a payload. The
    text's words that are anchors are found by intersecting the text's set of
    words (:attr:`Searchable.word_set`, made once per text) with the set of
    anchors, and each is found in the words joined by spaces, where the word
    beside it is read off. (Split afresh for each matcher, a long page read by the
    many matchers of the people it links to cost half its audit at 10,000 notes.)"""

    def __init__(self, pairs: Iterable[tuple[WordPair, T]]) -> None:
        self._index: dict[str, list[tuple[WordPair, T]]] = {}
        for pair, payload in pairs:
            for word in pair.anchor:
                self._index.setdefault(word, []).append((pair, payload))
        self._anchors = frozenset(self._index)

    def __bool__(self) -> bool:
        return bool(self._anchors)

    def find_in(self, text: Searchable) -> list[T]:
        found: dict[int, T] = {}
        joined = text.joined
        for word in sorted(self._anchors.intersection(text.word_set)):
            beside: list[tuple[str, str]] | None = None
            alone: dict[bool, bool] = {}  # (many people share a word: read it once)
            for pair, payload in self._index[word]:
                if id(payload) in found:
                    continue
                if not pair.other.stems and not pair.close_to:
                    if pair.amid not in alone:
                        alone[pair.amid] = _capitalised_alone(word, text.cased, pair.amid)
                    if alone[pair.amid]:
                        found[id(payload)] = payload
                    continue
                if beside is None:
                    beside = _neighbours(joined, word)
                if any(_completes(pair, word, before if pair.before else after, text.cased)
                       for before, after in beside):
                    found[id(payload)] = payload
        return list(found.values())


def _neighbours(joined: str, word: str) -> list[tuple[str, str]]:
    """The words before and after each place of ``word`` in ``joined`` (words
    between single spaces), each once."""
    needle = f" {word} "
    out: set[tuple[str, str]] = set()
    at = joined.find(needle)
    while at >= 0:
        end = at + len(needle)
        stop = joined.find(" ", end)
        out.add((joined[joined.rfind(" ", 0, at) + 1:at],
                 joined[end:stop if stop >= 0 else len(joined)]))
        at = joined.find(needle, end - 1)
    return sorted(out)


def _completes(pair: WordPair, word: str, other: str, cased: str) -> bool:
    """Whether ``other``, beside the anchor ``word``, completes ``pair``."""
    if not other or other == SEPARATOR:
        return False
    if not (pair.other.has(other) or (pair.close_to and one_edit(other, pair.close_to))):
        return False
    return _capitalised(*((other, word) if pair.before else (word, other)), cased)


def _capitalised(first: str, second: str, cased: str) -> bool:
    """Whether ``first`` and ``second`` stand in ``cased`` as neighbouring words,
    neither starting with a small letter."""
    return any(not (a[:1].islower() or b[:1].islower())
               for a, b in _pair_pattern(first, second).findall(cased))


@functools.lru_cache(maxsize=1 << 12)
def _pair_pattern(first: str, second: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_])({re.escape(first)})[\W_]+({re.escape(second)})(?![^\W_])",
                      re.I)


_OPENING = frozenset(".!?:;\n\r\u2026")
_BEFORE_WORD = " \t\"'\u201c\u201d\u2018\u2019\u00ab\u00bb([{*_#>|~-"
"""What may stand between a sentence's opening and its first word: quotes,
brackets, emphasis, a heading's or list's or quote's mark."""


def _capitalised_alone(word: str, cased: str, amid: bool) -> bool:
    """Whether ``word`` stands in ``cased`` capitalised (in a script with case),
    and where ``amid``, inside a sentence: after a word in small letters ("with Hope"), a digit, or
    a mark that does not end one (a comma, a dash). Not where a sentence or line
    opens ("I hope so", "Hope you are well", "It is. Hope so."), nor after a word
    that is capitalised too, where a heading or a table cell runs into the next
    block's first word ("Notes Hope you are well", a page's description), nor a
    month in a date ("12 April 2026", ivsite.text.datewords). After a lead word
    ("Then Frank said") or a title ("Dr. Page"), or before a verb of saying
    ("Mark said", even where a sentence opens), it is a name (red team 13, R13-08)."""
    for m in _word_pattern(word).finditer(cased):
        if m.group(0)[:1].islower():
            continue
        if not amid:
            return True
        if in_date(word, cased, m.start(), m.end()):  # "12 April 2026" (R12-15)
            continue
        before = cased[max(0, m.start() - 80):m.start()].rstrip(_BEFORE_WORD)
        if _TITLED.search(before):  # "Dr Page", "Ms. May": a title's dot ends nothing
            return True
        if _REPORTS.match(cased, m.end()):  # "Mark said", where a sentence opens
            return True
        if not before or before[-1] in _OPENING:
            continue
        if not before[-1].isalnum():
            return True
        previous = _LAST_WORD.search(before)
        if previous is None or previous.group(0)[:1].islower() or previous.group(0)[:1].isdigit():
            return True
        if previous.group(0).casefold() in _LEADS:  # "Then Frank said", "Dear Hope,"
            return True
    return False


_LEADS = frozenset((
    "dear", "hi", "hello", "hey", "thanks", "thank", "then", "and", "but", "so", "or", "when",
    "after", "before", "with", "without", "for", "from", "to", "by", "as", "if", "because",
    "while", "though", "although", "yesterday", "today", "tonight", "later", "finally", "also",
    "asked", "told", "met", "called", "emailed", "said", "says", "ask", "tell", "meet", "call",
    "email",
))
"""Words that open a sentence and are followed by a name, not a heading that
runs into a paragraph: after one of them, capitalised, a name part that is an
everyday word is the name ("Then Frank said", "Dear Hope,"), whereas after a
capitalised word of another kind it is the next block's first word ("Notes Hope
you are well", a page's description)."""


_TITLED = re.compile(rf"(?<![^\W_])(?:{'|'.join(sorted(HONORIFICS))})\.?$", re.I)
"""A title just before a word: the word is a name ("Dr Page", "Ms. May"; red team
13, R13-08), whatever opens or ends around the title."""


_REPORTS = re.compile(r"[ \t]+(?:said|says|told|tells|asked|asks|mentioned|explained|"
                      r"suggested|recommended|replied|added|noted|agreed|wrote|emailed|"
                      r"warned|admitted|introduced|invited|offered)(?![^\W_])")
"""A verb of saying just after a word: the word is who said it ("Mark said the
booth was busy", "Will told me"), at a sentence's opening too (red team 13,
R13-08); no everyday sense of such a word says or tells."""


_LAST_WORD = re.compile(r"[^\W_]+$")


@functools.lru_cache(maxsize=1 << 12)
def _word_pattern(word: str) -> re.Pattern[str]:
    """``word`` as a word, any case but its first letter not a small one: the
    places where it may stand capitalised. (Every place, a common word's thousands
    on a long page were each looked at and dropped; at 10,000 notes that was a
    third of the audit of a list page.)"""
    first, rest = word[:1], word[1:]
    capitals = [c for c in _CAPITALS.get(_key(first), ())
                if re.fullmatch(re.escape(first), c, re.I)]
    if not first.islower() and first not in capitals:
        capitals.append(first)  # (a letter of a script without case)
    if not capitals:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![^\W_])(?-i:[{''.join(map(re.escape, capitals))}])"
                      rf"{re.escape(rest)}(?![^\W_])", re.I)


def _key(ch: str) -> int:
    """A letter as the regular-expression engine compares it, case aside."""
    low = int(_sre.unicode_tolower(ord(ch)))
    return int(min((low, *_casefix._EXTRA_CASES.get(low, ()))))


def _capitals() -> dict[int, list[str]]:
    """Every letter that is not a small one, by :func:`_key` (the cased scripts:
    the Basic Multilingual Plane and the few beyond it)."""
    out: dict[int, list[str]] = {}
    planes = (range(0x10000), range(0x10400, 0x10500), range(0x10C80, 0x10D00),
              range(0x118A0, 0x11900), range(0x16E40, 0x16EA0), range(0x1E900, 0x1E960))
    for code in (c for r in planes for c in r):
        ch = chr(code)
        if ch.isalpha() and not ch.islower() and int(_sre.unicode_tolower(code)) != code:
            out.setdefault(_key(ch), []).append(ch)
    return out


_CAPITALS = _capitals()
