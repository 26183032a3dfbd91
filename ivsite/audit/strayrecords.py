"""The person records of files ivsite does not read as notes, read by the audit
on its own (red team 16, R16-04).

An interview filed where the loader reads no interviews (``content/people/``,
``content/Interviews/``, a vault folder ``[content]`` does not map, a dot-file, a
``.txt``) names a person, with their e-mail and phone, whom no consent rule
then protects. Load refuses such a file (``misplaced-person``,
ivsite.load.strays); the audit must not depend on that. Every file of the
content that is not a note (an asset, or one the walk skipped: a hidden or
backup file, a vault's unmapped Markdown) and opens with front matter is read
here: the names in a person's place and the contact details in any of its
values are withheld (ivsite.audit.unreadfields.held_secrets), and, when it has a
person's or a consent key, the contact details of its text too. Files in a
kind's folder are read by ivsite.audit.unreadfields already.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..contacts.bodycontacts import body_contacts
from ..contacts.fields import contact_pieces
from ..contacts.publiccontacts import is_public
from ..core.folders import Folders
from ..core.sourcefiles import SiteFiles
from .secret import Secret
from .unreadfields import HEAD, PERSONISH, front_of_text, held_secrets, key_word


def stray_files(assets: Iterable[str], skipped: Iterable[str], folders: Folders) -> list[str]:
    """The files to read: every asset outside the kinds' folders, every skipped file."""
    return sorted({*(rel for rel in assets if not folders.kind(rel)), *skipped})


def stray_secrets(files: SiteFiles, rels: Iterable[str], public: Iterable[str]) -> list[Secret]:
    """What the front matter of each of ``rels`` that opens with one holds of a person."""
    listed = tuple(public)
    out: list[Secret] = []
    for rel in rels:
        text = _head(files, rel)
        if text is None:
            continue
        front = front_of_text(text)
        if not front:
            continue
        out += held_secrets(front, rel, lambda keys: 1, listed)
        if any(PERSONISH.search(w) or w.startswith("consent")
               for w in (key_word(str(k)) for k in front)):
            out += [Secret(f"contact field {kind}", piece, rel, 1 + n)
                    for kind, value, n in body_contacts(text)
                    if not is_public(kind, value, listed)
                    for piece in contact_pieces(kind, value)]
    return out


def _head(files: SiteFiles, rel: str) -> str | None:
    """A file's start as text if it opens with a front-matter fence, else None."""
    head = files.head(rel, 8)
    if head is None or not head.lstrip(b"\xef\xbb\xbf \t").startswith((b"---", b"+++")):
        return None
    data = files.head(rel, HEAD)
    return None if data is None else data.decode("utf-8", "replace").lstrip("\ufeff")
