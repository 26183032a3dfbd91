"""Passphrase encryption for the mentor view of an ivsite site.

Why this module exists: a site's mentor view may hold notes that must not be
readable by whoever finds the URL, yet the site is plain static files with no
server to check a password. So each mentor page's main content is encrypted at
build time and decrypted in the visitor's browser by
``themes/default/static/unlock.js`` with WebCrypto, after the visitor types the
passphrase. Nothing in the published files is readable without the key: the
page carries only the salt, the iteration count, a key-check envelope and the
encrypted content.

Scheme (the browser side must match it exactly):

* Key: PBKDF2-HMAC-SHA256 over the UTF-8 bytes of the NFC-normalised passphrase,
  a random 16-byte salt and at least :data:`ITERATIONS` (600,000) iterations,
  giving a 32-byte AES-256 key. One salt per build, shared by every page of that
  build, so the key that the browser remembers (sessionStorage, under
  ``"ivsite-key:" + base64(salt)``) opens every page of the build.
* Cipher: AES-256-GCM, a fresh random 12-byte nonce for every call, a 16-byte
  tag, optional associated data (the UTF-8 bytes of ``aad``; ``""`` means none).
* Envelope: ``base64(nonce || ciphertext || tag)`` with the standard alphabet
  and ``=`` padding (RFC 4648 section 4), no line breaks, no version prefix and
  no JSON. The first 12 decoded bytes are the nonce; the rest is exactly what
  WebCrypto's ``AES-GCM`` decrypt takes (ciphertext with the tag appended). The
  alphabet ``A-Z a-z 0-9 + / =`` needs no escaping in a quoted HTML attribute or
  in a ``<script type="application/octet-stream">`` element. A decoded envelope
  is at least 28 bytes (empty plaintext).
* Key check: :func:`key_check` encrypts the constant :data:`KEY_CHECK_PLAINTEXT`
  (no associated data). The browser decrypts it first, so a wrong passphrase
  ("That passphrase is not right.") is told apart from a damaged page.

Typical build use::

    key = derive_key(passphrase)                 # once per build: ~0.5 s
    attrs = envelope_attributes(key)             # data-salt, data-iterations, data-check
    cipher = encrypt_text(key, rendered_main_html)

and in the template::

    <div id="iv-locked" data-salt=".." data-iterations=".." data-check="..">
      <script type="application/octet-stream" id="iv-cipher">{{ cipher }}</script>
      <form id="iv-unlock">...</form>
    </div>

If a page is encrypted with a non-empty ``aad``, the same string must be put in
a ``data-aad`` attribute on ``#iv-locked`` so that the browser can pass it too.
"""

from __future__ import annotations

import base64
import binascii
import os
import unicodedata
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

__all__ = [
    "ITERATIONS",
    "KEY_BYTES",
    "KEY_CHECK_PLAINTEXT",
    "NONCE_BYTES",
    "SALT_BYTES",
    "TAG_BYTES",
    "DecryptionError",
    "PageKey",
    "decrypt_text",
    "derive_key",
    "encrypt_text",
    "envelope_attributes",
    "key_check",
]

#: PBKDF2-HMAC-SHA256 iterations; also the lowest count accepted.
ITERATIONS = 600_000
#: Length of the per-build PBKDF2 salt.
SALT_BYTES = 16
#: AES-256 key length.
KEY_BYTES = 32
#: AES-GCM nonce length; a fresh random nonce for every envelope.
NONCE_BYTES = 12
#: AES-GCM tag length (appended to the ciphertext).
TAG_BYTES = 16
#: The known text that :func:`key_check` encrypts.
KEY_CHECK_PLAINTEXT = "ivsite-key-check"


class DecryptionError(ValueError):
    """An envelope could not be decrypted: wrong key, wrong aad, or damaged data."""


@dataclass(frozen=True)
class PageKey:
    """A derived AES-256 key with the salt and iteration count that made it.

    The key bytes are left out of ``repr`` so that the key never lands in a log.
    """

    salt: bytes
    iterations: int
    key: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.salt) != SALT_BYTES:
            raise ValueError(f"salt must be {SALT_BYTES} bytes, got {len(self.salt)}")
        if self.iterations < ITERATIONS:
            raise ValueError(f"iterations must be at least {ITERATIONS}, got {self.iterations}")
        if len(self.key) != KEY_BYTES:
            raise ValueError(f"key must be {KEY_BYTES} bytes, got {len(self.key)}")


def _b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _aad_bytes(aad: str) -> bytes | None:
    return aad.encode("utf-8") if aad else None


