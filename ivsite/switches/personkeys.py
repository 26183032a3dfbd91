"""Front-matter keys ivsite does not read that hold what only an interview's
private fields may hold (red team 13, R13-01, R13-03, R13-07).

Ignored as other unknown keys are, such a key protects nothing: a referrer
written ``referred-by`` or ``referrer``, a recording ``recording-file``, a second
interviewee ``second_person: {name, email, phone}``, or a whole ``person:``
record on a page (only interviews read one) never reaches the consent, contact,
referrer or recording rules, and the body that names the person is published.
So each of these is an error, never a warning:

* ``private-field``: a key that is a misspelling, another spelling (``-``,
  camelCase) or a synonym of a private field (``referred_by``, ``referrals``,
  ``recording_file``, ``person`` and its contact keys), with a did-you-mean; or
  such a field on a kind that does not read it (``person:`` on a page);
* ``person-record``: any other unknown key whose value holds a person record (a
  mapping with a name and a contact or person detail, or one with a contact key),
  an e-mail address or phone number, or the path of a recording.

Everyday words that sit near these (``persona``, ``microphone``) and the keys an
Obsidian vault or a static-site generator writes (``aliases``, ``cssclasses``,
``created``, ``author: parkr``, ``id: 20240101103045``) stay warnings.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterator

from ..contacts.shape import contact_shape
from ..core.diagnostics import Diagnostics
from ..markdown.frontmatter import FrontMatter
from .lookalike import normalise

FIELDS = {"referredby": "referred_by", "referrals": "referrals",
          "recordingfile": "recording_file", "person": "person",
          "email": "person.email", "phone": "person.phone", "linkedin": "person.linkedin"}
"""The private fields, normalised (ivsite.switches.lookalike.normalise), with how
they are written."""
SYNONYMS = {
    **dict.fromkeys(("referrer", "referer", "referredvia", "referredthrough", "introducedby",
                     "introducer", "introducedvia", "introducedthrough", "introby",
                     "recommendedby", "connectedby", "connector", "referencedby"),
                    "referred_by"),
    **dict.fromkeys(("referral", "referees", "referralnames", "introductions",
                     "nextcontacts", "suggestedcontacts"), "referrals"),
    **dict.fromkeys(("recording", "recordings", "recordingpath", "recordingurl",
                     "recordinglink", "recordingname", "audiofile", "audiorecording",
                     "videorecording", "recordedfile"), "recording_file"),
    **dict.fromkeys(("people", "persons", "participant", "participants", "interviewee",
                     "interviewees", "attendee", "attendees", "contactperson", "contacts", "whom",
                     "guest", "guests", "withwhom"), "person"),
    **dict.fromkeys(("mail", "emailaddress", "emails"), "person.email"),
    **dict.fromkeys(("mobile", "cell", "cellphone", "telephone", "tel", "phonenumber",
                     "whatsapp", "mobilephone", "phones"), "person.phone"),
    **dict.fromkeys(("linkedinurl", "linkedinprofile"), "person.linkedin"),
}
STEMS = (("referalby", "referred_by"), ("referedby", "referred_by"), ("referr", "referred_by"),
         ("referal", "referrals"), ("introducedby", "referred_by"),
         ("recording", "recording_file"), ("person", "person"),
         ("interviewee", "person"), ("participant", "person"), ("email", "person.email"),
         ("phone", "person.phone"), ("linkedin", "person.linkedin"))
"""A key that starts or ends with one of these (``second_person``, ``person2``,
``contact_email``, ``work-phone``, ``referrer_name``) means that field."""
ORDINARY = frozenset({"persona", "personas", "personality", "microphone", "microphones",
                      "headphone", "headphones", "iphone", "smartphone", "saxophone",
                      "xylophone", "megaphone", "emailnewsletter", "reference",
                      "references", "referenced"})
"""Everyday words a stem or a typo would take for a private field."""
ID_KEYS = frozenset({"id", "uid", "uuid", "isbn", "issn", "doi", "zettel", "zettelid",
                     "version", "permalink", "url", "created", "updated", "modified", "date"})
"""Keys whose figures are identifiers or dates, not phone numbers."""
NAME_KEYS = frozenset({"name", "fullname", "firstname", "lastname", "givenname",
                       "familyname", "surname", "displayname"})
PERSON_KEYS = frozenset({"email", "mail", "emailaddress", "phone", "mobile", "cell", "tel",
                         "telephone", "phonenumber", "linkedin", "whatsapp", "company",
                         "role", "employer", "organisation", "organization"})
CONTACT_KEYS = frozenset({"email", "mail", "emailaddress", "phone", "mobile", "cell", "tel",
                          "telephone", "phonenumber", "whatsapp"})
"""Keys that make a mapping a person's record on their own (a profile alone, as in
an author's ``social: {linkedin: …}``, does not)."""
RECORDING_SUFFIXES = frozenset({".m4a", ".mp3", ".wav", ".ogg", ".oga", ".opus", ".aac",
                                ".flac", ".aiff", ".aif", ".caf", ".amr", ".wma", ".3gp",
                                ".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".weba"})


_NESTED = frozenset({"referred_by", "referrals", "recording_file", "person"})
"""The private fields that count inside another key (a profile or an address
there counts by its shape)."""


def private_field(key: str) -> str | None:
    """The private field an unknown key means (``referred-by``, ``referals``,
    ``referrer``, ``second_person``), written as ivsite reads it, or None."""
    k = normalise(key)
    if not k or k in ORDINARY:
        return None
    if k in FIELDS:
        return FIELDS[k]
    if k in SYNONYMS:
        return SYNONYMS[k]
    for stem, meant in STEMS:
        if k.startswith(stem) or k.endswith(stem):
            return meant
    close = difflib.get_close_matches(k, [*FIELDS, *SYNONYMS], n=1, cutoff=0.8)
    return {**FIELDS, **SYNONYMS}[close[0]] if close else None


def held(value: object, key: str = "") -> Iterator[tuple[tuple[str, ...], str]]:
    """What a person's private fields would hold, inside an unknown ``key``'s value:
    (key path, from ``key``, what it is). Each list or mapping is visited once."""
    seen: set[int] = set()
    stack: list[tuple[tuple[str, ...], object]] = [((key,) if key else (), value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            last = normalise(path[-1]) if path else ""
            what = contact_shape(item)
            if what == "a phone number" and (last in ID_KEYS or _bare_figure(item)):
                what = None
            if what is None and recording_like(item):
                what = "the path of a recording"
            if what is not None:
                yield path, what
        elif isinstance(item, dict | list) and id(item) not in seen:
            seen.add(id(item))
            if isinstance(item, dict):
                keys = {normalise(str(k)) for k in item}
                if keys & CONTACT_KEYS or (keys & NAME_KEYS and keys & PERSON_KEYS):
                    yield path, "a person record (a name with contact or person details)"
                    continue
                meant = next((m for k in item if (m := private_field(str(k))) in _NESTED), "")
                if meant:  # extra: {referred-by: …}
                    yield path, f"what the private field '{meant}' would hold"
                    continue
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            stack.extend(((*path, str(k)), v) for k, v in pairs)


def recording_like(text: str) -> bool:
    """A path (not a web address) to an audio or video file."""
    text = text.strip()
    return "://" not in text and "\n" not in text and \
        posixpath.splitext(text.split("?")[0].split("#")[0])[1].casefold() in RECORDING_SUFFIXES


def _bare_figure(text: str) -> bool:
    """Digits alone, no ``+`` or separator: a date stamp or an id, not a number
    anyone writes to be called at."""
    return text.strip().isdigit()


def person_keys(fm: FrontMatter, path: str, key: str, value: object, interview: bool,
                diags: Diagnostics) -> bool:
    """Report an unknown top-level ``key`` that means a private field or holds a
    person's details (see the module's docstring); whether it did."""
    pos = fm.key_pos.get(key) or fm.pos(key)
    meant = private_field(key)
    if meant is not None:
        exact = normalise(key) in FIELDS and key in FIELDS.values()
        if exact and not interview:
            diags.error(path, pos.line, pos.col, "private-field",
                        f"'{key}' is read on an interview alone; on this note ivsite would "
                        "ignore it, so no consent, contact, referrer or recording rule "
                        "would keep what it names out of the site",
                        "move the note into the interviews folder if it is an interview; "
                        f"otherwise take '{key}' out, and the person's details with it")
        else:
            hint = f"did you mean '{meant}'? (on an interview; write it exactly so)"
            if meant == "person" and normalise(key) not in FIELDS:
                hint = ("an interview records one 'person': give each other person an "
                        "interview note of their own, or take them out of this one")
            diags.error(path, pos.line, pos.col, "private-field",
                        f"'{key}' looks like the private field '{meant}', but ivsite does "
                        "not read it, so nothing it names would be kept out of the site",
                        hint)
        return True
    for below, what in held(value, key):
        where = ".".join(below)
        diags.error(path, pos.line, pos.col, "person-record",
                    f"'{where}' holds {what}, but ivsite does not read '{key}', so nothing "
                    "would keep it, or the person it belongs to, out of the site",
                    "record the person in an interview's 'person' (contact details in "
                    "'person.email', 'person.phone', 'person.linkedin'; a recording in "
                    "'recording_file'), or take it out of the front matter")
        return True
    return False
