"""Near copies of a recording: a file that holds a clip of a recording's bytes.

A recording is never published, and an exact copy is known by its hash. A copy
trimmed by a byte or re-tagged by an editor on save has another hash (red team
9, R9-20), and so has a clip cut out of it byte for byte (``dd``, ``mp3splt``
or any lossless cutter of MP3 or ADTS audio: red team 16, R16-13), the most
natural way to publish part of a call ("the best advice I got, in one clip").

So a recording is known by one window of :data:`WIDTH` bytes in every block of
:func:`stride` bytes of it (:func:`windows_of`), and a file holds a clip of it
when :data:`NEED` of those windows stand in it at the same distances apart as in
the recording (:func:`holds`): each window found gives where the recording would
start in the file, and a clip gives the same start for all of its windows, so
a cut, a trim or new tags in front all count, while windows an unrelated file
shares by chance, scattered, do not add up. Any clip of :func:`min_clip` bytes
or more holds ``NEED`` whole blocks, whatever its length next to the
recording's: 8 KB and 32 bytes for a recording of up to 64 MB (half a second of
a 128 kbps MP3, under three seconds of 24 kbps Opus), about 1/8,000 of a longer
one. A block whose bytes are not varied (silence, padding: files of one format
share those) has no window, and neither has a window the recording itself
holds twice (a repeated frame): a clip of silence alone is not found.

Windows are looked for all at once with an Aho-Corasick automaton: each starts
with one of three byte values that stand in nearly every block of the
recording, the rarest such (:func:`_leads`), so that the automaton's scan jumps
from one of those to the next (20 MB of other files in a tenth of a second
when the recording is compressed audio, whose bytes are all alike common).

Not found: a recording encoded again (another format, bit rate or cut on other
frame bounds that re-encodes), which shares no bytes with it; comparing sound
is not the audit's job.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from ahocorasick_rs import BytesAhoCorasick

WIDTH = 32
"""Bytes per window: a run of 32 varied bytes is in another file by chance no more
than a hash is."""
NEED = 3
"""Windows at one distance apart that make a clip."""
MIN_SIZE = 1024
"""A smaller recording is known by its hash alone."""
_VARIED = 12
"""Distinct byte values a window needs to be kept (audio data has about 30)."""
_STRIDE = 2048
_MIN_STRIDE = 128
_MAX_WINDOWS = 32768
"""Windows of one recording at most: its automaton is made in a tenth of a second."""


@dataclass(frozen=True)
class Windows:
    """What a recording is known by: one window of its bytes per block, and where
    each stands in it. Equal when made from the same bytes (``digest``)."""

    digest: str
    stride: int
    found: tuple[bytes, ...] = field(default=(), repr=False, compare=False)
    at: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __bool__(self) -> bool:
        return len(self.found) >= NEED


def stride(size: int) -> int:
    """Bytes per block of a recording of ``size`` bytes: 2 KB, less in a small one
    (64 blocks at least), more in one so long it would have over 32,768."""
    return max(min(_STRIDE, max(_MIN_STRIDE, size // 64)), -(-size // _MAX_WINDOWS))


def min_clip(size: int) -> int:
    """The length from which any clip of a recording of ``size`` bytes is found:
    it holds ``NEED`` whole blocks, wherever it is cut."""
    return (NEED + 1) * stride(size) + WIDTH


def windows_of(data: bytes) -> Windows:
    """A recording's windows (:class:`Windows`)."""
    return windows_by(hashlib.sha256(data).hexdigest(), lambda: data)


def windows_by(digest: str, read: Callable[[], bytes]) -> Windows:
    """The windows of the recording whose SHA-256 is ``digest``, read by ``read``
    only when they are not kept: they are, for the last few recordings (a preview
    builds again on every save, and a build's filter and audit ask for them)."""
    made = _MADE.pop(digest, None) or _made(read(), digest)
    _MADE[digest] = made
    while len(_MADE) > 16:
        _MADE.popitem(last=False)
    return made


_MADE: OrderedDict[str, Windows] = OrderedDict()


def _made(data: bytes, digest: str) -> Windows:
    step = stride(len(data))
    if len(data) < MIN_SIZE:
        return Windows(digest, step)
    starts = re.compile(b"[" + b"".join(re.escape(bytes([b])) for b in _leads(data, step))
                        + b"]")
    found: list[bytes] = []
    at: list[int] = []
    for block in range(0, len(data) - WIDTH + 1, step):
        end = min(block + step, len(data) - WIDTH + 1)
        m = starts.search(data, block, end)
        while m is not None:
            window = data[m.start():m.start() + WIDTH]
            if len(set(window)) >= _VARIED:
                found.append(window)
                at.append(m.start())
                break
            m = starts.search(data, m.start() + 1, end)
    if not found:
        return Windows(digest, step)
    # A window the recording holds elsewhere too (a repeated frame) is no mark of it.
    repeated = {i for i, start, _ in BytesAhoCorasick(found).find_matches_as_indexes(
        data, overlapping=True) if start != at[i]}
    kept = [i for i in range(len(found)) if i not in repeated]
    return Windows(digest, step, tuple(found[i] for i in kept), tuple(at[i] for i in kept))


def _leads(data: bytes, step: int) -> list[int]:
    """The byte values windows start with: the three that stand in the most
    blocks (a block without one has no window), the rarest first where as many
    blocks hold them (audio data holds every value in nearly every block; the
    rarer the first bytes, the faster the automaton's scan). Told from a sample
    of the blocks."""
    blocks = range(0, len(data), step)
    every = max(1, len(blocks) // _SAMPLE_BLOCKS)
    sample = [data[at:at + step] for at in blocks[::every]]
    counts = Counter(b"".join(sample))
    stand = Counter(b for block in sample for b in set(block))
    return sorted(range(256), key=lambda b: (-stand[b], counts[b]))[:3]


_SAMPLE_BLOCKS = 256
"""Blocks of a recording looked at to choose its windows' first bytes."""


def holds(data: bytes, windows: Windows | None) -> bool:
    """Whether ``data`` holds a clip of the recording: ``NEED`` of its windows at
    the distances apart they have in the recording."""
    if windows is None or not windows:
        return False
    starts: dict[int, int] = {}
    for i, start, _ in _automaton(windows).find_matches_as_indexes(data, overlapping=True):
        where = start - windows.at[i]
        starts[where] = starts.get(where, 0) + 1
        if starts[where] >= NEED:
            return True
    return False


def _automaton(windows: Windows) -> BytesAhoCorasick:
    made = _AUTOMATA.pop(windows.digest, None) or BytesAhoCorasick(list(windows.found))
    _AUTOMATA[windows.digest] = made
    while len(_AUTOMATA) > 16:
        _AUTOMATA.popitem(last=False)
    return made


_AUTOMATA: OrderedDict[str, BytesAhoCorasick] = OrderedDict()
"""The last few recordings' automata (they cannot be kept on disk)."""
