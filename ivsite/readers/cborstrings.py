"""The strings of a CBOR document: how the audit reads Pagefind's index files.

Pagefind writes its word index (``pagefind/index/*.pf_index``) as ``pagefind_dcd``
and a CBOR document, gzip-compressed. Read as text, its bytes run each word into
the CBOR header byte before it: a six-letter word's header is the letter "f", so
"wojcik" reads "fwojcik", which is the handle form (initial and family name run
together) of an unconsented Felix Wojcik, and refused every build of a site where a
consented Wojcik is named. Decoded, each word stands alone, as a reader of the
search sees it. A file that is not such a document is read as text as before.

The index lists its words in alphabetical order, so two words side by side there
were never side by side on a page ("dlamini", "dmitri"): they are kept apart by a
word that is part of no name (:data:`APART`), so that no name is read across two.
The page text the words come from is in Pagefind's fragment files, which are read
as text (names in order and all).
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import cbor2

MARK = b"pagefind_dcd"
"""What Pagefind puts before the CBOR document in its decompressed files."""
APART = "\n0\n"
"""Between two strings: a one-digit word, which no name, title or sentence needle
holds, and too short a run of digits for a phone number."""


def cbor_strings(data: bytes) -> str | None:
    """Every text and byte string of the CBOR document after :data:`MARK`, each
    apart (see :data:`APART`); None when ``data`` is not one (then it is read as
    text)."""
    if not data.startswith(MARK):
        return None
    body = io.BytesIO(data[len(MARK):])
    try:
        doc = cbor2.CBORDecoder(body).decode()
    except Exception:  # any malformed document: read as text instead
        return None
    # Only a whole document of Pagefind's shape: anything else that starts with the
    # mark (its engine's WebAssembly, a file made to look like an index, bytes
    # after the document) is read as text, every byte of it.
    if not isinstance(doc, list | dict) or body.tell() != len(data) - len(MARK):
        return None
    return APART.join(_strings(doc))


def _strings(value: object, depth: int = 0) -> Iterator[str]:
    if depth > 64:  # a crafted document nested deeper than Pagefind's own
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes | bytearray):
        yield bytes(value).decode("utf-8", "replace")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k, depth + 1)
            yield from _strings(v, depth + 1)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, depth + 1)
