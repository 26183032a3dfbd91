"""The source a drawing carries for its editor, compressed: what the audit reads
of a diagram export, and what the filter will not publish (red team 11, R11-18).

Drawing tools keep the whole diagram inside the picture they export, so that
the picture opens again for editing, and the author never sees it:

- Excalidraw ("Embed scene"): the scene as JSON, deflated into a byte string
  inside JSON, in base64 between ``<!-- payload-start -->`` and
  ``<!-- payload-end -->`` in an SVG, and in a PNG's text chunk
  ``application/vnd.excalidraw+json``; a ``.excalidraw`` file is the scene as
  JSON. The scene keeps the elements the author *deleted* (``isDeleted``).
- diagrams.net ("Include a copy of my diagram"): the ``mxfile`` (every page) in
  an SVG's ``content`` attribute, a PNG's ``mxfile`` text chunk (percent-encoded)
  or a ``.drawio`` file, each page raw-deflated and base64 (or as XML). The
  picture shows one page; hidden cells (``visible="0"``) show nowhere.
- PlantUML: the source in a ``<?plantuml-src …?>`` instruction or a
  ``<!--SRC=[…]-->`` comment of an SVG (raw deflate in PlantUML's own base64
  alphabet, or ``~h`` hex) or a PNG's ``plantuml`` text chunk, its
  comment lines (``'``, ``/' … '/``) included.

:func:`carried` decodes each into :class:`Carried`: every text the source holds
(which the audit reads, ivsite.readers.packed) and the texts the drawing does
not show (which the filter refuses, ivsite.readers.hiddentext). Decompression
spends the file's :class:`~ivsite.readers.packed.Budget` (a crafted source
cannot exhaust memory); a source that does not decode is :attr:`Carried.unread`,
which both refuse, never a traceback.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from .packed import Budget


@dataclass(frozen=True)
class Carried:
    """One source a file carries."""

    tool: str
    """What carries it, for a message: "an Excalidraw scene"."""
    texts: tuple[str, ...] = ()
    unseen: tuple[str, ...] = ()
    """The texts the drawing does not show."""
    unread: str = ""
    """Why the source could not be decoded ("" when it was)."""


EXCALIDRAW = "an Excalidraw scene"
DRAWIO = "a diagrams.net diagram"
PLANTUML = "a PlantUML source"
_PNG = b"\x89PNG\r\n\x1a\n"
_EXCALIDRAW_KEY = b"application/vnd.excalidraw+json"
_PAYLOAD = re.compile(rb"<!--\s*payload-start\s*-->\s*([A-Za-z0-9+/=\s]*?)\s*<!--\s*payload-end")
_CONTENT = re.compile(rb"""<svg\b[^>]*?\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_MXFILE = re.compile(rb"<mxfile\b.*?</mxfile>|<mxGraphModel\b.*?</mxGraphModel>", re.S)
_PLANTUML = re.compile(rb"<\?plantuml-src\s+(\S+?)\s*\?>|<!--\s*SRC=\[([^\]]*)\]")


def carried(data: bytes, budget: Budget) -> list[Carried]:
    """Every source ``data`` carries (none for a file that carries none)."""
    found: list[Carried] = []
    chunks = dict(_png_texts(data, budget)) if data.startswith(_PNG) else {}
    for meta in [m.group(1) for m in _PAYLOAD.finditer(data)] + \
            ([chunks[_EXCALIDRAW_KEY]] if _EXCALIDRAW_KEY in chunks else []):
        found.append(_excalidraw_meta(meta, budget))
    if data.lstrip()[:1] == b"{" and b'"excalidraw"' in data[:4096]:
        found.append(_scene(data, "a .excalidraw file"))
    mxfiles = [html.unescape((m.group(1) or m.group(2)).decode("utf-8", "replace")).encode()
               for m in _CONTENT.finditer(data)]
    if b"mxfile" in chunks:
        mxfiles.append(unquote(chunks[b"mxfile"].decode("latin-1")).encode())
    if not mxfiles and b"<mxfile" in data[:4096]:
        mxfiles.append(data)
    sources = [m.group(1) or m.group(2) for m in _PLANTUML.finditer(data)]
    drawn = _drawn_words(data) if (mxfiles or sources) and not chunks else None
    found += [_drawio(m, drawn, budget) for m in mxfiles if _MXFILE.search(m)]
    found += [_plantuml(_plantuml_decoded(s, budget), drawn) for s in sources]
    if b"plantuml" in chunks:
        found.append(_plantuml(chunks[b"plantuml"], None))
    return found


