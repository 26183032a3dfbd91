"""Name parts that count on the pages that show a person's note: one matcher.

A person's given or family name alone counts on every page that links to their
note, where their card or answer stands beside the others (red team 12, R12-12;
:data:`ivsite.audit.secret.BESIDE`). A list page links to hundreds of notes at
10,000 notes; a matcher per linked note, each reading the whole page, made the
audit of such a page grow with the square of the site. Every such part is found
by one matcher instead, which reads the page once, and a part counts where the
page links to a note it is beside. (A needle is found or not in a text whatever
other needles a matcher holds, so the one matcher finds what the many did.)
"""

from __future__ import annotations

from typing import Protocol

from ..text.textmatch import Matcher, Searchable
from .addresses import links_to
from .needles import Seen, needles
from .secret import BESIDE, Secret

__all__ = ["Beside", "Finder", "beside_scoped"]


class Finder(Protocol):
    """What reads a folded text for secrets: a matcher, or the one here."""

    def find_in(self, text: Searchable, contacts: bool = True) -> list[Secret]: ...


def beside_scoped(secret: Secret) -> frozenset[str]:
    """The output paths of the pages beside which ``secret`` counts."""
    return frozenset(w.removeprefix(BESIDE) for w in secret.scope if w.startswith(BESIDE))


class Beside:
    """The secrets that count beside some pages, in one matcher."""

    def __init__(self, secrets: list[Secret], seen: Seen) -> None:
        self._where: dict[int, frozenset[str]] = {}
        for s in secrets:
            pages = beside_scoped(s)
            if pages:
                self._where[id(s)] = pages
        self._pages = {p: p for pages in self._where.values() for p in pages}
        self._matcher = needles([s for s in secrets if id(s) in self._where], seen)

    def __bool__(self) -> bool:
        return bool(self._where)

    def on(self, rel: str, data: bytes) -> Linked | None:
        """What counts in the markup file ``rel`` (``data``): the parts of the
        people whose notes it links to; None where it links to none."""
        linked = frozenset(links_to(rel, data, self._pages))
        return Linked(self._matcher, self._where, linked) if linked else None


class Linked:
    """The one matcher, keeping the secrets beside the pages a file links to."""

    def __init__(self, matcher: Matcher[Secret], where: dict[int, frozenset[str]],
                 linked: frozenset[str]) -> None:
        self._matcher = matcher
        self._where = where
        self._linked = linked

    def find_in(self, text: Searchable, contacts: bool = True) -> list[Secret]:
        return [s for s in self._matcher.find_in(text, contacts)
                if not self._where[id(s)].isdisjoint(self._linked)]
