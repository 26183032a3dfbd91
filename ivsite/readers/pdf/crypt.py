"""An encrypted PDF decrypted as a viewer decrypts it, so the audit reads what it shows.

A PDF with an owner password only ("restrict printing and copying", which Word,
Acrobat and many scanners set) opens in every viewer without a prompt: its user
password is empty. Yet its strings and streams are RC4- or AES-encrypted with a
key derived from that empty password, so the audit read ciphertext and published
the name on the page, the ``/Author`` and the ``/Subject`` (red team 10, R10-10).

:func:`decrypted` gives such a file back with every string and stream decrypted
(the standard security handler, PDF 32000-1 7.6.3 and ISO 32000-2: RC4 40 to 128
bit, AES-128 and AES-256, revisions 2 to 6, with the empty user password), which
ivsite.readers.packed then reads as any PDF. A file that does not open with the empty
password (a user password: a viewer asks for it), or is encrypted by another
handler (a certificate, ``/Adobe.PubSec``), is refused (``Budget.refuse``), never
published unread.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from .filters import Unread, balanced, unescaped
from .fonts import STRING, raw_string
from .objects import walk

if TYPE_CHECKING:
    from ..packed import Budget

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_STREAM_DATA = re.compile(rb"stream\r?\n.*?endstream", re.S)
_ENCRYPT = re.compile(rb"/Encrypt\s*(?:(\d+)\s+(\d+)\s+R|(<<))")
_ID = re.compile(rb"/ID\s*\[\s*(" + STRING.pattern + rb")", re.S)


class _Handler:
    """The keys and ciphers of one file's standard security handler."""

    def __init__(self, dictionary: bytes, first_id: bytes) -> None:
        if not re.search(rb"/Filter\s*/Standard\b", dictionary):
            raise Unread("a security handler other than the standard one")
        top = _top(dictionary)
        self.version = _number(top, b"V", 0)
        self.revision = _number(top, b"R", 0)
        self.metadata = not re.search(rb"/EncryptMetadata\s+false", dictionary)
        owner, user = _string(dictionary, b"O"), _string(dictionary, b"U")
        if self.revision >= 5:
            self.key = _key_aes256(self.revision, user, _string(dictionary, b"UE"))
            self.streams = self.strings = b"AESV3"
        elif self.revision in (2, 3, 4):
            length = 5 if self.revision == 2 else \
                _number(top, b"Length", 128 if self.version == 4 else 40) // 8
            self.key = _key_rc4(self.revision, min(16, max(5, length)), owner, user,
                                _number(top, b"P", 0), first_id, self.metadata)
            self.streams = self.strings = b"V2"
            if self.version == 4:
                self.streams = _method(dictionary, b"StmF")
                self.strings = _method(dictionary, b"StrF")
        else:
            raise Unread(f"security handler revision {self.revision}")

    def decrypt(self, method: bytes, number: int, generation: int, data: bytes) -> bytes:
        if method == b"None":
            return data
        if method == b"AESV3":
            return _aes(self.key, data)
        aes = method == b"AESV2"
        key = hashlib.md5(self.key + number.to_bytes(3, "little")
                          + generation.to_bytes(2, "little") + (b"sAlT" if aes else b"")
                          ).digest()[:min(len(self.key) + 5, 16)]
        return _aes(key, data) if aes else _rc4(key, data)


