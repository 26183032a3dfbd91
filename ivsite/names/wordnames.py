"""Given and family names that are also everyday words: "Hope", "Will", "Frank",
"Grace", "Mark", "Green", "Park" (red team 11, R11-17).

A name part alone counts near the person (ivsite.names.people): in their own
note, "Quentin" is Quentin Zabrowski. But "I hope so", "to be frank", "I will
need SQL" in Hope's, Frank's or Will's note are not their names. Such a part is
found only capitalised where no sentence opens (ivsite.text.wordpairs): "with
Hope", not "I hope" nor "Hope you are well". A list, not a dictionary: the
words are few, and a name that is a rare word ("Quentin") keeps every form.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..text.normalise import words
from ..text.wordpairs import WordPair
from .nameforms import name_forms
from .nameparts import plain_name

_LISTED = """
    amber angel april art ash august autumn baker bank banks bear bell bill bishop black
    brook brown buck bud carter case cash charity chase chip cliff cook cooper crystal
    daisy dale dawn destiny don dot drew east faith field fields fisher fox frank glen
    gold grace grant gray green grey guy hall harmony hawk hazel heather hill holly
    honor honour hope hunter iris ivy jack jade joy june king lance lane lily little
    long lord love major mark mason may melody mercy miles miller moon nick north olive
    page park pat patience pearl penny porter price prudence rain ray reed rice rich
    river rivers rob robin rocky rod rose royal ruby rusty sage sandy short silver sky
    small south star stone storm sue summer sun sunny turner violet wade walker ward
    west white will winter wolf wood woods young
    ant dick dob hap hob kit lib midge peg randy tory
    """
WORD_NAMES = frozenset(_LISTED.split())
"""Folded, one word each."""


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
