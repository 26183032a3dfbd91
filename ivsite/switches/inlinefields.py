"""A person's private fields written in a note's body, the way a vault writes
properties (red team 17, R17-02).

With Dataview, ``referred_by:: Sam Lee``, ``[email:: a@b.example]`` and
``(phone:: +1 416 555 0177)`` in the body are the note's properties, and a line
``referred_by: Sam Lee`` standing alone reads as one too. ivsite reads a
person's private fields (the referrer, referrals, contact details, the
recording) in the front matter alone, so written in the body they would be
published as text. The filter refuses such a field in text an audience reads
(ivsite.validate.bodyprivacy, ``private-field``); the audit holds its value
withheld on its own (ivsite.audit.unreadfields).

A consent or anonymity key written so (``consent:: withdrawn``, ``anonymous::
true``, ``publish_name:: false``; red team 17, R17-03) is read nowhere either,
while ``consent.publish_name: true`` in the front matter publishes the name: the
filter refuses it wherever the body holds it (``consent-field``), and the audit
takes the note's person as not agreeing (ivsite.audit.saidconsent). The same
fields written as a table's row or in a code block: ivsite.switches.fieldblocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..names.nameparts import looks_like_name
from .lookalike import normalise
from .personkeys import private_field

CONSENT = "consent"
"""What a consent or anonymity key means (see :func:`consent_key`)."""
_CONSENT = re.compile(r"consent|anonym|pseudonym|^anon$|^(?:withdrawn|revoked|optout|optedout)$"
                      r"|^(?:publish|show|hide|use|no|keep|withhold)(?:real|full)?names?$"
                      r"|^names?(?:ok|public|published|shown|hidden|withheld|allowed)$")

_DATAVIEW = re.compile(
    r"(?:^[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?P<key>[^\W\d][\w \t.-]{0,40}?)[ \t]*::"
    r"[ \t]*(?P<value>[^\n]*)"
    r"|[\[(](?P<ikey>[^\W\d][\w \t.-]{0,40}?)[ \t]*::[ \t]*(?P<ivalue>[^\])\n]*)[\])])",
    re.MULTILINE)
"""A Dataview field on a line of its own (after a list's mark or not), or inline
in brackets or parentheses."""
_LINE = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?(?P<key>[a-z][a-z0-9_-]{1,40}):[ \t]+"
                   r"(?P<value>[^\n]+?)[ \t]*$", re.MULTILINE)
"""A ``key: value`` line alone, its key written as front matter writes one (in
small letters: "Recording: …" and "Email: …" are a prose lead-in's labels, which
the contact checks read as text)."""


def person_fields(text: str) -> Iterator[tuple[int, str, str, str]]:
    """Each private field ``text`` writes: (line offset, key as written, the field
    it means, its value)."""
    for m in _DATAVIEW.finditer(text):
        key, value = (m.group("key"), m.group("value")) if m.group("key") is not None \
            else (m.group("ikey"), m.group("ivalue"))
        meant = private_field(key.strip())
        if meant is not None and value.strip():
            yield text.count("\n", 0, m.start()), key.strip(), meant, value.strip()
    for m in _LINE.finditer(text):
        meant = private_field(m.group("key"))
        if meant is not None and "::" not in m.group(0) and _holds(meant, m.group("value")):
            yield text.count("\n", 0, m.start()), m.group("key"), meant, m.group("value")


def consent_key(key: str) -> bool:
    """Whether a key says whether, or how, a person agreed to be named: ``consent``
    and its kin (``consent_withdrawn``, ``consented``), ``anonymous``,
    ``pseudonym``, ``publish_name``, ``no_name``, ``withdrawn``."""
    return _CONSENT.search(normalise(key)) is not None


def consent_fields(text: str) -> Iterator[tuple[int, str, str]]:
    """Each consent or anonymity field ``text`` writes as a property (a Dataview
    field, or a ``key: value`` line with its key in small letters): (line offset,
    key as written, its value)."""
    for m in _DATAVIEW.finditer(text):
        key, value = (m.group("key"), m.group("value")) if m.group("key") is not None \
            else (m.group("ikey"), m.group("ivalue"))
        if consent_key(key.strip()) and value.strip():
            yield text.count("\n", 0, m.start()), key.strip(), value.strip()
    for m in _LINE.finditer(text):
        if consent_key(m.group("key")) and "::" not in m.group(0):
            yield text.count("\n", 0, m.start()), m.group("key"), m.group("value")


_DETAIL = re.compile(r"@|\bat\b.*\bdot\b|(?:\d\D{0,3}){7}|linkedin|/in/|\.[a-z0-9]{2,4}\b", re.I)


def _holds(meant: str, value: str) -> bool:
    """Whether a ``key: value`` line's value is such a field's, not a lead-in label's
    ("Email: send it in the morning" is advice): a contact detail's or a file's
    shape, or a name where the field is a person."""
    return _DETAIL.search(value) is not None or (
        meant in ("referred_by", "referrals", "person") and looks_like_name(value))
