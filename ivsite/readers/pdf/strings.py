"""A PDF's strings read as text, in the order written: what ivsite.readers.packed reads
of a PDF's own syntax (the document information, bookmarks, annotations) and of
its page content before any font is known.

Every string is read as windows-1252 (what most simple fonts are in) after any
byte-order mark; a *text string* (the document's own syntax, and a page's
marked-content ``/ActualText``) in PDFDocEncoding as well, which every viewer
reads it in (ivsite.readers.pdf.encodings; red team 10, R10-36).
"""

from __future__ import annotations

import re

from .encodings import text_string
from .fonts import STRING, raw_string

_KERN = re.compile(rb"\)\s*(-?\d+(?:\.\d*)?)\s*\(")


def strings(stream: bytes, text_strings: bool = False) -> list[bytes]:
    """The strings of a content stream in order, once joined as a TJ array shows
    them (a kerning of more than a fifth of a character makes a space) and once
    each on its own; as windows-1252 and, for ``text_strings`` (the document's
    own syntax), in PDFDocEncoding as well where that reads otherwise."""
    glued = _KERN.sub(lambda m: b")( )(" if abs(float(m.group(1))) > 200 else b")(", stream)
    joined = [raw_string(m) for m in STRING.finditer(glued)]
    apart = [raw_string(m) for m in STRING.finditer(stream)]
    out = [b"".join(as_text(None, r).encode() for r in joined),
           b" ".join(as_text(None, r).encode() for r in apart)]
    if text_strings and any(_PDF_DOC_ONLY.search(r) for r in apart):
        out += [b"".join(text_string(r).encode() for r in joined),
                b" ".join(text_string(r).encode() for r in apart)]
    return out


_MARKED_TEXT = re.compile(rb"/(?:ActualText|Alt|E)\s*[(<]")


def marked_text(stream: bytes) -> bool:
    """Whether a content stream holds text strings: marked content's
    ``/ActualText``, ``/Alt`` or ``/E`` (an abbreviation's expansion) in a
    ``BDC`` property list, which a viewer copies and reads aloud instead of the
    glyphs."""
    return _MARKED_TEXT.search(stream) is not None


_PDF_DOC_ONLY = re.compile(rb"[\x18-\x1f\x80-\xa0\xad]")
"""Bytes PDFDocEncoding reads otherwise than windows-1252: a string with none
reads the same both ways, and is not read twice."""


def as_text(font: bytes | None, raw: bytes) -> str:
    """A string as text: UTF-16 or UTF-8 after a byte-order mark, else as
    windows-1252 (the font, when known, is read by ivsite.readers.pdf.fonts)."""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "ignore")
    if raw.startswith(b"\xff\xfe"):  # not in the standard, but read by viewers
        return raw[2:].decode("utf-16-le", "ignore")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("cp1252", "replace")
