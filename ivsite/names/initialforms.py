"""Forms of a name written with initials that its other forms miss (red team 10).

* A given name of more than one word ("Jean-Luc Marchand", "Mary Ann Smith") is
  written by its initials, with or without dots and hyphens: "JL Marchand",
  "J-L Marchand", "J.-L. Marchand", "J. L. Marchand" (R10-07), in capitals. A single initial
  with the family name is already a titled form (ivsite.names.nameforms).
* A name recorded by its initial ("Q. Zabrowski", as an email signature gave it)
  is named as surely by any given name with that initial before the family name:
  "Quentin Zabrowski", "Quincy R. Zabrowski" (R10-17); and a name recorded with
  its family initial ("Jane D.") by "Jane" and any family name with that initial:
  "Jane Doe". Which given or family name only the author knows, so any that fits,
  capitalised as a name is, counts (:class:`ivsite.text.textmatch.Confirmed`):
  "Quentin met Zabrowski" has no given name before it, "quietly zabrowski" no
  capital. Before a short family name, which is often a word, only a given name
  the table of given names knows counts (:data:`MIN_RARE_FAMILY`).
"""

from __future__ import annotations

import re

from ..text.textmatch import Confirmed
from .nicknamed import known_given

MIN_RARE_FAMILY = 6
"""A family name shorter than this is often a word ("Park", "Hall", "King"): after
a recorded initial, only a given name the table of given names knows
(ivsite.names.nicknamed) is looked for before it, so that "Jurassic Park" is no J. Park."""
_LETTERS = r"[^\W\d_]+"
_BETWEEN = r"[\s.\-\u2010\u2011]+"
"""What stands between the words or initials of one name."""


def compound_initials(givens: list[str], family: tuple[str, ...]) -> tuple[Confirmed, ...]:
    """The initials of the first two or more given and middle names before the
    family name, apart or run together, each a capital letter: "JL Marchand",
    "J.-L. Marchand". As capitals only: run together, two initials are often a
    word ("in Smith" for Isabel Nora Smith, "am Lopez" for Ana María García López)."""
    family_re = r"[\W_]+".join(re.escape(w) for w in family)
    out = []
    for n in range(2, len(givens) + 1):
        # The first initial first, then what stands before it: a literal to skip to.
        first, *rest = (rf"(?-i:{re.escape(w[0].upper())})" for w in givens[:n])
        initials = r"[.\s\-\u2010\u2011]{0,3}".join([rf"{first}(?<![^\W_][\s\S])", *rest])
        pattern = rf"(?P<capital>){initials}\.?[\s\u00a0]+{family_re}(?![^\W_])"
        out += [Confirmed((*run, *family), pattern) for run in _runs([w[0] for w in givens[:n]])]
    return tuple(out)


def _runs(initials: list[str]) -> list[tuple[str, ...]]:
    """The words the initials are read as, each pair apart or run together ("J. L."
    and "J-L" are "j l", "JL" is "jl"): the anchor of a form is the initials and
    the family name, so that its pattern, which starts with a single letter and
    would be tried at every place of a page that has it, runs only on a text whose
    words hold them (at 10,000 notes a page names thousands of family names)."""
    out: list[tuple[str, ...]] = [(initials[0],)]
    for letter in initials[1:]:
        out = [r for run in out for r in ((*run, letter), (*run[:-1], run[-1] + letter))]
    return out


def recorded_initial(given: str, family: tuple[str, ...]) -> tuple[Confirmed, ...]:
    """A capitalised given name that starts with the recorded initial ``given``
    (one letter), an optional middle name or initial, capitalised too ("Quentin
    told Zabrowski" is no name), then the family name."""
    if len(given) != 1 or not family or len(family[0]) < 2:
        return ()
    family_re = r"[\W_]+".join(re.escape(w) for w in family)
    first = rf"{re.escape(given)}(?<![^\W_][\s\S]){_LETTERS}"
    if len("".join(family)) < MIN_RARE_FAMILY:  # "Park": a given name the table knows
        known = sorted((n for n in known_given() if n.startswith(given) and len(n) > 1),
                       key=len, reverse=True)
        if not known:
            return ()
        first = rf"(?<![^\W_])(?:{'|'.join(map(re.escape, known))})"
    pattern = (rf"(?P<capital>{first}"
               rf"(?:{_BETWEEN}{_LETTERS}\.?)?){_BETWEEN}{family_re}(?![^\W_])")
    return (Confirmed(family, pattern),)


def recorded_family_initial(given: str, family: tuple[str, ...]) -> tuple[Confirmed, ...]:
    """The given name and a capitalised family name that starts with the recorded
    family initial (``family``: one word of one letter)."""
    if len(family) != 1 or len(family[0]) != 1 or len(given) < 2:
        return ()
    pattern = (rf"{re.escape(given)}(?<![^\W_][\s\S]{{{len(given)}}})[\s\u00a0]+"
               rf"(?P<capital>{re.escape(family[0])}{_LETTERS})(?![^\W_])")
    return (Confirmed((given,), pattern),)