def _png_texts(data: bytes, budget: Budget) -> Iterator[tuple[bytes, bytes]]:
    """(keyword, text) of each of a PNG's text chunks, decompressed."""
    at = 8
    while at + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + size]
        at += 12 + size
        key, _, rest = body.partition(b"\0")
        if kind == b"tEXt":
            yield key, rest
        elif kind == b"zTXt":
            yield key, budget.inflate(rest[1:])
        elif kind == b"iTXt":
            compressed, rest = rest[:1] == b"\1", rest[2:]
            text = rest.split(b"\0", 2)[-1]
            yield key, budget.inflate(text) if compressed else text


# Excalidraw.
def _excalidraw_meta(meta: bytes, budget: Budget) -> Carried:
    """A scene from its export metadata: base64 (in an SVG) of JSON whose
    ``encoded`` byte string is the scene, deflated when ``compressed``."""
    if not meta.lstrip().startswith(b"{"):
        try:
            meta = base64.b64decode(re.sub(rb"\s", b"", meta), validate=True)
        except (binascii.Error, ValueError):
            return Carried(EXCALIDRAW, unread="its base64 does not decode")
    try:
        wrapper = json.loads(meta)
        encoded = wrapper["encoded"].encode("latin-1") if isinstance(wrapper, dict) and \
            "encoded" in wrapper else None
    except (ValueError, KeyError, TypeError, UnicodeEncodeError, AttributeError):
        return Carried(EXCALIDRAW, unread="its metadata is not the JSON Excalidraw writes")
    if encoded is None:
        return _scene(meta, EXCALIDRAW)  # an old export: the scene itself
    if wrapper.get("compressed"):
        scene = budget.inflate(encoded)
        if not scene:
            return Carried(EXCALIDRAW, unread="its scene does not decompress")
        encoded = scene
    return _scene(encoded, EXCALIDRAW)


_ELEMENT_TEXTS = ("text", "originalText", "rawText", "link", "name")


def _scene(data: bytes, tool: str) -> Carried:
    """Every element's texts, and those of the elements deleted (which the
    drawing does not show but the scene keeps)."""
    try:
        scene = json.loads(data)
        elements = scene.get("elements", []) if isinstance(scene, dict) else []
    except ValueError:
        return Carried(tool, unread="its scene is not JSON")
    texts: list[str] = []
    unseen: list[str] = []
    for element in elements if isinstance(elements, list) else []:
        if not isinstance(element, dict):
            continue
        said = [v for k in _ELEMENT_TEXTS if isinstance(v := element.get(k), str) and v.strip()]
        said += _strings(element.get("customData"))
        texts += said
        if element.get("isDeleted"):
            unseen += said
    texts += _strings(scene.get("files")) if isinstance(scene, dict) else []
    return Carried(tool, tuple(dict.fromkeys(texts)), tuple(dict.fromkeys(unseen)))


def _strings(value: object) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


