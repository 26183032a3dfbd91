"""One contact field, cut into the details it holds, each as it would be written.

A field is typed by hand: ``phone: "+1 416 555 0100 ext. 23"``, ``phone:
"416-555-0100, 416-555-0199"``, ``email: "jdoe@work.example, jane.d@home.example"``
or a LinkedIn address copied with its tracking query (``…/in/qzjdoe77?utm_source=
share``). Looked for whole, such a field protects nothing: the digits of a number
and its extension run together, two addresses are one word sequence no text
holds, and a query string is part of the needle. So the audience filter's check
and the audit (both through :func:`ivsite.people.mentions`) look for each detail
alone: every phone number without its extension, every email address, every
URL without its query string and fragment.
"""

from __future__ import annotations

import re

_LISTED = re.compile(r"[,;|\n]+|\s+/\s+|\s(?:or|and|oder|ou|o|y|et|und)\s|\s&\s", re.I)
"""What separates two details written in one field."""
_EXTENSION = re.compile(
    r"(?:(?<![a-z])(?:extension|extn|ext|x|poste|durchwahl|dw)\.?|#)\s*:?\s*[0-9]+", re.I)
"""An extension after a number ("ext. 23", "x23", "#23"): dialled after it, never
part of it as written elsewhere."""
_NUMBER = re.compile(r"\+?[0-9][0-9\s().\-/\u2010-\u2015\u2212\u00b7\uff0d]*[0-9]")
"""A phone number as written: digits and the punctuation numbers are written with."""
_EMAIL = re.compile(r"[^\s<>(),;:\"'\[\]]+@[^\s<>(),;:\"'\[\]]+")
_URL_TAIL = re.compile(r"[?#].*\Z", re.S)
MAX_DIGITS = 15
"""The most digits one phone number has (E.164); a longer run is two numbers."""


def contact_pieces(kind: str, value: str) -> list[str]:
    """The details in one contact field (``kind``: phone, email, linkedin, url).

    A field in which no detail is recognised is returned whole (looked for as
    written: fail closed)."""
    parts = [p.strip() for p in _LISTED.split(value) if p and p.strip()]
    out: list[str] = []
    for part in parts:
        if kind == "phone":
            out += _numbers(_EXTENSION.sub(" ", part))
        elif kind == "email":
            out += [m.group(0) for m in _EMAIL.finditer(part)]
        else:
            out += [_URL_TAIL.sub("", w).rstrip("/") for w in part.split()]
    out = [p for p in dict.fromkeys(out) if p]
    return out or [value.strip()]


def _numbers(text: str) -> list[str]:
    """Every number in ``text``; a run of more digits than one number has is cut
    where it is written apart ("416 555 0100/416 555 0199")."""
    out: list[str] = []
    for m in _NUMBER.finditer(text):
        run = m.group(0).strip()
        if sum(ch.isdigit() for ch in run) > MAX_DIGITS:
            out += [p.strip() for p in re.split(r"[/\s]{1,}(?=\+|\()|/", run) if p.strip()]
        out.append(run)
    return out
