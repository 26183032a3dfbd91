"""Consent as an interview's front matter states it, read by the audit on its own
(red team 17, R17-03).

Validation refuses a consent it does not read beside ``publish_name: true``
(``consent.until``, ``consent.name: false``, ``anonymous: true``,
``consent_withdrawn: true``: ivsite.switches.consentkeys). The audit must not
depend on that refusal: it reads the raw front matter itself, and a note whose
``consent`` mapping holds any key but those ivsite reads, or whose top level or
``person`` holds a key that speaks of anonymity, withdrawal, expiry or a name
left out, has its person's name withheld here whatever ``publish_name`` says.
A qualifier that names the company (``consent.company: false``,
``anonymous_employer: true``) withholds the company too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from ..core.models import InterviewMeta
from ..markdown.notes import Note, ValidSite
from ..switches.consentkeys import READ, consent_word, names_company
from .secret import Secret


def qualifiers(data: Mapping[Any, Any]) -> list[str]:
    """The keys of an interview's raw front matter that narrow or take back its
    consent (``consent.until``, ``anonymous``, ``person.no_name``)."""
    out: list[str] = []
    consent = data.get("consent")
    if isinstance(consent, Mapping):
        out += [str(k) for k in consent if str(k) not in READ]
    out += [str(k) for k in data if k != "consent" and consent_word(str(k)) is not None]
    person = data.get("person")
    if isinstance(person, Mapping):
        out += [str(k) for k in person if consent_word(str(k)) is not None]
    return out


def _withheld(note: Note) -> tuple[bool, bool]:
    """Whether the note's name, and its company, are withheld by a qualifier."""
    if not isinstance(note.meta, InterviewMeta):
        return False, False
    said = qualifiers(note.fm.data)
    return bool(said), any(names_company(k) for k in said)


def held_companies(site: ValidSite) -> list[Secret]:
    """The company of each interview a qualifier withholds it in."""
    out: list[Secret] = []
    for note in site.notes:
        company = note.meta.person.company if isinstance(note.meta, InterviewMeta) else None
        if company and company.strip() and _withheld(note)[1]:
            out.append(Secret("withheld company", company.strip(), note.source,
                              note.fm.pos("person", "company").line))
    return out


def consent_as_said(site: ValidSite) -> ValidSite:
    """``site`` with each interview a qualifier speaks of handed on with
    ``publish_name`` false (and no company, where the qualifier names it): its
    person is then one who did not agree, to every reading of the audit."""
    notes: list[Note] = []
    for note in site.notes:
        name, company = _withheld(note)
        meta = note.meta
        if name and isinstance(meta, InterviewMeta):
            person = meta.person.model_copy(update={"company": None}) if company \
                else meta.person
            consent = meta.consent.model_copy(update={"publish_name": False})
            note = dataclasses.replace(note, meta=meta.model_copy(
                update={"consent": consent, "person": person}))
        notes.append(note)
    if all(a is b for a, b in zip(notes, site.notes, strict=True)):
        return site
    return dataclasses.replace(site, notes=notes)
