"""Finding many secret word sequences in much text, fast.

Used by the audience filter (an unconsented name in visible text) and by the
audit (anything withheld in an output file). Text is compared as words after
:func:`ivsite.normalise.fold`, so "Jane Doe", "jane-doe", "JANE DOE", "JaneDoe"
and "Jane%20D&shy;oe" are the same.

A text's words are joined into one string with a space before and after each
(" met jane doe today "), and each word sequence looked for is written the same
way (" jane doe "): a word is letters and digits only, so one of these strings
is inside the other exactly where the sequence stands in the text as whole
words. That turns matching by words into plain substring search, which an
Aho-Corasick automaton does for every needle at once, in one pass over the text,
however many needles there are (an audit looks for thousands: every name in all
its forms, every withheld sentence). The automaton is ``ahocorasick_rs``, a thin
binding of the Rust ``aho-corasick`` crate (the one the Rust regex engine and
ripgrep search with); it reports overlapping matches, so " jane doe " and
" doe " are both found in " jane doe ", and it is typed for mypy.

A name is also looked for by sound (:mod:`ivsite.soundkey`): its key sequences
are found the same way in the text's word keys (:attr:`Searchable.sounds`), so
"Dmitri Wolkow" and "Дмитрий Волков" are both "Dmitry Volkov".

Three kinds of needle are not word sequences: a name in a script written without
spaces (Han, kana, Hangul, Thai …) is looked for as a substring of the text's
words run together (an automaton of its own); an email or profile address as a
substring of the text's contact skeleton (:mod:`ivsite.contactskeleton`, another
automaton), so "jane@example.com" is found as "jane [at] example [dot] com"; and
a phone number by its last seven digits in any run of digits of that skeleton,
so "+1 416 555 0199" is found as "(416) 555-0199" and "416 • 555 • O199".

A name inflected or mistyped ("Anny Kowalskiej", "Qeuntin Zabrowski") is two
neighbouring words each of many forms (:mod:`.wordpairs`).

A name's words broken into pieces by spaces ("Quen tin Zab row ski") are joined
where the pieces make a word of a name looked for (:mod:`ivsite.splitwords`).

A few forms of a name are word sequences only where the text's capitals say so
(:mod:`.confirmed`): "Quentin R. Zabrowski" has a middle word the recorded name
lacks, and "Zabrowski, Q." an initial, where "Quentin met Zabrowski" and "Park a
car" have none. Their words are found as above, then confirmed by a pattern in
the text as cased.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from ahocorasick_rs import AhoCorasick

from ..contacts.countrycodes import SHORT_DIGITS
from ..contacts.skeleton import (
    PHONE_DIGITS,
    backwards_ends_a_word,
    ends_a_word,
    marked_skeletons,
    phone_keys,
    phone_windows,
    unmarked,
)
from ..core.sizedcache import sized_cache
from ..names.soundkey import OTHER, latin_words, text_keys
from .confirmed import NEAR_GAP as NEAR_GAP
from .confirmed import Confirmed as Confirmed
from .confirmed import confirmed_in as confirmed_in
from .literalstart import case_key
from .normalise import SEPARATOR, text_words
from .normalise import words as words
from .sentencegap import across_sentences, name_needles
from .splitwords import SplitWords, joinable
from .wordpairs import PairFinder, WordPair

T = TypeVar("T")


class Needles(NamedTuple):
    """What finds one secret: word sequences, substrings of the words run together
    (spaceless scripts), substrings of the contact skeleton, phone digits, and
    forms of a name the text's capitals confirm (:class:`Confirmed`)."""

    seqs: list[tuple[str, ...]]
    substrings: list[str]
    skeletons: list[str]
    phone: str
    confirmed: list[Confirmed] = []  # noqa: RUF012 (never changed in place)
    sounds: list[tuple[str, ...]] = []  # noqa: RUF012 (never changed in place)
    pairs: list[WordPair] = []  # noqa: RUF012 (never changed in place)


