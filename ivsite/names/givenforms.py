"""A name written with another form of its given name, or of a middle name: "Quinlan,
Rob", "Rob Q.", "@rob.quinlan", "Robbie Quinlan", "Jim Quinlan" for Robert James
Quinlan (red team 15, R15-03).

A short form names a person as surely as the given name does, in every way the
given name is written: family name first, with a comma, with the family initial,
as a handle or a mailbox, hyphenated, run together. So each other form of the
given name (ivsite.names.nicknamed.other_given) is a given-name variant: the name
written with it goes through the same form builder as the name itself
(ivsite.names.nameforms), and so does each other form of a middle name before the
family name (a middle name alone with the family name is a form of the name
already). A variant brings no initial of its own: "B. Quinlan" may be Bill, his
brother, and "R. Quinlan" is looked for anyway.

A variant that is an everyday word ("Rob", "Bill", "Kit", "Peg":
ivsite.names.everydaywords), shorter than three letters ("Al", "Ed") or a
particle ("Van"), counts
where the text's capitals say it is a name: written apart from the family name,
both capitalised ("Rob Quinlan", "Quinlan, Rob", "Quinlan Rob"); run into it by a
dot, an underscore or a hyphen, as a handle or a mailbox is ("rob.quinlan",
"rob_quinlan", "rob-quinlan"), in any case; "they rob Quinlan's team" is no name.
Every form is a needle of the same automata (ivsite.text.textmatch.Matcher), each
pattern tried only where its words stand.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from ..text.normalise import words
from ..text.textmatch import Confirmed
from .everydaywords import WORD_NAMES
from .formset import Forms
from .nameparts import PARTICLES
from .nicknamed import other_given

MIN_PLAIN = 3
"""A variant shorter than this ("Al", "Ed", "Jo") counts only capitalised: as a
word of its own it stands in "et al." and "(ed.)"."""
GIVEN_VARIANTS = True
"""Whether a name is looked for with the other forms of its given and middle names."""

_APART = r"[\s.,\"'\u201c\u201d\u2018\u2019()\-\u2010\u2011]+"
"""What stands between the words of a name written apart (spaces, a comma, a dot,
quotes, brackets, a hyphen)."""
_JOINT = r"[._\-]"
"""What joins the words of a handle or a mailbox ("rob.quinlan", "rob_quinlan")."""


def variant_names(name: str) -> list[tuple[str, str]]:
    """(the plain ``name`` written with another form of its given name, or another
    form of a middle name with the words after it; that form), for a name of two
    words or more whose given or middle name the tables know."""
    written = name.split()
    if not GIVEN_VARIANTS or len(written) < 2:
        return []
    out = []
    first = words(written[0])
    if len(first) == 1:
        out += [(" ".join([v, *written[1:]]), v) for v in other_given(first[0])]
    for i, middle in enumerate(written[1:-1], 1):
        ws = words(middle)
        if len(ws) == 1 and ws[0] not in PARTICLES:
            out += [(" ".join([v, *written[i + 1:]]), v) for v in other_given(ws[0])]
    return out


def capitals_only(word: str) -> bool:
    """Whether the given-name variant ``word`` counts only as its capitals say: an
    everyday word, a word of two letters, or a family name's particle ("Van" for
    Vanessa: "van Quinlan" may be another family's name)."""
    return word in WORD_NAMES or len(word) < MIN_PLAIN or word in PARTICLES


def everyday_variant(forms: Forms, word: str) -> Forms:
    """The forms of a name written with the variant ``word``, where ``word`` counts
    only as its capitals say (see the module's docstring): its word sequences
    that hold ``word`` apart become a capitalised form and a handle form, and a
    form that opens with ``word`` counts only where it is capitalised."""
    kept, apart, joined = [], [], []
    for seq in forms.seqs:
        if len(seq) < 2 or word not in seq:
            kept.append(seq)
            continue
        start = _word_start(seq[0])
        apart.append(Confirmed(seq, rf"(?P<capital>{start}"
                               + "".join(rf"{_APART}{re.escape(w)}" for w in seq[1:])
                               + r")(?![^\W_])"))
        joined.append(Confirmed(seq, start + "".join(rf"{_JOINT}{re.escape(w)}" for w in seq[1:])
                                + r"(?![^\W_])(?P<capital>)"))
    return dataclasses.replace(
        forms, seqs=tuple(kept), confirmed=(*_opening_capital(forms.confirmed, word), *apart),
        handles=(*forms.handles, *joined), labelled=_opening_capital(forms.labelled, word))


def _opening_capital(forms: Iterable[Confirmed], word: str) -> tuple[Confirmed, ...]:
    """``forms``, those whose pattern opens with ``word`` only where its first letter
    is a capital ("Rob J. Quinlan", not "to rob J. Quinlan"). Every variant is
    ASCII (ivsite.names.nicknamed), so [A-Z] is every capital it opens with."""
    return tuple(dataclasses.replace(c, pattern=r"(?=(?-i:[A-Z]))" + c.pattern)
                 if c.pattern.startswith(re.escape(word)) else c for c in forms)


def _word_start(word: str) -> str:
    """``word`` where no letter or digit stands just before it (the literal first,
    so that the regular expression engine skips ahead to it)."""
    return rf"{re.escape(word)}(?<![^\W_][\s\S]{{{len(word)}}})"
