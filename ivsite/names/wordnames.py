"""Given and family names that are also everyday words: "Hope", "Will", "Frank",
"Grace", "Mark", "Green", "Park" (red team 11, R11-17).

A name part alone counts near the person (ivsite.names.people): in their own
note, "Quentin" is Quentin Zabrowski. But "I hope so", "to be frank", "I will
need SQL" in Hope's, Frank's or Will's note are not their names. Such a part is
found only capitalised where no sentence opens (ivsite.text.wordpairs): "with
Hope", not "I hope" nor "Hope you are well" (the words:
ivsite.names.everydaywords).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..text.normalise import words
from ..text.wordpairs import WordPair
from .everydaywords import WORD_NAMES
from .nameforms import name_forms
from .nameparts import plain_name


def everyday_alone(seqs: Iterable[tuple[str, ...]],
                   ) -> tuple[tuple[tuple[str, ...], ...], tuple[WordPair, ...]]:
    """A name's word sequences without those of one word that is an everyday word,
    and those words as a :class:`WordPair` alone, inside a sentence: a person
    recorded by such a given name alone ("Mark", "May", "Will", met at a career
    fair's booth) is named by it only where it reads as a name, as a name part
    that is one is ("I met Will", "Then Mark said"), not in "I will apply", "It
    may have moved", "Page not found" nor a script's or style sheet's ``mark``
    (red team 13, R13-08). Only the word itself: its declined forms ("Maya",
    "Willie") are other people's names, and a whole name is looked for on every
    page."""
    kept: list[tuple[str, ...]] = []
    alone: list[WordPair] = []
    for seq in seqs:
        if len(seq) == 1 and seq[0] in WORD_NAMES:
            alone.append(WordPair(frozenset(seq), amid=True))
        else:
            kept.append(seq)
    return tuple(kept), tuple(alone)


def everyday_words(name: str) -> tuple[str, ...]:
    """The everyday words a name of one word is looked for as alone (see
    :func:`everyday_alone`): "mark" for "Mark"; none for a longer name. Where
    nothing shows a name by its capitals, in an address ("coffee-with-mark"), or
    should not be read for one, in ivsite's own files (ivsite.audit.search),
    these are what to look for or leave out."""
    if len(words(plain_name(name))) != 1:
        return ()
    return tuple(sorted({seq[0] for seq in name_forms(name).seqs
                         if len(seq) == 1 and seq[0] in WORD_NAMES}))
