"""A given name's usual short and long forms: "Bob Smith" for Robert Smith,
"Robert Smith" for Bob Smith (red team 9, R9-04).

Friends and colleagues write a person by the form of the given name they use, and
a reader who knows Robert Smith knows Bob Smith. Which forms go together is data,
not a rule: the ``nicknames`` package (Carlton Northern's hand-curated table of
English given names and their nicknames, about 1,100 names, Apache-2.0) holds it;
a table of our own would cover only the names someone thought of. Other
languages' diminutives, which it lacks, are in ivsite.names.worlddiminutives.

Many of these forms are everyday words ("Will", "Bill", "Rob", "Pat", "Art"):
"will smith" in prose names no one. So each is a form the text's capitals must
confirm (ivsite.text.textmatch.Confirmed): the short or long form and the family name
as neighbouring words, both capitalised ("Bob Smith", "BOB SMITH"), as the other
forms that add to what the record says (a middle name, an initial) are.
"""

from __future__ import annotations

import functools
import re

from nicknames import NickNamer

from ..text.textmatch import Confirmed
from .worlddiminutives import diminutives


@functools.cache
def _namer() -> NickNamer:
    return NickNamer()  # reads its table once, on first use


@functools.cache
def known_given() -> frozenset[str]:
    """Every given name the table knows (about 2,000, English), folded."""
    namer = _namer()
    table = {**namer._nickname_lookup, **namer._canonical_lookup}  # its two tables
    return frozenset(n for k, v in table.items() for n in (k, *v) if n.isalpha())


def other_given(given: str) -> list[str]:
    """The other forms of the folded given name ``given``, each one word of letters."""
    if not given.isascii() or not given.isalpha():
        return []
    namer = _namer()
    found = namer.nicknames_of(given) | namer.canonicals_of(given)
    found |= set(diminutives(given))  # "Kasia", "Sasha" (ivsite.names.worlddiminutives)
    return sorted(f for f in found if f.isalpha() and f != given)


SHORT_FORMS_ALONE = True
"""Whether a given name's short forms (the table's nicknames of it) count alone
near the person, as the given name does (red team 14, R14-12): in Robert
Quinlan's own note "Bob", "Rob" and "Bobby" are him. One that is an everyday word
("Rob", "Bill", "Will") counts only as the everyday-word rule has it
(ivsite.names.wordnames: capitalised inside a sentence)."""
MIN_SHORT_ALONE = 3
"""A short form shorter than this ("Al", "Ed") is looked for only with the family name."""


def short_form_parts(given: str) -> list[str]:
    """The table's short forms of the folded ``given`` looked for alone near the
    person: nicknames shorter than the name ("Bob", "Bobby" for Robert), not its
    other full names ("Rupert", "Peter" for Patrick), nor one of two letters."""
    if not SHORT_FORMS_ALONE or not given.isascii() or not given.isalpha():
        return []
    return sorted(n for n in _namer().nicknames_of(given)
                  if n.isalpha() and MIN_SHORT_ALONE <= len(n) < len(given))


def nickname_forms(given: str, family: tuple[str, ...]) -> tuple[Confirmed, ...]:
    """Each other form of ``given`` followed by ``family``, found where both are
    capitalised (see the module's docstring)."""
    family_re = r"[\W_]+".join(re.escape(w) for w in family)
    return tuple(
        Confirmed((nick, *family),
                  rf"(?P<capital>{re.escape(nick)}(?<![^\W_][\s\S]{{{len(nick)}}})"
                  rf"[\s.\"'\u201c\u201d\u2018\u2019]+{family_re})(?![^\W_])")
        for nick in other_given(given))
