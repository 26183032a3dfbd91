"""The JSON search index of the private and encrypted views, in shards.

The private view's index is split by a hash of each note's address, so that a
save changes one shard's file, not one file that holds every note's text.
"""

from __future__ import annotations

import hashlib

SHARD_DOCS = 256
"""About how many notes one shard of the private view's search index holds."""


def shard_count(notes: int) -> int:
    """Shards for this many notes: a power of two, so that a note joining or leaving
    the site moves no other note to another shard unless the count doubles."""
    count = 1
    while count * SHARD_DOCS < notes:
        count *= 2
    return count


def shard_of(url: str, count: int) -> int:
    return int.from_bytes(hashlib.blake2b(url.encode(), digest_size=4).digest()) % count


def shard_name(i: int) -> str:
    return f"search-index/{i:03d}.json"


def json_list(items: list[bytes]) -> bytes:
    """A JSON list of items already encoded as JSON."""
    return b"".join([b"[", b",".join(items), b"]"])
