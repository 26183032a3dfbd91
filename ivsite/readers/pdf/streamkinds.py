"""What kind of stream a PDF stream is, where its dictionary does not say it well.

The audit decodes each stream as its dictionary says (:mod:`.filters`); these
are the readings around that: whether a stream is an object stream (objects
such as the author written inside a stream, known however its names are
escaped), whether it is page content that shows text rather than a picture's
pixels or a font, and a stream in ASCII85 or hex whose filter was not named or
was misread, decoded as a viewer would. Used by
:func:`ivsite.readers.packed.unpacked` when it reads a PDF.
"""

from __future__ import annotations

import base64
import contextlib
import re

_OBJECT_STREAM = re.compile(rb"/(?:ObjStm|First)\b")
"""A compressed object stream (PDF 1.5): objects, such as the document information
with its author, written inside a stream (pdfTeX, ``qpdf --object-streams``). Its
strings are decoded as the file's own are (red team 8, N11). Known by its
``/Type /ObjStm`` or by ``/First`` (the offset of its first object, which a
reader needs, while some do not look at the type)."""
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def object_stream(dictionary: bytes) -> bool:
    """Whether a stream's dictionary is an object stream's, its names read as a
    viewer reads them (``/Obj#53tm`` is ``/ObjStm``)."""
    return _OBJECT_STREAM.search(unescaped_names(dictionary)) is not None


def unescaped_names(dictionary: bytes) -> bytes:
    return _NAME_ESCAPE.sub(lambda e: bytes([int(e.group(1), 16)]), dictionary)


_TEXT_OPERATOR = re.compile(rb"(?:\)|>|\])\s*(?:Tj|TJ|'|\")")
_PRINTABLE = re.compile(rb"[\t\n\r\x20-\x7e]")


def is_content(stream: bytes) -> bool:
    """Whether a stream is page content (text, showing strings), not an image's
    pixels or a font: mostly printable, with a text operator."""
    head = stream[:4096]
    return len(_PRINTABLE.findall(head)) >= 0.8 * len(head) and \
        _TEXT_OPERATOR.search(stream) is not None


_HEX_STREAM = re.compile(rb"[0-9A-Fa-f\s]+>\s*")


def ascii_decoded(stream: bytes) -> bytes:
    """A stream under ``/ASCII85Decode`` or ``/ASCIIHexDecode`` (alone or before
    ``/FlateDecode``) decoded; any other stream as it is."""
    with contextlib.suppress(ValueError):
        if stream.rstrip().endswith(b"~>"):
            return base64.a85decode(stream.strip(), adobe=True, ignorechars=b" \t\n\r\v\f")
        if _HEX_STREAM.fullmatch(stream):
            digits = re.sub(rb"[\s>]", b"", stream)
            return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
    return stream