@dataclass(frozen=True)
class Searchable:
    """A text folded once, for any number of matchers (see :func:`searchable`)."""

    cased: str
    """The text decoded and folded but for case (the contact skeleton is made of it)."""
    joined: str
    """Its words, case-folded, each between single spaces (see normalise.text_words)."""
    raw: str = ""
    """The text as given (its sound reading is made of it; :attr:`cased` when empty)."""

    @functools.cached_property
    def marked(self) -> tuple[str, str]:
        """The text's contact skeletons, with digit words as digits and without,
        with marks where words ended (ivsite.contactskeleton), made when first
        asked; the second is the first when the text has no digit words."""
        return marked_skeletons(self.cased)

    @functools.cached_property
    def case_keyed(self) -> str:
        """:attr:`cased` keyed by case, where a form's first letters are found
        (ivsite.text.literalstart)."""
        return case_key(self.cased)

    @functools.cached_property
    def words(self) -> list[str]:
        """:attr:`joined` as a list of words."""
        return self.joined.split()

    @functools.cached_property
    def word_set(self) -> frozenset[str]:
        """:attr:`words` as a set."""
        return frozenset(self.words)

    @functools.cached_property
    def places(self) -> dict[str, list[int]]:
        """Where each word stands in :attr:`words`."""
        places: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            places.setdefault(word, []).append(i)
        return places

    @functools.cached_property
    def latin_words(self) -> list[str] | None:
        """Its words read in Latin letters; ``None`` when they are :attr:`words`
        (the text has no letters of another script: ivsite.soundkey.latin_words)."""
        return latin_words(self.raw, self.cased)

    @functools.cached_property
    def sounds(self) -> str:
        """Its words' sound keys (ivsite.soundkey), each between single spaces,
        made when first asked."""
        return text_keys(self.words, self.latin_words)

    @functools.cached_property
    def skeleton(self) -> str:
        """The text's contact skeleton (ivsite.contactskeleton), digit words as digits."""
        return unmarked(self.marked[0])

    @functools.cached_property
    def address_skeleton(self) -> str:
        """The text's contact skeleton with digit words as letters (or ``""`` when
        that is :attr:`skeleton`)."""
        with_digits, with_letters = self.marked
        return "" if with_letters is with_digits else unmarked(with_letters)


@sized_cache(64 << 20, lambda text: 25 * len(text))
def searchable(text: str) -> Searchable:
    """``text`` folded for every matcher. Kept for the texts read again (the
    theme's and Pagefind's files in every build, the preview's many builds):
    folding costs the audit most. A text folded, with its words, skeletons and
    readings, takes about 25 times its size: counted by its text alone, the cache
    held over a gigabyte in each of a cold build's audit processes."""
    return Searchable(*text_words(text), text)


class _Needles(Generic[T]):
    """Strings to find as substrings, each with the payloads it stands for."""

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        payloads: dict[str, list[T]] = {}
        for needle, payload in items:
            payloads.setdefault(needle, []).append(payload)
        self._needles = list(payloads)
        self._payloads = list(payloads.values())
        self._automaton = AhoCorasick(payloads) if payloads else None

    def __bool__(self) -> bool:
        return self._automaton is not None

    def find(self, haystack: str, keep: Callable[[str], bool] | None = None) -> list[T]:
        """The payloads of the needles in ``haystack`` (``keep``: of those it keeps)."""
        if self._automaton is None:
            return []
        hits = {i for i, _, _ in self._automaton.find_matches_as_indexes(
            haystack, overlapping=True)}
        return [p for i in sorted(hits) if keep is None or keep(self._needles[i])
                for p in self._payloads[i]]


