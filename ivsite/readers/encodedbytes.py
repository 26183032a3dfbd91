"""The bytes a file carries encoded as text, for the withheld-file and near-copy
checks (red team 15, R15-02).

The audit decodes base64, hex, quoted-printable, percent-escapes and ``data:``
URIs to look for *text* (ivsite.readers.datauri, encodedtext, morereadings). A
recording carried so (an ``<audio src="data:audio/mp4;base64,…">``, a
``.b64.txt`` or ``xxd -p`` dump, a linked HTML player) is no text: its bytes
must be compared with the withheld files (by hash) and with the recordings (by
their windows, ivsite.core.nearcopy). :func:`carried` gives those bytes: each
encoded run decoded, and an archive's or a compressed stream's members (so a
zip of a recording is known by its member's hash, not by the chance that its
bytes did not compress), each read once more for runs of its own.

Cost: a run is decoded only when it is long enough to hold one window of a
recording (:data:`MIN_BYTES`); runs are found by ``bytes.find`` in the text
turned into its shapes by ``bytes.translate`` (both in C), and a base64 run in
one case alone (an address, a slug) only when long (:func:`worth_decoding`).
The 20 MB of a 1,000-note site's output read so in half a second, in one
process. The callers ask only when there is something to compare with
(ivsite.audit.search, ivsite.validate.encodedcopies).
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

from ..core.nearcopy import WIDTH, Windows, holds
from . import datauri
from .packed import Budget, unpacked
from .streams import compressed, is_tar

MIN_BYTES = WIDTH
"""Decoded bytes a run must give to be compared: one window of a recording."""
_B64_LETTERS = -(-MIN_BYTES * 4 // 3)


def _shapes(kinds: dict[bytes, bytes]) -> bytes:
    """A ``bytes.translate`` table: each byte of a key as its value, any other as "."."""
    table = bytearray(b"." * 256)
    for chars, shape in kinds.items():
        for c in chars:
            table[c] = shape[0]
    return bytes(table)


_B64_SHAPES = _shapes({b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-": b"b",
                       b"=": b"=", b"\r": b"\r", b"\n": b"\n", b" \t": b" "})
_BASE64 = re.compile(rb"b{%d,}={0,2}(?: *\r?\n *b+={0,2})*" % _B64_LETTERS)
"""A base64 run (either alphabet) long enough for a window, its lines wrapped or not
(``base64`` wraps at 76 letters, PEM and MIME at 64), in a text's shapes (each
letter of the alphabet a "b"); decoded if :func:`worth_decoding`."""
_HEX_SHAPES = _shapes({b"0123456789abcdefABCDEF": b"h", b":": b":", b" ": b" ", b"\r": b"\r",
                       b"\n": b"\n", b"=": b"=", b"%": b"%"})
_HEX = re.compile(rb"(?:hh[ :]?){16,}(?:\r?\n(?:hh[ :]?)+)*")
"""A hex run, its bytes apart or not, its lines wrapped or not (``xxd -p`` writes
30 bytes a line, so a line alone is shorter than a window), in a text's shapes."""
_HEX_STARTS = (b"h" * 32, b"hh " * 8, b"hh:" * 8)
"""What a hex run starts with. A run is looked for by its start with
``bytes.find`` in the text's shapes, then matched there: a pattern tried at
every byte of a page (which holds none) costs twenty times as much."""
_QUOTED = b"=hh"
_PERCENT = b"%hh"
"""A quoted-printable or percent-escape, in a text's hex shapes: a text with half
a window's worth of either is decoded whole (binary data escapes most bytes)."""
_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")
_SPACE = re.compile(rb"\s")
_DEPTH = 2
"""How many encodings deep (a base64 of a zip of a recording) bytes are decoded."""


T = TypeVar("T")


def encoded_copy(path: PurePosixPath, data: bytes, withheld: Mapping[str, T],
                 recordings: Sequence[tuple[Windows, T]]) -> tuple[int, T] | None:
    """The first withheld file ``data`` carries encoded (one of ``withheld``, by
    its SHA-256) or a near copy of a recording it carries (``recordings``, by their
    windows), with where in ``data`` it starts; None when it carries neither."""
    for at, inner in carried(path, data):
        found = withheld.get(hashlib.sha256(inner).hexdigest())
        if found is not None:
            return at, found
        for windows, which in recordings:
            if holds(inner, windows):
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
    b64 = data.translate(_B64_SHAPES)
    for start, end in _runs(b64, (b"b" * _B64_LETTERS,), _BASE64):  # a data: URI's too
        run = data[start:end]
        if worth_decoding(run) and (raw := _unbase64(run)) is not None:
            yield start, raw
    # a data: URI written with escapes or spaces in it
    yield from ((0, payload) for _, payload in datauri.payloads(data.decode("latin-1")))
    hexed = data.translate(_HEX_SHAPES)
    for start, end in _runs(hexed, _HEX_STARTS, _HEX):
        digits = _NOT_HEX.sub(b"", data[start:end])
        if len(digits) >= 2 * MIN_BYTES:
            yield start, binascii.unhexlify(digits[:len(digits) // 2 * 2])
    if hexed.count(_QUOTED) >= MIN_BYTES // 2:
        yield 0, quopri.decodestring(data)
    if hexed.count(_PERCENT) >= MIN_BYTES // 2:
        yield 0, unquote_to_bytes(data)


def worth_decoding(run: bytes) -> bool:
    """Whether a base64 run may encode a file: one in both cases, or long. Bytes
    encode to both cases (the 44 letters of a window's 32 varied bytes all of
    one case: one chance in millions), whereas a page's addresses and slugs
    ("/interviews/2026-03-01-acme-data-analyst/") are runs of the alphabet in
    one case, and short."""
    return len(run) >= _LONG_RUN or (run.lower() != run and run.upper() != run)


_LONG_RUN = 256


def _runs(shapes: bytes, starts: tuple[bytes, ...],
          pattern: re.Pattern[bytes]) -> Iterator[tuple[int, int]]:
    """Where ``pattern`` matches in ``shapes`` at one of ``starts``, found by
    ``bytes.find`` (see :data:`_HEX_STARTS`)."""
    at = 0
    while found := [i for s in starts if (i := shapes.find(s, at)) >= 0]:
        start = min(found)
        m = pattern.match(shapes, start)
        if m is None:
            at = start + 1
            continue
        yield start, m.end()
        at = m.end()


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
