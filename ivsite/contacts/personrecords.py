"""Every contact detail an interview records for someone, under any key (red team
18, R18-B04).

``[privacy] public_contacts`` may never excuse a person's detail (ivsite.contacts.
publiccontacts, ivsite.validate.publicrecorded). The check compared a listed entry
with ``person.email``, ``phone`` and ``linkedin`` alone, while the contact rules
withhold what any key of a person's holds (``person.personal_email``, ``email2``,
``work_phone``, ``website``, a referral's ``signal``; ivsite.contacts.keyedcontacts).
Listing such a detail, as the ``contact-in-text`` hint invited ("if it is an
organisation's ..."), published it. So the record is read whole here: every string
or number under ``person`` and each of ``referrals``, at any depth, an interview's
top-level keys its model does not know (where the contact rules take a detail for
the person's too), and the private fields its body writes as properties
(``personal_email:: …``, a properties table's row, a ``yaml`` block: R17-02).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..core.models import InterviewMeta
from ..switches.fieldblocks import block_fields
from ..switches.fmchecks import strings
from ..switches.inlinefields import CONSENT, person_fields
from .keyedcontacts import contact_figures

if TYPE_CHECKING:
    from ..markdown.notes import Note

RECORDS = ("person", "referrals")
"""The front matter's records of people: the interviewee and who they referred."""


def record_texts(note: Note) -> Iterator[tuple[str, str, int]]:
    """(where, text, line) of each value an interview records for a person (see
    the module's docstring): ``where`` is the key path (``person.website``) or the
    body's key (``body: personal_email``); nothing for another kind of note."""
    if not isinstance(note.meta, InterviewMeta):
        return
    data = note.fm.data if isinstance(note.fm.data, dict) else {}
    known = set(InterviewMeta.model_fields) - set(RECORDS)
    theirs = {k: v for k, v in data.items() if str(k) not in known}
    for keys, text in [*strings(theirs), *contact_figures(theirs)]:
        if keys and text.strip():
            yield ".".join(keys), text, note.fm.pos(*keys).line
    body = "\n".join(t.content for t in note.tokens if t.type == "inline")
    for _, key, _, value in person_fields(body):
        yield f"body: {key}", value, note.body_line
    for field in block_fields(note.tokens):
        if field.meant != CONSENT:
            yield f"body: {field.key}", field.value, note.body_line + field.line


def in_record(keys: tuple[str, ...], interview: bool) -> bool:
    """Whether a front-matter key path is in a person's record (see
    :func:`record_texts`): what it holds is never excused by ``[privacy]
    public_contacts``, whatever the list says (the filter's contact rules and the
    audit ask this on their own, not only through the list's validation)."""
    if not interview or not keys:
        return False
    return keys[0] in RECORDS or keys[0] not in InterviewMeta.model_fields


def record_public(note: Note, public: tuple[str, ...]) -> tuple[str, ...]:
    """The public contacts that may excuse a detail ``note`` holds in a key or
    body field ivsite does not read: none in an interview, where such a detail is
    the person's (:func:`in_record`), the list otherwise."""
    return () if isinstance(note.meta, InterviewMeta) else public
