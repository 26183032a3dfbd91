"""Whether a few words a note shows or hides can only be a privacy marker.

A comment (``<!-- end private -->``), a callout's or a disclosure's title
(``Private notes``), a heading or a label (``## Off the record``, ``**Do not
publish:**``, red team 9) and a class or an id (``private-start``) mark a
passage not for everyone when they are a privacy word of ivsite.switches.lookalike, alone
or with words that open or close a passage; ivsite.validate.bodyprivacy refuses each as
an error, since ivsite reads none of them as a switch. Prose about privacy holds
other words (``Keep your salary private``, ``Private equity``) and is no marker.
"""

from __future__ import annotations

import re

from .keepout import KEEP_OUT
from .lookalike import normalise, privacy_tag

FRAME_WORDS = frozenset({"begin", "start", "end", "stop", "open", "close", "section", "passage",
                         "block", "part", "only", "here", "below", "above", "this", "from",
                         "until", "keep", "mode", "on", "off", "note", "notes", "text",
                         "my", "me", "for", "do", "not", "share", "details", "info",
                         "stuff", "bits", "publication", "publishing", "the", "a",
                         "these", "those", "please", "just", "strictly", "under"})
"""Words around a privacy word in a comment that marks a passage ("end private")."""


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
"""A word, a contraction one word (``Don't`` reads as ``dont``)."""


def marker_spans(text: str) -> list[str] | None:
    """The privacy words and phrases a marker's text is made of, normalised, when
    all its other words open or close a passage (``Do not publish this`` holds
    ``donotpublish`` and ``this``, ``Don't share`` holds ``dontshare``, red team
    10, R10-19); None for prose. A phrase of up to four words counts as one, and
    a marker has at most four such parts."""
    words = [normalise(w) for w in _WORD.findall(text)]
    if not 0 < len(words) <= 10:
        return None
    best: list[list[str] | None] = [None] * len(words) + [[]]  # covers of words[i:]
    for i in range(len(words) - 1, -1, -1):
        options = []
        if words[i] in FRAME_WORDS and best[i + 1] is not None:
            options.append(["", *(best[i + 1] or [])])
        for j in range(i + 1, min(i + 4, len(words)) + 1):
            span = "".join(words[i:j])
            if best[j] is not None and marker_word(span):
                options.append([span, *(best[j] or [])])
        best[i] = min(options, key=len) if options else None
    cover = best[0]
    if cover is None or len(cover) > 4 or not any(cover):
        return None
    return [part for part in cover if part]


def comment_marker(comment: str) -> bool:
    """Whether a comment's text can only be a privacy marker: a privacy word, alone
    or with words that open or close a passage ('/private', 'begin draft')."""
    return marker_word(comment) or marker_spans(comment) is not None


UNFINISHED = frozenset({"draft", "drafts", "wip", "workinprogress"})
"""Privacy words that, as a shown title, say unfinished rather than secret ("Work
in progress", "Draft notes" over a public callout): a path or tag with them
withholds the note, a title with them alone is no marker."""


def unfinished(title: str) -> bool:
    """Whether a title says only unfinished (``Drafts``, ``Work in progress``)."""
    words = re.findall(r"[^\W\d_]+", title.casefold())
    return "".join(words) in UNFINISHED or (
        any(w in UNFINISHED for w in words)
        and not any(marker_word(w) for w in words if w not in UNFINISHED))


TOPICS = frozenset({"personal", "internal", "mentor", "personnelle", "persönlich",
                     "personlich", "persoenlich", "interne", "interno", "interna",
                     "personale", "pessoal", "persoonlijk", "personlig", "osobiste"})
"""Privacy words that, as a heading or a label, name an ordinary topic ("Personal",
"Internal", "Mentor"): a label is a marker only with a stronger word."""


_CONFIDED = re.compile(
    r"\b(?:asked|told|begged|made|wanted)\s+(?:me|us)\s+(?:(?:not\s+to|to\s+not|never\s+to)\s+"
    r"(?:repeat|share|tell|say|publish|post|mention|quote|write|pass)"
    r"|to\s+keep\s+(?:it|this|that)\s+(?:quiet|secret|private|confidential|between\s+us"
    r"|to\s+(?:myself|ourselves)))"
    r"|\bnot\s+to\s+be\s+(?:repeated|shared|published|quoted|posted|passed\s+on)\b",
    re.IGNORECASE)
"""What a heading or a label says when its section was told in confidence
("What she asked me not to repeat", red team 11, R11-11): a marker wherever it
stands in one, though not in prose ("She asked me not to repeat it, so I won't")."""


_ABBREVIATIONS = frozenset({"otr", "dnp", "fyeo", "nfp", "fmeo", "ntk"})
"""Journalists' "off the record", "do not publish", "for your (my) eyes only", "not
for publication", "need to know" (red team 15, R15-05): a marker as a label alone
(``OTR:``, ``(DNP)``), never as a word elsewhere. Alone on purpose: a career note
may lead in with a degree or a sector of the same letters (Doctor of Nursing
Practice, not-for-profit), which the error's message says to write out; with more
words (``DNP programme:``, ``NFP sector:``) it is no marker. Not in the one list of
ivsite.switches.lookalike, where it would refuse a ``#nfp`` tag or an ``otr/``
folder that names a profession."""


def label_marker(label: str) -> bool:
    """Whether a heading, a lead-in label or a title can only be a privacy marker:
    a marker as a comment's text is, with a word other than :data:`TOPICS` or
    with "only" ("Mentor only") or "for" ("For my mentor", R11-11), and not only
    saying unfinished ("Drafts"); or one that says it was told in confidence; or
    a journalists' abbreviation alone, or one a lock opens (R15-05)."""
    return _CONFIDED.search(label) is not None or _marker_label(label) \
        or abbreviation(label) or _locked(label)


