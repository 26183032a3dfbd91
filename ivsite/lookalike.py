"""Keys that look like a privacy switch but are not ``visibility``.

An unknown key is normally a warning (it is ignored). But an ignored key that its
author meant as a privacy switch publishes the note: ``Visibility: private``,
``visiblity: private``, ``is_private: true`` or ``visibility`` followed by a
no-break space would all be dropped, and the note would fall back to the default
visibility. So a key whose normalised spelling equals, contains or is a small
typo away from a privacy word fails the build instead (fail closed).
"""

from __future__ import annotations

import unicodedata

PRIVACY_WORDS: tuple[str, ...] = (
    "visibility", "visible", "private", "privacy", "public", "draft", "publish",
    "published", "hidden", "hide", "unlisted", "secret", "access", "audience", "share",
    "shared", "confidential", "mentor", "restricted", "internal", "sensitive",
)
"""Normalised words (see :func:`normalise`) that a privacy switch would be named by."""

PRIVACY_VALUES = frozenset({"public", "mentor", "private", "draft", "hidden", "unlisted", "secret",
                            "unpublished", "confidential"})
"""Values that, under a key ivsite does not know, can only mean who may see the note."""


def normalise(key: str) -> str:
    """NFKC, case-folded, with every character that is not a letter or digit taken
    out: spaces (no-break ones too), zero-width and format characters, ``_`` and
    ``-``. So ``Is_Private``, ``VISIBILITY\\u00a0`` and ``vis\\u200bibility`` read as
    ``isprivate``, ``visibility`` and ``visibility``."""
    folded = unicodedata.normalize("NFKC", key).casefold()
    return "".join(ch for ch in unicodedata.normalize("NFKC", folded) if ch.isalnum())


def distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (``visibiltiy`` is one edit away)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def privacy_word(key: str) -> str | None:
    """The privacy word ``key`` looks like, or None.

    Close means: the same once normalised, containing the word, or within two edits
    of it; one edit for words under seven letters, where two would already reach
    everyday keys (``access``/``accent``, ``mentor``/``vendor``, ``share``/``score``)."""
    norm = normalise(key)
    if not norm:
        return None
    for word in PRIVACY_WORDS:
        if word in norm:
            return word
    for word in PRIVACY_WORDS:
        allowed = 2 if len(word) >= 7 else 1
        if abs(len(norm) - len(word)) <= allowed and distance(norm, word) <= allowed:
            return word
    return None


def privacy_value(value: object) -> bool:
    """A value such as ``private`` or ``draft`` (``level: private``, ``state: draft``):
    under a key ivsite does not know it can only have been meant as a privacy switch."""
    return isinstance(value, str) and normalise(value) in PRIVACY_VALUES


PRIVACY_TAGS = frozenset({"private", "draft", "drafts", "donotpublish", "dontpublish",
                          "nopublish", "notpublic", "unpublished", "confidential", "secret",
                          "hidden", "unlisted", "notforpublication"})
"""Tags (normalised) that say a note is not for the public: Obsidian and Jekyll
users mark drafts and private notes with tags, which ivsite would publish."""


def privacy_tag(tag: str) -> bool:
    """Whether a tag (or one level of a nested tag, ``private/work``) is a privacy word."""
    return any(normalise(level) in PRIVACY_TAGS for level in tag.split("/"))
