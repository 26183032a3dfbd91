"""Contact details written in the body of a note the audience does not read (red
team 9, R9-22): "Her cell: 416 555 0199. Her personal mail: jd.home@mail.example"
in a private interview, then the same number or address in a public note.

The ``email`` and ``phone`` fields are looked for wherever else they are written
(ivsite.names.people.mentions); a detail the author wrote in the body of a withheld note
is as private, and no less a contact detail for not being in a field. An address
or number is known by its shape, which prose does not have (ivsite.contacts.shape:
dates and thousands are not numbers to call), so each one found there is looked
for like a field's, in every spelling (ivsite.contacts.fields), by the filter's contact
check and by the audit, both through ivsite.names.people.mentions. A name written only
in such a body (R9-23) has no shape: which capitalised words are a person's name
needs a model of names this tool does not have, and it is left to the author.

So is a personal site, a profile or booking link or a handle written there (red
team 11, R11-20; which addresses are a person's: ivsite.contacts.bodyprofiles).

Each is found in every spelling the filter's check and the audit read in a
visible text (red team 13, R13-10): "dana.r [at] recruit.example", "dana.r at
recruit dot example", "four one six five five five zero one four two" withhold
the address and the number as written plainly would (ivsite.contacts.spelt: the
contact skeleton's readers, the words kept apart).

The same holds for the text of a withheld note's front matter (red team 10,
R10-28): "Ask about referrals: dana.r@…, cell 647 555 0199" in a private note's
``summary`` is looked for in every spelling, not only as the summary's whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..switches.fmchecks import strings
from .bodyprofiles import profiles
from .keyedcontacts import POSTAL, contact_figures, keyed_contacts
from .shape import phone_numbers
from .spelt import spelt_details

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[^\W_](?:[\w-]*\.)+[^\W\d_]{2,}(?![\w-])")
_BOOK_NUMBER = re.compile(r"\b(?:ISBN|ISSN|DOI)(?:-1[03])?\W{0,3}$", re.I)
"""What a book's or a paper's number follows: not a number to call."""
_RANGE = re.compile(r"\d{5,}\s*[-\u2013]\s*\d{5,}")
"""Two figures of five digits or more joined by a dash (a salary range, 120000-140000)."""


def body_contacts(body: str, label: str = "", *, theirs: bool = False,
                  ) -> Iterator[tuple[str, str, int]]:
    """Each email address, phone number, profile or personal site address and
    handle in ``body`` (ivsite.contacts.bodyprofiles; ``label``, ``theirs``: see
    there): its
    kind ("email", "phone", "url", "handle"), as written, and its line (0 for the
    body's first)."""
    for n, line in enumerate(body.splitlines()):
        plain = [m.group(0) for m in _EMAIL.finditer(line)]
        for address in plain:
            yield "email", address, n
        for kind, value in profiles(line, label, theirs=theirs):
            yield kind, value, n
        for number in phone_numbers(line):
            before = line[:line.find(number)]
            if not (_BOOK_NUMBER.search(before) or _RANGE.fullmatch(number.strip())):
                yield "phone", number, n
        written = [a.casefold() for a in plain]
        # Spelt out or obfuscated (R13-10); a number of figures alone (a book's,
        # a range) is not one of these (ivsite.contacts.spelt.MIN_READ).
        for kind, value in spelt_details(line):
            if kind == "phone" or not any(value.endswith(w) or w.endswith(value)
                                          for w in written):
                yield kind, value, n

_PRIVATE_TEXT = ("referred_by", "referrals")
"""Front-matter fields of text no page prints, whoever may read the note
(ivsite.core.models): a detail written there is as private as a contact field."""
_FIELDS = ("email", "phone", "linkedin")
"""Contact fields, looked for as such already (ivsite.names.people.mentions)."""
_PUBLISHED_PERSON = ("name", "role", "company", "industry", "location")
"""The ``person`` keys a page may print; any other key of a person's is a contact
field ivsite does not know (``person.instagram``, ``person.website``)."""


def front_contacts(data: object, *, withheld: bool, interview: bool = False,
                   ) -> Iterator[tuple[tuple[str, ...], str, str]]:
    """Each contact detail (see :func:`body_contacts`) in a front matter's strings
    (of a withheld note), or in its fields no page prints (of any note: referrers,
    and a person's keys ivsite does not know, ``person.instagram``): its key path,
    its kind and the detail as written. The contact fields themselves are left
    out. A way to reach someone that the key says the value is, whatever its
    shape (``person.address``, ``person.signal``, a referral's ``telegram``, and
    ``address`` or ``signal`` at the top of an interview: ``interview``), is one
    too (ivsite.contacts.keyedcontacts, red team 16, R16-01)."""
    for keys, text in [*strings(data), *contact_figures(data)]:
        if not keys or keys[-1] in _FIELDS:
            continue
        referral = keys[0] == "referrals" and len(keys) >= 3 and keys[2] not in _REFERRAL
        # A referral's own key is theirs as a person's is: its web address too (R18-B04).
        theirs = referral or (keys[0] == "person"
                              and not (len(keys) == 2 and keys[1] in _PUBLISHED_PERSON))
        if not (withheld or theirs or interview or keys[0] in _PRIVATE_TEXT):
            continue
        if withheld or theirs or keys[0] in _PRIVATE_TEXT:
            for field, value, _ in body_contacts(text, " ".join(keys), theirs=theirs):
                yield keys, field, value
        if theirs or referral or interview or withheld:
            for kind, value in keyed_contacts(keys, text, theirs=theirs or referral,
                                              name=_name_of(data, keys)):
                # A postal address is someone's in a note about a person; in a
                # private page it may be a venue's, which a public page may give.
                if interview or kind != POSTAL:
                    yield keys, kind, value


_REFERRAL = ("name", "role", "company")
"""A referral's keys that hold no way to reach them (its contact fields aside)."""


def _name_of(data: object, keys: tuple[str, ...]) -> str:
    """The name of the person (or referral) a key path in ``data`` is about."""
    holder = data.get("referrals") if isinstance(data, dict) and keys[0] == "referrals" \
        else None
    if isinstance(holder, list) and len(keys) > 1 and keys[1].isdigit() \
            and int(keys[1]) < len(holder) and isinstance(holder[int(keys[1])], dict):
        name = holder[int(keys[1])].get("name")
    else:
        person = data.get("person") if isinstance(data, dict) else None
        name = person.get("name") if isinstance(person, dict) else None
    return name if isinstance(name, str) else ""
