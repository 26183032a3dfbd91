"""The people one name field holds (red team 13, R13-04).

A group conversation is recorded with everyone in ``person.name``, and a
referrer or a referral with two people: "Quentin Zabrowski / Maria Oyelaran",
"Quentin Zabrowski, Maria Oyelaran", "Quentin Zabrowski - Maria Oyelaran",
"A | B", "A (with B)", "A w/ B", "A + B", "Jane & John Doe", one per line. The
rest of ivsite reads a field as one name (ivsite.names.nameparts.plain_name: an
aside after a spaced dash or bar is cut, "X, Y" is "Family, Given"), so only the
first person was looked for and a public page naming the second was published.
:func:`persons_in` splits such a field into its people, each as written (its
titles and asides kept for ivsite.names.nameparts and ivsite.names.asidenames),
and every rule about a name (the consent of each, the forms looked for, the
audit's withheld persons) applies to each of them.

What a person would type between two names splits it:

* always: a line break, ``;``, ``&``, ``+``, "and", "with", "w/", "plus" (what
  follows is a person when it reads as a name: ivsite.names.nameparts.name_in;
  "Quentin Zabrowski and team" holds one);
* between two full names only (two to five capitalised words, none a word of a
  place of work, a role, a channel, a pronoun or the person's company): a slash,
  a bar, a spaced dash, an en or em dash, a comma, and brackets holding one (or
  "with", "and" ... and one). So "Jane Doe - Acme", "Jane Doe | Product Manager",
  "Jane Doe (Acme)", "Jane Doe, PhD", "Doe, Jane", "Anna Zabrowski-Nowak" and
  "Xiaoming (Kevin) Wang" stay one person;
* a comma between two full names is "Family, Given" when the second holds only
  given names the table knows (ivsite.names.nicknamed) and the first does not
  open with one: "García López, Ana María" is one person.

A given name alone before a full name shares its family name ("Jane & John Doe":
Jane Doe and John Doe). When in doubt a field holds more people: each is then
withheld unless every note about them agrees, which is the safe way to be wrong.
"""

from __future__ import annotations

import functools
import re

from ..text.normalise import SPACELESS, words
from .channels import NO_ONE, names_no_one
from .nameparts import HONORIFICS, ORGANISATION, PARTICLES, SUFFIXES, name_in, plain_name
from .nicknamed import known_given

_JOB_WORDS = """
engineer engineers scientist scientists manager analyst architect consultant strategist
writer editor producer accountant lawyer attorney counsel nurse doctor physician
professor lecturer fellow student candidate owner president chair chairman chairwoman
representative rep agent executive exec programmer technician operator planner buyer
trader banker economist statistician librarian curator pharmacist therapist dentist
surgeon paralegal clerk software hardware frontend backend fullstack stack devops
cloud security qa ux ui hr pm sde swe vice general deputy regional global
operations ops finance legal strategy business technical tech program project
marketing communications recruiting support customer success partnerships account
banking investment insurance retail media pharma biotech fintech healthcare energy
government nonprofit education policy
coffee chat chats interview interviews intro introduction meeting meetings lunch dinner
breakfast zoom video virtual onsite remote informational session followup catchup
screen round visit tour demo talk sons daughters brothers sisters associates others
"""
ROLE_WORDS = frozenset(_JOB_WORDS.split())
"""Words of a job title, a field of work or the occasion ("Jane Doe - Software
Engineer", "Jane Doe - Coffee Chat"), beside ivsite.names.channels' roles: a piece
holding one is an aside, not a second person."""
_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "they", "them", "their",
                       "xe", "ze", "it", "i", "me", "we", "us", "you"})
NOT_A_NAME = NO_ONE | ORGANISATION | ROLE_WORDS | _PRONOUNS | HONORIFICS
"""Words no full name of a second person holds."""

_BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|\{([^{}]*)\}")
_LINES = re.compile(r"\s*[\r\n\v\f\u0085\u2028\u2029]+\s*")
_STRONG = re.compile(r"\s*(?:[;&+\uff06\uff0b\uff1b]|\b(?:and|with|plus|und|et)\b"
                     r"|(?<![^\s(])w/(?!o\b))\s*", re.I)