def abbreviation(label: str) -> bool:
    """Whether a label is a journalists' abbreviation alone (``OTR``, ``DNP``)."""
    return normalise(label) in _ABBREVIATIONS


_LOCKS = "".join(KEEP_OUT) + "\ufe0f \t"


def _locked(label: str) -> bool:
    """A label a lock opens (ivsite.validate.bodymarkers yields ``🔒`` alone or
    with the label after it, ``🔒 Security``): the lock marks it, whatever words
    follow (with the emoji presentation selector, ``🔒️``, too)."""
    return label[:1] in KEEP_OUT


def _marker_label(label: str) -> bool:
    """A label made of privacy words and words that open or close a passage."""
    if not comment_marker(label) or unfinished(label):
        return False
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", label)]
    spans = marker_spans(label) or []
    return (marker_word(label) and normalise(label) not in TOPICS) \
        or any(span not in TOPICS for span in spans) \
        or "only" in words or (spans == ["mentor"] and "for" in words)


_TO_THE_MENTOR = frozenset({"mentor", "eyesonly", "notpublic", "notforpublic",
                            "notforthepublic"})
"""What a label over mentor-only text may say of its audience and be true: the
mentor, "eyes only", "not for the public" (``Mentor eyes only``, ``Mentor only,
not public``)."""


def mentor_label(label: str) -> bool:
    """Whether a label names the mentor as its only audience ("For my mentor",
    R11-11; "Mentor only", "For my mentor only", "Mentor eyes only", red team 12,
    R12-05): a marker over what the public reads, but true over a passage or note
    the mentor reads (the example site's mentor notes have one). Red team 9 kept
    "Mentor only" a marker in mentor text too, with no reader it misled: the mentor
    is who reads it there. A label with any other privacy word ("Private, mentor
    only", "Mentor only, do not publish") stays a marker: the mentor view is
    published to whoever holds the link. A lock before it says no more than the
    label does (``🔒 For my mentor``)."""
    spans = marker_spans(label.lstrip(_LOCKS)) or []
    return "mentor" in spans and set(spans) <= _TO_THE_MENTOR


_CONFIDING = frozenset({"confidentially", "strictlyconfidentially"})
"""One word before a comma that says what follows was told in confidence."""


def phrase_marker(lead: str) -> bool:
    """Whether the words a sentence opens with before a comma mark it ("Off the
    record, she said …", "Between you and me, …", red team 11, R11-11): a label of
    two words or more, or "Confidentially". Another word alone opens prose as often
    ("Private, public and non-profit employers …")."""
    return normalise(lead) in _CONFIDING or (len(_WORD.findall(lead)) >= 2
                                              and _marker_label(lead))


def marker_word(word: str) -> bool:
    """A word that can only mean "not for everyone" as the name of a tag."""
    norm = normalise(word)
    return privacy_tag(norm) or norm == "mentor"


SECTOR_WORDS = frozenset({"private", "privé", "privée", "prive", "privee", "privado",
                           "privada", "privat"})
"""A privacy word that also names a sector (the private sector, "Private: 12
conversations"): the one kind of label a comparison makes."""
SECTOR_PHRASES = (
    "public", "public sector", "non-profit", "not-for-profit", "nonprofits", "charity",
    "charities", "third sector", "voluntary", "government", "state", "federal",
    "local government", "civil service", "academic", "academia", "university", "ngo",
    "ngos", "nhs", "corporate", "startup", "startups", "freelance", "self-employed",
    "social enterprise", "military", "público", "pública", "publico",
    "publica", "öffentlich", "offentlich", "oeffentlich", "publique")
"""Labels that answer a sector's: beside one, "Private:" names the private sector."""
SECTORS = frozenset(normalise(w) for w in SECTOR_PHRASES)


def compared(label: str, labels: list[str]) -> bool:
    """Whether a lead-in label is a sector beside another sector's label in the same
    list or paragraph ("- Private: 12 conversations / - Public: 4", "Private: higher
    pay. Public: a pension.", red team 15, R15-07): a comparison, not a marker. A
    lone "Private:" stays a marker, and so does any other privacy word beside
    "Public:" ("Secret: …")."""
    return normalise(label) in SECTOR_WORDS and any(
        normalise(other) in SECTORS for other in labels)


_INSTRUCTIONS = frozenset({"begin", "start", "end", "stop", "only", "for", "my", "me", "do",
                           "dont", "not", "please", "keep", "here", "below", "above", "this",
                           "these", "those", "until", "from", "just", "strictly", "never",
                           "self", "myself", "ourselves"})
"""Words that tell a reader what to do with a passage ("Do not publish", "Mentor
only", "Begin private") or say it is the author's ("Note to self"), which no word
of a trade says."""


def glossary_term(term: str) -> bool:
    """Whether a privacy word that a glossary defines can be a word of a trade
    ("NDA", "Embargo", "Off the record", "Confidential", red team 16, R16-06)
    rather than a label over its definition: not when it tells the reader what to
    do ("Do not publish", "Mentor only"), says it was told in confidence, opens
    with a lock, or is "Private", the label authors write (which a glossary of
    sectors compares: :func:`compared`)."""
    words = {normalise(w) for w in _WORD.findall(term)}
    return not words & _INSTRUCTIONS and normalise(term) not in SECTOR_WORDS \
        and _CONFIDED.search(term) is None and not _locked(term)