MIN_PASSPHRASE_CHARS = 12
COMMON_PASSPHRASES = frozenset({
    "password", "passphrase", "password1", "password123", "password1234", "passw0rd",
    "123456789012", "1234567890123", "qwertyuiop", "qwertyuiopasdf", "qwerty123456",
    "letmein", "letmeinplease", "iloveyou", "iloveyouforever", "trustno1", "changeme",
    "changemenow", "welcome123", "welcometothejungle", "correcthorsebatterystaple",
    "opensesame", "mentorpassword", "mentorpassphrase", "sharepassphrase",
    "thisismypassword", "thisismypassphrase", "mysecretpassword", "supersecret",
    "supersecretpassword", "secretpassphrase", "administrator", "abcdefghijkl",
    "abc123abc123", "aaaaaaaaaaaa", "testtesttest", "passwordpassword",
})
"""A few passphrases (lower case, letters and digits only) that are guessed first."""


def weakness(passphrase: str) -> str:
    """Why ``passphrase`` is easy to guess, or ``""``. Every encrypted page carries
    its salt and key check, so anyone may try guesses offline: a short or common
    passphrase falls in minutes whatever the iteration count."""
    text = unicodedata.normalize("NFC", passphrase).strip()
    if len(set(text)) <= 1:
        return "it is one character repeated"
    if len(text) < MIN_PASSPHRASE_CHARS:
        return f"it is shorter than {MIN_PASSPHRASE_CHARS} characters"
    if "".join(ch for ch in text.casefold() if ch.isalnum()) in COMMON_PASSPHRASES:
        return "it is one of the first passphrases anyone would try"
    return ""


def derive_key(passphrase: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> PageKey:
    """Derive the page key from ``passphrase`` with PBKDF2-HMAC-SHA256.

    ``salt`` is 16 random bytes from :func:`os.urandom` when not given; pass the
    salt of an earlier build to derive the same key again. The passphrase is
    NFC-normalised before it is UTF-8 encoded (the browser does the same), so
    the same visible passphrase gives the same key however it was typed.

    Raises :class:`ValueError` for an empty passphrase, a salt that is not 16
    bytes, or fewer than :data:`ITERATIONS` iterations.
    """
    if not passphrase:
        raise ValueError("the passphrase must not be empty")
    if iterations < ITERATIONS:
        raise ValueError(f"iterations must be at least {ITERATIONS}, got {iterations}")
    if salt is None:
        salt = os.urandom(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        raise ValueError(f"salt must be {SALT_BYTES} bytes, got {len(salt)}")
    kdf = PBKDF2HMAC(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=salt,
        iterations=iterations,
    )
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return PageKey(salt=salt, iterations=iterations, key=kdf.derive(secret))


def encrypt_text(key: PageKey, plaintext: str, aad: str = "") -> str:
    """Encrypt ``plaintext`` with AES-256-GCM and return the envelope.

    The envelope is ``base64(nonce || ciphertext || tag)`` (see the module
    docstring) with a fresh random 12-byte nonce, so two calls never give the
    same envelope. ``aad`` is authenticated but not encrypted; the same string
    must be given to decrypt.
    """
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(key.key).encrypt(nonce, plaintext.encode("utf-8"), _aad_bytes(aad))
    return _b64encode(nonce + sealed)


def decrypt_text(key: PageKey, envelope: str, aad: str = "") -> str:
    """Decrypt an envelope made by :func:`encrypt_text` (for tests and audits).

    Whitespace in ``envelope`` is ignored, as the browser ignores it. Raises
    :class:`DecryptionError` if the envelope is not valid base64, is too short,
    was made with another key or ``aad``, or was altered.
    """
    try:
        data = base64.b64decode("".join(envelope.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise DecryptionError("the envelope is not valid base64") from exc
    if len(data) < NONCE_BYTES + TAG_BYTES:
        raise DecryptionError("the envelope is too short")
    nonce, sealed = data[:NONCE_BYTES], data[NONCE_BYTES:]
    try:
        plain = AESGCM(key.key).decrypt(nonce, sealed, _aad_bytes(aad))
    except InvalidTag as exc:
        raise DecryptionError("wrong key or aad, or the envelope was altered") from exc
    try:
        return plain.decode("utf-8")
    except UnicodeDecodeError as exc:  # pragma: no cover - only our own encryptor writes these
        raise DecryptionError("the decrypted text is not UTF-8") from exc


def key_check(key: PageKey) -> str:
    """Return an envelope of :data:`KEY_CHECK_PLAINTEXT` under ``key`` (no aad).

    The browser decrypts it before the page: if it fails, the passphrase is
    wrong; if it works and the page still fails, the page is damaged.
    """
    return encrypt_text(key, KEY_CHECK_PLAINTEXT)


def envelope_attributes(key: PageKey) -> dict[str, str]:
    """Return the data attributes that ``#iv-locked`` carries, never the key.

    Keys are full attribute names: ``data-salt`` (base64 of the 16-byte salt),
    ``data-iterations`` (decimal) and ``data-check`` (a :func:`key_check`
    envelope). Every value is base64 or digits, so it needs no HTML escaping,
    though escaping it does no harm.
    """
    return {
        "data-salt": _b64encode(key.salt),
        "data-iterations": str(key.iterations),
        "data-check": key_check(key),
    }
