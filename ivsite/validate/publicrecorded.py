"""The public contact list of site.toml, checked against the people it may not
excuse (red team 10, R10-40; see ivsite.contacts.publiccontacts).

A person's contact details are never public: a detail on ``[privacy]
public_contacts`` that is also recorded for a person (``person.email``,
``person.phone``, a referral's ``email``, any other key of theirs such as
``person.website`` or a body's ``personal_email::``: ivsite.contacts.personrecords)
in any note, withheld or not, is an error, and it is left off the list the filter
and the audit read, so that the build stays refused even where the error is not heeded.

``[share] feedback_email`` is on the list too (red team 12, R12-09): it is the
author's own address, which ivsite itself prints on every mentor page, so a
withheld note that mentions it (a pasted thread "from ana.silva@example.org")
gives nothing away; declared by being set, as a listed detail is.
"""

from __future__ import annotations

from ..contacts.publiccontacts import recorded_match
from ..core.diagnostics import Diagnostics
from ..markdown.notes import Note
from .config import CONFIG_PATH, SiteConfig, contact_line, line_of


def declared(config: SiteConfig, text: str) -> list[tuple[str, str, int]]:
    """Each detail site.toml declares public: (value, where, line of site.toml)."""
    listed = [(value, "[privacy] public_contacts", contact_line(text, value))
              for value in config.privacy.public_contacts]
    if config.share.feedback_email.strip():
        listed.append((config.share.feedback_email, "[share] feedback_email",
                       line_of(text, "feedback_email", "share")))
    return listed


def public_contacts(config: SiteConfig, config_bytes: bytes | None, notes: list[Note],
                    diags: Diagnostics) -> tuple[str, ...]:
    """The listed details that are no one's recorded contact field; an error
    (``public-contact-recorded``) for each one that is."""
    text = (config_bytes or b"").decode("utf-8-sig", "replace")
    out: list[str] = []
    for value, where, line in declared(config, text):
        found = recorded_match(value, notes)
        if found is None:
            out.append(value.strip())
            continue
        note, key, at = found
        diags.error(
            CONFIG_PATH, line, 1, "public-contact-recorded",
            f"'{value}' in {where} is the {key.rpartition('.')[2].removeprefix('body: ')} "
            f"recorded as '{key}' in {note.source}:{at}",
            "a detail kept in a person's or a referral's record, under any key, is "
            "theirs and never public: take it off the list (it is withheld wherever "
            "it is written); the list is for an organisation's or your own address, "
            "number or page that no one's record holds")
    return tuple(out)
