"""Text that mail, contact and word-processor files encode: what the audit reads
of an attached ``.eml``, ``.mbox``, ``.mhtml``, ``.vcf``, ``.ics`` or ``.rtf``.

Read as bytes, such files hide their text from a search while every program that
opens them shows it (red team 9): a saved e-mail's base64 body and
``=?UTF-8?B?…?=`` subject (R9-28), a vCard's or a mail's quoted-printable
``Zo=C3=AB M=C3=BCller`` (R9-29), RTF's ``Zo\\'eb M\\'fcller`` (R9-27).
:func:`encoded_parts` gives each such reading as a file of its own, which
ivsite.readers.readable reads like any file (in the legacy encodings too):

- a MIME message (a mail, an mbox of them, a saved web page): every header as a
  mail program decodes it and every part's body decoded (base64,
  quoted-printable, uuencode), by the standard library's ``email``;
- a vCard, iCalendar or LDIF file: its folded lines joined;
- any text: its RFC 2047 encoded words, its quoted-printable, its percent
  escapes, and its base64 runs that decode to text (a vCard's
  ``ENCODING=BASE64``, a HAR file's bodies, a JSON field), each read decoded;
- RTF: its text with control words out, ``\\'xx`` bytes and ``\\uN`` letters
  decoded (ivsite.readers.rtftext).

Only a file that reads as text (no NUL byte at its start) is decoded, so a
picture or a recording is not searched for base64 it cannot hold as text.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import email
import email.errors
import email.policy
import itertools
import quopri
import re
from email.message import EmailMessage, Message
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote_to_bytes

from .rtftext import rtf_readings

if TYPE_CHECKING:
    from .packed import Budget, Part

_HEADERS = re.compile(rb"\A(?:From .*\r?\n)?(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+"
                      rb"\r?\n", re.I)
"""A header block at the start: ``Name: value`` lines (folded ones too), then a
blank line (an mbox's ``From `` line before it)."""
_MIME_NAMES = re.compile(rb"^(?:content-type|content-transfer-encoding|mime-version|subject|"
                         rb"from|to|date|message-id):", re.I | re.M)
_MBOX = re.compile(rb"^From [^\r\n]*\r?\n", re.M)
_FOLDED_KINDS = re.compile(rb"^BEGIN:V(?:CARD|CALENDAR)\b|^dn::? ", re.I | re.M)
"""vCards, iCalendar files and LDIF fold a long line (a name, a base64 photo) with
a line break and a space, which a reader takes out: "Jane D" / " oe" is "Jane Doe"."""
_FOLD = re.compile(rb"\r?\n[ \t]")
_ENCODED_WORD = re.compile(rb"=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=")
_QUOTED = re.compile(rb"=[0-9A-Fa-f]{2}|=\r?\n")
_SURELY_QUOTED = re.compile(rb"=\r?\n|(?:=[89A-Fa-f][0-9A-Fa-f]){2}|quoted-printable", re.I)
"""What only quoted-printable text holds: a soft line break, a letter outside
ASCII as two or more escaped bytes (``Zo=C3=AB``), or its name (a mail's or a
vCard's ``ENCODING=QUOTED-PRINTABLE``); asked of a file past :data:`_LARGE`,
where a copy of the whole file for a spreadsheet's ``=A1`` or a script's ``x=20``
would spend the read's budget and refuse the file."""
_LARGE = 1 << 20
_PERCENT = re.compile(rb"%[0-9A-Fa-f]{2}")
_BASE64 = re.compile(rb"(?:[A-Za-z0-9+/\-_]{4}(?:\r?\n)?){3,}(?:[A-Za-z0-9+/\-_]{2,3}={0,2})?")
"""A run of at least 12 base64 letters (a name of eight) (either alphabet), lines wrapped or not."""
_PRINTABLE = re.compile(r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def encoded_parts(path: PurePosixPath, data: bytes, budget: Budget) -> list[Part]:
    """The readings of ``data`` decoded, each a part named as the file is (so it
    is read as the same kind of file), or a mail part by its own name."""
    if b"\0" in data[:8192]:
        return []
    found: list[Part] = []
    if data.lstrip()[:5] == b"{\\rtf":
        found += [(path, r) for r in rtf_readings(data)]
    if _HEADERS.match(data) and _MIME_NAMES.search(data[:8192]):
        try:
            found += [p for message in _messages(data) for p in _mail_parts(path, message)]
        except (ValueError, LookupError, TypeError, IndexError, AttributeError,
                email.errors.MessageError):  # what the parser raises on a crafted mail
            budget.refuse("a mail that cannot be read")
    if _FOLDED_KINDS.search(data[:4096]):  # a long line folded (RFC 6350, 5545)
        found.append((path, _FOLD.sub(b"", data)))
    if _ENCODED_WORD.search(data):
        found.append((path, _ENCODED_WORD.sub(lambda m: _word(m.group(0)).encode(), data)))
    if _QUOTED.search(data) and (len(data) < _LARGE or _SURELY_QUOTED.search(data)):
        found.append((path, quopri.decodestring(data)))
    if _PERCENT.search(data):
        found.append((path, unquote_to_bytes(data)))
    decoded = [_base64(m.group(0)) for m in _BASE64.finditer(data)]
    if texts := [d for d, text in decoded if text]:
        found.append((path, b"\n".join(texts)))
    # Binary data (a vCard's photo, a file in a JSON field): read as a file, for the
    # text a picture or a document holds (an EXIF artist, a PDF's pages).
    found += [(PurePosixPath("decoded.bin"), d) for d, text in decoded
              if not text and len(d) >= _BINARY]
    parts: list[Part] = []
    for name, body in found:
        if len(body) > budget.left:
            budget.refuse(f"an encoded text larger than the {budget.limit >> 20} MB read of "
                          "one file")
            return parts
        budget.take(len(body))
        parts.append((name, body))
    return parts


def _messages(data: bytes) -> list[Message]:
    """The message, or each message of an mbox (``From `` lines between them)."""
    bounds = [0, *(m.start() for m in _MBOX.finditer(data) if m.start()), len(data)]
    return [email.message_from_bytes(data[a:b], policy=email.policy.default)
            for a, b in itertools.pairwise(bounds)]


def _mail_parts(path: PurePosixPath, message: Message) -> list[Part]:
    """A message's headers decoded (one part) and each part's body decoded."""
    parts: list[Part] = []
    for part in message.walk():
        headers = "\n".join(f"{k}: {_header(part, k)}" for k in part)
        parts.append((PurePosixPath("headers.txt"), headers.encode()))
        if part.is_multipart():
            continue
        try:
            body = part.get_payload(decode=True)
        except (ValueError, LookupError, binascii.Error):
            body = None
        if not isinstance(body, bytes):
            continue
        name = part.get_filename() if isinstance(part, EmailMessage) else None
        suffix = _SUFFIXES.get(part.get_content_type(), path.suffix or ".txt")
        parts.append((PurePosixPath(name or f"part{suffix}"), body))
        # A text part in its declared charset (ISO-2022-JP, UTF-7, UTF-16: none
        # of them a legacy reading ivsite.readers.readable tries on its own).
        if part.get_content_maintype() == "text" and (charset := part.get_content_charset()):
            with contextlib.suppress(LookupError):  # a charset Python does not know
                parts.append((PurePosixPath(f"part{suffix}"),
                              body.decode(charset, "replace").encode()))
    return parts


_SUFFIXES = {"text/html": ".html", "text/plain": ".txt", "application/pdf": ".pdf",
             "image/svg+xml": ".svg", "text/rtf": ".rtf", "application/rtf": ".rtf",
             "text/calendar": ".ics", "text/vcard": ".vcf", "text/x-vcard": ".vcf"}
"""A mail part is read as the kind of file its type says (an HTML body as markup)."""


def _header(part: Message, key: str) -> str:
    try:
        return str(part[key])
    except (ValueError, LookupError, TypeError, IndexError):  # a malformed header: as written
        return " ".join(map(str, part.get_all(key) or []))


def _word(word: bytes) -> str:
    """An RFC 2047 encoded word as a mail program shows it (as written if it does
    not decode)."""
    charset, kind, text = word[2:-2].split(b"?", 2)
    try:
        raw = base64.b64decode(text + b"=" * (-len(text) % 4)) if kind in b"Bb" else \
            quopri.decodestring(text.replace(b"_", b" "), header=True)
        return raw.decode(charset.split(b"*")[0].decode("ascii", "replace"), "replace")
    except (ValueError, LookupError, binascii.Error):
        return word.decode("latin-1")


_BINARY = 48
"""Bytes a base64 run must decode to, at least, to be read as a file when it is
not text: a shorter one is an identifier or a hash, and holds no document."""


def _base64(run: bytes) -> tuple[bytes, bool]:
    """A base64 run decoded, and whether that is text (UTF-8, nine in ten
    characters printable): where it decodes to text at one of the four places
    it may start at, that text; else what it decodes to from its start (a
    picture, a hash, an identifier read as letters: nothing)."""
    letters = re.sub(rb"\s", b"", run).rstrip(b"=")
    letters = letters.translate(bytes.maketrans(b"-_", b"+/"))
    first = b""
    for skip in range(4):  # the run may start inside the encoding's four letters
        chunk = letters[skip:]
        chunk = chunk[:-1] if len(chunk) % 4 == 1 else chunk
        try:
            raw = base64.b64decode(chunk + b"=" * (-len(chunk) % 4), validate=True)
        except (ValueError, binascii.Error):
            continue
        first = first or raw
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if text and len(_PRINTABLE.findall(text)) >= 0.9 * len(text):
            return raw, True
    return first, False
