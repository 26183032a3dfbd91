"""The files made for programs rather than readers: the Atom feed, the sitemap,
robots.txt and the search index."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..audience.viewnote import ViewNote
from ..core.keyed import digest
from .feeds import SitemapEntry, atom_feed, robots, sitemap
from .page import Page
from .searchindex import json_list, shard_count, shard_name, shard_of

if TYPE_CHECKING:
    from .emitter import Emitter


def feed(em: Emitter) -> bool:
    """The public site's Atom feed of interviews and reflections; whether it has one."""
    cols = em.g.collections
    entries = [(n, em.g.url(n)) for n in [*cols["interviews"], *cols["reflections"]]]
    text = atom_feed(em.config, entries)
    if text is None:
        return False
    em.plan.add("feed.xml", text)
    return True


def crawlers(em: Emitter, pages: list[Page]) -> None:
    """robots.txt, and the sitemap of the public site."""
    has_sitemap = False
    if em.public:
        entries = [SitemapEntry(p.url, p.note.date if p.note else None)
                   for p in pages if p.kind != "search"]
        text = sitemap(em.config, entries)
        if text is not None:
            em.plan.add("sitemap.xml", text)
            has_sitemap = True
    em.plan.add("robots.txt", robots(em.config, em.public, has_sitemap))


def search_index(em: Emitter, pages: list[Page]) -> None:
    """The JSON search index (private and encrypted views), or a note that Pagefind
    indexes the written pages (the others).

    The private view's index is split in shards by a hash of each note's address
    (:func:`shard_of`), listed in ``search-index.json``, so that a save changes one
    shard's file, not one file that holds every note's text."""
    notes = sorted(((p.url, p.note) for p in pages if p.note is not None),
                   key=lambda item: item[0])
    def doc(url: str, n: ViewNote) -> bytes:  # a save changes one note's, not all
        return em.keyed(("search doc", url, n.digest), lambda: _doc(url, n))

    if em.encrypt is not None:
        text = json_list([doc(url, n) for url, n in notes]).decode("utf-8")
        encrypt = em.encrypt
        em.plan.add("search-index.json.enc", em.pages_of(
            digest("search-index.json.enc", em.shared_key, text),
            lambda: encrypt(text).encode("utf-8")))
        return
    if em.audience == "private":
        count = shard_count(len(notes))
        shards: list[list[tuple[str, ViewNote]]] = [[] for _ in range(count)]
        for url, n in notes:
            shards[shard_of(url, count)].append((url, n))
        for i, shard in enumerate(shards):
            em.plan.add(shard_name(i), json_list([doc(url, n) for url, n in shard]))
        em.plan.add("search-index.json",
                    json.dumps({"shards": [shard_name(i) for i in range(count)]}))
        return
    em.plan.search_index = True
    em.plan.search_prefix = em.share_prefix


def _doc(url: str, note: ViewNote) -> bytes:
    """One note's entry in the JSON search index."""
    return json.dumps({"url": url, "title": note.title, "summary": note.summary,
                       "text": note.text}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")
