"""What to look for to find one name (:class:`Forms`), as ivsite.names.nameforms
makes it, and the union of two such sets: kept apart so that the modules that
make some of the forms (ivsite.names.givenforms) can take and give a whole set."""

from __future__ import annotations

from dataclasses import dataclass

from ..text.textmatch import Confirmed
from ..text.wordpairs import WordPair


@dataclass(frozen=True)
class Forms:
    """What to look for to find one name."""

    seqs: tuple[tuple[str, ...], ...]
    """Word sequences, anywhere: full, first + last, family-given, run together."""
    substrings: tuple[str, ...]
    """The name run together, for scripts written without spaces."""
    parts: tuple[str, ...]
    """Given and family name alone (in the person's own and linking notes only)."""
    titled: tuple[tuple[str, ...], ...] = ()
    """A title or initial with the family name ("Ms Dorrance", "J. Dorrance"): looked
    for in text, not in code, where "dr" and "a" stand beside anything."""
    confirmed: tuple[Confirmed, ...] = ()
    """Forms the text's capitals must confirm (see ivsite.textmatch.Confirmed): a
    middle name or initial the record lacks ("Quentin R. Zabrowski"), the family
    name and the initial ("Zabrowski, Q."), the given name and the family initial
    ("Quentin Z.")."""
    handles: tuple[Confirmed, ...] = ()
    """The initial and family name run together where it opens as a word may
    ("chance" for Cara Hance): found where the text shows a handle (ivsite.handles),
    in text and in code. One no word opens so ("mkowalczyk") is in :attr:`seqs`."""
    sounds: tuple[tuple[str, ...], ...] = ()
    """Key sequences that find the name by sound, in any script or romanisation
    (ivsite.soundkey: "Dmitri Wolkow", "Квентин Забровски")."""
    labelled: tuple[Confirmed, ...] = ()
    """The given and family name with labels between them ("Quentin (last name
    Zabrowski)", ``first = 'Quentin' AND last = 'Zabrowski'``: ivsite.labelledforms),
    in text and in code."""
    pairs: tuple[WordPair, ...] = ()
    """The given and family name inflected ("Anny Kowalskiej": ivsite.names.inflections)
    or with a typo ("Qeuntin Zabrowski": ivsite.names.typoforms), capitalised, in text."""



def union(a: Forms, b: Forms) -> Forms:
    """The forms of both (their sounds aside: name_forms adds those)."""
    def by_key(c: Confirmed) -> tuple[tuple[str, ...], str]:
        return (c.anchor, c.pattern)
    return Forms(tuple(sorted({*a.seqs, *b.seqs})), tuple(sorted({*a.substrings, *b.substrings})),
                 tuple(sorted({*a.parts, *b.parts})), tuple(sorted({*a.titled, *b.titled})),
                 tuple(sorted({*a.confirmed, *b.confirmed}, key=by_key)),
                 tuple(sorted({*a.handles, *b.handles}, key=by_key)),
                 labelled=tuple(sorted({*a.labelled, *b.labelled}, key=by_key)),
                 pairs=tuple(dict.fromkeys((*a.pairs, *b.pairs))))


