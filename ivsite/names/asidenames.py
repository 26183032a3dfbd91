"""The other names a recorded name says its person goes by (red team 10, R10-04/05).

An aside in a ``person.name`` is dropped from the compared name
(ivsite.names.nameparts.plain_name), but some asides are themselves a name:

* a preferred given name, in brackets between the words of the name or in quotes
  anywhere ("Xiaoming (Kevin) Wang", 'Wang "Kevin" Xiaoming'), which many students
  record for the English name someone goes by: "Kevin Wang" names them;
* a former or birth family name after a marker ("Anna Kowalska (née Nowak)",
  "geb. Nowak", "z d. Nowak", "born Nowak", "maiden name Nowak"): "Anna Nowak"
  names her, and "Nowak" alone in her own note does too;
* one or two capitalised words in brackets after the name ("Xiaoming Wang
  (Kevin)", "Anna Kowalska (Nowak)"): a preferred given name or a former family
  name, and which one only the author knows, so both are looked for: "Kevin
  Wang" and "Xiaoming Kevin". Such an aside is as often a place of work ("Jane
  Doe (Acme)"), so its word is not looked for alone ("Acme" in a note about Jane
  is no leak, while "Acme Doe" and "Jane Acme" are no one's prose), unless the
  table of given names (ivsite.names.nicknamed) knows it as one: "Kevin".

Each such name is looked for with every form of a name (ivsite.names.nameforms) and
ties notes into one person (ivsite.names.identity.one_person_keys).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..text.normalise import words
from .nameparts import FORMER_NAME, HONORIFICS, ORGANISATION, PARENT_OF, SUFFIXES, plain_name
from .nicknamed import other_given

FORMER_MARKERS = (("nee",), ("ne",), ("geb",), ("geborene",), ("geboren",), ("z", "d"),
                  ("z", "domu"), ("born",), ("formerly",), ("previously",), ("maiden", "name"),
                  ("birth", "name"), ("roz",), ("rozena",), ("nata",), ("nacida",))
"""Words (folded, as ivsite.text.normalise.words gives them) that open a former or birth
family name in an aside: née, geb., z d. (z domu), born, formerly, maiden name."""

_NOT_NAMES = frozenset({
    "he", "him", "his", "she", "her", "hers", "they", "them", "their", "xe", "ze", "it",
    "pronounced", "aka", "a", "an", "the", "my", "our", "from", "at", "of", "via", "and"})
"""Words that make an aside something other than a name ("(he/him)", "(from Acme)")."""

_BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|\{([^{}]*)\}")
_QUOTED = re.compile(r"[\"\u201c\u201d\u00ab\u00bb\u201e]([^\"\u201c\u201d\u00ab\u00bb\u201e]+)"
                     r"[\"\u201c\u201d\u00ab\u00bb\u201e]|(?<![^\W_])['\u2018\u2019]"
                     r"([^'\u2018\u2019]+)['\u2018\u2019](?![^\W_])")




class OtherName(NamedTuple):
    """A name the person also goes by, and whether its own words (the aside's
    given or family name) are looked for alone near the person, as
    ``name_forms(...).parts`` are."""

    name: str
    parts: bool


MAX_ASIDE_WORDS = 2
"""An aside of more words than this is a remark, not a name ("(my old manager)")."""


@functools.lru_cache(maxsize=1 << 12)
def other_names(name: str) -> tuple[OtherName, ...]:
    """The names an aside in ``name`` says its person also goes by (see above),
    given name first, in folded words; none when there is no such aside."""
    unquoted = _QUOTED.sub(" ", name)
    base = words(plain_name(unquoted))
    if not base:
        return ()
    given, family = base[0], base[-1]
    out: dict[str, bool] = {}

    def add(ws: list[str], parts: bool) -> None:
        key = " ".join(ws)
        out[key] = out.get(key, False) or parts

    for aside, placed in _asides(name):
        aw = words(aside)
        former = _former(aw)
        if former:  # its words as one family name: "Anna Nowak" for "née Nowak-Lis" too
            add([given, "-".join(former)], True)
        elif _a_name(aside, aw) and placed:  # between the words, or quoted
            add([*aw, family], True)
            if given != family:
                add([*aw, given], True)
        elif _a_name(aside, aw) and all(t[:1].isupper() for t in aside.split()):
            # At the end: a given or a family name; surely a given name (so looked
            # for alone) where it is one the table of given names knows ("Kevin").
            add([*aw, family], len(aw) == 1 and bool(other_given(aw[0])))
            add([given, *aw], False)
    for m in FORMER_NAME.finditer(_BRACKETED.sub(" ", unquoted)):
        former = words(m.group("former"))
        if _name_words(former):
            add([given, "-".join(former)], True)
    cut = next((i for i, w in enumerate(base) if w in PARENT_OF), 0)
    if cut >= 2:  # the person's own name of a patronymic name ("Nurul Aini")
        add(base[:cut], True)
    plain = " ".join(base)
    return tuple(OtherName(n, p) for n, p in out.items() if n != plain and len(n.split()) > 1)


def _asides(name: str) -> list[tuple[str, bool]]:
    """Each aside of ``name`` with whether it stands where a given name may: in
    quotes anywhere, or in brackets with words of the name on both sides."""
    found = [(next(g for g in m.groups() if g is not None), True) for m in _QUOTED.finditer(name)]
    for m in _BRACKETED.finditer(name):
        inner = next(g for g in m.groups() if g is not None)
        before, after = name[:m.start()], name[m.end():]
        found.append((inner, bool(words(_BRACKETED.sub(" ", before)))
                      and bool(words(_BRACKETED.sub(" ", after)))))
    return found


def _former(aw: list[str]) -> list[str]:
    """The former family name an aside's words give after a marker, or none."""
    for marker in FORMER_MARKERS:
        if tuple(aw[:len(marker)]) == marker:
            rest = aw[len(marker):]
            return rest if _name_words(rest) else []
    return []


def _a_name(aside: str, aw: list[str]) -> bool:
    """Whether an aside's words may be a name: one or two words of letters, none
    a pronoun, title, suffix or word of a place of work."""
    return len(aside.split()) <= MAX_ASIDE_WORDS and _name_words(aw)


def _name_words(aw: list[str]) -> bool:
    """Whether these words may be a name: one or two words of letters, none a
    pronoun, title, suffix or word of a place of work ("born 1980", "formerly at
    Acme" are not)."""
    return 0 < len(aw) <= MAX_ASIDE_WORDS and all(
        w.isalpha() and len(w) > 1 and w not in _NOT_NAMES and w not in HONORIFICS
        and w not in SUFFIXES and w not in ORGANISATION for w in aw)
