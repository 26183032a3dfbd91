"""A given name's usual short and long forms: "Bob Smith" for Robert Smith,
"Robert Smith" for Bob Smith (red team 9, R9-04).

Friends and colleagues write a person by the form of the given name they use, and
a reader who knows Robert Smith knows Bob Smith. Which forms go together is data,
not a rule: the ``nicknames`` package (Carlton Northern's hand-curated table of
English given names and their nicknames, about 1,100 names, Apache-2.0) holds
most of it; :data:`DIMINUTIVES` the common ones it lacks ("Robbie", "Katie",
"Kat"), and ivsite.names.worlddiminutives other languages'. Every use reads the
union of the three (red team 15, R15-03: the tables disagreed, and "Robbie
Quinlan" was published while two records "Robbie" and "Robert Quinlan" were one
person).

Each other form is a given-name variant, looked for in every form the given name
is (ivsite.names.givenforms). Many are everyday words ("Will", "Bill", "Rob",
"Pat", "Art"): "will smith" in prose names no one, so those count where the text's
capitals confirm them (ivsite.names.everydaywords).
"""

from __future__ import annotations

import functools

from nicknames import NickNamer

from .worlddiminutives import diminutives

DIMINUTIVES: dict[str, tuple[str, ...]] = {
    "alexander": ("sasha", "sacha", "sandy", "xander", "lex"),
    "alexandra": ("sasha", "sacha", "sandy", "sandra", "lexi", "lexie", "xandra"),
    "anthony": ("tony",), "antonio": ("toni", "tonio"),
    "catherine": ("kate", "katie", "cathy", "kat", "kitty", "cat"),
    "charles": ("chuck", "charlie"), "christopher": ("kit",), "edward": ("ted", "ned", "eddie"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "bette", "eliza", "libby", "lisa"),
    "francisco": ("paco", "pancho", "cisco"), "henry": ("hank", "harry"),
    "james": ("jim", "jimmy", "jamie"), "john": ("jack", "johnny"), "jose": ("pepe",),
    "katherine": ("kate", "katie", "kathy", "kay", "kat", "kitty"),
    "kathryn": ("kate", "katie", "kathy", "kat", "kitty"),
    "margaret": ("maggie", "meg", "peggy", "greta", "rita"), "michael": ("mike", "mikey"),
    "patricia": ("pat", "patty", "tricia", "trish"), "richard": ("rick", "dick", "rich"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"), "susan": ("sue", "suzy"),
    "william": ("bill", "billy", "will", "liam"), "jennifer": ("jen", "jenny"),
    "rebecca": ("becky", "becca"), "theodore": ("ted", "teddy", "theo"),
    "victoria": ("vicky", "tori"), "dorothy": ("dot", "dotty"), "ivan": ("vanya",),
    "dmitri": ("dima",), "dmitry": ("dima",), "yekaterina": ("katya",), "maria": ("masha",),
    "mikhail": ("misha",), "nikolai": ("kolya",), "johannes": ("hans",),
}
"""Common English short forms the ``nicknames`` table lacks or lists under another
spelling (full name: short forms)."""


@functools.cache
def _namer() -> NickNamer:
    return NickNamer()  # reads its table once, on first use


@functools.cache
def _longer_of() -> dict[str, frozenset[str]]:
    """:data:`DIMINUTIVES` the other way round: the full names of each short form."""
    out: dict[str, set[str]] = {}
    for full, shorts in DIMINUTIVES.items():
        for short in shorts:
            out.setdefault(short, set()).add(full)
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def known_given() -> frozenset[str]:
    """Every given name the table knows (about 2,000, English), folded."""
    namer = _namer()
    table = {**namer._nickname_lookup, **namer._canonical_lookup}  # its two tables
    return frozenset(n for k, v in table.items() for n in (k, *v) if n.isalpha())


def _one_word(given: str) -> bool:
    return given.isascii() and given.isalpha()


def short_forms(given: str) -> frozenset[str]:
    """The short forms of the folded given name ``given`` that any of the tables
    lists: the ``nicknames`` table's, :data:`DIMINUTIVES`' and other languages'
    (ivsite.names.worlddiminutives, both ways)."""
    if not _one_word(given):
        return frozenset()
    found = _namer().nicknames_of(given) | set(DIMINUTIVES.get(given, ()))
    found |= set(diminutives(given))  # "Kasia", "Sasha"
    return frozenset(f for f in found if f.isalpha() and f != given)


def other_given(given: str) -> list[str]:
    """Every other form of the folded given name ``given``, each one word of
    letters: its short forms, and the names it is a short form of ("Robert" for
    Bob), in any of the tables."""
    if not _one_word(given):
        return []
    found = short_forms(given) | _namer().canonicals_of(given) | _longer_of().get(given, set())
    return sorted(f for f in found if f.isalpha() and f != given)


SHORT_FORMS_ALONE = True
"""Whether a given name's short forms count alone near the person, as the given
name does (red team 14, R14-12): in Robert Quinlan's own note "Bob", "Rob",
"Robbie" and "Bobby" are him. One that is an everyday word ("Rob", "Bill",
"Will") counts only as the everyday-word rule has it (ivsite.names.wordnames:
capitalised inside a sentence)."""
MIN_SHORT_ALONE = 3
"""A short form shorter than this ("Al", "Ed") is looked for only with the family name."""


def short_form_parts(given: str) -> list[str]:
    """The short forms of the folded ``given`` looked for alone near the person:
    the ``nicknames`` table's shorter than the name ("Bob", "Bobby" for Robert),
    not its other full names ("Rupert", "Peter" for Patrick), and every one of
    :data:`DIMINUTIVES` ("Robbie", "Katie"); none of two letters."""
    if not SHORT_FORMS_ALONE or not _one_word(given):
        return []
    found = {n for n in _namer().nicknames_of(given) if len(n) < len(given)}
    found |= set(DIMINUTIVES.get(given, ()))
    return sorted(n for n in found if n.isalpha() and len(n) >= MIN_SHORT_ALONE)
