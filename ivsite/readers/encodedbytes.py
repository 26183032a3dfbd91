"""The bytes a file carries encoded as text, for the withheld-file and near-copy
checks (red team 15, R15-02).

The audit decodes base64, hex, quoted-printable, percent-escapes and ``data:``
URIs to look for *text* (ivsite.readers.datauri, encodedtext, morereadings). A
recording carried so (an ``<audio src="data:audio/mp4;base64,…">``, a
``.b64.txt`` or ``xxd -p`` dump, a linked HTML player) is no text: its bytes
must be compared with the withheld files (by hash) and with the recordings (by
their windows, ivsite.load.nearcopy). :func:`carried` gives those bytes: each
encoded run decoded, and an archive's or a compressed stream's members (so a
zip of a recording is known by its member's hash, not by the chance that its
bytes did not compress), each read once more for runs of its own.

Cost: a run is decoded only when it is long enough to hold one window of a
recording (:data:`MIN_BYTES`), and runs are found by one regular expression
each, in C; a page holds none. The callers ask only when there is something to
compare with (ivsite.audit.search, ivsite.validate.encodedcopies).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import quopri
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import PurePosixPath
from typing import TypeVar
from urllib.parse import unquote_to_bytes

from ..load.nearcopy import WIDTH, holds
from . import datauri
from .packed import Budget, unpacked
from .streams import compressed, is_tar

MIN_BYTES = WIDTH
"""Decoded bytes a run must give to be compared: one window of a recording."""
_B64_LETTERS = -(-MIN_BYTES * 4 // 3)
_BASE64 = re.compile(rb"[A-Za-z0-9+/_-]{%d,}={0,2}(?:[ \t]*\r?\n[ \t]*[A-Za-z0-9+/_-]+={0,2})*"
                     % _B64_LETTERS)
"""A base64 run (either alphabet) long enough for a window, its lines wrapped or not
(``base64`` wraps at 76 letters, PEM and MIME at 64)."""
_HEX = re.compile(rb"(?:[0-9A-Fa-f]{2}[ :]?){16,}(?:\r?\n(?:[0-9A-Fa-f]{2}[ :]?)+)*")
"""A hex run, its bytes apart or not, its lines wrapped or not (``xxd -p`` writes
30 bytes a line, so a line alone is shorter than a window)."""
_QUOTED = re.compile(rb"(?:=[0-9A-Fa-f]{2}|=\r?\n){%d}" % (MIN_BYTES // 2))
_PERCENT = re.compile(rb"(?:%%[0-9A-Fa-f]{2}){%d}" % (MIN_BYTES // 2))
"""Quoted-printable and percent-escapes as dense as binary data writes them."""
_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")
_SPACE = re.compile(rb"\s")
_DEPTH = 2
"""How many encodings deep (a base64 of a zip of a recording) bytes are decoded."""


T = TypeVar("T")


def encoded_copy(path: PurePosixPath, data: bytes, withheld: Mapping[str, T],
                 recordings: Sequence[tuple[tuple[bytes, ...], T]]) -> tuple[int, T] | None:
    """The first withheld file ``data`` carries encoded (one of ``withheld``, by
    its SHA-256) or a near copy of a recording it carries (``recordings``, by their
    windows), with where in ``data`` it starts; None when it carries neither."""
    for at, inner in carried(path, data):
        found = withheld.get(hashlib.sha256(inner).hexdigest())
        if found is not None:
            return at, found
        for samples, which in recordings:
            if holds(inner, samples):
                return at, which
    return None


def carried(path: PurePosixPath, data: bytes, depth: int = _DEPTH) -> Iterator[tuple[int, bytes]]:
    """Each run of bytes ``data`` carries encoded or packed, with where in ``data``
    it starts (0 for what is decoded from the whole file)."""
    budget = Budget()
    for at, inner in _decoded(path, data, budget):
        if len(inner) < MIN_BYTES:
            continue
        yield at, inner
        if depth > 1:
            yield from ((at, b) for _, b in carried(PurePosixPath("x.bin"), inner, depth - 1))


def _decoded(path: PurePosixPath, data: bytes, budget: Budget) -> Iterator[tuple[int, bytes]]:
    if (plain := compressed(path, data, budget)) is not None:
        yield 0, plain
    if is_tar(path, data) or b"PK\x05\x06" in data[-65558:]:
        yield from ((0, part) for _, part in unpacked(path, data, budget))
    if b"\0" in data[:8192]:
        return  # binary: it holds no text to decode
    for m in _BASE64.finditer(data):  # (a data: URI's payload too, where it starts)
        if (raw := _unbase64(m.group(0))) is not None:
            yield m.start(), raw
    text = data.decode("latin-1")  # one written with escapes or spaces in it
    if "data:" in text.lower() or "&" in text:
        yield from ((0, payload) for _, payload in datauri.payloads(text))
    for m in _HEX.finditer(data):
        digits = _NOT_HEX.sub(b"", m.group(0))
        if len(digits) >= 2 * MIN_BYTES:
            yield m.start(), binascii.unhexlify(digits[:len(digits) // 2 * 2])
    if _QUOTED.search(data):
        yield 0, quopri.decodestring(data)
    if _PERCENT.search(data):
        yield 0, unquote_to_bytes(data)


def _unbase64(run: bytes) -> bytes | None:
    """A run decoded from its start (where its alphabet starts, so where its
    encoding does), its last, unpadded group too."""
    letters = _SPACE.sub(b"", run).rstrip(b"=").translate(_URL_SAFE)
    letters = letters[:-1] if len(letters) % 4 == 1 else letters
    try:
        return base64.b64decode(letters + b"=" * (-len(letters) % 4), validate=True)
    except (ValueError, binascii.Error):
        return None


_URL_SAFE = bytes.maketrans(b"-_", b"+/")
