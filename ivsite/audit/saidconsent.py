"""Consent said in a note's body, read by the audit on its own (red team 17, R17-03).

``consent:: withdrawn``, ``anonymous:: true`` or a ``| publish_name | false |``
row in an interview's body says the person did not agree, or no longer does,
while its front matter may still say ``consent.publish_name: true``. ivsite
reads consent in the front matter alone, and validation refuses such a field
(``consent-field``, ivsite.validate.bodyfields). The audit must not depend on
that: it takes every interview whose body says anything of consent as saying
no, so the person's name is an unconsented name in every output, and no page's
text excuses it.

So too an interview whose own words say the person refused or took back being
named ("she asked me not to use her name", ``tags: [anonymous]``, a
``person.note`` that says so: red team 18, R18-09), read here from the raw front
matter's strings and the raw body (ivsite.switches.refusals), whatever
validation's ``consent-contradiction`` found.
"""

from __future__ import annotations

import dataclasses

from ..core.models import InterviewMeta
from ..markdown.notes import Note, ValidSite
from ..switches.fieldblocks import consent_said
from ..switches.fmchecks import strings
from ..switches.refusals import refusal

_LAST: list[tuple[ValidSite, ValidSite]] = []
"""The last site asked about, with the answer: the audit of each layer asks
three times of one site (its secrets, its shown text, its consented names)."""


def said_consent(site: ValidSite) -> ValidSite:
    """``site`` with ``consent.publish_name`` false on each interview whose body
    holds a consent or anonymity field (ivsite.switches.fieldblocks.consent_said)
    or whose words refuse being named (ivsite.switches.refusals); ``site`` itself
    when none does."""
    if _LAST and _LAST[0][0] is site:
        return _LAST[0][1]
    _LAST[:] = [(site, _said(site))]
    return _LAST[0][1]


def _said(site: ValidSite) -> ValidSite:
    swap = {id(n): _declined(n) for n in site.notes if _says(n)}
    if not swap:
        return site

    def new(note: Note) -> Note:
        return swap.get(id(note), note)
    return dataclasses.replace(
        site, notes=[new(n) for n in site.notes],
        by_key={k: new(n) for k, n in site.by_key.items()},
        by_title={k: new(n) for k, n in site.by_title.items()},
        by_name={k: [new(n) for n in ns] for k, ns in site.by_name.items()},
        by_alias={k: [new(n) for n in ns] for k, ns in site.by_alias.items()})


def _says(note: Note) -> bool:
    meta = note.meta
    return isinstance(meta, InterviewMeta) and meta.consent.publish_name and (
        next(consent_said(note.tokens), None) is not None or _refused(note))


def _refused(note: Note) -> bool:
    """Whether the note's own words say its person refused being named."""
    return refusal(note.fm.body) is not None or \
        any(refusal(value) is not None for _, value in strings(note.fm.data))


def _declined(note: Note) -> Note:
    meta = note.meta
    assert isinstance(meta, InterviewMeta)
    consent = meta.consent.model_copy(update={"publish_name": False})
    return dataclasses.replace(note, meta=meta.model_copy(update={"consent": consent}))
