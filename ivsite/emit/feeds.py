"""Machine-readable outputs: Atom feed, sitemap and robots.txt.

They are written here in Python rather than in the theme, so a theme cannot add
a field that the audience must not see. All of them are built from the site
graph (what the audience may see) and are deterministic: no clock is read; the
feed's ``updated`` is the newest note date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..audience.viewnote import ViewNote
from ..validate.config import SiteConfig


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    """Site-relative directory URL of the page."""
    lastmod: dt.date | None = None


def is_absolute(base_url: str) -> bool:
    """Feeds and sitemaps need absolute URLs: only an http(s) base_url gives them."""
    return re.match(r"^https?://[^/\s]+", base_url) is not None


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def atom_feed(config: SiteConfig, entries: Iterable[tuple[ViewNote, str]]) -> str | None:
    """An Atom feed of (note, site-relative URL) pairs: title, link, date, summary, tags.

    Never the body of a note: a feed reader keeps what it fetched, so the feed
    carries only the one-line summary. None when there is nothing dated to list.
    """
    items = [(n, u) for n, u in entries if n.date is not None]
    if not items or not is_absolute(config.base_url):
        return None
    items.sort(key=lambda p: (-p[0].date.toordinal() if p[0].date else 0, p[1]))
    base = config.base_url
    newest = max(n.date for n, _ in items if n.date is not None)
    author = config.author or config.title
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(config.language)}>',
        f"  <title>{escape(config.title)}</title>",
        f"  <id>{escape(base)}</id>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(base)}/>',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(base + "feed.xml")}/>',
        f"  <updated>{_stamp(newest)}</updated>",
        f"  <author><name>{escape(author)}</name></author>",
        "  <generator>ivsite</generator>",
    ]
    for note, url in items:
        assert note.date is not None
        link = base + url
        out += [
            "  <entry>",
            f"    <title>{escape(note.title)}</title>",
            f"    <id>{escape(link)}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>',
            f"    <published>{_stamp(note.date)}</published>",
            f"    <updated>{_stamp(note.date)}</updated>",
            f"    <summary>{escape(note.summary or note.title)}</summary>",
        ]
        out += [f"    <category term={quoteattr(t)}/>" for t in note.tags]
        out.append("  </entry>")
    out.append("</feed>")
    return "\n".join(out) + "\n"


def sitemap(config: SiteConfig, entries: Iterable[SitemapEntry]) -> str | None:
    if not is_absolute(config.base_url):
        return None
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for e in sorted(entries, key=lambda e: e.url):
        out.append("  <url>")
        out.append(f"    <loc>{escape(config.base_url + e.url)}</loc>")
        if e.lastmod is not None:
            out.append(f"    <lastmod>{e.lastmod.isoformat()}</lastmod>")
        out.append("  </url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def robots(config: SiteConfig, public: bool, has_sitemap: bool) -> str:
    if not public:
        return "User-agent: *\nDisallow: /\n"
    lines = ["User-agent: *", "Allow: /"]
    if has_sitemap:
        lines.append(f"Sitemap: {config.base_url}sitemap.xml")
    return "\n".join(lines) + "\n"
