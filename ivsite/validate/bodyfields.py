"""Fields a note's body writes that ivsite reads only in the front matter: a
person's private field as a table's row, a definition list or in a code block
(red team 17, R17-02), and consent or anonymity said anywhere in the body
(R17-03).

A Dataview field with a private key is refused in ivsite.validate.bodyprivacy;
here the same field in a properties table (``| referred_by | Sam Lee |``), a
definition list or a ``yaml`` block (ivsite.switches.fieldblocks) is
``private-field`` where an audience would read it. A consent key (``consent::
withdrawn``, ``anonymous: true``, ``| publish_name | false |``) is
``consent-field`` wherever the body holds it, a private note and a ``:::
private`` passage too: consent belongs to the person, whose name other notes may
publish, and ivsite reads it from ``consent.publish_name`` alone.
"""

from __future__ import annotations

from markdown_it.token import Token

from ..contacts.bodycontacts import body_contacts
from ..contacts.publiccontacts import is_public
from ..core.diagnostics import Diagnostics
from ..markdown.passages import Cut
from ..switches.fieldblocks import CODE, block_fields, consent_said
from ..switches.inlinefields import CONSENT

_PRIVATE_HINT = ("move it into the front matter (an interview's 'person', 'referred_by', "
                 "'referrals', 'recording_file'), or take it out of the note")


def written_fields(path: str, body_line: int, tokens: list[Token], cut: Cut,
                   visibility: str, diags: Diagnostics, public: tuple[str, ...] = (),
                   interview: bool = True) -> bool:
    """Report the fields the body writes that ivsite does not read (see the
    module's docstring); whether any was found. ``public``: site.toml's public
    contacts (an About page's ``| Email | me@… |`` row is the author's own).
    Not an ``interview``: a consent key in a code block is an example (a page
    showing an interview's template), not this note's person's consent."""
    kinds = {line.src: line.kinds for line in cut.lines}
    found = False
    for field in block_fields(tokens):
        if field.meant == CONSENT or visibility == "private" or \
                "private" in kinds.get(field.line, ()) or listed(field.value, public):
            continue
        found = True
        diags.error(path, field.line + body_line, 1, "private-field",
                    f"'{field.key}' in {field.where} reads as the property {field.meant}, which "
                    "ivsite withholds only in the front matter: here it would be published "
                    "as text", _PRIVATE_HINT)
    for said in consent_said(tokens):
        if said.where == CODE and not interview:
            continue
        found = True
        diags.error(path, said.line + body_line, 1, "consent-field",
                    f"the field '{said.key}' in the body ('{said.value}') says whether this person "
                    "agreed to be named, but ivsite reads consent only in the front matter "
                    "('consent.publish_name'), and would go by that alone",
                    "set 'consent: {publish_name: false}' in the front matter if they do "
                    "not agree (or no longer do), and take this line out")
    return found


def listed(value: str, public: tuple[str, ...]) -> bool:
    """Whether a field's value holds contact details alone, each one site.toml
    lists as public (``[privacy] public_contacts``)."""
    if not public:
        return False
    details = list(body_contacts(value))
    return bool(details) and all(is_public(kind, said, public) for kind, said, _ in details)
