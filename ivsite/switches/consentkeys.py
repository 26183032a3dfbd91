"""Keys that take a person's consent back or narrow it (red team 17, R17-03).

``consent.publish_name: true`` is the only way a person agrees to be named, and
ivsite reads nothing that takes it back. A note made from a template keeps that
line while its author adds the person's "no" in words of their own: a top-level
``anonymous: true`` or ``consent_withdrawn: true``, a ``consent.until:
2026-01-31`` that has run out, ``consent.name: false``, ``consent.company:
false``. Ignored as other unknown keys are (a warning at most), each published
the name, or the company with a page of its own. So, failing closed:

* inside ``consent`` every key but the ones ivsite reads is ``consent-key``
  (an error), whatever its value: no one can tell from here whether ``scope:
  first-name`` or ``until: 2027-01-01`` narrows the consent, and the way to say
  no is ``publish_name: false``;
* at the top level of an interview and inside ``person``, a key that speaks of
  anonymity, a pseudonym, withdrawal, revocation, expiry, consent, a name left
  out, redaction or "off the record" is ``privacy-key``, whatever its value.

The words are read by :func:`consent_word`, which the audit asks too
(ivsite.audit.consentsaid), on its own reading of the raw front matter.
"""

from __future__ import annotations

import functools

from ..core.diagnostics import Diagnostics
from ..core.models import Consent
from ..markdown.frontmatter import FrontMatter
from .everydaykeys import key_parts
from .lookalike import normalise

READ = frozenset(Consent.model_fields)
"""The keys of ``consent`` ivsite reads: every other one is ``consent-key``."""

_STEMS = ("anonym", "pseudonym", "withdr", "revok", "revoc", "rescind", "retract",
          "redact", "consent", "expir", "offtherecord", "offrecord", "unattribut")
"""Beginnings of a key's word that speak of a person's "no" (``anonymise``,
``anonymous``, ``withdrawn``, ``revocation``, ``consented``, ``expires``)."""
_WORDS = frozenset({"anon", "until", "till", "unnamed", "nameless", "noname", "nonames",
                    "noattribution", "notforattribution", "incognito"})
"""Whole words of a key that do (``until``: a consent that runs out)."""
_NO = frozenset({"no", "not", "dont", "donot", "never", "withhold", "withheld", "hide",
                 "hidden", "without", "omit", "omitted", "skip", "drop", "remove", "mask",
                 "masked", "blur", "blurred", "strip"})
"""Words that, beside ``name``, leave a name out (``no_name``, ``hide_name``)."""
_NAME = frozenset({"name", "names", "surname", "fullname", "realname"})
_COMPANY = frozenset({"company", "companies", "employer", "employers", "organisation",
                      "organization", "org", "firm", "workplace", "business"})
"""Words that make a qualifier the company's too (``consent.company: false``)."""


@functools.lru_cache(maxsize=4096)
def consent_word(key: str) -> str | None:
    """What ``key`` says of a person's consent (the word that says it), or None.
    ``consent`` itself does too: read at an interview's top level alone, it is
    skipped there by the callers (a ``person.consent: withdrawn`` is not read)."""
    parts = key_parts(key, normalise)
    for part in (*parts, "".join(parts)):
        stem = next((s for s in _STEMS if part.startswith(s)), None)
        if stem is not None or part in _WORDS:
            return part
    if _NAME & set(parts) and _NO & set(parts):
        return "".join(parts)
    return None


def names_company(key: str) -> bool:
    """Whether a qualifier is about the company too (``company``,
    ``anonymous_employer``, ``publish_company``)."""
    parts = key_parts(key, normalise)
    return any(p in _COMPANY or p.endswith(tuple(_COMPANY)) for p in parts)


HINT = (f"ivsite reads only {' and '.join(sorted(READ))} in consent; to withhold the name "
        "say no with 'publish_name: false' (and 'visibility: private' to keep the note "
        "out), then take this key out")


def consent_shaped(fm: FrontMatter, path: str, where: tuple[str, ...], key: str,
                   value: object, diags: Diagnostics) -> bool:
    """Whether the unknown key ``key`` under ``where`` (``()`` for an interview's
    top level, ``("consent",)``, ``("person",)``) may narrow or take back consent:
    each such key is an error (see the module's docstring)."""
    inner = (*where, key)
    pos = (fm.nested_key_pos.get(inner) if where else fm.key_pos.get(key)) or fm.pos(*inner)
    shown = ".".join(inner)
    if where == ("consent",):
        diags.error(path, pos.line, pos.col, "consent-key",
                    f"'{shown}' is not a consent ivsite reads, so it would neither narrow "
                    "nor take back 'publish_name'", HINT)
        return True
    if where not in ((), ("person",)):
        return False
    word = consent_word(key)
    if word is None:
        return False
    diags.error(path, pos.line, pos.col, "privacy-key",
                f"'{shown}' speaks of the person's consent ({word!r}), but ivsite reads "
                "consent only in 'consent.publish_name' and would publish the name", HINT)
    return True
