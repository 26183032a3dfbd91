"""Withheld pages' addresses in an output file: where its links lead, paths
written out in its text, and wiki links to them printed as written.

Looked for as addresses, not as words: a link to ``../salary/`` is one common
word without its section, and a listing can set "reflections" beside a title
that happens to be a slug.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Iterator, Mapping
from typing import TypeVar
from urllib.parse import unquote

from ..core.slugs import slugify
from ..core.urlparts import attribute_addresses, split_url, url_path
from .secrets import Secret, wiki_name

V = TypeVar("V")

_LINK = re.compile(
    r"""\s(?:href|src|srcset|poster|action|formaction|data|cite|background|xlink:href|ping)"""
    r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


def links_to(rel: str, data: bytes, addresses: Mapping[str, V]) -> list[V]:
    """What ``addresses`` holds for the pages a markup file links to (withheld
    pages, or the pages of people whose name parts count beside them): every
    address in it, read relative to the file (or from the root, for any base
    path), compared with theirs. Words alone miss ``../salary/``: one common word,
    without its section."""
    text = data.decode("utf-8", errors="ignore")
    base = posixpath.dirname(rel)
    found: dict[int, V] = {}
    # A page repeats its links (a card's title and its "more"): each once.
    values = dict.fromkeys(m.group(1) or m.group(2) or m.group(3) or ""
                           for m in _LINK.finditer(text))
    for value in values:
        # Each address as a browser reads it: "..\\reflections\\x\\" leads to
        # ../reflections/x/, "../reflections/x&#10;y/" to ../reflections/xy/ (R13-02).
        for url in attribute_addresses(html.unescape(value), _URLS):
            path = _local_path(url)
            if path is None:
                continue
            # A withheld heading's anchor (secrets.ANCHOR) counts in a fragment alone.
            fragment = "#" + slugify(unquote(split_url(url).fragment)) \
                if "#" in url else ""
            joined = posixpath.normpath(path if path.startswith("/") else
                                        posixpath.join(base, path)).removesuffix("index.html")
            segments = [s for s in joined.split("/") if s not in ("", ".", "..")]
            for i in range(len(segments)):
                for key in {"/".join(segments[i:]), "/".join(segments[i:]) + fragment}:
                    value_of = addresses.get(key)
                    if value_of is not None:
                        found[id(value_of)] = value_of
    return list(found.values())


_URLS = re.compile(r"[\s,]+")
"""Between the URLs of a srcset."""


@functools.lru_cache(maxsize=1 << 14)
def _local_path(url: str) -> str | None:
    """A link's path, decoded, if it is one within the site."""
    parts = split_url(url)
    return None if parts.scheme or parts.netloc or not parts.path else url_path(parts)


_SECTION_PATH = re.compile(
    r"(?:interviews(?<![\w-]interviews)|reflections(?<![\w-]reflections)|roles(?<![\w-]roles))"
    r"/[^\s\"'<>?#/\\)]+")
"""A section's name, not inside a longer word, and a slug. Each look-behind comes
after its word, so that the search starts from a word's letters, which is fast."""


def addresses_in(text: str, addresses: dict[str, Secret],
                  own: re.Pattern[str] | None) -> Iterator[Secret]:
    """Withheld notes' addresses written out in a text (a sitemap's <loc>, a URL in a
    search index, a file's own path, the site's address and a page's): looked for
    as paths, not as words, since a listing can set "reflections" beside a title
    that happens to be a slug. Backslashes count as slashes, as in a browser's
    address bar (``https:\\\\host\\reflections\\x``: red team 13, R13-02)."""
    if "\\" in text:
        text = text.replace("\\", "/")
    if addresses and "/" in text:
        for m in _SECTION_PATH.finditer(text):
            secret = addresses.get(m.group(0))
            if secret is not None:
                yield secret
        for m in own.finditer(text) if own is not None else ():
            path = unquote(m.group(1)).removesuffix("index.html").strip("/")
            secret = addresses.get(path)
            if secret is not None:
                yield secret


def own_address(base_url: str) -> re.Pattern[str] | None:
    """A page's address under the site's own (its path in group 1)."""
    site = split_url(base_url)
    return re.compile(re.escape(f"{site.netloc}{site.path.rstrip('/')}/")
                      + r"([^\s\"'<>?#]+)", re.I) if site.netloc else None


class SiteAddress:
    """The site's own address as written out in a file (``robots.txt``, the sitemap,
    a feed): where the site is served is public to anyone who reads it, so a word
    in it ("example" in maya.example.org) is no name part that leaked, though a
    private interviewee's family name be the same word (red team 11, R11-16's
    reproducer). Pages under it are read for their paths (:func:`addresses_in`)."""

    def __init__(self, where: str) -> None:
        self._where = re.compile(re.escape(where), re.I)
        self._written = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?(?://)?" + re.escape(where), re.I)

    def without(self, text: str) -> str:
        """``text`` with each place it writes the address out blanked. Only a text
        that holds the host and path is searched with the scheme in front: that
        search tries a scheme at every letter, a tenth of a page's audit, and
        most of a page's readings do not write the address out."""
        return self._written.sub(" ", text) if self._where.search(text) else text


def site_address(base_url: str) -> SiteAddress | None:
    """The site's own address (:class:`SiteAddress`), or None when it has none."""
    site = split_url(base_url)
    return SiteAddress(f"{site.netloc}{site.path.rstrip('/')}") if site.netloc else None


_WIKI = re.compile(r"\[\[([^\[\]\n]{1,200})\]\]")


def wiki_names_in(text: str, names: dict[str, Secret]) -> Iterator[Secret]:
    """Withheld notes named in a wiki link written out in a text (``[[Resignation]]``
    in a title, an attribute, a search index, red team 11, R11-25): ivsite turns
    every link it reads into a link or "a private note", so brackets in an output
    were printed as written, and the name in them is the note's (``names``: by
    :func:`ivsite.audit.secrets.wiki_name`)."""
    if names and "[[" in text:
        for m in _WIKI.finditer(text):
            secret = names.get(wiki_name(m.group(1)))
            if secret is not None:
                yield secret
