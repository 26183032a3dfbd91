"""A PDF's objects walked as a parser walks them: each string and each stream
found by reading the syntax from an object's header on, strings skipped whole.

Found by a pattern alone, a stream's dictionary is "the text since the last
``obj``", which a string inside it (``(4 0 obj)``) or a dictionary nested in it
(``<< /Filter /FlateDecode >>``) can make another than the one a viewer reads.
ivsite.readers.pdf.filters needs the stream's own ``/Filter`` (red team 10, R10-09) and
ivsite.readers.pdf.crypt each string's and stream's object number (R10-10): both take
them from :func:`walk`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

OBJECT = re.compile(rb"(?<!\d)(\d+)\s+(\d+)\s+obj\b")
_NEXT = re.compile(rb"[(<%]|(?<![A-Za-z/])(?:endobj|stream)(?![A-Za-z])")
_PAREN = re.compile(rb"[\\()]")
_LINE_END = re.compile(rb"[\r\n]|$")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_ENDSTREAM = re.compile(rb"\s*endstream")


@dataclass(frozen=True)
class Token:
    """A string (``start``:``end``) or a stream's data (``start``:``end``, after
    its ``stream`` keyword at ``keyword``) of the object ``number``, whose syntax
    starts at ``head``."""

    kind: str  # "string" or "stream"
    number: int
    generation: int
    head: int
    start: int
    end: int
    keyword: int = -1


def walk(data: bytes) -> Iterator[Token]:
    at = 0
    while (header := OBJECT.search(data, at)) is not None:
        number, generation = int(header.group(1)), int(header.group(2))
        at = header.end()
        while (m := _NEXT.search(data, at)) is not None:
            token = m.group(0)
            if token == b"endobj":
                at = m.end()
                break
            if token == b"%":
                line = _LINE_END.search(data, m.start())
                at = line.start() if line else len(data)
            elif token == b"stream":
                begin, end = _stream_span(data, m, header.end())
                yield Token("stream", number, generation, header.end(), begin, end, m.start())
                at = end
            elif token == b"<" and data[m.start() + 1:m.start() + 2] == b"<":
                at = m.start() + 2
            else:
                end = string_end(data, m.start())
                yield Token("string", number, generation, header.end(), m.start(), end)
                at = end
        else:
            return


def stream_dictionaries(data: bytes) -> dict[int, tuple[int | None, bytes]]:
    """Each stream's object number and dictionary (its object's syntax up to
    ``stream``) by where its ``stream`` keyword is."""
    return {t.keyword: (t.number, data[t.head:t.keyword]) for t in walk(data)
            if t.kind == "stream"}


def string_end(data: bytes, start: int) -> int:
    """Where the string that starts at ``start`` (``(`` or ``<``) ends."""
    if data[start:start + 1] == b"<":
        end = data.find(b">", start)
        return len(data) if end < 0 else end + 1
    depth, at = 0, start
    while (m := _PAREN.search(data, at)) is not None:
        if m.group(0) == b"\\":
            at = m.end() + 1
            continue
        depth += 1 if m.group(0) == b"(" else -1
        at = m.end()
        if depth == 0:
            return at
    return len(data)


def _stream_span(data: bytes, keyword: re.Match[bytes], head: int) -> tuple[int, int]:
    """Where a stream's data begins and ends: by its ``/Length`` where that ends
    at ``endstream``, else at the next ``endstream``."""
    begin = keyword.end() + (2 if data[keyword.end():keyword.end() + 2] == b"\r\n" else
                             1 if data[keyword.end():keyword.end() + 1] in (b"\n", b"\r") else 0)
    length = _LENGTH.search(data[head:keyword.start()])
    end = begin + int(length.group(1)) if length else -1
    if end < 0 or not _ENDSTREAM.match(data, end):
        end = data.find(b"endstream", begin)
        end = len(data) if end < 0 else end
        end -= 2 if data[end - 2:end] == b"\r\n" else 1 if data[end - 1:end] in b"\r\n" else 0
    return begin, end
