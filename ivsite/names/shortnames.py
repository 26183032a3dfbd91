"""A given name and its short forms: "Alex Quennell" and "Alexandra Quennell" may
be one person.

Consent belongs to a person (ivsite.names.people), and notes are tied into one person
by their names' words. A short form of the given name has other words: "Alex
Quennell" saying yes in a later note was another person from "Alexandra
Quennell" saying no, so "Alex Quennell" was published everywhere, with no
warning (red team 8, N8). An initial ("A. Quennell") and a middle name were
already tied. When in doubt two spellings are one person (ivsite.names.identity): so
two interview names with the same family name, one of whose given names is a
short form of the other's (a prefix of two letters or more, "Alex", "Jo", or a
known diminutive, "Sasha", "Bob", "Liz"), are tied here. Their notes are then
one person; a "no" in one withholds both names, with a ``consent-conflict``
warning that says the two may be one person (ivsite.validate.consent).
"""

from __future__ import annotations

from collections.abc import Iterable

from .givenvariants import variant_given
from .identity import name_words, written_shorter
from .nicknamed import short_forms

_MIN_PREFIX = 2


def short_form(short: str, full: str) -> bool:
    """Whether the given name ``short`` (folded) is a short form of ``full``: a
    prefix of two letters or more, or a short form one of the tables lists
    (ivsite.names.nicknamed.short_forms, which the name forms take too)."""
    return short != full and ((len(short) >= _MIN_PREFIX and full.startswith(short))
                              or short in short_forms(full))


def short_form_ties(names: Iterable[str]) -> list[tuple[str, str]]:
    """Each pair (short, full) of ``names`` with the same family name whose given
    names are a short form and the name it is short for, or may be one person's
    otherwise (ivsite.names.givenvariants: "Steven" and "Stephen", "Gus" and
    "Augustin")."""
    by_family: dict[str, dict[str, str]] = {}
    for name in names:
        ws = name_words(name)
        if len(ws) >= 2:
            by_family.setdefault(ws[-1], {}).setdefault(ws[0], name)
    return [(short_name, full_name) for givens in by_family.values()
            for short, short_name in givens.items() for full, full_name in givens.items()
            if short_form(short, full) or (short < full and variant_given(short, full))]


def initial_ties(names: Iterable[str]) -> list[tuple[str, str]]:
    """Each pair (short, full) of ``names`` where ``short`` is ``full`` written
    shorter (red team 10, R10-08): by the initial of the given name ("Q Zabrowski",
    "Q. Zabrowski" for Quentin Zabrowski), by the initial of the family name
    ("Jane D." for Jane Doe), or without a word of it, the given name the same
    ("Quentin Zabrowski" in "Quentin Zabrowski-Nowak"). A consented short form
    would otherwise be published while it names one who said no; tied, one "no"
    withholds both, with a warning (ivsite.validate.consent). "J Smith" then ties John and
    Jane Smith together too: when in doubt, one person."""
    buckets: dict[tuple[int, str], dict[tuple[str, ...], str]] = {}
    for name in names:  # the same family name or the same given name: few each
        ws = tuple(name_words(name))
        if len(ws) >= 2:
            buckets.setdefault((0, ws[0]), {}).setdefault(ws, name)
            buckets.setdefault((1, ws[-1]), {}).setdefault(ws, name)
    return list(dict.fromkeys(
        (short, full) for bucket in buckets.values() if len(bucket) > 1
        for s, short in bucket.items() for f, full in bucket.items()
        if written_shorter(list(s), list(f))))