"""What stands only between two people (a line break aside)."""
_OPENS_WITH_STRONG = re.compile(rf"^{_STRONG.pattern}", re.I)
_MEDIUM = re.compile(r"(\s*[/|\u00a6\uff5c\uff0f]\s*|\s+[-\u2010\u2011\u2012\u2212]\s+"
                     r"|\s*[\u2013\u2014\u2015]\s*)")
"""What stands between two people or between a name and an aside ("Jane Doe -
Acme"): a slash, a bar, a spaced hyphen, an en or em dash."""
_PARENT_SLASH = re.compile(r"(?<![^\s(])(?:[sdw]/o|a/[lp])(?![^\s)])", re.I)
""""s/o", "d/o", "w/o", "a/l", "a/p" of a patronymic name (ivsite.names.nameparts):
one person's name, no slash between two."""
MAX_NAME_WORDS = 5


@functools.lru_cache(maxsize=1 << 12)
def persons_in(field: str, place: str = "") -> tuple[str, ...]:
    """The names of the people ``field`` holds, each as written; ``(field,)`` when
    it holds one. ``place``: what else the record says of the person
    (:func:`place_of`), whose words make a piece an aside ("Jane Doe - Goldman
    Sachs" at Goldman Sachs). See the module's docstring."""
    if not field.strip():
        return (field,)
    placed = frozenset(words(place))
    main, bracketed = _bracketed_people(field, placed)
    masked, kept = _masked(main)
    people: list[str] = []
    for line in _LINES.split(masked.strip()):
        for n, chunk in enumerate(_STRONG.split(line)):
            text = _unmasked(chunk, kept).strip()
            said = text if n == 0 else _said_person(text, placed)
            if said:
                for written in _medium_people(said, placed):
                    people += _comma_people(written, placed)
    people += bracketed
    found = tuple(dict.fromkeys(p.strip() for p in _shared_family(people)
                                if words(p) and not names_no_one(p)))
    return found if len(found) > 1 else (field,)


def place_of(*fields: str | None) -> str:
    """What else a record says about its person (company, role, industry,
    location), as :func:`persons_in`'s ``place``: "Jane Doe - San Francisco" in
    San Francisco is one person."""
    return " ".join(f for f in fields if f)


def _said_person(chunk: str, placed: frozenset[str]) -> str | None:
    """The person a chunk after "and", "&", "with" ... names: the chunk as written
    when it reads as a name, the name in a phrase ("my manager Sam Lee"); none
    for a channel, an office or the company ("and team", "with Acme")."""
    chunk = chunk.strip()
    if not chunk or names_no_one(chunk) or (placed and set(words(chunk)) <= placed):
        return None
    if _name_like(chunk, placed, 1):
        return chunk
    said = name_in(chunk)
    return said if said is not None and _name_like(said, placed, 1) else None


_MASK = re.compile(r"\x01(\d+)\x01")


def _masked(text: str) -> tuple[str, list[str]]:
    """``text`` with each bracketed aside and each patronymic slash ("s/o") put
    away, so that no separator inside them splits it ("Jane Doe (he/him)",
    "(AT&T)")."""
    kept: list[str] = []

    def keep(m: re.Match[str]) -> str:
        kept.append(m.group(0))
        return f"\x01{len(kept) - 1}\x01"
    return _PARENT_SLASH.sub(keep, _BRACKETED.sub(keep, text)), kept


def _unmasked(text: str, kept: list[str]) -> str:
    while _MASK.search(text):
        text = _MASK.sub(lambda m: kept[int(m.group(1))], text)
    return text


def _bracketed_people(field: str, placed: frozenset[str]) -> tuple[str, list[str]]:
    """``field`` without the brackets that hold another person, and those people:
    "(with Maria Oyelaran)", "(and Ana Ruizabal)", "(Maria Oyelaran)"."""
    people: list[str] = []

    def cut(m: re.Match[str]) -> str:
        inner = next(g for g in m.groups() if g is not None).strip()
        opened = _OPENS_WITH_STRONG.match(inner)
        if opened:
            said = _said_person(inner[opened.end():], placed)
            if said is not None:
                people.extend(persons_in(said, " ".join(sorted(placed))))
                return " "
        elif _name_like(inner, placed, 2):
            people.append(inner)
            return " "
        return m.group(0)

    main = _BRACKETED.sub(cut, field)
    return (main if people else field), people