def decrypted(data: bytes, budget: Budget) -> bytes:
    """``data`` with its strings and streams decrypted (``data`` itself when it is
    not encrypted); a file the audit cannot decrypt refuses in ``budget``."""
    syntax = unescaped(_STREAM_DATA.sub(b" ", data))
    if _ENCRYPT.search(syntax) is None:
        return data
    try:
        # A viewer reads the last trailer (or cross-reference stream): whether the
        # file is encrypted is its word. One whose trailers disagree is refused
        # (decrypting a plain file would read noise where the viewer shows text).
        trailers = _trailers(syntax) or [syntax]
        said = [_ENCRYPT.search(t) for t in trailers]
        if not said[-1]:
            if any(said):
                raise Unread("its trailers disagree on whether it is encrypted")
            return data
        last, encrypt = trailers[-1], said[-1]
        if encrypt.group(3):
            dictionary, skip = balanced(last[encrypt.start(3):], b"<<", b">>"), -1
        else:
            skip = int(encrypt.group(1))
            found = re.search(rb"(?<!\d)%d\s+\d+\s+obj\b(.*?)endobj" % skip, syntax, re.S)
            if found is None:
                raise Unread("its /Encrypt dictionary not found")
            dictionary = found.group(1)
        first_id = raw_string(m) if (m := _ID.search(last) or _ID.search(syntax)) and (
            m := STRING.match(m.group(1))) else b""
        return _decrypted_objects(data, _Handler(dictionary, first_id), skip)
    except Unread as why:
        budget.refuse(f"an encrypted PDF the audit cannot decrypt ({why})")
        return data


_TRAILER = re.compile(rb"\btrailer\s*(?=<<)|/Type\s*/XRef\b")


def _trailers(syntax: bytes) -> list[bytes]:
    """The file's trailer dictionaries in order: after ``trailer``, or a
    cross-reference stream's dictionary."""
    out: list[bytes] = []
    for m in _TRAILER.finditer(syntax):
        start = m.end() if m.group(0).startswith(b"trailer") else \
            syntax.find(b"<<", syntax.rfind(b"obj", 0, m.start()))
        if start >= 0:
            try:
                out.append(balanced(syntax[start:], b"<<", b">>"))
            except Unread:
                out.append(syntax[start:])
    return out


# The key: PDF 32000-1 7.6.3.3 (algorithms 2 and 4 to 6) and ISO 32000-2 7.6.4.3.
def _key_rc4(revision: int, length: int, owner: bytes, user: bytes, permissions: int,
             first_id: bytes, metadata: bool) -> bytes:
    digest = hashlib.md5(_PAD + owner[:32] + (permissions & 0xFFFFFFFF).to_bytes(4, "little")
                         + first_id + (b"" if metadata or revision < 4 else b"\xff" * 4)).digest()
    if revision >= 3:
        for _ in range(50):
            digest = hashlib.md5(digest[:length]).digest()
    key = digest[:length]
    if revision == 2:
        check, expected = _rc4(key, _PAD), user[:32]
    else:
        check = _rc4(key, hashlib.md5(_PAD + first_id).digest())
        for i in range(1, 20):
            check = _rc4(bytes(b ^ i for b in key), check)
        expected = user[:16]
    if check != expected:
        raise Unread("it opens only with a password")
    return key


def _key_aes256(revision: int, user: bytes, user_key: bytes) -> bytes:
    if len(user) < 48 or len(user_key) < 32:
        raise Unread("an AES-256 /U or /UE of the wrong length")
    if _hash(revision, user[32:40]) != user[:32]:
        raise Unread("it opens only with a password")
    intermediate = _hash(revision, user[40:48])
    cipher = Cipher(algorithms.AES(intermediate), modes.CBC(bytes(16))).decryptor()
    return cipher.update(user_key[:32]) + cipher.finalize()


def _hash(revision: int, salt: bytes) -> bytes:
    """The hash of the empty password (ISO 32000-2, algorithm 2.B; revision 5: SHA-256)."""
    k = hashlib.sha256(salt).digest()
    if revision == 5:
        return k
    rounds, e = 0, b""
    while rounds < 64 or e[-1] > rounds - 32:
        encryptor = Cipher(algorithms.AES(k[:16]), modes.CBC(k[16:32])).encryptor()
        e = encryptor.update(k * 64) + encryptor.finalize()
        k = (hashlib.sha256, hashlib.sha384, hashlib.sha512)[
            int.from_bytes(e[:16], "big") % 3](e).digest()
        rounds += 1
    return k[:32]


