"""The audit's reading of the code in the files written (red team 8, N4 and N17).

The filter refuses a note's ``<script src>`` and every file of the content that
runs code or loads from another host (ivsite.markup.scripturls, ivsite.readers.activefiles); as
the second line, the audit refuses any script in the output that is not the
theme's own or Pagefind's, whatever put it there. A script is known by its bytes
(``OwnScripts``): each of the theme's static ``.js``/``.mjs`` files, and each
script Pagefind writes (ivsite.readers.pagefind_engine). So:

* a ``.js``/``.mjs`` file whose bytes are none of those is refused;
* in a page or drawing (HTML, SVG, XML), a script element that runs code written
  in it, or fetches anything but a ``.js``/``.mjs`` file (which is read on its
  own, above), and every event handler (``onload=``), are refused: the theme's
  templates have none, and a browser runs a script from a ``.txt`` or ``.png``;
* an ``.xsl``/``.xslt`` file and an ``<?xml-stylesheet?>`` that applies XSLT are
  refused (XSLT writes the page it shows); a style sheet or playlist that loads
  from another host is refused by ivsite.audit.markupchecks.

A script element kept as data (``type="application/octet-stream"``, the encrypted
view's cipher text) runs nothing and passes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from ..markup.rawhtml import Tag
from ..readers.activefiles import SCRIPT_SUFFIXES, XSLT_SUFFIXES, markup_code, xslt_applied
from ..readers.pagefind_engine import script_digests
from ..readers.readable import MARKUP_SUFFIXES


@dataclass(frozen=True)
class OwnScripts:
    """The SHA-256 of every script the output may hold (sorted: part of the
    audit's cache key, ivsite.audit.cache)."""

    digests: tuple[str, ...]
    files: tuple[str, ...] = ()
    """The SHA-256 of every file of ivsite's own that the output holds as it is:
    each of the theme's static files (scripts, style sheets, icons) and Pagefind's
    scripts. Their words are code's and the theme's, never the author's: a name
    that is also an everyday word ("Mark", "May", "Page") is not looked for in
    them, where ``mark`` is an element and ``page`` a variable (red team 13,
    R13-08). Every other secret is."""

    @classmethod
    def of(cls, static: Mapping[str, bytes]) -> OwnScripts:
        """The theme's static scripts (``static``: path to bytes) and Pagefind's."""
        theme = {rel: hashlib.sha256(data).hexdigest() for rel, data in static.items()}
        scripts = {d for rel, d in theme.items() if rel.casefold().endswith(SCRIPT_SUFFIXES)}
        pagefind = set(script_digests())
        return cls(tuple(sorted(scripts | pagefind)),
                   tuple(sorted({*theme.values(), *pagefind})))

    def key(self) -> tuple[str, ...]:
        """What of these the audit's reading of a file depends on (ivsite.audit.cache)."""
        return (*self.digests, "own files:", *self.files)


def foreign_code(suffix: str, data: bytes, text: str, walked: Iterable[Tag],
                 own: OwnScripts) -> Iterator[str]:
    """What in a written file runs code that is not the theme's or Pagefind's,
    each a phrase for the audit's report (``walked``: a page's tags)."""
    if suffix in SCRIPT_SUFFIXES:
        if hashlib.sha256(data).hexdigest() not in own.digests:
            yield "a script that is not the theme's or Pagefind's"
        return
    if suffix in XSLT_SUFFIXES:
        yield "an XSLT program, which writes the page it shows as it runs"
    yield from xslt_applied(text)
    if suffix in (*MARKUP_SUFFIXES, ".xht"):
        yield from markup_code(walked, files_allowed=True)
