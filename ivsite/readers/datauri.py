"""Data URIs in a file's text, decoded as a browser decodes them.

A ``data:`` URI carries a whole file (an image, a frame's page) inside another;
the audit reads each payload as a file of its own. What counts is what a browser
accepts (fetch's data: URL processor), not the tidy form: a parameter before
``;base64`` (``;charset=utf-8;base64,``), ``base64`` in any case, ASCII
whitespace and percent-escapes inside the payload, and in HTML character
references anywhere in an attribute's value (red team 3, H2).
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from pathlib import PurePosixPath
from urllib.parse import unquote_to_bytes

_WS = "\t\n\f\r "
DATA_URI = re.compile(
    rf"data:([^,\"'<>]*?);[{_WS}]*base64[{_WS}]*,((?:[A-Za-z0-9+/=%{_WS}]){{16,}})", re.I)
"""A base64 data URI: its type (and parameters), and its payload (whitespace and
escapes still in)."""
_UNBROKEN = re.compile(rf"data:[^,\"'<>]*?;[{_WS}]*base64[{_WS}]*,[A-Za-z0-9+/=%]+", re.I)
"""A payload up to its first space: all that is cut out of the text (see without)."""
_QUOTED_PLAIN = re.compile(r"""["'(]\s*data:([^,"'<>;]*)((?:;[^,"'<>]*)?),([^"')>]*%[^"')>]*)""",
                           re.I)
"""A data URI that is not base64 but percent-escaped (an SVG written out in an
attribute or CSS ``url()``), in quotes or brackets so that its end is sure: its
tags are escaped, so as text its words are split by them (red team F13)."""


def payloads(text: str) -> list[tuple[PurePosixPath, bytes]]:
    """The decoded payload of every base64 data URI in ``text``, and of every one
    written with character references (``data&colon;``, ``base&#54;4``, ...), each
    with a file name that says how to read it (``x.svg``: as markup, ``x.txt``:
    as text in any encoding, ``x.bin``: an image or other file)."""
    plain = html.unescape(text) if "&" in text else text
    if "data:" not in plain.lower():  # most files hold none: a quick test first
        return []
    found = list(dict.fromkeys(m.groups() for t in dict.fromkeys((text, plain))
                               for m in DATA_URI.finditer(t)))
    plain_found = [(kind, unquote_to_bytes(payload)) for t in dict.fromkeys((text, plain))
                   for kind, params, payload in _QUOTED_PLAIN.findall(t)
                   if "base64" not in params.lower()]
    return [*((_name(kind), b) for kind, payload in found if (b := _unbase64(payload))),
            *((_name(kind), b) for kind, b in plain_found if b)]


def _name(kind: str) -> PurePosixPath:
    kind = kind.lower()
    return PurePosixPath("x.svg" if "html" in kind or "xml" in kind
                         else "x.txt" if kind.startswith("text/") or not kind.split(";")[0].strip()
                         else "x.bin")  # no type is text/plain


def without(text: str) -> str:
    """The text with every payload cut out up to its first space, so that no word
    written after one is lost from the text (a payload's spaced-out pieces stay in
    it, as noise)."""
    return _UNBROKEN.sub(" ", text)


def _unbase64(payload: str) -> bytes:
    """Forgiving base64 (percent-decoded, whitespace out); what decodes of a
    payload that is not base64 throughout."""
    clean = re.sub(rf"[{_WS}]", "", unquote_to_bytes(payload).decode("latin-1"))
    clean = clean.split("=", 1)[0]
    try:
        return base64.b64decode(clean[:len(clean) // 4 * 4], validate=False) + \
            _tail(clean[len(clean) // 4 * 4:])
    except binascii.Error:  # not base64 after all: nothing to read in it
        return b""


def _tail(rest: str) -> bytes:
    """The last, unpadded group (two or three characters give one or two bytes)."""
    return base64.b64decode(rest + "=" * (-len(rest) % 4)) if len(rest) >= 2 else b""
