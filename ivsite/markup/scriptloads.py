"""What a written script could ask another host for (red team 7, M5).

A built page promises to make no request to another host, and a theme's own
JavaScript runs on every page: ``fetch("https://…")``, ``new Image().src = …``,
``navigator.sendBeacon`` or a WebSocket tells that host who reads the page. Which
call makes the request cannot be told from the text, so the audit fails closed:
any address on another host written in a script (``https://host/…``,
``wss://…``, ``//host/…`` after a quote, ``http:host``), escapes read as
JavaScript reads them (``\\/``, ``\\.``, ``\\x2f``, ``\\u002f``), is refused, whatever
uses it. An address built at run time from pieces is out of reach of any such
reading; this is the second line for an author's own theme, not a sandbox.

Let through, because none of them is a request (Pagefind's own files hold each):

* a block comment that starts a line (a licence header: ``/*! … https://… */``);
* an address written as ``<https://…>`` (a translator's credit, "Name <url>"):
  as markup it is a tag named ``https:``, as a fetch a path on this site;
* the XML namespace names (``http://www.w3.org/2000/svg`` …), which
  ``createElementNS`` compares and never fetches;
* ``example.com`` (reserved for examples by RFC 2606) and the one-letter host
  ``p``, which Pagefind uses only as the base of ``new URL(path, base)`` to read
  a path, never to load it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .remoteloads import remote_host

_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|([^\w\s]))")
_HEADER = re.compile(r"^[ \t]*/\*.*?\*/", re.M | re.S)
_ADDRESS = re.compile(
    r"""(?:https?|wss?|ftp):[^\s"'`<>()$\\]*"""
    r"""|(?<=["'`])\s*//[^\s"'`<>()$\\]*""", re.I)
_NAMESPACES = frozenset({
    "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1999/xlink", "http://www.w3.org/1998/Math/MathML",
    "http://www.w3.org/2000/xmlns/", "http://www.w3.org/XML/1998/namespace",
})
_PARSE_BASES = frozenset({"example.com", "p"})


def _unescape(script: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(4):
            return m.group(4)
        code = int(next(g for g in m.groups()[:3] if g is not None), 16)
        return chr(min(code, 0x10FFFF))
    return _ESCAPE.sub(one, script)


def remote_in_script(script: str, own: str) -> Iterator[str]:
    """Each address on a host other than ``own`` written in a script, as a phrase
    for the audit's report."""
    text = _HEADER.sub(" ", _unescape(script))
    for m in _ADDRESS.finditer(text):
        address = m.group(0).strip()
        if text[max(m.start() - 1, 0)] == "<" or address in _NAMESPACES:
            continue
        host = remote_host(address, own)
        if host is not None and host not in _PARSE_BASES:
            yield f"the script names {host} (url {address!r}), which it may fetch"
