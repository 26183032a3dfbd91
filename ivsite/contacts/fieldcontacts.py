"""An e-mail address or phone number written into an interview's published
front-matter fields.

``email``, ``phone`` and ``linkedin`` are private, and the contact rules find
what they hold anywhere else. But a detail pasted into a field that is published
(an e-mail header into ``person.name``: ``Jane Doe <jane@acme.example>``, a
number into ``location``) is in none of them: consent to publish the name is not
consent to publish the address. So a published field holding something shaped
like a contact detail (see ivsite.contacts.shape) is an error, ``contact-in-text``
as in body text.
"""

from __future__ import annotations

from ..core.diagnostics import Diagnostics
from ..markdown.frontmatter import FrontMatter
from .shape import contact_shape

PUBLISHED = (("title",), ("summary",), ("alias",), ("tags",), ("aliases",),
             ("person", "name"), ("person", "role"), ("person", "company"),
             ("person", "industry"), ("person", "location"))
"""The interview's fields that a page, list or feed may print."""


def contacts_in_fields(path: str, fm: FrontMatter, diags: Diagnostics) -> bool:
    """Report each published field holding a contact detail; whether any does."""
    found = False
    for keys in PUBLISHED:
        for where, text in _texts(fm.data, keys):
            what = contact_shape(text)
            if what is None:
                continue
            found = True
            pos = fm.pos(*where)
            diags.error(path, pos.line, pos.col, "contact-in-text",
                        f"'{'.'.join(keys)}' holds {what}, which would be published "
                        "with it (consent to publish a name is not consent to publish "
                        "how to reach the person)",
                        "move it to 'person.email' or 'person.phone', which are never "
                        "published, and keep only the name, role or place here")
    return found


def _texts(data: object, keys: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    """The strings at ``keys`` (each item of a list), with their key paths."""
    value = data
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return []
        value = value[key]
    if isinstance(value, str):
        return [(keys, value)]
    if isinstance(value, list):
        return [((*keys, str(i)), v) for i, v in enumerate(value) if isinstance(v, str)]
    return []
