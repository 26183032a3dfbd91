"""Tokens put into an e-mail address for its reader to take out (red team 16,
R16-11): "qzabNOSPAM@zenthor.example", "qzab@NOSPAM.zenthor.example",
"qzab.REMOVETHIS@zenthor.example", "qzab-no-spam@zenthor.example",
"qzab NOSPAM at zenthor dot example".

The oldest munge against harvesters, and the address still reaches its owner:
anyone takes the token out. The contact skeleton (ivsite.contacts.skeleton)
takes it out first, of a text and of a detail looked for alike, as it reads
"at" and "dot" as symbols, so that one search finds every spelling. A munge
token is known two ways:

- by its words: the family of "no spam" and "remove this" (:data:`_TOKEN`:
  nospam, no-spam, antispam, spamfree, nojunk, removethis, remove_me,
  deleteme, take-this-out …), in any case, with or without separators, inside a
  word or standing apart;
- by its shape: a run of capitals glued to the small letters of an address
  written in small letters ("qzabXYZZY@zenthor.example",
  "qzab@zenthorDELETEME.example"), which is how a token is made to stand out
  for the reader to see and take out, whatever its words.

A token that is the whole mailbox ("nospam@acme.example", someone's real
address) is kept: taken out, the address would have no mailbox and its
skeleton would be found in every address at its host. What stays open: a
token of other words written in small letters ("qzabxyzzy@…"), which no
reading tells from a mailbox.
"""

from __future__ import annotations

import re

_SEP = r"[\s_.\-]{0,2}"
_TOKEN = re.compile(
    rf"(?:no|anti|kein|sans|sin|pas{_SEP}de){_SEP}(?:spam|junk)(?:{_SEP}(?:please|pls))?"
    rf"|spam{_SEP}(?:free|block|guard|trap)"
    rf"|(?:remove|delete|erase){_SEP}(?:this|these|me|it)(?:{_SEP}out)?"
    rf"|(?:take|strip|cut){_SEP}this{_SEP}(?:out|off)?",
    re.I)
"""The words of a munge token (see the module's docstring)."""
_CUE = re.compile("spam|junk|remove|delete|erase|this")
"""A word every token holds, in small letters: each is read around for a token."""
_CUE_ANY_CASE = re.compile(_CUE.pattern, re.I)
_PART = r"[^\s<>()\[\]{}\"'`,;:@]*"
_LEFT = re.compile(_PART + r"\Z")
_RIGHT = re.compile(_PART)
"""What of an address stands before and after its "@"."""
_RUN = 64
_BEFORE, _AFTER = 12, 20
"""How far before and after a token's word the token may reach."""
_GLUED_CAPS = re.compile(r"(?<=[a-z0-9])[A-Z]{4,}(?![A-Za-z])|(?<![A-Za-z])[A-Z]{4,}(?=[a-z0-9])")
"""A run of capitals glued to a small letter or digit on one side, not part of a
capitalised word ("Zenthor")."""


def without_munges(cased: str) -> str:
    """``cased`` (folded but for case) with each munge token taken out (see the
    module's docstring); the text itself when it has none."""
    low = cased.lower()  # a cue found in C: a pattern that ignores case is slower
    cues = _CUE.finditer(low) if len(low) == len(cased) else _CUE_ANY_CASE.finditer(cased)
    cuts = [(m.start(), m.end()) for cue in cues
            for m in _TOKEN.finditer(cased, max(0, cue.start() - _BEFORE), cue.end() + _AFTER)
            if m.start() <= cue.start() < m.end() and not _mailbox(m)]
    if "@" in cased and _GLUED_CAPS.search(cased):
        cuts += _glued_caps(cased)
    if not cuts:
        return cased
    out, last = [], 0
    for start, end in sorted(set(cuts)):
        out.append(cased[last:max(start, last)])
        last = max(last, end)
    return "".join(out) + cased[last:]


def _mailbox(m: re.Match[str]) -> bool:
    """Whether a token is the whole mailbox ("nospam@acme.example"): kept."""
    text, start, end = m.string, m.start(), m.end()
    alone_before = start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "._-+")
    return alone_before and text[end:end + 1] == "@"


def _glued_caps(cased: str) -> list[tuple[int, int]]:
    """Where capitals are glued into an address written in small letters (one
    written in capitals is a shout, not a token)."""
    out: list[tuple[int, int]] = []
    for at in (m.start() for m in re.finditer("@", cased)):
        left = _LEFT.search(cased, max(0, at - _RUN), at)
        right = _RIGHT.match(cased, at + 1)
        start = left.start() if left else at
        run = cased[start:right.end() if right else at + 1]
        if any(ch.islower() for ch in run):
            out += [(start + m.start(), start + m.end()) for m in _GLUED_CAPS.finditer(run)]
    return out
