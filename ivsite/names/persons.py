"""Who a site's interviews are about: notes grouped by person.

Consent belongs to a person, not to a note: notes whose ``person.name`` is the
same after :func:`ivsite.names.identity.one_person_keys` (with or without middle
names), or a short form or another spelling of the given name
(ivsite.names.shortnames), or a slip in the family name or a middle name gone by
(ivsite.names.sameperson), or one in its own script and one in Latin letters
that sound alike (ivsite.names.scriptties), or whose ``person`` contact fields share an address, a
phone number or a profile, are about one person. The grouping reads plain values
alone (:func:`identity`), so a long-lived pipeline keeps it under them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..contacts.bodyprofiles import profile_handle
from ..contacts.fields import contact_details, profile_key
from ..contacts.skeleton import phone_key
from ..core.keyed import Keyed, compute
from ..core.models import InterviewMeta
from ..markdown.notes import Note
from .identity import one_person_keys, person_keys
from .sameperson import close_ties
from .scriptties import script_ties
from .severalnames import persons_in
from .shortnames import initial_ties, short_form_ties

__all__ = ["Identity", "Person", "consented_places", "grouping", "identity", "meta_of",
           "people"]


@dataclass
class Person:
    """One person and every interview note about them."""

    name: str
    notes: list[Note] = field(default_factory=list)

    @property
    def consents(self) -> bool:
        return all(meta_of(n).consent.publish_name for n in self.notes)

    @property
    def disagree(self) -> bool:
        votes = {meta_of(n).consent.publish_name for n in self.notes}
        return len(votes) > 1


def meta_of(note: Note) -> InterviewMeta:
    assert isinstance(note.meta, InterviewMeta)
    return note.meta


Identity = tuple[str, str, str, str, bool]
"""What says who an interview is about, as plain values: ``person.name``,
``email``, ``phone``, ``linkedin`` and ``consent.publish_name``."""


def identity(note: Note) -> Identity:
    meta = meta_of(note)
    p = meta.person
    return (p.name, p.email or "", str(p.phone or ""), p.linkedin or "",
            meta.consent.publish_name)


def people(notes: Iterable[Note], keyed: Keyed = compute) -> list[Person]:
    """Interview notes grouped by person: same name after normalising (middle names
    aside), a short form of the given name with the same family name, the name
    written shorter by an initial or without a word (ivsite.shortnames), or a same
    email address, phone number or profile. The grouping is a function of the
    notes' :func:`identity` alone, handed out through ``keyed`` under them (a save
    in the preview that changes no one's name groups nobody again)."""
    interviews = [n for n in notes if isinstance(n.meta, InterviewMeta)]
    ids = tuple(identity(n) for n in interviews)
    return [Person(meta_of(interviews[group[0]]).person.name,
                   [interviews[i] for i in group])
            for group in keyed(("people", ids), functools.partial(grouping, ids))]


@functools.lru_cache(maxsize=4)
def grouping(ids: tuple[Identity, ...]) -> tuple[tuple[int, ...], ...]:
    """The places in ``ids`` of each person's notes (see :func:`people`). Kept for
    the process: validation, the filter and the audit each group the same notes,
    the audit without a store (its secrets are found again from the source)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, (name, email, phone, linkedin, _) in enumerate(ids):
        # A note about several people ("A / B": ivsite.names.severalnames) ties them
        # into one: its one consent speaks for all, so a "no" about one of them
        # anywhere withholds every name it holds (red team 13, R13-04).
        keys = [f"name:{k}" for k in one_person_keys(name)] or [f"note:{i}"]
        keys += [f"name:{k}" for each in persons_in(name) if each != name
                 for k in one_person_keys(each)]
        keys += _contact_keys(email, phone, linkedin)
        for k in keys[1:]:
            parent[find(k)] = find(keys[0])
    # A short form of the given name ("Alex" for "Alexandra") is one person too, and
    # so are a slip in the family name, a middle name gone by, and a record in its
    # own script beside one in Latin letters (red team 18, R18-02).
    names = [name for name, *_ in ids]
    each_name = list(dict.fromkeys(each for name in names for each in persons_in(name)))
    for short, full in [*short_form_ties(each_name), *initial_ties(each_name),
                        *close_ties(each_name), *script_ties(each_name)]:
        a, b = person_keys(short), person_keys(full)
        if a and b:
            parent[find(f"name:{a[0]}")] = find(f"name:{b[0]}")
    groups: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        name_keys = person_keys(name)
        groups.setdefault(find(f"name:{name_keys[0]}" if name_keys else f"note:{i}"),
                          []).append(i)
    return tuple(tuple(g) for g in groups.values())


def consented_places(ids: tuple[Identity, ...],
                     groups: tuple[tuple[int, ...], ...]) -> frozenset[int]:
    """The places in ``ids`` of the notes whose person's name may be published:
    one person (``groups``: their :func:`grouping`) with someone every note about
    whom agrees."""
    consented = {k for group in groups if all(ids[i][4] for i in group)
                 for i in group for k in person_keys(ids[i][0])}
    return frozenset(i for i, (name, *_) in enumerate(ids)
                     if any(k in consented for k in person_keys(name)))


def _contact_keys(email: str | None, phone: str | None, linkedin: str | None) -> list[str]:
    """What ties two notes into one person beside the name: each address in the
    ``email`` field ("a@x, b@y", "Jane <jane@x>", "mailto:jane@x"), each number
    in ``phone`` by the digits it is compared by ("+1 416 555 0142" and "(416)
    555-0142"), each profile in ``linkedin`` (trailing slash and ``www.`` aside),
    and a profile site's by its handle, however the address is written ("ca.",
    "m.", "/en/", a bare "janewhitlock" or "in/janewhitlock" in ``linkedin``:
    ivsite.contacts.bodyprofiles.profile_handle, red team 18, R18-01)."""
    keys: list[str] = []
    fields = (("email", email), ("phone", phone), ("linkedin", linkedin))
    for key, value in fields:  # each detail as what it is, whichever field holds it
        for kind, detail in contact_details(key, str(value)) if value and str(value).strip() \
                else ():
            if kind == "email":
                keys.append(f"email:{detail.strip('.').casefold()}")
            elif kind == "phone" and (d := phone_key(detail)):
                keys.append(f"phone:{d}")
            elif kind in ("linkedin", "url"):
                keys += [f"profile:{k}" for k in (profile_key(detail),) if k]
                keys += [f"handle:{k}" for k in (profile_handle(
                    detail, "linkedin.com" if kind == "linkedin" else ""),) if k]
    return keys