def _medium_people(text: str, placed: frozenset[str]) -> list[str]:
    """A chunk cut at slashes, bars and dashes (not in its asides) where a full
    name follows; what is no full name stays with the name before it, as its
    aside."""
    masked, kept = _masked(text)
    pieces = _MEDIUM.split(masked)
    out = [pieces[0]]
    for sep, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        said = _unmasked(piece, kept)
        if _name_like(said, placed, 2) or (len(out) == 1 and _given_alone(
                _unmasked(out[0], kept)) and _name_like(said, placed, 1)):
            out.append(piece)
        else:
            out[-1] += sep + piece
    return [_unmasked(p, kept) for p in out]


def _comma_people(text: str, placed: frozenset[str]) -> list[str]:
    """``text`` cut at the commas between two full names, what follows a name and
    is no full name kept with it (", PhD"); "Family, Given" stays one person."""
    segments = _top_level_commas(text)
    full = [_name_like(s, placed, 2) for s in segments]
    if sum(full) < 2:
        return [text]
    if len(segments) == 2 and _family_first(segments[0], segments[1]):
        return [text]
    out: list[str] = []
    for seg, is_name in zip(segments, full, strict=True):
        if is_name or not out:
            out.append(seg)
        else:
            out[-1] += "," + seg
    return out


def _top_level_commas(text: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch in ",\uff0c" and depth == 0:
            out.append(text[start:i])
            start = i + 1
    return [*out, text[start:]]


def _family_first(first: str, second: str) -> bool:
    """Whether "first, second" reads as "Family, Given": ``second`` only given
    names (or initials) the table knows, ``first`` not opening with one."""
    given = known_given()
    fw, sw = words(plain_name(first)), words(plain_name(second))
    return bool(fw and sw) and fw[0] not in given and all(
        w in given or len(w) == 1 for w in sw)


def _given_alone(text: str) -> bool:
    """One word, a given name the table knows ("Jane" of "Jane & John Doe")."""
    ws = words(plain_name(text))
    return len(ws) == 1 and ws[0] in known_given()


def _shared_family(people: list[str]) -> list[str]:
    """A given name alone before a full name, with that name's family name."""
    out = list(people)
    for i, name in enumerate(people[:-1]):
        after = plain_name(people[i + 1]).split()
        if _given_alone(name) and len(after) >= 2 and len(plain_name(name).split()) == 1:
            out[i] = f"{plain_name(name)} {after[-1]}"
    return out


def _name_like(text: str, placed: frozenset[str], least: int) -> bool:
    """Whether ``text`` (asides aside) reads as a person's name of at least
    ``least`` words: capitalised words (or a name in a script without capitals),
    none a word of a place of work, a role, a channel, a pronoun, a title or
    suffix alone, or the person's company."""
    bare = _BRACKETED.sub(" ", text).strip(" ,.;:-")
    tokens = bare.split()
    while tokens and all(w in HONORIFICS for w in words(tokens[0])) and len(tokens) > 1:
        tokens.pop(0)
    while tokens and all(w in SUFFIXES for w in words(tokens[-1])) and len(tokens) > 1:
        tokens.pop()
    if not tokens or len(tokens) > MAX_NAME_WORDS:
        return False
    if len(tokens) == 1 and SPACELESS.search(tokens[0]) and len(tokens[0]) >= 2:
        return least <= 2  # 王小明: a full name in one word
    ws = words(" ".join(tokens))
    # Words as written apart: "Jean-Luc" is one given name, not a full name.
    named = [t for t in tokens if t.casefold() not in PARTICLES]
    if len(named) < least or any(w in NOT_A_NAME or not w.isalpha() for w in ws):
        return False
    if placed and set(ws) <= placed:
        return False
    return all(t[:1].isupper() or (not t[:1].islower() and t[:1].isalpha())
               or t.casefold() in PARTICLES for t in tokens)
