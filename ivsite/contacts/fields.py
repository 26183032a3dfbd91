"""One contact field, cut into the details it holds, each as it would be written.

A field is typed by hand: ``phone: "+1 416 555 0100 ext. 23"``, ``phone:
"416-555-0100, 416-555-0199"``, ``email: "jdoe@work.example, jane.d@home.example"``
or a LinkedIn address copied with its tracking query (``…/in/qzjdoe77?utm_source=
share``). Looked for whole, such a field protects nothing: the digits of a number
and its extension run together, two addresses are one word sequence no text
holds, and a query string is part of the needle. So the audience filter's check
and the audit (both through :func:`ivsite.names.people.mentions`) look for each detail
alone: every phone number without its extension, every email address, every
URL without its query string and fragment.

Each detail is then looked for in all the ways it is written
(:func:`contact_needles`): as words, and by its contact skeleton, which finds
"jane [at] example [dot] com", "416 • 555 • O199" and "in/jdzz9876" (see
:mod:`ivsite.contacts.skeleton`); an email address also without its top-level
domain ("jane@acme", ivsite.contacts.mailboxes). An email address is also looked for at
its provider's other domains and without what the provider ignores
("qz.design@gmail.com" as "qzdesign@googlemail.com"; ivsite.contacts.mailboxes).

Whatever field a detail is typed into, it is read for what it is (red team 13,
R13-05): ``email: "qzab@acme.example / +1 416 555 0142"`` holds an address and a
number, ``phone: "jd@acme.example"`` an address, ``linkedin: "linkedin.com/in/qz,
cell 416 555 0142"`` a profile and a number, and each is looked for as its own
kind (:func:`contact_details`), in any spelling the skeleton reads
(ivsite.contacts.spelt: "jane [at] acme [dot] example", "four one six …").
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..text.normalise import compact, words
from ..text.textmatch import Needles
from .bodyprofiles import handle_needles
from .keyedcontacts import KINDS as KEYED_KINDS
from .keyedcontacts import keyed_needles
from .mailboxes import alias_addresses, mailbox_forms, webmail_skeleton
from .skeleton import MAX_DIGITS, MIN_SKELETON, PHONE_DIGITS, address_skeleton, phone_key
from .spelt import spelt_details

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


def contact_pieces(kind: str, value: str) -> list[str]:
    """The details in one contact field (``kind``: phone, email, linkedin, url).

    A field in which no detail is recognised is returned whole (looked for as
    written: fail closed)."""
    if kind.startswith(KEYED_KINDS):  # read whole by its key (ivsite.contacts.keyedcontacts)
        return [value.strip()]
    parts = [p.strip() for p in _LISTED.split(value) if p and p.strip()]
    out: list[str] = []
    for part in parts:
        if kind == "phone":
            out += _numbers(_EXTENSION.sub(" ", part))
        elif kind == "email":
            found = [m.group(0) for m in _EMAIL.finditer(part)]
            out += [*found, *(a for f in found for a in alias_addresses(f))]
        else:
            out += [_URL_TAIL.sub("", w).rstrip("/") for w in part.split()]
    out += [other_host_form(p) for p in out]
    out = [p for p in dict.fromkeys(out) if p]
    return out or [value.strip()]


_STRICT_EMAIL = re.compile(r"[\w.+-]+@[^\W_](?:[\w-]*\.)+[^\W\d_]{2,}")
"""One address, where several are run together ("a@x.example/b@y.example")."""
_WEB = re.compile(r"(?<![\w@.])(?:[a-z][a-z0-9+.-]*://)?(?:[^\W_](?:[\w-]*[^\W_])?\.)+"
                  r"[^\W\d_]{2,}(?:/\S*)?", re.I)
"""A web address: a host with its top-level domain, a path or not."""


def contact_details(key: str, value: str) -> list[tuple[str, str]]:
    """(kind, detail) for every detail in one contact field (``key``: email,
    phone, linkedin), whatever kind it is (see the module's docstring): each
    address ("email"), number ("phone"; in ``phone`` any figure, elsewhere one of
    a phone's length), web address ("linkedin" in that field, "url" elsewhere).
    What ``linkedin`` holds besides is looked for as before, word by word; a part
    of another field holding an "@" or a digit but no detail, whole (as the
    field's kind), and so is a field in which no detail is recognised (fail
    closed)."""
    out: list[tuple[str, str]] = []
    for part in (p.strip() for p in _LISTED.split(value) if p and p.strip()):
        found = _details_in(key, part)
        if not found and (key == "linkedin" or re.search(r"[@0-9]", part)):
            found = [(key, part)] if key != "linkedin" else \
                [(key, _URL_TAIL.sub("", w).rstrip("/")) for w in part.split()]
        out += found
    out += [(kind, other_host_form(p)) for kind, p in out]
    out = [d for d in dict.fromkeys(out) if d[1]]
    return out or [(key, value.strip())]


def _details_in(key: str, part: str) -> list[tuple[str, str]]:
    """The details of one part of a field (see :func:`contact_details`)."""
    emails = [m.group(0) for m in _EMAIL.finditer(part)]
    emails += [e for run in emails if run.count("@") > 1 for e in _STRICT_EMAIL.findall(run)]
    rest = _EMAIL.sub(" ", part)
    web = "linkedin" if key == "linkedin" else "url"
    urls = [_URL_TAIL.sub("", m.group(0)).rstrip("/") for m in _WEB.finditer(rest)]
    rest = _WEB.sub(" ", rest)
    numbers = _numbers(_EXTENSION.sub(" ", rest))
    if key != "phone":
        numbers = [n for n in numbers if sum(c.isdigit() for c in n) >= PHONE_DIGITS]
    if key == "linkedin":  # the other words, each as before (a handle alone)
        urls += [_URL_TAIL.sub("", w).rstrip("/")
                 for w in _without(rest, numbers).split()] if emails or urls or numbers else []
    out = [*(("email", e) for e in emails), *(("email", a) for e in emails
                                              for a in alias_addresses(e)),
           *((web, u) for u in urls), *(("phone", n) for n in numbers)]
    written = {e.casefold() for e in emails}
    keys = {phone_key(n) for n in numbers}
    for kind, said in spelt_details(part):  # spelt out or obfuscated (R13-10)
        if said.casefold() not in written and (kind == "email" or phone_key(said) not in keys):
            out.append((kind, said))
            if kind == "email":
                out += [("email", a) for a in alias_addresses(said)]
    return out


def _without(text: str, found: list[str]) -> str:
    for said in found:
        text = text.replace(said, " ")
    return text


def other_host_form(detail: str) -> str:
    """The detail with its host in the other form an internationalised domain has:
    "bücher.example" as "xn--bcher-kva.example" and back (red team 7, M7: both
    reach the same mailbox and site); "" when there is none."""
    at = detail.rfind("@")
    head, host, tail = (detail[:at + 1], detail[at + 1:], "") if at >= 0 else \
        _split_host(detail)
    try:
        other = host.encode("idna").decode("ascii") if not host.isascii() else \
            host.encode("ascii").decode("idna") if "xn--" in host.lower() else host
    except (UnicodeError, ValueError):
        return ""
    return "" if other.casefold() == host.casefold() else head + other + tail


def _split_host(address: str) -> tuple[str, str, str]:
    """(scheme and slashes, host, the rest) of an address with or without a scheme."""
    m = re.match(r"((?:[a-z][a-z0-9+.-]*:)?//)?([^/?#\s]*)(.*)\Z", address, re.I | re.S)
    assert m is not None  # the pattern matches any text
    return m.group(1) or "", m.group(2), m.group(3)


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


MIN_HANDLE = 5
"""A profile's handle shorter than this is not looked for alone."""
_SCHEME = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_WWW = re.compile(r"^www\.", re.I)


RECORDING = "recording"
"""The kind of an interview's ``recording_file`` looked for as a contact detail:
a share link with its passcode plays the conversation to whoever has it, and a
path names a file that is never published (red team 15, R15-04)."""


def recording_pieces(value: str) -> list[str]:
    """What of a ``recording_file`` is looked for: the value as written, and a web
    address also without its query (the passcode) and fragment, as a profile's is."""
    value = value.strip()
    return list(dict.fromkeys(p for p in (value, _URL_TAIL.sub("", value).rstrip("/")) if p))


def is_web_address(value: str) -> bool:
    """Whether a field holds a web address (a scheme or ``//``) rather than a path."""
    return _SCHEME.match(value) is not None


def contact_needles(kind: str, value: str) -> Needles:
    """What finds one detail (one of :func:`contact_pieces`) however it is written:
    its words, and its contact skeleton (ivsite.contacts.skeleton) where it has one
    that cannot be prose. The audience filter's check and the audit both look
    for these (through ivsite.names.people.needle_of)."""
    if kind == "handle":
        return handle_needles(value)
    if kind.startswith(KEYED_KINDS):
        return keyed_needles(kind, value)
    seqs = [tuple(words(value))]
    if kind == "phone":
        return Needles(seqs, [], [], phone_key(value))
    if kind in ("linkedin", "url", RECORDING):
        return _address_needles(value)
    skel = address_skeleton(value) if kind == "email" else ""
    more, confirmed = mailbox_forms(value) if kind == "email" else ([], [])
    skels = [s for s in (skel, webmail_skeleton(value) if kind == "email" else "")
             if "@" in s and len(s) >= MIN_SKELETON]
    return Needles([*seqs, *more], [], skels, "", confirmed)


def profile_key(value: str) -> str:
    """What two spellings of one profile address share: host and path without the
    scheme, ``www.``, a trailing slash, query or fragment, case and percent-escapes
    ("https://www.linkedin.com/in/rsmithers/" and "linkedin.com/in/RSmithers" are
    one profile). Two notes giving one profile are about one person
    (ivsite.names.persons.people)."""
    bare = _WWW.sub("", _SCHEME.sub("", unquote(_URL_TAIL.sub("", value.strip()))))
    return bare.rstrip("/").casefold()


def _address_needles(value: str) -> Needles:
    """A profile or web address: without scheme and ``www.`` ("linkedin.com/in/x"
    for "https://www.linkedin.com/in/x"), as words and spoken ("janedoe dot dev");
    its handle (the last path segment) alone when it is one word or has digits
    (a handle of several words without is the person's name, which has rules of
    its own: consent), and after the site's name ("linkedin: janedoe"); and the
    skeleton of the handle with what stands before it ("in/jdzz9876", which
    "linkedin dot com slash in slash jd-zz-9876" holds)."""
    bare = _WWW.sub("", _SCHEME.sub("", value.strip())).rstrip("/")
    seqs = [tuple(words(bare))]
    host, _, path = bare.partition("/")
    if not path:
        return Needles([*seqs, tuple(words(bare.replace(".", " dot ")))], [], [], "")
    handle = words(bare.rsplit("/", 1)[-1])
    run = compact(handle)
    labels = words(host)
    if len(run) >= MIN_HANDLE:
        if len(handle) == 1 or any(ch.isdigit() for ch in run):
            seqs += [tuple(handle), (run,)]
        if labels:
            seqs.append((labels[-2] if len(labels) > 1 else labels[0], run))
    skel = address_skeleton("/".join(bare.rsplit("/", 2)[-2:]))
    return Needles(list(dict.fromkeys(seqs)), [],
                   [skel] if "/" in skel and len(skel) >= MIN_SKELETON else [], "")
