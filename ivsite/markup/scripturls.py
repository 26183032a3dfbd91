"""Code written in an address or a frame's page, in a note's raw HTML.

A ``javascript:`` address (``vbscript:`` in old browsers) in an iframe's ``src``,
a link's ``href``, a form's ``action`` … runs its code with the origin of the page
that holds it. In the mentor's copy (``share/<token>/``, unencrypted) that code
can read the page and its address, the mentor link, and send both to another
host (red team 5, K1); the rule that refuses a ``<script>`` with code
(ivsite.markup.hidinghtml) never saw it. So such an address is an error wherever an
audience reads the note, in any attribute but the few that are only text for the
reader (SVG animation's ``to``/``values`` and a meta refresh's ``content`` set
addresses too), read as a browser reads it: entities decoded (ivsite.markup.rawhtml),
spaces and control characters around it and tabs and line breaks inside the
scheme dropped, any case. So is a frame whose page runs code: an ``<iframe
srcdoc>`` (its page has this page's origin) or a ``data:`` page, in a frame or
in a link that can open in one. A ``<script src>``
is not code written here: one from another host is a load from elsewhere
(ivsite.markup.remoteloads), and one of the site's own files, any ``<script src>`` at
all, is a ``script-element`` error (red team 8, N4: a copied file that writes a
name reversed at run time, and calls a host whose address is in base64, cannot be
audited by reading it; see ivsite.readers.activefiles). Markdown links never get this
far: markdown-it refuses these schemes, and one it lets through with a tab or
control character escaped (``%09``) is an address on this site to a browser too, so a broken link
(tests/test_leaks_script_urls.py).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from urllib.parse import unquote_to_bytes

from .rawhtml import tags

_SCRIPT_SCHEMES = frozenset({"javascript", "vbscript"})
_CONTROLS = "".join(map(chr, range(0x21)))
"""What a browser strips around an address: C0 controls and the space."""
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.I)
_REFRESH = re.compile(r"url\s*=\s*['\"]?", re.I)
"""The start of a meta refresh's address (``0; url='…'``)."""
_PAGE_ADDRESS = {"iframe": ("src",), "frame": ("src",), "embed": ("src",),
                 "object": ("data",), "a": ("href", "xlink:href"), "area": ("href",),
                 "form": ("action",), "button": ("formaction",), "input": ("formaction",)}
"""Where an element names a page it shows, or opens (in a frame, by ``target``)."""
_BASE64 = re.compile(r";\s*base64\s*$", re.I)
"""A data: address's last parameter that says its page is base64 (spaces around
it are allowed)."""
_SHOWN = frozenset({"title", "alt", "placeholder"})
"""Attributes that are text for the reader, never an address (besides ``aria-*``)."""
_SAME_ORIGIN = ("its code runs with this page's origin, so it could read the page and its "
                "address (the mentor link) and send them to another host")
_DEPTH = 3
"""How many pages deep (a data: page in a data: page) a page is read for code."""


def script_urls(content: str) -> Iterator[str]:
    """What in a piece of raw HTML (and the pages its frames hold) runs code
    written in the note itself rather than fetched: each a phrase for the error
    message."""
    for tag in tags(content):
        if tag.closing:
            continue
        for name, value in tag.attrs:
            if _shown(name):
                continue
            if (scheme := _script_scheme(value)) is not None:
                yield f"the '{name}' of <{tag.name}> is a {scheme}: address: {_SAME_ORIGIN}"
            elif name == "srcdoc" and _runs_code(value, _DEPTH):
                yield (f"the page in the 'srcdoc' of <{tag.name}> runs a script: a frame's "
                       f"page written in the note has this page's origin, so {_SAME_ORIGIN}")
        for name in _PAGE_ADDRESS.get(tag.name, ()):
            page = _data_page(tag.get(name))
            if page is not None and _runs_code(page, _DEPTH):
                yield (f"the '{name}' of <{tag.name}> is a data: page that runs a script: "
                       "code written in the note can write any text and reach other hosts, "
                       "and ivsite cannot check what it does")


def script_sources(content: str) -> Iterator[tuple[str, str]]:
    """(``script-element``, phrase) for every ``<script src>`` in a note's raw HTML,
    whatever its address (a script with code is ``hiding-markup``, ivsite.markup.hidinghtml)."""
    for tag in tags(content):
        if tag.name == "script" and not tag.closing and tag.get("src") is not None:
            yield ("script-element", f"<script src=\"{tag.get('src')}\"> runs that file's "
                   "code on the page, which can write any name or call any host as it "
                   "runs, and no check can read what it does")


def _script_scheme(value: str) -> str | None:
    """The script scheme (``javascript``) an attribute's value leads to as a
    browser reads an address, or None: the whole value, and each ``;``-separated
    piece (``values="a;javascript:…"``, ``content="0; url=javascript:…"``)."""
    for piece in value.split(";"):
        address = _REFRESH.sub("", _address(piece), count=1)
        m = _SCHEME.match(address)
        if m and m.group(1).lower() in _SCRIPT_SCHEMES:
            return m.group(1).lower()
    return None


def _shown(name: str) -> bool:
    """An attribute a browser only shows or reads out (``title="javascript: a
    primer"``), never follows."""
    return name in _SHOWN or name.startswith("aria-")


def _address(value: str) -> str:
    """An address as the URL parser reads it: controls and spaces around it cut,
    tabs and line breaks anywhere in it dropped."""
    return value.strip(_CONTROLS).replace("\t", "").replace("\n", "").replace("\r", "")


def _runs_code(page: str, depth: int) -> bool:
    """Whether an HTML page holds code of its own: a ``<script>`` with code, an
    ``on…`` attribute, a script address, or a data: page that does."""
    for tag in tags(page):
        if tag.closing:
            continue
        if tag.name == "script" and tag.get("src") is None:
            return True
        if any(name.startswith("on") or (not _shown(name) and _script_scheme(value))
               for name, value in tag.attrs):
            return True
        if depth > 1 and any((inner := _data_page(tag.get(name))) is not None
                             and _runs_code(inner, depth - 1)
                             for name in _PAGE_ADDRESS.get(tag.name, ())):
            return True
    return False


def _data_page(value: str | None) -> str | None:
    """The page a ``data:`` address holds, decoded as a browser decodes it, or None."""
    if value is None:
        return None
    address = _address(value)
    if address[:5].lower() != "data:":
        return None
    params, _, payload = address[5:].partition(",")
    data = unquote_to_bytes(payload)
    if _BASE64.search(params):
        try:
            data = base64.b64decode(b"".join(data.split()) + b"==", validate=False)
        except (binascii.Error, ValueError):  # not base64 after all: no page either
            return None
    return data.decode("utf-8", errors="replace")

