"""Contact details the author declares public (red team 10, R10-40).

Every address and number written in a withheld note's text is withheld
everywhere (ivsite.contacts.bodycontacts), which cannot tell a person's private detail
from an organisation's public one: "I emailed careers@uni.example" in a private
reflection made the About page that gives the careers centre's address to its
readers fail. ``[privacy] public_contacts`` in site.toml lists the details that
are public; one of them written in a withheld text is not harvested as a secret,
by the filter's check or by the audit (both read the list through
ivsite.names.people.mentions, from ``ValidSite.public_contacts``).

The list never excuses a detail recorded for a person (``person.email``, a
referral's ``phone``, and since red team 18, R18-B04, any key of theirs:
``person.personal_email``, ``website``, a body's ``email2::``): those are looked
for whatever the list says, and a listed detail that is also one of them is an
error (``public-contact-recorded``) and is dropped from the list.

A listed detail is the same as a written one when they reach the same mailbox
(case, a plus tag, the dots or domain a provider ignores, an internationalised
domain's other form: ivsite.contacts.mailboxes, ivsite.contacts.fields), or when the written
number's digits are the listed number's last ones, or the listed number's digits
follow the written number's country code (a trunk 0 or "(0)" aside): "416 978
2011" is "+1 416 978 2011" and back, but "647 978 2011" is not, although the
matcher compares numbers by their last seven digits.

A web address or handle may be listed too (red team 11, R11-20: a profile or
personal site written in a withheld text is withheld like an address, see
ivsite.contacts.bodyprofiles): "https://www.instagram.com/acmecorp/" excuses
"instagram.com/acmecorp" written anywhere, scheme, ``www.`` and case aside; a
listed page excuses its site's host ("acme.example/careers" excuses the
"acme.example" said to be someone's own site).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .fields import contact_details, other_host_form, profile_key
from .keyedcontacts import keyed_contacts
from .mailboxes import alias_addresses
from .personrecords import record_texts
from .shape import phone_numbers
from .skeleton import MAX_DIGITS, PHONE_DIGITS, contact_skeleton, phone_key

if TYPE_CHECKING:
    from ..markdown.notes import Note

EMAIL = re.compile(r"[\w.+-]+@[^\W_](?:[\w-]*\.)+[^\W\d_]{2,}")
"""An email address as the harvest finds one (ivsite.contacts.bodycontacts)."""
PHONE = re.compile(r"\+?\(?[0-9][0-9 ().\-/\u2010-\u2015]*[0-9]")
"""A phone number as written: ASCII digits, spaces and the punctuation between."""


WEB = re.compile(r"(?:https?://)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:/\S*)?", re.I)
"""A web address: an organisation's site, profile or booking page (red team 11, R11-20)."""
HANDLE = re.compile(r"@[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?", re.I)


def kind_of(value: str) -> str:
    """"email", "phone", "url" or "handle" for a well-formed listed detail; ""
    otherwise."""
    text = value.strip()
    if EMAIL.fullmatch(text):
        return "email"
    if PHONE.fullmatch(text) and PHONE_DIGITS <= sum(ch.isdigit() for ch in text) <= MAX_DIGITS:
        return "phone"
    if WEB.fullmatch(text) and "@" not in text:
        return "url"
    return "handle" if HANDLE.fullmatch(text) else ""


_MAILTO = re.compile(r"^(?:mailto|tel|callto)\s*:\s*", re.I)
_SPOKEN = ((re.compile(r"\s*[\[(<{]?\s*\bat\b\s*[\])>}]?\s*", re.I), "@"),
           (re.compile(r"\s*[\[(<{]?\s*\bdot\b\s*[\])>}]?\s*", re.I), "."))
_EXT = re.compile(r"\s*(?:ext|extension|x|#)\.?\s*\d+\s*$", re.I)


def suggestion(value: str) -> str:
    """What a malformed entry most likely meant ("" when nothing is)."""
    text = _MAILTO.sub("", value.strip())
    inner = re.search(r"<([^<>]+)>", text)
    candidates = [text, inner.group(1) if inner else "", _EXT.sub("", text)]
    spoken = text
    for pattern, sign in _SPOKEN:
        spoken = pattern.sub(sign, spoken)
    candidates.append(spoken)
    candidates += [m.group(0) for m in EMAIL.finditer(text)]
    candidates += phone_numbers(text)
    for c in candidates:
        c = c.strip().strip(".,;")
        if c and c != value.strip() and kind_of(c):
            return c
    return ""


