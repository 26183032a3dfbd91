"""The pages that gather across notes: tags, the people talked to, search and the
mentor's review page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .chrome import search_mode
from .page import Page, card_tag, cards

if TYPE_CHECKING:
    from .emitter import Emitter


def tag_pages(em: Emitter) -> list[Page]:
    """The tags index and a page per tag."""
    g, site = em.g, em.config.title
    out = [Page("tags/", "tags.html", "Tags", f"Topics across {site}", "list", "tags",
                context={"tags": [card_tag(t) for t in g.tags]})]
    out += [Page(g.tag_url(tag.name), "tag.html", f"Tagged “{tag.name}”",
                 f"Notes tagged “{tag.name}” on {site}", "list", "tags",
                 context={"tag": card_tag(tag)}) for tag in g.tags]
    return out


def people(em: Emitter) -> list[dict[str, Any]]:
    """The people talked to (not those still to meet), one entry per name and
    company, with their interviews."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for n in em.g.collections["interviews"]:
        if n.status != "done":
            continue
        key = (n.display_name.casefold(), n.company.casefold())
        person = groups.setdefault(key, {
            "name": n.display_name, "role": n.person_role, "company": n.company,
            "industry": n.industry, "interviews": [],
        })
        person["interviews"].append(n)
    return sorted(groups.values(), key=lambda p: (p["name"].casefold(), p["company"]))


def people_page(em: Emitter) -> Page:
    return Page("people/", "people.html", "People I talked to",
                f"The people behind the conversations on {em.config.title}",
                "list", "people",
                context={"people": [{**p, "interviews": cards(p["interviews"])}
                                    for p in people(em)]})


def search_page(em: Emitter) -> Page:
    mode = search_mode(em)
    index = {"encrypted": "search-index.json.enc", "json": "search-index.json",
             "pagefind": "pagefind/pagefind.js"}[mode]
    return Page("search/", "search.html", "Search", f"Search the notes of {em.config.title}",
                "search", "search", context={"mode": mode, "index": index})


def review_page(em: Emitter) -> Page:
    passages = [
        {"note": n.card(), "href": em.g.url(n) + "#" + anchor, "excerpt": excerpt}
        for n, anchor, excerpt in em.review_passages
    ]
    return Page("review/", "review.html", "For review", "Passages and notes shared for review",
                "list", "review",
                context={"passages": passages, "notes": cards(em.review_notes),
                         "omitted_assets": len(em.omitted_assets)})
