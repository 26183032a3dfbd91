"""A name whose given and family names stand apart, with words between that say
which is which (red team 10, R10-22): "Quentin (last name Zabrowski)",
"Quentin, surname Zabrowski", "Zabrowski, first name Quentin", "Quentin's family
name is Zabrowski", and a record in code: ``first = 'Quentin' AND last =
'Zabrowski'``, ``{"first": "Quentin", "last": "Zabrowski"}``.

Looked for where one to five words stand between the two names, every one of them
a label of a name's part or a small word of the phrases above, and the last a
label (or a label and "is"): "Quentin and Zabrowski" (two people, perhaps),
"Quentin was first and Zabrowski second" and "Quentin told Zabrowski" are not
such a name. Capitals do not matter (a record in code is in
any case), so these forms are looked for in text and in code alike.
"""

from __future__ import annotations

import re

from ..text.textmatch import Confirmed

LABELS = frozenset({
    "last", "lastname", "lname", "surname", "surnames", "family", "familyname", "first",
    "firstname", "fname", "given", "givenname", "forename", "forenames", "name", "names",
    "nachname", "vorname", "familienname", "nom", "prenom", "apellido", "apellidos",
    "nombre", "cognome", "nazwisko", "imie", "achternaam", "voornaam", "sobrenome"})
"""Words that say a word beside them is a given or a family name."""
FILLERS = frozenset({"and", "is", "was", "the", "his", "her", "their", "s", "of", "whose",
                     "called", "named", "spelled", "spelt", "de", "di", "da"})
"""Small words of the phrases a label stands in ("Quentin's family name is ...")."""

WEAK_LABELS = frozenset({"first", "last", "given", "family"})
"""Labels that are everyday words alone ("Will was first, Smith second"): a label
only as a record's key, before "=" or ":" (``last = 'Zabrowski'``), or before
another label ("last name")."""

_SEP = r"[\W_]{1,6}"


def _one_of(ws: frozenset[str]) -> str:
    return "(?:" + "|".join(sorted(ws, key=len, reverse=True)) + ")"


_ANY = _one_of(LABELS | FILLERS)
_GAP = (rf"(?P<capital>){_SEP}(?:{_ANY}{_SEP}){{0,3}}"
        rf"(?:{_one_of(LABELS - WEAK_LABELS)}{_SEP}(?:(?:is|was){_SEP})?"
        rf"|{_one_of(WEAK_LABELS)}[\W_]{{0,3}}[=:][\W_]{{0,3}})")
"""One to five words between the names, the last a label (or a label and "is"):
"Alex told Chen" and "Alex and Chen" name two people. The empty group
``capital`` asks no capitals of the text (ivsite.text.textmatch.confirmed_in)."""


def labelled_forms(given: str, family: tuple[str, ...]) -> tuple[Confirmed, ...]:
    """The name with labelled words between its given and family name, either way
    round; none for an initial."""
    if len(given) < 2 or not family:
        return ()
    given_re = _word(given)
    family_re = r"[\W_]+".join(re.escape(w) for w in family)
    forward = rf"{given_re}{_GAP}{family_re}(?![^\W_])"
    back = rf"{_word(family[0])}{family_re[len(re.escape(family[0])):]}{_GAP}" \
           rf"{re.escape(given)}(?![^\W_])"
    return (Confirmed(family, forward, (given, family)),
            Confirmed((given,), back, (family[-1], (given,))))


def _word(word: str) -> str:
    """``word`` where no letter or digit stands just before it (the literal first,
    so that the regular expression engine skips ahead to it)."""
    return rf"{re.escape(word)}(?<![^\W_][\s\S]{{{len(word)}}})"
