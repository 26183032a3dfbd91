"""The values of the query strings of the addresses in a text, read as a text of
their own.

A people-search link puts each word of a name in a parameter of its own
(``?firstName=Quentin&lastName=Zabrowski``, red team 4 J-query). Read as written,
the parameter names stand between the words and no search for "Quentin
Zabrowski" finds them; but the page the link opens, and anyone reading the
address, sees the person named. So the audience filter's check
(ivsite.audience.namecheck) and the audit (ivsite.readers.readable) both read a text's query
values too, percent-decoded and joined by spaces ("Quentin Zabrowski
FACETED_SEARCH"), and a value that is base64 for text as that text
(``?n=UXVlbnRpbiBaYWJyb3dza2k=``).
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote_plus

_QUERY = re.compile(r"\?([^\s\"'<>#`?]*=[^\s\"'<>#`]*)")
"""A query string with at least one value: from a "?" to the end of the address."""
_PAIRS = re.compile(r"&amp;|&#0*38;|&#x0*26;|[&;]", re.I)
"""What separates two parameters, as written or as HTML escapes it (an entity
decoder would read "&not=" or "&copy=" as a character)."""
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]{8,}={0,2}")
"""A value long enough to be base64 for a name."""


def query_text(text: str) -> str:
    """The values of every query string in ``text``, one address per line ('' for
    a text with none)."""
    if "?" not in text or "=" not in text:
        return ""
    lines = []
    for m in _QUERY.finditer(text):
        values = [unquote_plus(pair.partition("=")[2]) for pair in _PAIRS.split(m.group(1))
                  if "=" in pair]
        lines.append(" ".join([*values, *filter(None, map(_unbase64, values))]))
    return " \n ".join(line for line in lines if line.strip())


def _unbase64(value: str) -> str:
    """The text a base64 value stands for ('' when it is not base64 for text)."""
    if not _BASE64.fullmatch(value):
        return ""
    data = value.rstrip("=").replace("-", "+").replace("_", "/")
    try:
        decoded = base64.b64decode(data + "=" * (-len(data) % 4), validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return ""
    return decoded if decoded.isprintable() else ""
