"""The mentor view's passphrase and what is derived from it: the page encrypter,
the locked page's attributes and the key that makes note addresses opaque."""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..mentor import share

Encryption = tuple[Callable[[str], str] | None, dict[str, str] | None, bytes | None]
"""(page encrypter, the locked page's attributes, the key for opaque URLs), or
three Nones when the mentor view is not encrypted (see :func:`encryption`)."""
PLAIN: Encryption = (None, None, None)


def read_passphrase(env: str, before: str, diags: Diagnostics) -> str:
    """The passphrase from the variable ``[share] passphrase_env`` names; ``""`` (an
    error) when it is not set, and a warning naming the variable when it is weak."""
    from ..mentor.crypto import weakness

    passphrase = os.environ.get(env, "")
    if not passphrase:
        diags.error("site.toml", 0, 0, "passphrase-missing",
                    f"[share] passphrase_env names {env}, which is not set",
                    f"export {env}=... before {before}, or remove passphrase_env to share "
                    "the mentor view unencrypted")
        return ""
    why = weakness(passphrase)
    if why:
        diags.warning("site.toml", 0, 0, "passphrase-weak",
                      f"the passphrase in {env} is weak: {why}; anyone with a page can "
                      "try guesses at it offline",
                      "use four or more random words, or a passphrase of 16 characters or more")
    return passphrase


def encryption(root: Path, passphrase: str) -> Encryption:
    """The page encrypter, the locked page's attributes, and the secret key for
    opaque URLs (derived from the page key, so URLs cannot be guessed from slugs)."""
    from ..mentor.crypto import derive_key, encrypt_text, envelope_attributes

    share.get_or_create_token(root)
    key = derive_key(passphrase, share.read_salt(root))

    def encrypt(text: str) -> str:
        return encrypt_text(key, text)

    url_key = hmac.new(key.key, b"ivsite opaque urls", hashlib.sha256).digest()
    return encrypt, envelope_attributes(key), url_key
