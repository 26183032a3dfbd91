"""An initial and family name run together ("mkowalczyk"): a handle, an address's
mailbox or a site's name, and looked for as one (red team 3, H13).

Some of these are everyday words: "chance" is Cara Hance's, "clever" Carl
Lever's, "bright" Brian Right's, "sparks" Sam Parks' (red team 8, F1), and a
public page that says "Take every chance to ask questions" was refused because
a private interviewee was Cara Hance. A run that starts as words start (a vowel
in its first two letters, or two consonants a word may open with: "ch", "cl",
"br", "sp") is looked for only where the text shows it is a handle
(:func:`handle_form`): after "@", "/" (not "tag/" or "tags/"), "~", "+", ":", "=", "_" or a digit,
or after a dot inside a word ("www.chance"); before "@", "_", a digit, a
dot and a letter ("chance.dev", "chance@mail.example") or a hyphen and the
rest of a file name ("chance-slides.pdf"); or where its capitals
split it ("CHance", "mKowalczyk"). A run no word starts so ("mkowalczyk",
"qzabrowski", "jsmith") is looked for anywhere, as before; one of four or five
letters only where the text shows a handle ("jdoe"; also "json" for Jiwoo Son,
in "json.org" and "to_json": a rare name's cost), and not where it opens as a
word may ("bash" for Bea Ash: the tools' names in every path).
"""

from __future__ import annotations

import re

from ..text.textmatch import Confirmed

VOWELS = frozenset("aeiouy")
ONSETS = frozenset(re.findall("..", "blbrchclcrdrdwflfrghglgngrklknkrkwphplpnprpspfqurhscsh"
                                    "skslsmsnspstsvswszthtrtstwvlvrwhwrzw"))
"""Two consonants that open words in English and the other languages of Latin
script ivsite's users write in ("knie", "pflicht", "zwei", "szansa")."""


def word_like(run: str) -> bool:
    """Whether ``run`` (lower case) opens as a word may: a vowel in its first two
    letters, or two consonants a word opens with."""
    return bool(VOWELS.intersection(run[:2])) or run[:2] in ONSETS


_LETTER = r"[^\W\d_]"
_BEFORE = r"(?:(?<=[@/~+:=_0-9])(?<!tags/)(?<!tag/)|(?<=[^\W_]\.))"
"""What makes what follows a handle: a mention, a path, a word run into it by an
underscore or digits, a dot inside a host name. Not a tag (red team 12, R12-14):
"#salary" and ``/tags/salary/``, as ivsite prints every tag, are the word
"salary", not Sophie Alary's handle (nor ``ivsite:tag/salary``, the link a
note's "#salary" makes); "@salary", "instagram.com/salary" and
"salary@mail.example" still are, and a run no word opens so ("#qzabrowski") is
looked for anywhere."""
_AFTER = r"(?=[@_0-9]|\.[^\W_]|-[^\W_]+\.[^\W\d_]{2,4}(?![^\W_]))"
"""What makes what goes before a handle: a mailbox, a host name, an underscore or
digits, a file name's other words ("jdoe-chart.png", red team 9 R9-09)."""


_BEFORE_SHORT = r"(?<=[@/#~+:=_0-9])"
"""As :data:`_BEFORE` for a short run, without the dot: "package.json" is a file's
type, not Jiwoo Son's handle."""


def handle_form(run: str) -> Confirmed:
    """``run`` where the text shows it is a handle (see the module's docstring):
    what counts is found by the pattern alone (its group ``capital`` is empty)."""
    return _form(run, _BEFORE)


def short_handle_form(run: str) -> Confirmed:
    """As :func:`handle_form`, for a run of four or five letters ("jdoe"): not
    after a dot, where a short run is mostly a file's type."""
    return _form(run, _BEFORE_SHORT)


def _form(run: str, before: str) -> Confirmed:
    whole, first, rest = re.escape(run), re.escape(run[0]), re.escape(run[2:])
    capitals = (rf"(?<!{_LETTER}){first}(?=(?-i:[A-Z])){re.escape(run[1])}"
                rf"(?=[^\W_]*(?-i:[a-z])){rest}(?!{_LETTER})")
    pattern = (rf"(?:{before}{whole}(?!{_LETTER})|(?<!{_LETTER}){whole}{_AFTER}"
               rf"|{capitals})(?P<capital>)")
    return Confirmed((run,), pattern)
