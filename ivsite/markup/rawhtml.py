"""Raw HTML in a note's text, read as a browser would read its tags.

Markdown passes raw HTML through as written, so what it does (which tags, which
attributes, which addresses) is not in any Markdown token. The checks that must
know (a link to a person's note written as ``<a href>``, an element that hides
the letters inside a word, a tag named ``<private>``) read it here.
"""

from __future__ import annotations

import base64
import binascii
import html
import posixpath
import re
from collections.abc import Iterator
from typing import NamedTuple
from urllib.parse import unquote

from ..core.urlparts import attribute_addresses, browser_url, split_url, url_path
from ..markdown.notes import Note, NoteTarget, ValidSite, resolve_href
from .drawntext import drawn_readings
from .svgtext import svg_texts

_TAG = re.compile(
    r"<(/?)([A-Za-z][\w:.-]*)((?:\s*[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?"
    r"|\s*/)*)\s*>?", re.S)
"""An opening or closing tag, with its attributes (an unclosed one too: a browser
reads the rest of the line as its attributes)."""
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_URL_PIECES = re.compile(r"[\s,;()'\"=]+")
"""What separates addresses inside an attribute (srcset, style's url(...), a meta
refresh's content="0; url=...")."""


class Tag(NamedTuple):
    """A tuple, not a frozen dataclass: the audit makes hundreds of thousands of
    them per build, and a tuple is made several times faster."""

    name: str
    """Lower case, as the browser reads it."""
    attrs: tuple[tuple[str, str], ...]
    """(lower-case name, value with entities decoded) in order."""
    closing: bool

    def get(self, name: str) -> str | None:
        for k, v in self.attrs:
            if k == name:
                return v
        return None


_FRAMES = 4
"""How many ``srcdoc`` documents deep (a frame inside a frame) tags are read."""


def tags(content: str, depth: int = _FRAMES) -> Iterator[Tag]:
    """Every tag in a piece of raw HTML (comments are cut out before parsing), and
    the tags of the document each ``<iframe srcdoc>`` holds, after that frame's
    tag: HTML written inside an attribute is a page of its own to the browser, so
    what its tags hide or link to counts as if written here (red-team H23)."""
    if "<" not in content:
        return
    for m in _TAG.finditer(content):
        raw = m.group(3)
        attrs = tuple((a.group(1).casefold(), _unescape(a.group(2) or a.group(3)
                                                        or a.group(4) or ""))
                      for a in _ATTR.finditer(raw)) if raw else ()
        tag = Tag(m.group(2).casefold(), attrs, bool(m.group(1)))
        yield tag
        if depth > 0 and (doc := tag.get("srcdoc")):
            yield from tags(doc, depth - 1)


def _unescape(value: str) -> str:
    return html.unescape(value) if "&" in value else value


def addresses(content: str) -> Iterator[str]:
    """Every piece of every attribute value that could be an address."""
    for tag in tags(content):
        for _, value in tag.attrs:
            # As a browser reads it: backslashes as slashes, no tabs (R13-02).
            for piece in attribute_addresses(value, _URL_PIECES):
                if "/" in piece or "/" in url_path(split_url(piece)) \
                        or piece.casefold().endswith((".md", ".html", ".htm")):
                    yield piece


def page_path(from_page: str, address: str) -> str | None:
    """The site path (``interviews/iv``) a page address leads to, read from the page
    at ``from_page`` (``reflections/r/``): relative, root-relative or with a host
    (any host: the site's own may be written out in full). None for no page."""
    parts = split_url(browser_url(address))
    path = url_path(parts)
    if not path:
        return None
    joined = path if path.startswith("/") else posixpath.join("/" + from_page, path)
    norm = posixpath.normpath(joined).strip("/")
    for suffix in ("/index.html", "/index.htm", ".html", ".htm"):
        norm = norm.removesuffix(suffix)
    return norm or None


def linked_notes(site: ValidSite, note: Note, content: str) -> set[str]:
    """Keys of the notes raw HTML links to, in any attribute: by source path
    (``../interviews/iv.md``) or by page address (``../../interviews/iv/``, read
    from this note's page, or ``/interviews/iv/``). A link written in HTML ties a
    name to the person as closely as a Markdown link does (red-team F14)."""
    out: set[str] = set()
    pages: dict[str, str] | None = None
    for address in addresses(content):
        target = resolve_href(site, note.source, address)
        if isinstance(target, NoteTarget):
            out.add(target.note.key)
            continue
        if pages is None:
            pages = {_page_of(n): n.key for n in site.notes}
        path = page_path(_page_of(note) + "/", address)
        if path is not None and path in pages:
            out.add(pages[path])
    return out


def _page_of(note: Note) -> str:
    """The site path of a note's page, without the slash (the home page: '')."""
    if note.collection == "pages":
        return "" if note.slug == "index" else note.slug
    return f"{note.collection}/{note.slug}"


_DATA = re.compile(r"data:([^,\"'<>()]*),([^\"'()<>]*)", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def data_texts(text: str, depth: int = 3) -> Iterator[str]:
    """What the ``data:`` URIs in a piece of raw HTML or an address say (an SVG
    image with a name in it, red-team F13): decoded as a browser decodes them
    (percent-escapes, base64 with its spaces skipped), with tags taken out both
    with and without a space, and the URIs inside them in turn."""
    if depth == 0 or "data:" not in text.casefold():
        return
    for m in _DATA.finditer(html.unescape(text)):
        data = unquote(m.group(2))
        if ";base64" in m.group(1).casefold():
            data = _unbase64("".join(data.split()))
        yield _ANY_TAG.sub(" ", data)
        yield _ANY_TAG.sub("", data)
        yield from data_texts(data, depth - 1)


def block_texts(content: str) -> Iterator[str]:
    """A block of raw HTML as a reader may see it: tags taken out with and without
    a space (``Ja<b>ne</b>`` reads "Jane"), the words an inline ``<svg>`` draws
    (ivsite.markup.svgtext), what it draws otherwise (ivsite.markup.drawntext: list markers,
    alt texts, struck text left out, boxes reordered) and what it embeds
    (embedded_texts)."""
    yield from _without_tags(content)
    yield from svg_texts(content)
    yield from drawn_readings(content)
    yield from embedded_texts(content)


def embedded_texts(content: str) -> Iterator[str]:
    """What the ``data:`` URIs and the ``<iframe srcdoc>`` documents in a piece of
    raw HTML show: a frame's document is HTML inside an attribute, its tags
    escaped (``&lt;b&gt;``), so read as text it splits the words a frame shows
    whole (red-team H23)."""
    yield from data_texts(content)
    for tag in tags(content):
        if doc := tag.get("srcdoc"):
            yield from _without_tags(doc)
            yield from data_texts(doc)


def _without_tags(content: str) -> Iterator[str]:
    yield html.unescape(_ANY_TAG.sub(" ", content))
    yield html.unescape(_ANY_TAG.sub("", content))


def _unbase64(data: str) -> str:
    data = data.rstrip("=")
    data = data[:-1] if len(data) % 4 == 1 else data  # a lone last character says nothing
    try:
        return base64.b64decode(data + "=" * (-len(data) % 4), validate=False).decode(
            "utf-8", errors="ignore")
    except (binascii.Error, ValueError):  # not base64 after all
        return ""
