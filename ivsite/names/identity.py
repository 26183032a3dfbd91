"""Person identity: whether two spellings of a name are one person, and whether a
secret holds a consented name.

Consent belongs to a person (see :mod:`ivsite.names.people`), so the notes about one
person must be found however their name is written: "Jane Doe", "Doe, Jane",
"JaneDoe", "Dr Jane Q. Doe, PhD" and "Jane Doe (Acme)" are one person, and so
are a name and its romanisations (:mod:`ivsite.names.romanise`): "Иван Петров" and
"Ivan Petrov", "Jürgen Müller" and "Juergen Mueller", "김민준" and "Minjun Kim".
When in doubt two spellings are one person: one "no" then withholds the name
everywhere, which is the safe way to be wrong.
"""

from __future__ import annotations

import re

from ..text.normalise import compact, words
from .asidenames import other_names
from .nameparts import plain_name
from .romanise import romanised, romanised_seqs

_INITIAL = re.compile(r"^(?:[^\W\d_]\.)+$|^[^\W\d_]$")


def name_words(name: str) -> list[str]:
    """The words that say who a name is, given name first: the plain name (see
    ivsite.names.nameparts: no asides, titles or suffixes, "Family, Given" turned round)
    without its middle initials."""
    tokens = plain_name(name).split()
    kept = [t for i, t in enumerate(tokens)
            if not (0 < i < len(tokens) - 1 and _INITIAL.match(t))]
    return words(" ".join(kept)) or words(name)


def person_key(name: str) -> str:
    """The same for two spellings of one name: its words (see name_words) as a set."""
    return " ".join(sorted(set(name_words(name))))


def person_keys(name: str) -> tuple[str, ...]:
    """Every key by which this name is one person with another: its set of words,
    and its words run together either way round ("JaneDoe" is "Jane Doe"); the
    same for each of its romanisations."""
    ws = name_words(name)
    if not ws:
        return ()
    keys = dict.fromkeys(_keys(ws))
    for latin in romanised(name):
        keys.update(dict.fromkeys(_keys(name_words(latin))))
    for seq in sorted(romanised_seqs(plain_name(name))):
        keys.update(dict.fromkeys(_keys(list(seq))))
    return tuple(keys)


def one_person_keys(name: str) -> tuple[str, ...]:
    """:func:`person_keys` and the same keys of the name without its middle names:
    what ties notes into one person (ivsite.names.persons.people). "Jane Quinn Doe" is
    then one person with "Jane Doe", whose "no" withholds both (red team 4,
    J-middle), and so are the names an aside in it says the person goes by
    (ivsite.names.asidenames: "Kevin Wang" for "Xiaoming (Kevin) Wang"). Not a key to
    consent by (:func:`person_keys` is): a referrer "Jane Doe" is not consented
    because a "Jane Quinn Doe" agreed."""
    keys = dict.fromkeys(person_keys(name))
    for other in other_names(name):  # "Kevin Wang" for "Xiaoming (Kevin) Wang"
        keys.update(dict.fromkeys(person_keys(other.name)))
    for written in (name, *romanised(name)):
        ws = name_words(written)
        if len(ws) > 2:
            keys.update(dict.fromkeys(_keys([ws[0], ws[-1]])))
    return tuple(keys)


def _keys(ws: list[str]) -> tuple[str, ...]:
    if not ws:
        return ()
    return (f"words:{' '.join(sorted(set(ws)))}", f"run:{compact(ws)}",
            f"run:{compact(ws[::-1])}")


def written_shorter(s: list[str], f: list[str]) -> bool:
    """Whether the name words ``s`` (see name_words) may be the name ``f`` written
    shorter (red team 10, R10-08): by the initial of the given name ("Q Zabrowski"
    of Quentin Zabrowski), by the initial of the family name ("Jane D" of Jane
    Doe), or without a word, the given name the same ("Quentin Zabrowski" of
    "Quentin Zabrowski-Nowak"). Such a name ties notes into one person
    (ivsite.names.shortnames.initial_ties), and, consented, excuses no hit on ``f``'s
    name (:func:`ivsite.names.holding.holds_name`), since it may name the one who said no."""
    if len(s) < 2 or len(f) < 2 or s == f:
        return False
    if len(s) == len(f) == 2 and s[1] == f[1] and len(s[0]) == 1 < len(f[0]):
        return f[0].startswith(s[0])
    if len(s) == len(f) == 2 and s[0] == f[0] and len(s[1]) == 1 < len(f[1]):
        return f[1].startswith(s[1])
    return s[0] == f[0] and len(s) < len(f) and set(s) <= set(f)
