"""The author's own words that every page prints: site.toml's ``author`` and
``title`` (red team 12, R12-03).

ivsite prints both in every page's header and footer. An author named "Sarah Kim"
who met a Sarah Park (private) and a Joon Kim (public, unconsented) could not
build: "Sarah" and "Kim" are those people's name parts, and the site's own
chrome put them on the pages about them. The author consents to their own name,
so these texts are taken out of a page before names are looked for, as the names
of people who agreed are (ivsite.audience.consentmask), by the filter and the
audit alike. Never one that holds an unconsented person's name (a title "Notes
from my talk with Joon Kim"): taking it out would take that name with it; nor a
title with a word of such a name that is not a word of the author's ("Joon's
research" by Sarah Kim), where the title is what names them.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..text.normalise import words
from .holding import holds_name
from .identity import name_words


def owned_names(author: str, title: str, unconsented: Iterable[str]) -> tuple[str, ...]:
    """Of ``author`` and ``title``, those that may be masked as a consented name:
    neither may hold one of the ``unconsented`` names (in any form
    ivsite.names.identity.holds_name reads), and the title no word of one but
    those of the author's name ("Sarah's career notes" by Sarah Kim)."""
    names = list(dict.fromkeys(unconsented))
    author, title = author.strip(), title.strip()
    own = set(words(author))
    parts = {w for n in names for w in name_words(n)} - own
    out = [author] if author and not holds_name(author, names) else []
    if title and not holds_name(title, names) and not parts.intersection(words(title)):
        out.append(title)
    return tuple(dict.fromkeys(out))
