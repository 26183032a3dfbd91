"""The author's own words that every page prints: site.toml's ``author`` and
``title`` (red team 12, R12-03).

ivsite prints both in every page's header and footer. An author named "Sarah Kim"
who met a Sarah Park (private) and a Joon Kim (public, unconsented) could not
build: "Sarah" and "Kim" are those people's name parts, and the site's own
chrome put them on the pages about them. The author consents to their own name,
so these texts are taken out of a page before names are looked for, as the names
of people who agreed are (ivsite.audience.consentmask), by the filter and the
audit alike. Never one that holds an unconsented person's name (a title "Notes
from my talk with Joon Kim"): taking it out would take that name with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .identity import holds_name


def owned_names(owned: Iterable[str], unconsented: Iterable[str]) -> tuple[str, ...]:
    """The texts of ``owned`` (author, title) that may be masked as a consented
    name: those that hold none of the ``unconsented`` names (in any form
    ivsite.names.identity.holds_name reads)."""
    names = list(dict.fromkeys(unconsented))
    return tuple(t for t in dict.fromkeys(o.strip() for o in owned)
                 if t and not holds_name(t, names))
