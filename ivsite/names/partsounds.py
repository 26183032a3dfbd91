"""A name part by sound across scripts: "Zabrowski" alone written "Забровски",
"ザブロウスキー" or "Ζαμπρόφσκι", "Papadopoulos" as "Παπαδόπουλος" (red team 7 M1).

A part (a given or family name alone) is looked for near its person only
(ivsite.names.people.Found.near); by sound it is looked for there as one word key
(ivsite.names.soundkey.word_key) of a text word written in another script
(:data:`ivsite.names.soundkey.OTHER`), never of a word in Latin letters: those are left to
the part's spelling, as whole names are (ivsite.names.soundkey.name_sounds). A short key
is a common word in many scripts ("vlms" is Williams, "Вилмс" and little else, but
"mr" is half the dictionary), so a part's key needs :data:`MIN_PART_KEY` letters."""

from __future__ import annotations

from .soundkey import OTHER, word_key

MIN_PART_KEY = 4
"""Fewer key letters than this in a part: not looked for by sound."""


def part_sounds(part: str) -> list[tuple[str, ...]]:
    """The one-word key sequence that finds ``part``, a name part in Latin letters,
    written in another script; none for a part in another script (its romanised
    spellings are parts of their own: ivsite.names.nameforms) or with a short key."""
    word = part.strip().lower()
    if not (word.isascii() and word.isalpha()):
        return []
    key = word_key(word)
    return [(OTHER + key,)] if len(key) >= MIN_PART_KEY else []