def entry_problem(value: str) -> tuple[str, str] | None:
    """(message, hint) for a listed entry that is not one email address, phone
    number, web address or handle; None for a good one."""
    if kind_of(value):
        return None
    several = [*EMAIL.findall(value), *phone_numbers(EMAIL.sub(" ", value))]
    if len(several) > 1:
        return (f"'{value}' holds {len(several)} details",
                "write each as its own entry: " + ", ".join(f'"{s}"' for s in several))
    digits = sum(ch.isdigit() for ch in value)
    meant = suggestion(value)
    if meant:
        return (f"'{value}' is not an email address or a phone number as written",
                f"did you mean \"{meant}\"?")
    if "@" in value and not re.search(r"@[^@]*\.", value):
        return (f"'{value}' is not an email address: it has no domain after the '@'",
                "write the address in full, e.g. \"careers@uni.example\"")
    if "@" not in value and digits and not PHONE_DIGITS <= digits <= MAX_DIGITS:
        return (f"'{value}' is not a phone number: it has {digits} digits",
                f"a phone number has {PHONE_DIGITS} to {MAX_DIGITS} digits")
    return (f"'{value}' is not an email address, a phone number or a web address",
            'write one address or number per entry, e.g. "careers@uni.example", '
            '"+1 416 978 2011" or "https://uni.example/careers"')


def _mailboxes(address: str) -> set[str]:
    """Every spelling of one address's mailbox, folded."""
    forms = [address.strip().strip("."), *alias_addresses(address.strip())]
    forms += [other_host_form(f) for f in forms]
    return {f.casefold() for f in forms if f}


def _digits(number: str) -> str:
    """A number's digits without an international prefix (``+``, ``00``), a trunk
    ``0`` or ``(0)``."""
    text = re.sub(r"\(\s*0\s*\)", "", number)
    digits = re.sub(r"[^0-9]", "", contact_skeleton(text))
    if text.strip().startswith("+"):
        return digits
    return digits[2:] if digits.startswith("00") else digits.removeprefix("0")


def same(kind: str, written: str, listed: str) -> bool:
    """Whether the written detail is the listed one (see the module's docstring)."""
    if kind == "email":
        return bool(_mailboxes(written) & _mailboxes(listed))
    if kind == "url":  # the listed page or one under it: its host or profile is written
        w, lst = profile_key(written), profile_key(listed)
        return w == lst or lst.startswith(w + "/")
    if kind == "handle":
        return written.strip().casefold() == listed.strip().casefold()
    w, lst = _digits(written), _digits(listed)
    if len(w) >= PHONE_DIGITS and lst.endswith(w):
        return True
    # "+1 416 978 2011" written, "416 978 2011" listed: a country code before it
    # (or North America's long-distance 1: "1-416-978-2011").
    if len(lst) == 10 and w == "1" + lst:
        return True
    return _international(written) and len(lst) >= PHONE_DIGITS and w.endswith(lst) \
        and len(w) - len(lst) <= 3


def _international(number: str) -> bool:
    """Whether a number is written with its country code (``+``, ``00``)."""
    return re.match(r"\s*(?:\+|00)", number) is not None


def is_public(kind: str, written: str, listed: Iterable[str]) -> bool:
    """Whether a detail written in a withheld text is one the author listed as
    public (``listed``: ValidSite.public_contacts, checked against people)."""
    return any(kind_of(p) == kind and same(kind, written, p) for p in listed)


def _recorded(notes: Iterable[Note]) -> Iterator[tuple[str, str, Note, str, int]]:
    """(kind, detail, note, where, line) of every detail recorded for a person,
    under any key (ivsite.contacts.personrecords, red team 18, R18-B04), each of
    the kind it is (a number in ``email`` is a phone's, R13-05); and each value of
    a key that says it is an account (``person.signal``) or shaped like one."""
    for note in notes:
        for where, text, line in record_texts(note):
            key = where.rpartition(".")[2]
            field = key if key in ("email", "phone", "linkedin") else "detail"
            for kind, piece in contact_details(field, text):
                yield kind, piece, note, where, line
            if key not in _PUBLISHED:
                for kind, piece in keyed_contacts(tuple(where.split(".")), text, theirs=True):
                    yield kind, piece, note, where, line


_PUBLISHED = frozenset({"name", "role", "company", "industry", "location"})
"""A person's keys a page prints: a word of them is no account of theirs (a
company's "@acme" may be listed while someone works there)."""


def recorded_match(listed: str, notes: Iterable[Note]) -> tuple[Note, str, int] | None:
    """The note, the key (``person.website``, ``body: email``) and the line that
    record ``listed`` for a person, compared as the list would excuse it (a number
    also by its last seven digits, as the matcher compares it): a person's contact
    details are never public, under whatever key they are kept."""
    kind = kind_of(listed)
    handle = listed.strip().lstrip("@").casefold()
    for found, piece, note, where, line in _recorded(notes):
        if kind == "email" and found == "email" and same("email", piece, listed):
            return note, where, line
        if kind == "phone" and found == "phone" and (
                same("phone", piece, listed)
                or (phone_key(piece) and phone_key(piece) == phone_key(listed))):
            return note, where, line
        if kind == "url" and found in ("linkedin", "url") and same("url", piece, listed):
            return note, where, line
        if kind == "handle" and piece.strip().lstrip("@").casefold() == handle:
            return note, where, line
    return None
