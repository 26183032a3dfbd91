"""Whether a text holds something shaped like an e-mail address or a phone number.

The contact rules find the details written in ``email``, ``phone`` and
``linkedin`` wherever else they are written. A detail pasted into a field that
is published (``name: "Jane Doe <jane@acme.example>"``, ``location: "Toronto
(cell 416-555-0100)"``) is in none of those, so it is found by its shape: the
person agreed to their name being published, not their address. Spelt-out forms
count too ("jane [at] acme [dot] example", "416 • 555 • O199", Arabic-Indic
digits): the words that spell a symbol, in any language and joined by hyphens
("qz-at-acme-dot-example"), are read as ivsite.contacts.skeleton reads them.
Prose must not look like an address: a sentence's full stop joins no domain, and
a bare "at" ("Engineer at Acme") counts only with a spelt "dot" (or one in
brackets, "[.]").
"""

from __future__ import annotations

import re
import unicodedata

from .munges import without_munges
from .skeleton import MAX_DIGITS, MAX_GAP, PHONE_DIGITS
from .symbolwords import spell_symbols, words_for

_BRACKETED_AT = re.compile(
    rf"[\[({{<]\s*(?:{'|'.join(map(re.escape, words_for('@')))})\s*[\])}}>]")
_BRACKETED_DOT = re.compile(
    rf"[\[({{<]\s*(?:\.|{'|'.join(map(re.escape, words_for('.')))})\s*[\])}}>]")
"""A dot in brackets ("[.]", "(dot)"), which no sentence has."""
_FULL_STOP = re.compile(r"\.(?=\s+\w\w|\s*$)")
"""A sentence's full stop (not the spaced-out dot of "c o m")."""
_AROUND = re.compile(r"[\s\[\](){}<>]*([@.])[\s\[\](){}<>]*")
_JOINED = re.compile(r"(?<=[^\W_])[-_](?=[@.])|(?<=[@.])[-_](?=[^\W_])")
"""A hyphen or underscore that joined a spelt symbol to a word ("jane-dot-doe"),
not one standing apart ("Engineer at Acme - point of contact")."""
_SPACED = re.compile(r"(?<=\b\w) (?=\w\b)")
_EMAIL = re.compile(r"[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_SEP = r"[\s().\-/\u2010-\u2015\u2212\u00b7\u2022x]"
_NUMBER = re.compile(rf"\+?[0-9](?:{_SEP}{{0,{MAX_GAP}}}[0-9])+")
_NOT_PHONE = re.compile(
    r"\b[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}\b"      # a date, 2026-02-10
    r"|\b[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4}\b"     # 10/02/2026
    r"|\b(?:19|20)[0-9]{2}\s*[-/\u2013\u2014]\s*(?:(?:19|20)?[0-9]{2})\b"  # 2024-2026
    r"|\b[0-9]{1,3}(?:,[0-9]{3})+\b")                  # 1,200,000
_DIGIT_LIKE = re.compile(rf"(?<={_SEP}|[0-9])[oOlI](?={_SEP}|[0-9])|(?<=[0-9])[oOlI]")


def contact_shape(text: str) -> str | None:
    """``"an e-mail address"``, ``"a phone number"`` or None."""
    if _email(text):
        return "an e-mail address"
    if _phone(text):
        return "a phone number"
    return None


def _email(text: str) -> bool:
    return bool(spelt_addresses(text))


def spelt_addresses(text: str) -> list[str]:
    """The e-mail addresses in ``text`` however they are spelt (see the module's
    docstring), each as an address is written ("jane.doe@acme.example" for "jane
    dot doe (at) acme dot example"), folded. The filter's check and the audit
    read the same spellings in a visible text (ivsite.contacts.skeleton), and a
    withheld text is read for its details with this (ivsite.contacts.spelt).
    Read also without a token for the reader to take out ("qzab NOSPAM at
    zenthor dot example", red team 16, R16-11; ivsite.contacts.munges): both
    readings, since "nospam at acme dot example" may be a mailbox of that name."""
    plain = unicodedata.normalize("NFKC", text)
    unmunged = without_munges(plain)
    found = _spelt(plain)
    return found if unmunged == plain else list(dict.fromkeys([*found, *_spelt(unmunged)]))


def _spelt(text: str) -> list[str]:
    cased = _FULL_STOP.sub(" ; ", text.casefold())
    spelt = spell_symbols(cased)
    if "@" not in cased and not _BRACKETED_AT.search(cased) and not (
            spelt.count("@") > cased.count("@") and (
                spelt.count(".") > cased.count(".") or _BRACKETED_DOT.search(cased))):
        return []  # a bare "at" counts with a spelt "dot" only ("Engineer at Acme")
    joined = _SPACED.sub("", _JOINED.sub("", _AROUND.sub(r"\1", spelt)))
    return _EMAIL.findall(joined)


def _phone(text: str) -> bool:
    digits = "".join(str(d) if (d := unicodedata.digit(ch, None)) is not None else ch
                     for ch in unicodedata.normalize("NFKC", text))
    digits = _NOT_PHONE.sub(" ; ", _DIGIT_LIKE.sub(_as_digit, digits))
    return any(PHONE_DIGITS <= sum(ch.isdigit() for ch in m.group(0)) <= MAX_DIGITS
               for m in _NUMBER.finditer(digits))


def phone_numbers(text: str) -> list[str]:
    """The runs of ``text`` shaped like a phone number as written (ASCII digits and
    the punctuation numbers are written with), dates and thousands left out."""
    masked = _NOT_PHONE.sub(" ; ", text)
    return [m.group(0) for m in _NUMBER.finditer(masked)
            if PHONE_DIGITS <= sum(ch.isdigit() for ch in m.group(0)) <= MAX_DIGITS]


def _as_digit(m: re.Match[str]) -> str:
    return "0" if m.group(0) in "oO" else "1"
