"""Who may read a note, as the audit sees it (not as validation made of it)."""

from __future__ import annotations

from ..markdown.notes import Note, ValidSite
from ..switches.pathprivacy import path_privacy
from .foldersaid import in_said
from .saidsettings import said_level


def audit_visibility(note: Note, site: ValidSite) -> str:
    """A note whose path says private (see ivsite.switches.pathprivacy), whose
    folder a file beside it says is (ivsite.audit.foldersaid), or whose text
    states a privacy setting where ivsite reads none (see
    ivsite.audit.saidsettings), is withheld here whatever validation made of it."""
    if path_privacy(note.source) or in_said(note.source, site.said_private):
        return "private"
    said = said_level(note)
    if said == "private" or (said == "mentor" and note.visibility == "public"):
        return said
    return note.visibility
