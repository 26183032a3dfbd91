"""A full name with something between its given and family name that a reader reads
past (red team 18, R18-04), and a full name whose given name is shortened with a dot
(R18-08).

Between the two names may stand a nickname in quotes of several words ('Quentin "the
Z" Zabrowski'), an aside in brackets, a letter ("Quentin v Zabrowski", "A Quentin x
Zabrowski collab", "Quentin /B/ Zabrowski"), a particle the record lacks ("Anneke van
Berg" for Anneke Berg), a given name written small ("Quentin jay Zabrowski"), or the
marks of a markup around each name ("x[Quentin] y[Zabrowski]", a diagram's nodes
"A[Quentin] --> B[Zabrowski]"). The reader reads the whole name past each of them. The
given and family names must be capitalised, and what stands between them is one
quoted or bracketed span, or at most :data:`MAX_BETWEEN` words each of them a letter, a
particle, a given name or capitalised: "Quentin met Zabrowski" is no name, nor is
"Quentin. A Zabrowski" (a dot after the given name ends a sentence).

A given name is shortened the way registers and signatures write it: a prefix of two
letters or more with a dot ("Qu. Zabrowski", "Quen. Zabrowski"), or a classic written
abbreviation that is no prefix ("Wm." for William, "Chas." for Charles, "Thos." for
Thomas: :data:`ABBREVIATIONS`). Each is one pattern anchored on the short form and the
family name as words, so it runs only where they stand together.
"""

from __future__ import annotations

import functools
import re

from ..text.textmatch import Confirmed
from .everydaywords import WORD_NAMES
from .nameparts import HONORIFICS, SPARE_TITLES
from .nicknamed import known_given
from .particles import PARTICLE_WORDS
from .worldtitles import TITLES_BEFORE

GAP_FORMS = True
"""Whether a name is looked for with these forms (tests switch it off to show that a
build then publishes them)."""

MAX_BETWEEN = 3
"""At most this many words between the given and the family name (outside quotes)."""
MAX_ASIDE = 40
"""At most this many characters inside the quotes or brackets between them."""
MIN_PREFIX = 2
"""A shortened given name has at least this many letters (one is an initial, a form
of its own: ivsite.names.nameforms)."""

ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "william": ("wm", "willm"), "charles": ("chas", "chs"), "thomas": ("thos",),
    "james": ("jas",), "george": ("geo",), "robert": ("robt",), "john": ("jno", "jn"),
    "samuel": ("saml",), "benjamin": ("benj", "benjn"), "edward": ("edw", "edwd"),
    "richard": ("richd", "ricd"), "elizabeth": ("eliz",), "margaret": ("margt",),
    "joseph": ("jos",), "daniel": ("danl",), "nathaniel": ("nathl",),
    "alexander": ("alexr",), "frederick": ("fredk",), "wilhelm": ("wilh", "wm"),
    "friedrich": ("fr", "friedr"), "henry": ("hy",), "christopher": ("chr", "xtopher"),
    "abraham": ("abm", "abr"), "archibald": ("archd",), "michael": ("michl",),
    "nicholas": ("nichs",), "patrick": ("patk",), "stephen": ("stephn",),
    "andrew": ("andw",), "edmund": ("edmd",), "francis": ("fras",), "gilbert": ("gilbt",),
    "leonard": ("leond",), "jonathan": ("jona", "jonn"), "matthew": ("mattw",),
}
"""Written abbreviations of given names, folded and without their dot, as old
registers, letters and signatures have them."""

_NOT_SHORT = HONORIFICS | SPARE_TITLES | TITLES_BEFORE | frozenset({
    "st", "mt", "ft", "no", "co", "vs", "ca", "pt", "jr", "sr", "al", "ed", "eds", "etc",
    "fig", "vol", "ave", "rd", "inc", "ltd", "dept", "univ", "pres", "gov", "sen", "rep",
    "approx", "est", "ch", "op", "pp", "cf"})