def _method(dictionary: bytes, key: bytes) -> bytes:
    """The cipher a V4 handler's crypt filter (``/StmF``, ``/StrF``) names."""
    name = re.search(rb"/" + key + rb"\s*/([^\s/<>\[\]()%]+)", dictionary)
    if name is None or name.group(1) == b"Identity":
        return b"None"
    filters = re.search(rb"/" + re.escape(name.group(1)) + rb"\s*<<(.*?)>>", dictionary, re.S)
    method = re.search(rb"/CFM\s*/(\w+)", filters.group(1)) if filters else None
    if method is None or method.group(1) not in (b"None", b"V2", b"AESV2", b"AESV3"):
        raise Unread("a crypt filter it does not name a known cipher of")
    return method.group(1)


def _top(dictionary: bytes) -> bytes:
    """A dictionary's own entries, those of the dictionaries inside it left out
    (a crypt filter's ``/Length`` is in bytes, the handler's in bits)."""
    inner = re.sub(rb"<([0-9A-Fa-f\s]*)>", b"()", dictionary.strip().removeprefix(b"<<"))
    while (nested := re.sub(rb"<<[^<>]*>>", b" ", inner)) != inner:
        inner = nested
    return inner


def _number(dictionary: bytes, key: bytes, default: int) -> int:
    m = re.search(rb"/" + key + rb"\s+(-?\d+)(?!\s+\d+\s+R)", dictionary)
    return int(m.group(1)) if m else default


def _string(dictionary: bytes, key: bytes) -> bytes:
    m = re.search(rb"/" + key + rb"\s*(" + STRING.pattern + rb")", dictionary, re.S)
    if m is None or (s := STRING.match(m.group(1))) is None:
        raise Unread(f"no /{key.decode()} in its /Encrypt dictionary")
    return raw_string(s)


def _rc4(key: bytes, data: bytes) -> bytes:
    return Cipher(ARC4(key), mode=None).decryptor().update(data)


def _aes(key: bytes, data: bytes) -> bytes:
    """AES-CBC with the IV first; the padding taken off where it is padding."""
    body = data[16:len(data) - (len(data) - 16) % 16] if len(data) >= 32 else b""
    if not body:
        return b""
    decryptor = Cipher(algorithms.AES(key), modes.CBC(data[:16])).decryptor()
    plain = decryptor.update(body) + decryptor.finalize()
    pad = plain[-1]
    return plain[:-pad] if 1 <= pad <= 16 and plain.endswith(bytes([pad]) * pad) else plain


# Each object's strings and stream, decrypted with its own key.
_UNENCRYPTED = re.compile(rb"/Type\s*/XRef\b")


def _decrypted_objects(data: bytes, handler: _Handler, skip: int) -> bytes:
    out: list[bytes] = []
    at = 0
    plain: dict[int, bool] = {}  # an object not encrypted (by where its syntax starts)
    for token in walk(data):
        out.append(data[at:token.start])
        at = token.end
        if token.head not in plain:
            ends = [e for e in (data.find(b"stream", token.head), data.find(b"endobj", token.head))
                    if e >= 0]
            plain[token.head] = token.number == skip or _UNENCRYPTED.search(
                unescaped(data[token.head:min(ends, default=len(data))])) is not None
        body = data[token.start:token.end]
        if token.kind == "stream":
            dictionary = unescaped(data[token.head:token.keyword])
            # Not encrypted: the cross-reference stream, metadata the handler leaves
            # plain, and a stream with its own crypt filter (ivsite.readers.pdf.filters reads it).
            if not (plain[token.head] or re.search(rb"/Crypt\b", dictionary) or (
                    not handler.metadata and re.search(rb"/Type\s*/Metadata\b", dictionary))):
                body = handler.decrypt(handler.streams, token.number, token.generation, body)
            out.append(body)
            continue
        s = STRING.fullmatch(body)
        if plain[token.head] or s is None:
            out.append(body)
        else:
            text = handler.decrypt(handler.strings, token.number, token.generation, raw_string(s))
            out.append(b"<" + text.hex().encode() + b">")
    out.append(data[at:])
    return b"".join(out)