class Matcher(Generic[T]):
    """Which of many word sequences occur in a text; each carries a payload."""

    def __init__(self, seqs: Iterable[tuple[tuple[str, ...], T]], *,
                 substrings: Iterable[tuple[str, T]] = (),
                 skeletons: Iterable[tuple[str, T]] = (),
                 phones: Iterable[tuple[str, T]] = (),
                 confirmed: Iterable[tuple[Confirmed, T]] = (),
                 sounds: Iterable[tuple[tuple[str, ...], T]] = (),
                 in_pieces: Iterable[tuple[tuple[str, ...], T]] | None = None,
                 pairs: Iterable[tuple[WordPair, T]] = (),
                 names: Iterable[tuple[tuple[str, ...], T]] = ()) -> None:
        seqs = [(seq, p) for seq, p in seqs if seq]
        self._seqs = _Needles((" " + " ".join(seq) + " ", p) for seq, p in seqs)
        self._names = name_needles(seqs, names)
        """Needles that are people's names alone, of two to four words: not
        found across a sentence's end on an everyday word (ivsite.text.sentencegap)."""
        longer = [(seq, p) for seq, p in (seqs if in_pieces is None else in_pieces)
                  if 1 < len(seq) <= 4 and any(map(joinable, seq))]
        self._split = SplitWords(w for seq, _ in longer for w in seq)
        """A name's words written in pieces ("Quen tin"), for sequences of two to
        four words: names, not withheld sentences (ivsite.splitwords); of
        ``in_pieces`` where given (the names among ``seqs``: a LinkedIn address's
        words are not a name, and "Linked In. Jane Doe" in prose is no address)."""
        self._longer = _Needles((" " + " ".join(seq) + " ", p) for seq, p in longer)
        sounds = [(seq, p) for seq, p in sounds if seq]
        self._sounds = _Needles((" " + " ".join(seq) + " ", p) for seq, p in sounds)
        self._sounds_in_latin = any(not any(k.startswith(OTHER) for k in seq)
                                    for seq, _ in sounds)
        """Whether a text in Latin letters alone may hold a name by sound (only a
        name written in another script is looked for there: ivsite.soundkey)."""
        same: dict[Confirmed, Confirmed] = {}
        self._confirmed = _Needles((" " + " ".join(c.anchor) + " ", (same.setdefault(c, c), p))
                                   for c, p in confirmed if c.anchor)
        """Equal forms are one object, confirmed once per text: the forms of a family
        name ("Ms Park", "Park-ssi") are the same for everyone who bears it, and a
        page that names it asked them of each (thousands at 10,000 notes)."""
        self._substrings = _Needles((s, p) for s, p in substrings if s)
        self._pairs = PairFinder(pairs)
        skeletons = [(s, p) for s, p in skeletons if s]
        self._skeletons = _Needles([*skeletons, *((s[::-1], p) for s, p in skeletons)])
        """Addresses, and each written backwards ("elpmaxe.rohtnez@niuqr", red team
        15, R15-08), in one automaton: the needles are turned round, not the texts
        (see ivsite.contacts.skeleton.backwards_ends_a_word)."""
        self._forwards = frozenset(s for s, _ in skeletons)
        self._phones: dict[str, list[T]] = {}
        for d, p in phones:
            if len(d) >= SHORT_DIGITS:
                for key in phone_keys(d):  # and backwards (R15-08)
                    self._phones.setdefault(key, []).append(p)
        self._short = any(len(d) < PHONE_DIGITS for d in self._phones)  # "31 45 67" (R16-10)

    def __bool__(self) -> bool:
        return bool(self._seqs or self._substrings or self._skeletons or self._phones
                    or self._confirmed or self._sounds or self._pairs)

    def find(self, text: str) -> list[T]:
        return self.find_in(searchable(text))

    def find_in(self, text: Searchable, contacts: bool = True) -> list[T]:
        """As :meth:`find`, in a text already folded; ``contacts`` False: without the
        contact skeletons and phone numbers (whose payloads a caller has no use for:
        see ivsite.audit.search, where the names of those who agreed are taken out)."""
        found = self._seqs.find(text.joined, (lambda needle: not across_sentences(
            self._names[needle], text.raw or text.cased)
            if needle in self._names else True) if self._names else None)
        if self._split:
            pieces = self._split.reading(text.joined)
            found += self._longer.find(pieces) if pieces else []
        if self._sounds and (self._sounds_in_latin or text.latin_words is not None):
            found += self._sounds.find(text.sounds)
        if self._confirmed:
            confirmed: dict[int, bool] = {}  # by identity: hashing a form costs more
            for c, p in self._confirmed.find(text.joined):
                if id(c) not in confirmed:
                    confirmed[id(c)] = confirmed_in(c, text)
                if confirmed[id(c)]:
                    found.append(p)
        if self._pairs:
            found += self._pairs.find_in(text)
        if self._substrings:
            found += self._substrings.find(
                text.joined.replace(" ", "").replace(SEPARATOR, ""))
        if self._skeletons and contacts:  # addresses, looked for in both skeletons
            found += self._skeletons.find(
                text.skeleton, lambda needle: self._stands(needle, text.marked[0]))
            if text.address_skeleton:
                found += self._skeletons.find(
                    text.address_skeleton, lambda needle: self._stands(needle, text.marked[1]))
        if self._phones and contacts:
            windows = phone_windows(text.marked[0], self._short)
            found += [p for d in sorted(windows.intersection(self._phones))
                      for p in self._phones[d]]
        return _unique(found)

    def _stands(self, needle: str, marked: str) -> bool:
        """Whether an address's skeleton found in a text stands there whole: ends a
        word, or, written backwards, starts one."""
        return (needle in self._forwards and ends_a_word(needle, marked)) or \
            (needle[::-1] in self._forwards and backwards_ends_a_word(needle, marked))

    def find_words(self, ws: list[str]) -> list[T]:
        """The word sequences alone, in words already folded."""
        return _unique(self._seqs.find(" " + " ".join(ws) + " "))


def _unique(found: list[T]) -> list[T]:
    seen: set[int] = set()
    unique: list[T] = []
    for p in found:
        if id(p) not in seen:
            seen.add(id(p))
            unique.append(p)
    return unique
