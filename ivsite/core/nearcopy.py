"""Near copies of a recording: a file that holds much of a recording's bytes.

A recording is never published, and an exact copy is known by its hash. A copy
trimmed by a byte or re-tagged by an editor on save (new metadata at its start,
the audio the same) has another hash, and went out (red team 9, R9-20). So
a recording is also known by :data:`SAMPLES` short windows of its bytes, spread
evenly over it: a file that holds a quarter of them or more (and three at least)
holds that much of the recording's audio, wherever in the file, and the audit
refuses it. Windows with few distinct bytes (padding, a header's zeros) are
left out: files of one format share those.

Not found: a recording encoded again (another format, bit rate or cut), which
shares no bytes with it; comparing sound is not the audit's job.
"""

from __future__ import annotations

SAMPLES = 16
WIDTH = 32
"""Bytes per window: a run of 32 varied bytes is in another recording by chance
no more than a hash is."""
_VARIED = 12
"""Distinct byte values a window needs to be kept (audio data has about 30)."""
MIN_SIZE = 1024


def offsets(size: int) -> list[int]:
    """Where the windows of a file of ``size`` bytes start (none for a small file)."""
    if size < MIN_SIZE:
        return []
    return [min(size - WIDTH, size * (2 * i + 1) // (2 * SAMPLES)) for i in range(SAMPLES)]


def kept(windows: list[bytes]) -> tuple[bytes, ...]:
    """The windows worth looking for: varied ones, if there are at least three."""
    varied = tuple(w for w in windows if len(w) == WIDTH and len(set(w)) >= _VARIED)
    return varied if len(varied) >= 3 else ()


def holds(data: bytes, samples: tuple[bytes, ...]) -> bool:
    """Whether ``data`` holds enough of the windows to be a near copy."""
    if not samples:
        return False
    need = max(3, -(-len(samples) // 4))
    found = 0
    for s in samples:
        found += s in data
        if found >= need:
            return True
    return False
