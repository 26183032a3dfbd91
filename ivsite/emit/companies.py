"""The companies: an index of the organisations talked to and a page per company
with its conversations.

Only what the audience may see: a company is listed when an interview this
audience can see names it, and its page lists those interviews alone. The name
is the view note's ``company`` (the filter's, checked for unconsented names); a
company that only withheld interviews name appears nowhere, not even in a count.
In an encrypted view a company's folder is a keyed hash of its slug, as note and
tag addresses are there (see ``SiteGraph.url_key``)."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..audience.viewnote import ViewNote
from ..core.slugs import slugify
from ..graph.stage import SiteGraph
from .page import Page, cards

if TYPE_CHECKING:
    from .emitter import Emitter


@dataclass
class Company:
    name: str
    """As the newest interview that names it spells it."""
    url: str
    interviews: list[ViewNote] = field(default_factory=list)
    """Newest first, as the interviews list."""


def companies(g: SiteGraph) -> list[Company]:
    """The companies of the interviews this audience may see, by name. Spellings
    that make one slug ('Acme', 'ACME') are one company."""
    by_slug: dict[str, Company] = {}
    for n in g.collections["interviews"]:
        name = n.company.strip()
        if not name:
            continue
        slug = slugify(name) or "company"
        company = by_slug.get(slug)
        if company is None:
            company = by_slug[slug] = Company(name, _url(g, slug))
        company.interviews.append(n)
    return sorted(by_slug.values(), key=lambda c: (c.name.casefold(), c.url))


def _url(g: SiteGraph, slug: str) -> str:
    if g.url_key is not None:
        slug = hmac.new(g.url_key, f"company:{slug}".encode(), hashlib.sha256).hexdigest()[:16]
    return f"companies/{slug}/"


def pages(em: Emitter) -> list[Page]:
    """The companies index, then a page per company."""
    site = em.config.title
    found = companies(em.g)
    index = [{"name": c.name, "url": c.url, "count": len(c.interviews),
              "latest": c.interviews[0].date,
              "roles": sorted({n.person_role for n in c.interviews if n.person_role},
                              key=str.casefold)}
             for c in found]
    out = [Page("companies/", "companies.html", "Companies",
                f"The organisations behind the conversations on {site}", "list",
                "companies", context={"companies": index})]
    out += [Page(c.url, "company.html", c.name,
                 f"Conversations with people at {c.name} on {site}", "list", "companies",
                 context={"company": {"name": c.name, "interviews": cards(c.interviews),
                                      "industries": sorted({n.industry for n in c.interviews
                                                            if n.industry},
                                                           key=str.casefold)}})
            for c in found]
    return out
