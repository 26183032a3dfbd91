"""The public contact list of site.toml, checked against the people it may not
excuse (red team 10, R10-40; see ivsite.contacts.publiccontacts).

A person's contact details are never public: a detail on ``[privacy]
public_contacts`` that is also recorded for a person (``person.email``,
``person.phone``, a referral's ``email`` ...) in any note, withheld or not, is an
error, and it is left off the list the filter and the audit read, so that the
build stays refused even where the error is not heeded.
"""

from __future__ import annotations

from ..contacts.publiccontacts import recorded_match
from ..core.diagnostics import Diagnostics
from ..markdown.notes import Note
from .config import CONFIG_PATH, SiteConfig, contact_line


def public_contacts(config: SiteConfig, config_bytes: bytes | None, notes: list[Note],
                    diags: Diagnostics) -> tuple[str, ...]:
    """The listed details that are no one's recorded contact field; an error
    (``public-contact-recorded``) for each one that is."""
    text = (config_bytes or b"").decode("utf-8-sig", "replace")
    out: list[str] = []
    for value in config.privacy.public_contacts:
        found = recorded_match(value, notes)
        if found is None:
            out.append(value.strip())
            continue
        note, at = found
        diags.error(
            CONFIG_PATH, contact_line(text, value), 1, "public-contact-recorded",
            f"'{value}' in [privacy] public_contacts is the {at[-1]} recorded as "
            f"'{'.'.join(at)}' in {note.source}:{note.fm.pos(*at).line}",
            "a person's contact details are never public: take it off the list (it is "
            "withheld wherever it is written); the list is for an organisation's or "
            "your own public address or number")
    return tuple(out)
