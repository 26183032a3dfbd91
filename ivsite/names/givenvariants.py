"""Two given names that may be one person's, though neither is the other's short
form: another spelling ("Katharine" and "Katherine", "Stephen" and "Steven",
"Muhammad" and "Mohammed", "Alexander" and "Aleksandr") or a short form no table
lists ("Gus" for Augustin, "Evie" for Evangeline) (red team 11, R11-07).

A "no" under one spelling must withhold the name under the other: notes are tied
into one person when their family names are the same and their given names are
one of these (ivsite.names.shortnames.short_form_ties), and then one "no"
withholds both, with a ``consent-conflict`` warning that says they may be one
person. Tying two people by mistake withholds a name that could have been
published, which the warning tells; missing a tie publishes a name someone
refused, which nothing tells. So the rules lean to tying:

* one a form of the other in the ``nicknames`` table (ivsite.names.nicknamed),
  either way;
* the same sound skeleton (:func:`skeleton`: the first letter and the consonants,
  spelt one way), for names whose skeleton has three letters or more or that are
  six letters or more ("Mohammed", whose skeleton is "md");
* one edit apart (ivsite.text.wordpairs.one_edit) with the same first letter, for
  names of six letters or more;
* a short form made of the other's letters: three or more of them inside it
  ("Gus", "Tina", "Beth"), or its first two or more with a pet ending ("Evie",
  "Kathy", "Sashka").
"""

from __future__ import annotations

import re

from ..text.wordpairs import one_edit
from .nicknamed import other_given

MIN_SKELETON = 3
MIN_VARIANT = 6
MIN_INSIDE = 3
MIN_PET_REST = 4
"""A pet form's stem is the start of a name at least this much longer ("Ev" of
Evangeline), not of a name as short as the pet form ("Mary" is no "Martin")."""
PET_ENDINGS = ("ie", "y", "i", "ey", "ee", "a", "o", "ka", "ko", "ito", "ita", "ina", "ino",
               "chen", "le", "ke", "tje", "sha", "ya", "us", "ku", "sie", "cia", "sia")
"""Endings a short form takes in English, Spanish, Italian, German, Dutch, Slavic
and Finnish ("Evie", "Pepito", "Gretchen", "Kasia", "Sashka")."""
_SPELLINGS = (("ph", "f"), ("th", "t"), ("ck", "k"), ("kh", "h"), ("gh", "g"), ("dh", "d"),
              ("x", "ks"), ("q", "k"), ("c", "k"), ("v", "f"), ("w", "f"), ("z", "s"),
              ("j", "i"), ("y", "i"))
_VOWELS_AND_H = re.compile("[aeiouh]")
_DOUBLES = re.compile(r"(.)\1+")


def skeleton(given: str) -> str:
    """The folded given name's first letter and consonants, each spelt one way
    (``ph`` and ``v`` as ``f``, ``x`` as ``ks``, ``c`` and ``q`` as ``k``), doubled
    letters once: "stfn" for Stephen and Steven, "alksndr" for Alexander and
    Aleksandr, "md" for Muhammad and Mohammed."""
    spelt = given
    for written, said in _SPELLINGS:
        spelt = spelt.replace(written, said)
    return _DOUBLES.sub(r"\1", spelt[:1] + _VOWELS_AND_H.sub("", spelt[1:]))


def variant_given(a: str, b: str) -> bool:
    """Whether the folded given names ``a`` and ``b`` may be one person's (see the
    module's docstring); a name and its own short form are
    ivsite.names.shortnames.short_form's."""
    if a == b or not (a.isalpha() and b.isalpha()):
        return False
    if b in other_given(a) or a in other_given(b):  # the nicknames table both ways
        return True
    shorter, longer = sorted((a, b), key=len)
    if skeleton(a) == skeleton(b) and (len(skeleton(a)) >= MIN_SKELETON
                                       or len(shorter) >= MIN_VARIANT):
        return True
    if len(shorter) >= MIN_VARIANT and a[0] == b[0] and one_edit(a, b):
        return True
    if len(shorter) >= MIN_INSIDE and len(longer) > len(shorter) + 1 and shorter in longer:
        return True
    return any(shorter.endswith(e) and len(shorter) - len(e) >= 2
               and longer.startswith(shorter[:-len(e)])
               and len(longer) >= len(shorter) - len(e) + MIN_PET_REST for e in PET_ENDINGS)
