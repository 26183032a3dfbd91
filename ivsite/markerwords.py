"""Whether a few words a note shows or hides can only be a privacy marker.

A comment (``<!-- end private -->``), a callout's or a disclosure's title
(``Private notes``), a heading or a label (``## Off the record``, ``**Do not
publish:**``, red team 9) and a class or an id (``private-start``) mark a
passage not for everyone when they are a privacy word of ivsite.lookalike, alone
or with words that open or close a passage; ivsite.bodyprivacy refuses each as
an error, since ivsite reads none of them as a switch. Prose about privacy holds
other words (``Keep your salary private``, ``Private equity``) and is no marker.
"""

from __future__ import annotations

import re

from .lookalike import normalise, privacy_tag

FRAME_WORDS = frozenset({"begin", "start", "end", "stop", "open", "close", "section", "passage",
                         "block", "part", "only", "here", "below", "above", "this", "from",
                         "until", "keep", "mode", "on", "off", "note", "notes", "text",
                         "my", "me", "for", "do", "not", "share", "details", "info",
                         "stuff", "bits", "publication", "publishing", "the", "a"})
"""Words around a privacy word in a comment that marks a passage ("end private")."""


def comment_marker(comment: str) -> bool:
    """Whether a comment's text can only be a privacy marker: a privacy word, alone
    or with words that open or close a passage ('/private', 'begin draft')."""
    words = re.findall(r"[^\W\d_]+", comment.casefold())
    return marker_word(comment) or (
        0 < len(words) <= 4 and any(marker_word(w) for w in words)
        and all(marker_word(w) or w in FRAME_WORDS for w in words))


_UNFINISHED = frozenset({"draft", "drafts", "wip", "workinprogress"})
"""Privacy words that, as a shown title, say unfinished rather than secret ("Work
in progress", "Draft notes" over a public callout): a path or tag with them
withholds the note, a title with them alone is no marker."""


def unfinished(title: str) -> bool:
    """Whether a title says only unfinished (``Drafts``, ``Work in progress``)."""
    words = re.findall(r"[^\W\d_]+", title.casefold())
    return "".join(words) in _UNFINISHED or (
        any(w in _UNFINISHED for w in words)
        and not any(marker_word(w) for w in words if w not in _UNFINISHED))


_TOPICS = frozenset({"personal", "internal", "mentor", "personnelle", "persönlich",
                     "personlich", "persoenlich", "interne", "interno", "interna",
                     "personale", "pessoal", "persoonlijk", "personlig", "osobiste"})
"""Privacy words that, as a heading or a label, name an ordinary topic ("Personal",
"Internal", "Mentor"): a label is a marker only with a stronger word."""


def label_marker(label: str) -> bool:
    """Whether a heading, a lead-in label or a title can only be a privacy marker:
    a marker as a comment's text is, with a word other than :data:`_TOPICS` or
    with "only" ("Mentor only"), and not only saying unfinished ("Drafts")."""
    if not comment_marker(label) or unfinished(label):
        return False
    words = re.findall(r"[^\W\d_]+", label)
    return any(marker_word(w) and normalise(w) not in _TOPICS for w in [label, *words]) \
        or "only" in (w.casefold() for w in words)


def marker_word(word: str) -> bool:
    """A word that can only mean "not for everyone" as the name of a tag."""
    norm = normalise(word)
    return privacy_tag(norm) or norm == "mentor"
