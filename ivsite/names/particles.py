"""The particles of a family name, as a class of words rather than one spelling.

A family name's particles ("van der", "von", "de la", "dos", "ter", "bin") are
written as people say them, not as a register records them (red team 16,
R16-05): shortened to their initials ("v.d. Berg", "v/d Broek", "vd Berg",
"v. Lindenau", "d. Santos", "b. Abdullah"), swapped for a sibling of the same
kind ("van der Broek" for van den Broek, "von" for "van"), partly or wholly left
out ("La Fontaine" for de la Fontaine), or run together ("Vander Berg"). Spanish
and Portuguese join two surnames with "y", "e" or "i" ("García y López" for
García López). Each of these names the person as surely as the name recorded,
so each is a form of it: a name's particle words are optional, abbreviable and
interchangeable within their kind, and a connective may stand between two
surnames.

The kinds below define the class (what a particle is); which spellings of a name
follow from it is worked out by shape, for any name. A word recorded as a short
form ("Anneke v.d. Berg": ``v``, ``d``, or ``vd``) stands for every particle it
may shorten. The Gaelic prefix of a family name ("McAllister", "MacAllister") is
written apart as well ("Mac Allister"), and with the other spelling.

Only forms with the given name (or its initial) or a title before the family name
are made: the particle is what stands between them, and "Berg" alone is no more a
name with a "v." before it than without. With a title ("Dr v.d. Berg", "Mevrouw
Berg") one pattern per name does (:func:`titled_particles`): a word sequence per
title and spelling would be thousands.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from ..text.normalise import words
from ..text.textmatch import Confirmed
from .nameparts import HONORIFICS
from .worldtitles import TITLES_BEFORE

PARTICLE_FORMS = True
"""Whether a name is looked for with its particles written otherwise (tests switch
it off to show that a build then publishes such a form)."""

LANGUAGES: tuple[tuple[frozenset[str], ...], ...] = (
    (frozenset({"van", "von", "vom"}),  # "of": Dutch, German
     frozenset({"der", "den", "de", "dem", "des"}),  # "the"
     frozenset({"ter", "ten", "te"})),  # "at the": Dutch
    (frozenset({"de", "di", "da", "do", "dos", "das", "du", "del", "della", "dei", "des"}),  # "of"
     frozenset({"la", "le", "lo", "las", "los", "les"})),  # "the": Romance
    (frozenset({"bin", "binti", "bint", "ibn", "ibni", "ben", "bte", "bt"}),  # "son/daughter of"
     frozenset({"al", "el", "ul"})),  # "the": Arabic
    (frozenset({"y", "e", "i"}),),  # "and", between two surnames: Spanish, Portuguese, Catalan
)
"""The kinds of particle, by the languages that write them: the words of one kind
stand for each other. A run of particles is read in the languages its words
(or its short forms' letters) say: "de" in "van de" is Dutch, in "de la" French."""
KINDS = tuple(kind for kinds in LANGUAGES for kind in kinds)
CONNECTIVES = KINDS[-1]
"""Words that join two surnames and may be put in between any two."""
PARTICLE_WORDS = frozenset().union(*KINDS)
_INITIALS = frozenset(w[0] for w in PARTICLE_WORDS)
_OF = frozenset(w[0] for w in KINDS[0] | KINDS[2])
_THE = frozenset(w[0] for w in KINDS[1])
_GAELIC = ("mac", "mc")
"""The prefix of a Gaelic family name, written joined or apart, either way."""
MIN_GAELIC_REST = 3
"""A family name that opens with "mac"/"mc" is read as prefixed only when this many
letters follow ("Macy", "Mack" are not)."""
MAX_FORMS = 600
"""At most this many spellings of one name's particles (a name with two runs of
particles multiplies them)."""


def _languages(run: tuple[str, ...]) -> list[tuple[frozenset[str], ...]]:
    """The languages a run of particles is in: those of its words and letters that
    one language alone has ("van", "v", "la"); else every language of any of them."""
    def holding(word: str) -> list[int]:
        return [i for i, kinds in enumerate(LANGUAGES) for kind in kinds
                if word in kind or (len(word) == 1 and any(w[0] == word for w in kind))]
    held = [sorted(set(holding(w if w in PARTICLE_WORDS else c)))
            for w in run for c in (w if w not in PARTICLE_WORDS else w[:1])]
    sure = {h[0] for h in held if len(h) == 1}
    return [LANGUAGES[i] for i in sorted(sure or {i for h in held for i in h})]


def particle_like(word: str) -> bool:
    """Whether a word of a name, between its given and its last word, is a particle
    or a short form of particles: an initial (``v``; a middle initial that is one
    too) or "of" and "the" run together (``vd``, ``td``)."""
    return word in PARTICLE_WORDS or (len(word) == 1 and word in _INITIALS) or (
        len(word) == 2 and word[0] in _OF and word[1] in _THE)


def _choices(word: str, kinds: Iterable[frozenset[str]]) -> list[tuple[str, ...]]:
    """How one particle word (or a short form of several) may be written, as words of
    ``kinds``: itself, a sibling, the initial of either, or not at all (a short form
    of several is several words)."""
    kinds = list(kinds)
    if word in PARTICLE_WORDS:
        kin = {w for kind in kinds if word in kind for w in kind} | {word}
        return [(), *((w,) for w in sorted(kin | {w[0] for w in kin}))]  # "b." for ibn
    letters = [sorted({w for kind in kinds for w in kind if w[0] == c} | {c}) for c in word]
    return [(), *itertools.product(*letters)]


def _runs(ws: tuple[str, ...]) -> list[tuple[int, int]]:
    """The runs of particle words after the first word and before the last: (start, end)."""
    runs: list[tuple[int, int]] = []
    i = 1
    while i < len(ws) - 1:
        if particle_like(ws[i]):
            j = i
            while j < len(ws) - 1 and particle_like(ws[j]):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _run_forms(run: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Every way a run of particles may be written, as words: each word by its
    :func:`_choices`, and short forms run together ("vd"); the run as recorded run
    together too ("vander")."""
    out: set[tuple[str, ...]] = set()
    kinds = [kind for kinds in _languages(run) for kind in kinds]
    for picked in itertools.product(*(_choices(w, kinds) for w in run)):
        said = tuple(w for part in picked for w in part)
        out.add(said)
        if len(said) > 1 and all(len(w) == 1 for w in said):
            out.add(("".join(said),))
    if len(run) > 1:
        out.add(("".join(run),))
    return out


def particle_forms(seq: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The word sequence ``seq`` (a name, given name first) with its particles
    written every other way, and with a connective between two surnames; the
    Gaelic prefix of its last word apart or joined. ``seq`` itself is not among
    them. None when :data:`PARTICLE_FORMS` is off."""
    if not PARTICLE_FORMS or len(seq) < 2:
        return set()
    out: set[tuple[str, ...]] = set()
    pieces: list[Iterable[tuple[str, ...]]] = []
    at = 0
    for start, end in _runs(seq):
        pieces.append([seq[at:start]])
        pieces.append(sorted(_run_forms(seq[start:end])))
        at = end
    pieces.append(sorted(_tail_forms(seq[at:])))
    for picked in itertools.product(*pieces):
        out.add(tuple(w for part in picked for w in part))
        if len(out) >= MAX_FORMS:
            break
    out |= set(_connected(seq))
    out.discard(seq)
    return {f for f in out if len(f) > 1}


def _tail_forms(tail: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The name's words after its last particle run: as written, and with the last
    word's Gaelic prefix apart ("mac allister") or joined, in either spelling."""
    yield tail
    if not tail:
        return
    last = tail[-1]
    for prefix in _GAELIC:
        rest = last[len(prefix):]
        if last.startswith(prefix) and len(rest) >= MIN_GAELIC_REST:
            for other in _GAELIC:
                yield (*tail[:-1], other, rest)
                yield (*tail[:-1], other + rest)
            break


def _connected(seq: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """``seq`` with a connective between two neighbouring surnames (words after
    the given name, neither a particle): "garcia y lopez"."""
    for i in range(2, len(seq)):
        if not particle_like(seq[i - 1]) and not particle_like(seq[i]):
            for c in sorted(CONNECTIVES):
                yield (*seq[:i], c, *seq[i:])


def written_particles(name: str) -> frozenset[str]:
    """The words of a name as recorded that are particles by how they are written:
    a word in small letters between its first and last word, a particle or a short
    form of one ("v.d." of "Anneke v.d. Berg": ``v``, ``d``). Not a middle initial,
    which is a capital ("John D. Rockefeller")."""
    tokens = name.split()[1:-1]
    return frozenset(w for t in tokens if t == t.lower() for w in words(t) if particle_like(w))


_TITLES = HONORIFICS | TITLES_BEFORE
_SHORT = (rf"(?:[{''.join(sorted(_INITIALS))}]"
          rf"|[{''.join(sorted(_OF))}][{''.join(sorted(_THE))}])")
"""A short form as written ("v", "vd", "d'"), as :func:`particle_like` has it: not
another person's initial ("Dr J. Berg")."""


def titled_particles(family: tuple[str, ...]) -> tuple[Confirmed, ...]:
    """A title before the family name of a name with particles, its particles
    written any way or not at all ("Dr v.d. Berg", "Ms. van den Berg", "Mevrouw
    Berg" for Anneke van der Berg): one pattern whose anchor is the last word of the
    family name, run only where the text has a title word (as
    ivsite.names.worldtitles.titled_forms). None for a family name without
    particles, whose titled forms are word sequences (ivsite.names.nameforms)."""
    if not PARTICLE_FORMS or len(family) < 2 or not all(particle_like(w) for w in family[:-1]):
        return ()
    words_re = "|".join(sorted(PARTICLE_WORDS, key=lambda w: (-len(w), w)))
    particle = rf"(?:{words_re}|{_SHORT})(?![^\W_])[.'\u2019/]?"
    before = "|".join(sorted(_TITLES))
    pattern = (rf"(?P<capital>)(?<![^\W_])(?:{before})\.?\s+(?:{particle}\s*){{0,3}}"
               rf"{re.escape(family[-1])}(?![^\W_])")
    return (Confirmed((family[-1],), pattern, gate=_TITLES),)
