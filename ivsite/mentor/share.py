"""The mentor link: a random token kept in ``.ivsite/share.toml``.

The token is 128 random bits, URL-safe; the mentor view is written under
``<output>/share/<token>/``. Rotating makes a new token; the next build replaces
the whole output, so nothing is left under the old path.
"""

from __future__ import annotations

import base64
import os
import secrets
import tomllib
from pathlib import Path

STATE_DIR = ".ivsite"
SHARE_FILE = "share.toml"
INDEX_PATH = "share/index.html"
INDEX_PAGE = (
    b'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    b'<meta name="referrer" content="no-referrer">\n'
    b'<meta name="robots" content="noindex, nofollow">\n<title>Nothing here</title>\n'
    b"</head>\n<body>\n</body>\n</html>\n"
)
"""Written at ``share/index.html`` beside the mentor copy: a web server that lists
folders without an index would otherwise show the token to anyone who opens
``share/``. It names nothing."""


def _path(root: Path) -> Path:
    return root / STATE_DIR / SHARE_FILE


def _read(root: Path) -> dict[str, object]:
    path = _path(root)
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}


def read_token(root: Path) -> str | None:
    token = _read(root).get("token")
    return token if isinstance(token, str) and len(token) >= 22 else None


def read_salt(root: Path) -> bytes | None:
    """The key-derivation salt of the current token, so that a mentor's remembered
    key keeps working across rebuilds; it changes when the token does."""
    raw = _read(root).get("salt")
    if not isinstance(raw, str):
        return None
    try:
        salt = base64.b64decode(raw, validate=True)
    except ValueError:
        return None
    return salt if len(salt) == 16 else None


def new_token() -> str:
    return secrets.token_urlsafe(16)


def ensure_state_dir(root: Path) -> Path:
    state = root / STATE_DIR
    state.mkdir(exist_ok=True)
    ignore = state / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# ivsite's local state: never commit or publish it\n*\n", "utf-8")
    return state


def write_token(root: Path, token: str) -> None:
    ensure_state_dir(root)
    path = _path(root)
    salt = base64.b64encode(os.urandom(16)).decode("ascii")
    text = (
        "# The mentor link's secret path. Anyone with the link can read the mentor view.\n"
        f'token = "{token}"\n'
        "# Salt for the passphrase's key (public in every encrypted page).\n"
        f'salt = "{salt}"\n'
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    path.chmod(0o600)


def get_or_create_token(root: Path) -> str:
    token = read_token(root)
    if token is None or read_salt(root) is None:
        token = new_token()
        write_token(root, token)
    return token


def rotate(root: Path) -> str:
    token = new_token()
    write_token(root, token)
    return token
