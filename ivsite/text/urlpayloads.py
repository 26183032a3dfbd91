"""What an address carries compressed, read as a text of its own (red team 11,
R11-19).

Diagram editors share a diagram by putting the whole of it in the address:
mermaid.live's ``#pako:`` (zlib, base64url, the editor's state as JSON; also
``#base64:``), app.diagrams.net's ``#R`` (raw deflate, base64, percent-encoded
XML), a PlantUML server's ``/plantuml/svg/…`` (raw deflate in PlantUML's own
base64 alphabet, or ``~h`` hex) and Kroki's ``kroki.io/<kind>/<format>/…``
(zlib, base64url). Anyone who follows the link reads the diagram; the page shows
only an address. So the audience filter's check (ivsite.audience.namecheck) and
the audit (ivsite.readers.readable) read every address's fragment, path segments
and query values decoded as the editors decode them, as
ivsite.text.urlquery reads query values.

Decoding is bounded (:data:`MAX_DECODED` bytes per address part and
:data:`MAX_TEXT` for one text, so crafted addresses cannot exhaust memory); a
part that a known editor's marker announces and that does not decode, or
decodes past a bound, is given as unread, which the audit refuses (fail
closed), never a traceback.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import html
import json
import re
import zlib
from collections.abc import Iterator
from urllib.parse import unquote

MAX_DECODED = 1 << 20
"""Bytes one address part may decompress to."""
MAX_TEXT = 16 << 20
"""Characters all of one text's addresses may decode to."""
_MAX_TOKEN = 1 << 16
"""The longest part tried where no editor's marker announces a diagram: a longer
one is no address a browser opens from a link (and trying it costs)."""
_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://[^\s\"'<>`]+", re.I)
_PART = re.compile(r"[/#?&=;]")
_TOKEN = re.compile(r"[A-Za-z0-9+/_~=-]{16,}|[A-Za-z0-9%._~-]{16,}")
_ENCODED = re.compile(r"[A-Z]|%[0-9A-F]{2}|^~h")
"""What a compressed payload in base64 (or PlantUML's alphabet) holds and an
address's slugs ("2026-03-01-acme-corp") do not: a capital (20 random base64
letters without one: a chance in thirty thousand), a percent escape, or
PlantUML's hex marker. Only such parts are tried: a sitemap's ten thousand
slugs cost nothing."""
_MARKED = re.compile(r"[#/](?:pako|base64):([A-Za-z0-9+/_=%.~-]+)"
                     r"|(?:diagrams\.net|draw\.io)/[^#\s]*#R([A-Za-z0-9+/_=%.~-]+)"
                     r"|/plantuml/(?:png|svg|txt|uml|img|eps|map|proxy)/([\w~-]+)", re.I)
"""A part a known editor's marker announces: mermaid's ``pako:``/``base64:``,
diagrams.net's ``#R``, a PlantUML server's path."""
_PLANTUML = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_SIXES = {c: i for i, c in enumerate(_PLANTUML)}
_TAG = re.compile(r"<[^>]*>")
_PRINTABLE = re.compile(r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


class Unread(Exception):
    """An address part that should decode and does not (or is past the bound)."""


def address_payloads(text: str) -> tuple[str, list[str]]:
    """The texts the addresses in ``text`` carry compressed or encoded (one an
    address part, joined by lines; '' for none), and why any that a known
    editor's marker announces could not be read."""
    if "://" not in text:
        return "", []
    found: list[str] = []
    unread: list[str] = []
    size = 0
    for address in _ADDRESS.finditer(text):
        url = address.group(0)
        marked = {m.group(1) or m.group(2) or m.group(3) for m in _MARKED.finditer(url)}
        for token in dict.fromkeys([*marked, *_tokens(url)]):
            try:
                decoded = _decoded(token, token in marked)
            except Unread as why:
                unread.append(f"an address whose diagram cannot be decoded ({why}): "
                              f"{url[:60]}")
                continue
            size += len(decoded)
            if size > MAX_TEXT:
                unread.append(f"addresses that carry more than {MAX_TEXT >> 20} MB of text")
                return " \n ".join(found), unread
            if decoded:
                found.append(decoded)
    return " \n ".join(found), unread


def _tokens(url: str) -> list[str]:
    """The parts of an address long enough to carry a diagram, its markers taken
    off (``pako:``, ``R`` …)."""
    parts = _PART.split(url.partition("://")[2])
    return [m.group(0) for part in parts
            for m in _TOKEN.finditer(re.sub(r"^(?:pako:|base64:)", "", part))
            if len(m.group(0)) <= _MAX_TOKEN and _ENCODED.search(m.group(0))]


def _decoded(token: str, marked: bool) -> str:
    """A part's texts as the editors decode it, each that is text ('' when none
    is); raises Unread for a marked part that does not decode."""
    texts = [text for data in _readings(token) if (text := _text(data))]
    if not texts and marked:
        raise Unread("Brotli, which ivsite does not read" if token.startswith("~1")
                     else "not base64 of deflate, zlib or text")
    return "\n".join(texts)


def _readings(token: str) -> Iterator[bytes]:
    """What a part may stand for: base64 (either alphabet) inflated as zlib or as
    raw deflate, or as it is; PlantUML's ``~h`` hex, or its own alphabet inflated."""
    if raw := _base64(unquote(token)):
        yield _inflate(raw, zlib.MAX_WBITS)
        yield _inflate(raw, -zlib.MAX_WBITS)
        yield raw
    if token.startswith("~h"):
        with contextlib.suppress(ValueError):
            yield bytes.fromhex(token[2:])
    elif not token.startswith("~") and all(c in _SIXES for c in token):
        yield _inflate(_plantuml(token), -zlib.MAX_WBITS)


def _base64(token: str) -> bytes:
    letters = token.rstrip("=").replace("-", "+").replace("_", "/")
    letters = letters[:-1] if len(letters) % 4 == 1 else letters
    try:
        return base64.b64decode(letters + "=" * (-len(letters) % 4), validate=True)
    except (binascii.Error, ValueError):
        return b""


def _plantuml(token: str) -> bytes:
    raw = bytearray()
    for at in range(0, len(token), 4):
        n = 0
        for c in token[at:at + 4].ljust(4, "0"):
            n = (n << 6) | _SIXES[c]
        raw += n.to_bytes(3, "big")
    return bytes(raw)


def _inflate(data: bytes, wbits: int) -> bytes:
    """At most :data:`MAX_DECODED` bytes of a stream (b"" for one that is not);
    raises Unread for one that decompresses past the bound."""
    d = zlib.decompressobj(wbits)
    try:
        out = d.decompress(data, MAX_DECODED)
    except zlib.error:
        return b""
    if d.unconsumed_tail:
        raise Unread(f"it decompresses past {MAX_DECODED >> 20} MB")
    return out


def _text(data: bytes) -> str:
    """Decoded bytes as text: UTF-8 that is text (nine characters in ten
    printable), percent escapes decoded, a JSON document's strings one a line,
    XML with its entities decoded too; '' for anything else."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    if not text or len(_PRINTABLE.findall(text)) < 0.9 * len(text):
        return ""
    if "%" in text:
        text = unquote(text)
    if text.lstrip().startswith("<"):  # XML (a diagrams.net model): its labels' HTML too
        unescaped = html.unescape(text)
        return f"{text}\n{unescaped}\n{html.unescape(_TAG.sub(' ', unescaped))}"
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return "\n".join(_strings(value)) or text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
