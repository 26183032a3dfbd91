"""Slugs for URLs: lower case, hyphens, accents folded, other scripts kept."""

from __future__ import annotations

import functools
import re
import unicodedata

RESERVED_PAGE_SLUGS = frozenset({
    "interviews", "reflections", "roles", "pages", "tags", "questions", "people", "search",
    "timeline", "companies", "review", "static", "pagefind", "search-index", "share",
    "feed.xml", "sitemap.xml", "robots.txt", "404.html", "index",
})
"""Addresses ivsite's own pages and files take at the top of the output: a page
with one of these slugs is an error (ivsite.validate.stage), and ``ivsite new page``
refuses a title that would make one (ivsite.commands.scaffold). ``index`` is the home page,
which ``pages/index.md`` introduces."""


@functools.lru_cache(maxsize=1 << 16)
def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[^\w]+", "-", folded.lower(), flags=re.UNICODE).strip("-_")
    return re.sub(r"[-_]{2,}", "-", slug)


@functools.lru_cache(maxsize=1 << 16)
def comparable(text: str) -> str:
    """Text compared without case, punctuation and extra spaces (question matching)."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())