"""Words written with a dot before a capitalised word that are no given name cut short
("St. James", "Mt. Hood", "Dr. West", "et al. Park")."""

_MARK = r"""[^\S\n]|["'\u201c\u201d\u2018\u2019\u00ab\u00bb()\[\]{}<>/\\|=*~`+\-\u2010-\u2015]"""
"""A mark between a name's words that a reader reads past: a space (not a line's end),
quotes, brackets, slashes and the arrows and dashes of a diagram; not a dot after the
given name, a comma or a semicolon, which part a sentence or a list."""
_ASIDES = "|".join(rf"{re.escape(o)}[^{re.escape(c)}\n]{{1,{MAX_ASIDE}}}{re.escape(c)}"
                   for o, c in ('""', "''", "\u201c\u201d", "\u2018\u2019", "\u00ab\u00bb",
                                "()", "[]"))
"""One quoted or bracketed span: a nickname of any words ('"the Z"', "(the designer)")."""
_WORD = r"[^\W\d_]{1,20}(?:\.|(?![^\W_]))"
"""A word between the names, with its dot if it has one ("v.", "B.")."""


@functools.cache
def small_words() -> frozenset[str]:
    """Words that may stand between a given and a family name in small letters: the
    particles, and the given names the tables know that are not everyday words
    ("jay"; not "will", "may", "mark")."""
    return PARTICLE_WORDS | (known_given() - WORD_NAMES - {"may"})


def _capital(word: str) -> str:
    """``word`` (folded) where its first letter is a capital in the text."""
    first = word[:1].upper()
    head = rf"(?=(?-i:{re.escape(first)}))" if len(first) == 1 else ""
    return head + re.escape(word)


def _starts(word: str) -> str:
    """``word`` where no letter or digit stands just before it (the literal first,
    so that the regular expression engine skips ahead to it)."""
    return rf"{re.escape(word)}(?<![^\W_][\s\S]{{{len(word)}}})"


def gap_forms(given: str, family: tuple[str, ...],
              prefixes: bool = True) -> tuple[Confirmed, ...]:
    """The given and the family name with something read past between them, and the
    given name shortened with a dot (see the module's docstring); ``prefixes``
    False (a given-name variant, "Bobby" for Robert: a guess already): its classic
    abbreviations alone, not its prefixes. None when :data:`GAP_FORMS` is off, or
    for a given name of one letter."""
    if not GAP_FORMS or len(given) < MIN_PREFIX or not family:
        return ()
    family_re = "".join(rf"{re.escape(w)}[\W_]+" for w in family[:-1]) + _capital(family[-1])
    marks = rf"(?:{_MARK}){{1,8}}"
    between = (rf"(?P<capital>{_starts(given)})(?:[^\S\n]+(?:{_ASIDES})[^\S\n]+"
               rf"|{marks}(?P<between>(?:{_WORD}(?:{_MARK}){{0,8}}){{1,{MAX_BETWEEN}}}?))"
               rf"{family_re}(?![^\W_])")
    forms = [Confirmed(family, between, (given, family), between=small_words())]
    written = r"[\W_]+".join(re.escape(w) for w in family)
    for short in shortened(given, prefixes):
        forms.append(Confirmed((short, *family), rf"(?P<capital>{_starts(short)})\."
                               rf"[^\S\n]*{written}(?![^\W_])"))
    return tuple(forms)


def shortened(given: str, prefixes: bool = True) -> list[str]:
    """The folded ``given`` shortened as written before a dot: each prefix of two
    letters or more but the whole (where ``prefixes``), and its classic
    abbreviations; not a word that is written with a dot for something else
    ("St.", "Dr.")."""
    if not given.isalpha():
        return []
    out = {given[:n] for n in range(MIN_PREFIX, len(given)) if prefixes}
    out |= set(ABBREVIATIONS.get(given, ()))
    return sorted(out - _NOT_SHORT)