# diagrams.net.
_DIAGRAM = re.compile(rb"<diagram\b([^>]*)>(.*?)</diagram>", re.S)
_ATTRIBUTE = re.compile(rb"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL = re.compile(rb"<(?:mxCell|object|UserObject)\b[^>]*>", re.S)
_NOT_TEXT = frozenset({b"id", b"parent", b"source", b"target", b"style", b"vertex", b"edge",
                       b"connectable", b"as", b"x", b"y", b"width", b"height", b"visible",
                       b"collapsed", b"relative", b"placeholders"})
"""Attributes that hold no text of the author's (a cell's geometry and style)."""
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def _drawio(mxfile: bytes, drawn: frozenset[str] | None, budget: Budget) -> Carried:
    """Every page's texts; unseen, the texts whose words the drawing (``drawn``,
    an SVG's words) does not show, or (a PNG, whose picture cannot be read) the
    pages after the first and the hidden cells."""
    texts: list[str] = []
    unseen: list[str] = []
    pages: list[re.Match[bytes] | None] = [*_DIAGRAM.finditer(mxfile)] or [None]
    for number, page in enumerate(pages):
        body = mxfile if page is None else page.group(2).strip()
        if page is not None and not body.startswith(b"<"):
            try:
                raw = base64.b64decode(re.sub(rb"\s", b"", body), validate=True)
            except (binascii.Error, ValueError):
                return Carried(DRAWIO, unread="a page's base64 does not decode")
            body = unquote(budget.inflate(raw, -15).decode("utf-8", "replace")).encode()
            if not body:
                return Carried(DRAWIO, unread="a page does not decompress")
        names = [_attr_text(v) for k, v in _attributes(page.group(1)) if k == b"name"] \
            if page is not None else []
        for cell in _CELL.finditer(body):
            attributes = dict(_attributes(cell.group(0)))
            said = [t for k, v in attributes.items() if k not in _NOT_TEXT
                    and (t := _attr_text(v)).strip()]
            texts += said
            hidden = attributes.get(b"visible") == b"0"
            if drawn is not None:
                unseen += [t for t in said if not set(_words(t)) <= drawn]
            elif hidden or number > 0:
                unseen += said
        texts += names
    return Carried(DRAWIO, tuple(dict.fromkeys(texts)), tuple(dict.fromkeys(unseen)))


def _attributes(tag: bytes) -> Iterator[tuple[bytes, bytes]]:
    for m in _ATTRIBUTE.finditer(tag):
        yield m.group(1), m.group(2) if m.group(2) is not None else m.group(3)


def _attr_text(value: bytes) -> str:
    """An attribute's text as shown: entities decoded, a label's HTML out."""
    return html.unescape(_TAG.sub(" ", html.unescape(value.decode("utf-8", "replace"))))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _drawn_words(data: bytes) -> frozenset[str] | None:
    """The words an SVG draws (its text outside tags and its editor's source), or
    None for a file that is no SVG."""
    if b"<svg" not in data[:4096]:
        return None
    text = _CONTENT.sub(b"<svg>", data).decode("utf-8", "replace")
    text = re.sub(r"<!--.*?-->|<\?.*?\?>", " ", text, flags=re.S)
    return frozenset(_words(html.unescape(_TAG.sub(" ", text))))


# PlantUML.
_ALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_SIXES = {c: i for i, c in enumerate(_ALPHABET)}
_COMMENT_LINE = re.compile(r"^\s*'.*$", re.M)
_COMMENT_BLOCK = re.compile(r"/'.*?'/", re.S)
_LABEL = re.compile(r'"([^"\n]+)"|:\s*([^:\n]*\w[^\n]*)$')
"""What a line of a diagram draws: a quoted name, or a label after a colon."""
_SETTING = re.compile(r"\s*(?:skinparam|!|@|<|scale|left to right|top to bottom)", re.I)
"""A line that sets how the diagram looks (fonts, colours), not what it draws."""


def _plantuml_decoded(encoded: bytes, budget: Budget) -> bytes | None:
    """A source as PlantUML encodes it: ``~h`` then hex, or raw deflate in its own
    base64 alphabet (None where it does not decode: ``~1``, Brotli, is not read)."""
    if encoded.startswith(b"~h"):
        try:
            return bytes.fromhex(encoded[2:].decode("ascii"))
        except (ValueError, UnicodeDecodeError):
            return None
    if encoded.startswith(b"~") or any(c not in _SIXES for c in encoded):
        return None
    raw = bytearray()
    for at in range(0, len(encoded), 4):
        n = 0
        for c in encoded[at:at + 4].ljust(4, b"0"):
            n = (n << 6) | _SIXES[c]
        raw += n.to_bytes(3, "big")
    return budget.inflate(bytes(raw), -15) or None


def _plantuml(source: bytes | None, drawn: frozenset[str] | None) -> Carried:
    """A source's lines; unseen, its comments, and (in an SVG, whose words are
    ``drawn``) each quoted name and each label after a colon the drawing does not
    show (an element ``hide`` or ``remove`` takes out of it)."""
    if source is None:
        return Carried(PLANTUML, unread="its source is not encoded as PlantUML's own "
                                        "deflate (Brotli?)")
    text = source.decode("utf-8", "replace")
    unseen = [m.group(0).strip().lstrip("'").strip() for m in _COMMENT_LINE.finditer(text)]
    unseen += [m.group(0)[2:-2].strip() for m in _COMMENT_BLOCK.finditer(text)]
    if drawn is not None:
        said = _COMMENT_BLOCK.sub(" ", _COMMENT_LINE.sub(" ", text)).replace("\\n", " ")
        unseen += [label for line in said.splitlines() if not _SETTING.match(line)
                   for m in _LABEL.finditer(line) if (label := m.group(1) or m.group(2))
                   and not set(_words(label)) <= drawn]
    return Carried(PLANTUML, tuple(line for line in text.splitlines() if line.strip()),
                   tuple(dict.fromkeys(c for c in unseen if c.strip())))

