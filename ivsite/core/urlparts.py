"""Splitting an address that an author (or a browser's request) wrote, without a
traceback.

``urllib.parse.urlsplit`` raises ``ValueError`` on an unclosed or invalid
bracketed host (``http://[x``, ``https://[::1/``, ``http://[x]/``) and on a host
that NFKC turns into a separator (``http://a＃b/``): a typo in pasted HTML, or a
request target, stopped the build with "internal error" (red team 4, J-trace).
:func:`split_url` reads such an address with its brackets and non-ASCII letters
percent-encoded instead, so it is still an address with a host (an outside one,
never this site's own) and its path reads the same once decoded: a check that
looks at the path (a withheld note's slug) sees what the author wrote.
"""

from __future__ import annotations

import re
import string
from urllib.parse import SplitResult, quote, unquote, urlsplit

_KEPT = "".join(ch for ch in string.punctuation if ch not in "[]") + " "
"""What the fallback leaves as it is: every printable ASCII character but ``[``
and ``]``, the only ones ``urlsplit`` refuses."""


def split_url(url: str) -> SplitResult:
    """``urlsplit(url)``, or for an address it refuses, the same with ``[``, ``]``
    and non-ASCII characters percent-encoded (which it always accepts)."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit(quote(url, safe=_KEPT))


def valid(url: str) -> bool:
    """Whether ``urlsplit`` reads ``url`` as it is (a configuration's address must)."""
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


SPECIAL_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp", "file"})
"""The URL standard's special schemes: in them (and in an address without a scheme,
read against this site's http(s) page) a backslash is a slash."""
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_C0_EDGES = "".join(chr(c) for c in range(0x21))
_AUTHORITY = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*:)?//([^/?#]*)")


def browser_url(url: str) -> str:
    """``url`` as a browser's URL parser reads it before it follows it (red team 13,
    R13-02): without the spaces and control characters at its ends, without the
    tabs and newlines anywhere in it, with each backslash a slash before its query
    and fragment when its scheme is special or absent (``..\\reflections\\x\\``,
    ``https:\\\\host\\x`` lead where ``../reflections/x/`` and ``https://host/x``
    do), and with its scheme and host in small letters. Percent-escapes stay: a
    caller decodes the path (:func:`url_path`). Every check that reads an address
    an author wrote reads it through this, so a link that reaches a withheld page
    in a browser reaches it here too."""
    url = _TAB_OR_NEWLINE.sub("", url.strip(_C0_EDGES))
    scheme = _SCHEME.match(url)
    if "\\" in url and (scheme is None or scheme.group(1).casefold() in SPECIAL_SCHEMES):
        cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
        url = url[:cut].replace("\\", "/") + url[cut:]
    if scheme is not None:
        url = scheme.group(1).casefold() + url[scheme.end(1):]
    authority = _AUTHORITY.match(url)
    if authority is not None:
        user, at, host = authority.group(2).rpartition("@")
        url = (url[:authority.start(2)] + user + at + host.casefold()
               + url[authority.end(2):])
    return url


def url_path(parts: SplitResult) -> str:
    """The path of a split address, percent-decoded, as a static server reads it:
    an escaped backslash (``%5C``) a slash too, as Windows hosts take it (the
    safe reading: a withheld page's path is found either way)."""
    return unquote(parts.path).replace("\\", "/")


def attribute_addresses(value: str, between: re.Pattern[str]) -> list[str]:
    """The addresses an attribute's value may hold, each as :func:`browser_url`
    reads it: the value whole (an ``href``, whose tabs and newlines a browser drops:
    ``../reflections/quit-&#10;acme/`` is one address) and each piece ``between``
    separates (a ``srcset``, a style's ``url(...)``), once each."""
    return list(dict.fromkeys(
        browser_url(u) for u in (value, *between.split(value)) if u.strip(_C0_EDGES)))
