"""A name as recorded, taken apart once: what of it says who the person is.

A ``person.name``, ``referred_by`` or referral name is often written with more
than the name: a title ("Dr", "Ing.", "Capt."), a suffix ("Jr.", "PhD", "MBA"),
an aside ("(Acme)", "(he/him)", "- Northfield Bank"), the family name first
("Doe, Jane") or, for a referrer, a phrase around it ("my manager Sam Lee",
"Sam Lee (my old manager)"). Every form looked for (ivsite.names.people) and every
key two notes are compared by (ivsite.names.identity) starts from :func:`plain_name`,
so that "Quentin Zabrowski, PhD" is looked for as "Quentin Zabrowski" and its
parts, never with "phd" as its family name.
"""

from __future__ import annotations

import functools
import re

from ..text.normalise import words
from .channels import names_no_one

HONORIFICS = frozenset({
    "dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "rev", "mme",
    "mlle", "herr", "frau", "ing", "dott", "dottssa", "capt", "captain", "sgt", "rabbi",
    "pastor", "reverend", "mag", "dipl", "lic", "arq", "atty", "judge", "imam", "sheikh",
    "cllr", "lt", "col", "maj", "cmdr", "gen", "sra", "srta", "madame", "monsieur"})
"""Titles before a name, taken off when more of the name follows."""
SPARE_TITLES = frozenset({"hon", "fr", "don", "dona"})
"""Titles that are given names too ("Don Draper", "Hon Wai"): taken off only when
two more words of the name follow ("Hon. Quentin Zabrowski")."""
SUFFIXES = frozenset({
    "jr", "sr", "ii", "iii", "iv", "phd", "mba", "md", "dds", "esq", "msc", "ma", "ba", "bsc",
    "mphil", "dphil", "cpa", "rn", "jd", "llm", "pe", "obe", "mbe", "cbe", "jnr", "snr",
    "cfa", "pmp", "dvm", "edd", "psyd", "llb", "mfa", "meng", "beng", "mpa", "mph", "frcs",
    "facs", "pharmd"})
"""Words after a name that say what a person is, not who ("Jane Doe Jr.", "PhD")."""
PARTICLES = frozenset({"de", "da", "di", "del", "della", "dos", "das", "du", "van", "von",
                       "der", "den", "la", "le", "ter", "ten", "bin", "binti", "ibn", "al",
                       "el", "y"})
ORGANISATION = frozenset({
    "bank", "inc", "ltd", "llc", "plc", "gmbh", "corp", "corporation", "company", "co",
    "group", "university", "college", "school", "institute", "centre", "center", "agency",
    "foundation", "association", "society", "club", "team", "department", "office",
    "ministry", "council", "labs", "partners", "consulting", "capital", "studio", "studios"})
"""Words that make a run of capitals a place of work, not a person ("a friend from
Northfield Bank")."""
_ASIDE = re.compile(r"\([^)]*\)?|\[[^\]]*\]?|\{[^}]*\}?")
_TRAILING_ASIDE = re.compile(r"\s+[-\u2013\u2014|@\u00b7/]\s.*$", re.S)
"""An aside after a spaced dash, bar or at sign: "Jane Doe - Acme", "Jane Doe | Acme"."""
FORMER_NAME = re.compile(
    r"(?:\s*,\s*|\s+)(?:n\u00e9e|nee|n\u00e9|geb\.|geborene|z\s*d\.|z\s+domu|maiden\s+name:?"
    r"|birth\s+name:?|formerly)\s+(?P<former>[^,;()\[\]{}]+)", re.I)
"""A former or birth family name after the name, not in brackets: "Anna Kowalska
n\u00e9e Nowak", "Anna Kowalska, geb. Nowak". Not part of the name compared
(ivsite.names.asidenames looks for it as a name of its own)."""


PARENT_OF = frozenset({"bin", "binti", "bte", "bt", "ibni", "anak"})
"""Words that start the parent's name in a patronymic name: the person's own name
is the words before ("Nurul Aini" of Nurul Aini binti Abdullah, red team 10 R10-31)."""
_PARENT_SLASH = re.compile(r"(?<![^\s(])(?:[sdw]/o|a/[lp])(?![^\s)])", re.I)
""""s/o", "d/o" (son, daughter of), "a/l", "a/p" (anak lelaki, perempuan), "w/o":
read as "bin", so that their letters make no word of a name ("so" of "Rajesh Kumar
s/o Muthu" was found in every script, R10-32)."""


