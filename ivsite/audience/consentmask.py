"""Taking the names of people who agreed to be named out of a text, without
hiding anyone who did not.

The filter (ivsite.namecheck) and the audit (ivsite.audit) look for the short
forms of unconsented names, which a consented name may hold: "Aiko C. Fagerlund"
(who agreed) holds "C. Fagerlund", a short form of Camila G. Fagerlund (who did
not). Such a hit is excused, but only where it lies inside a consented name: in
"- Jordan Kim\n- Lee Park" the consented "Kim Lee" straddles two list items, and
taking it out would take the unconsented "Jordan Kim" with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def _letters(test: Callable[[str], bool]) -> str:
    """A character class's body: the letters of the Latin, Greek, Cyrillic and
    Armenian blocks and Latin Extended Additional that pass ``test``."""
    chars = (chr(c) for r in (range(0x41, 0x590), range(0x1E00, 0x1F00)) for c in r)
    return "".join(re.escape(ch) for ch in chars if test(ch))


_LOWER, _UPPER = _letters(str.islower), _letters(str.isupper)
"""Small and capital letters, beyond ASCII: a name glued to the next word
("Naveen PetrovićNewer", "WithÉmile") starts or ends where a small letter meets
a capital, whatever their accents (with [a-z] and [A-Z] alone a consented name
ending in "ć" was not taken out, and its given name, also another's, was
reported: on a generated site of 4,000 notes)."""


_DIGIT_START, _DIGIT_END = r"|(?<=\d)(?=[^\W\d_])", r"|(?<=[^\W\d_])(?=\d)"
"""Where a glued name may also start (after a digit) and end (before one)."""


def names_pattern(names: Iterable[str], glued: bool = False) -> re.Pattern[str] | None:
    """One pattern for these names, each word apart by anything but a letter or
    digit (so "Aiko C Fagerlund" and "AIKO C. FAGERLUND" are the name too): the
    names of people who agreed, taken out of a text before it is searched for the
    short forms of those who did not ("C. Fagerlund" inside "Aiko C. Fagerlund").
    ``glued``: a name may also start where a capital follows a small letter, as
    where a search index runs a label and a value together ("WithAiko"), and end
    where a capital follows, as where a reading of a page without its tags runs a
    link's text into the next one ("Aiko FagerlundNewer"); and where a letter meets
    a digit, as where a list's name runs into its date ("Aiko G. Fagerlund2
    September"), which the audit's words split there too (ivsite.text.normalise). Left
    whole, a consented "Aiko G. Fagerlund" so glued was not taken out, and "Aiko
    G.", a short form of an unconsented Aiko D. Gupta, was reported (a generated
    site whose names have middle initials)."""
    trie: _Node = {}
    for name in names:
        node = trie
        for w in name.split():
            node = node.setdefault(re.escape(w.strip(".")), {})
        if node is not trie:
            node[_END] = {}
    if not trie:
        return None
    step = rf"(?-i:(?<=[{_LOWER}])(?=[{_UPPER}]))"
    start, end = (rf"(?:(?<![^\W_])|{step}{_DIGIT_START})",
                  rf"(?:(?![^\W_])|{step}{_DIGIT_END})") if glued else \
        (r"(?<![^\W_])", r"(?![^\W_])")
    return re.compile(start + _alternatives(trie) + end, re.I)


_Node = dict[str, "_Node"]
_END = ""
"""A trie's mark that a name ends at its node (no word is empty)."""


def _alternatives(node: _Node) -> str:
    """The names of a trie of their words as one pattern that shares their first
    words: a site of thousands of consented names made an alternation of thousands
    of names, each tried at every word of every page (half the audit of a page at
    10,000 notes), where this one tries the words that can come next. The same
    names match; of those starting at one place, the longest (a later word is
    tried before the name ends, longer words before shorter)."""
    branches = []
    for word in sorted((w for w in node if w != _END), key=lambda w: (-len(w), w)):
        child = node[word]
        if len(child) == 1 and _END in child:
            branches.append(word)
            continue
        rest = rf"(?:[\W_]*{_alternatives(child)})" if any(w != _END for w in child) else ""
        branches.append(word + rest + ("?" if _END in child else ""))
    return "(?:" + "|".join(branches) + ")"


def standing(found: list[T], text: str, consented: re.Pattern[str] | None,
             find: Callable[[str], list[T]], may_excuse: Callable[[T], bool]) -> list[T]:
    """The hits of ``found`` (``find`` run on ``text``) that the consented names do
    not excuse. A hit that ``may_excuse`` allows is excused when it is not found in
    the text with the consented names taken out, and is found among them alone
    (neighbouring ones together: "Doe, Jane. Doe, Jane." holds "Jane Doe" across
    two). A hit that straddles a consented name and other words ("Jordan Kim" in
    "Jordan Kim Lee Park", where "Kim Lee" agreed) stands. (A hit found both among
    consented names and, elsewhere, straddling one is excused: a payload does not
    say where it was found.)"""
    if consented is None or not any(may_excuse(x) for x in found):
        return found
    # One pass of the names' pattern for both (it is tried at every letter): the
    # text without them is what ``consented.sub(" ", text)`` makes.
    names = [m.span() for m in consented.finditer(text)]
    again = {id(x) for x in find(_without(text, names))}
    inside = {id(x) for run in _runs(text, names) for x in find(run)}
    return [x for x in found if not may_excuse(x) or id(x) in again or id(x) not in inside]


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span a space."""
    parts: list[str] = []
    at = 0
    for start, end in spans:
        parts += (text[at:start], " ")
        at = end
    parts.append(text[at:])
    return "".join(parts)


_WORD = re.compile(r"[^\W_]")


def _runs(text: str, names: list[tuple[int, int]]) -> set[str]:
    """The consented names in ``text`` (their spans), those with nothing but
    punctuation and space between them taken together."""
    runs: set[str] = set()
    start = end = -1
    for m_start, m_end in names:
        if start < 0 or _WORD.search(text, end, m_start):
            if start >= 0:
                runs.add(text[start:end])
            start = m_start
        end = m_end
    if start >= 0:
        runs.add(text[start:end])
    return runs