def own_name(name: str) -> str:
    """``name`` with a slash connector of a patronymic name read as "bin"."""
    return _PARENT_SLASH.sub(" bin ", name) if "/" in name else name


@functools.lru_cache(maxsize=1 << 14)
def plain_name(name: str) -> str:
    """``name`` as written, given name first, without asides, titles and suffixes
    ("Quentin Zabrowski" for "Dr. Quentin Zabrowski, PhD (Northfield Bank)" and for
    "Zabrowski, Quentin"); middle names and initials kept. The name as written when
    nothing would be left."""
    text = FORMER_NAME.sub(" ", _TRAILING_ASIDE.sub("", _ASIDE.sub(" ", own_name(name))))
    segments = [s for s in text.split(",") if _says_who(s)]
    if len(segments) == 2:  # "Doe, Jane"
        segments.reverse()
    tokens = " ".join(segments).split()
    while len(tokens) > 1 and _title(tokens[0], len(tokens) - 1):
        tokens.pop(0)
    while len(tokens) > 1 and all(w in SUFFIXES for w in words(tokens[-1])):
        tokens.pop()
    return " ".join(tokens) if any(words(t) for t in tokens) else name.strip()


MAX_NAME_WORDS = 8
"""A name of more words (titles, suffixes and asides aside) is refused
(``person-name-long``): the forms looked for grow with every word (red team 18,
R18-05, ran out of memory at 24)."""
MAX_NAME_CHARS = 120
"""A name written with more characters is refused too."""


def overlong(name: str) -> bool:
    """Whether ``name`` has more words or characters than a name is read with."""
    return len(name) > MAX_NAME_CHARS or len(plain_name(name).split()) > MAX_NAME_WORDS


def bounded_name(name: str) -> str:
    """``name`` itself, or for an overlong one (refused where it is written) its
    first words and its last, within the limits: the forms made of any name
    recorded anywhere stay few, whatever it holds."""
    if not overlong(name):
        return name
    ws = plain_name(name).split()
    if len(ws) > MAX_NAME_WORDS:
        ws = [*ws[:MAX_NAME_WORDS - 1], ws[-1]]
    while len(ws) > 1 and len(" ".join(ws)) > MAX_NAME_CHARS:
        ws.pop(-2)
    return " ".join(ws)[:MAX_NAME_CHARS]


def _says_who(segment: str) -> bool:
    return any(w not in HONORIFICS and w not in SUFFIXES for w in words(segment))


def _title(token: str, after: int) -> bool:
    ws = words(token)
    return len(ws) == 1 and (ws[0] in HONORIFICS or (ws[0] in SPARE_TITLES and after >= 2))


def looks_like_name(text: str) -> bool:
    """Whether free text reads as a person's name: one to four words, each
    capitalised but for particles ("Career centre alumni night" is not)."""
    tokens = text.split()
    return 0 < len(tokens) <= 4 and all(
        t[:1].isupper() or t.casefold() in PARTICLES for t in tokens)


def name_in(text: str) -> str | None:
    """The name in a referrer's or referral's free text: the text itself when it
    reads as a name once asides are off ("Sam Lee (my old manager)", "Sam Lee, my
    old manager"), else its last run of two to four capitalised words that is no
    channel or office ("my manager Sam Lee", not "Career Services" of "Sam from
    Career Services": ivsite.names.channels); None when there is none ("Career
    centre alumni night")."""
    stripped = _TRAILING_ASIDE.sub("", _ASIDE.sub(" ", text))
    for candidate in (stripped, *stripped.split(",")):
        plain = plain_name(candidate)
        if looks_like_name(plain) and words(plain):
            return plain
    capitalised = [r for r in _runs_of_capitals(stripped)
                   if 2 <= len(r.split()) <= 4 and not ORGANISATION & set(words(r))
                   and not names_no_one(r)]
    return plain_name(capitalised[-1]) if capitalised else None


def _runs_of_capitals(text: str) -> list[str]:
    """Runs of neighbouring capitalised words (particles inside them kept)."""
    out: list[list[str]] = [[]]
    for token in text.split():
        if token[:1].isupper() or (out[-1] and token.casefold() in PARTICLES):
            out[-1].append(token)
        elif out[-1]:
            out.append([])
    return [" ".join(r) for r in out if r]
