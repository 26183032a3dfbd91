"""Who may read the preview: whoever holds the key printed in the terminal.

The loopback address keeps other machines out, not other accounts on this one: on
a shared machine (a lab server, a family computer, a CI runner) any user can
connect to 127.0.0.1 and, without a key, read the private view, every private
note, name and contact. So each preview makes a random key, prints it in its
address (``http://ivsite-3f…9a.localhost:8000/?key=…``, as Jupyter does), and answers a
request only when it carries the key: in the address once, which the preview
trades for an HttpOnly, SameSite=Strict cookie (with a page that moves on to the
same address without the key, so it stays out of the address bar), or in that
cookie afterwards. Everything else, the reload stream included, is 403.
``--open`` hands the browser a file holding the address, not the address itself:
a program's arguments can be read by every user of the machine.

A cookie is kept per host, not per port, and SameSite counts every port of one
host as the same site: set on 127.0.0.1, the key went with every request to any
server on 127.0.0.1 (another account's dev server or Jupyter, or an image from one
in a previewed note), which could then read the private view (red team 4,
J-cookie). So on loopback the preview is opened at a host name of its run alone,
``http://ivsite-<random>.localhost:<port>/`` (ivsite.preview.security): browsers
and curl resolve any ``*.localhost`` name to loopback themselves, and a cookie set
there without a ``Domain`` goes to that name only. Another server would receive
it only at that very name, which it cannot learn: the preview is answered only at
that name (the Host check, which also stops DNS rebinding) and sends no
``Referer`` to other sites. A key in every path would do it too, but every link a
page makes from the site's root would lose it. On an address other machines can
reach (``--host``) the name is that address: there the cookie reaches the other
servers on it, one more reason that serving anything but the public view there
needs ``--allow-remote-private``.
"""

from __future__ import annotations

import hmac
import secrets
import tempfile
from html import escape
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from ..core.urlparts import split_url

__all__ = ["KEY_PARAM", "Access", "entry_page", "launcher", "new_key"]

KEY_PARAM = "key"


def new_key() -> str:
    """A fresh key: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


class Access:
    """The key of one preview, and the cookie that stands for it on one port (cookies
    are kept per host, not per port: two previews must not overwrite each other's)."""

    def __init__(self, key: str, port: int) -> None:
        self.key = key
        self.cookie_name = f"ivsite-preview-{port}"

    def cookie_ok(self, header: str | None) -> bool:
        """Whether a ``Cookie`` header carries this preview's key."""
        for part in (header or "").split(";"):
            name, sep, value = part.strip().partition("=")
            if sep and name == self.cookie_name and self._same(value):
                return True
        return False

    def key_in(self, target: str) -> str | None:
        """For a request target carrying the right ``?key=``: the same target without
        it (where the entry page moves on to); otherwise None."""
        parts = split_url(target)
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        given = [v for k, v in pairs if k == KEY_PARAM]
        if not given or not all(self._same(v) for v in given):
            return None
        rest = urlencode([(k, v) for k, v in pairs if k != KEY_PARAM])
        path = parts.path
        if not path.startswith("/") or path.startswith("//") or "\\" in path:
            path = "/"  # never a way to another site (``//host``, ``/\\host``)
        return path + (f"?{rest}" if rest else "")

    def set_cookie(self) -> str:
        """The ``Set-Cookie`` value that lets this browser in until it closes."""
        return f"{self.cookie_name}={self.key}; Path=/; HttpOnly; SameSite=Strict"

    def _same(self, value: str) -> bool:
        return hmac.compare_digest(value.encode("utf-8", "replace"),
                                   self.key.encode("utf-8"))


def entry_page(target: str) -> bytes:
    """The answer to the address with the key: it sets the cookie and moves on to
    ``target``. Not an HTTP redirect: after a navigation from another site (the
    :func:`launcher` file, a link in a mail client) a browser does not send a
    SameSite=Strict cookie along a redirect, but does for this page's own move."""
    href = escape(target)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0;url={href}"><title>ivsite preview</title>'
            f'</head><body><p><a href="{href}">Open the preview</a></p></body></html>'
            ).encode()


def launcher(url: str) -> Path:
    """A page, readable by this user only, that sends the browser on to ``url``: the
    browser is started with this file's name, so the key is in no process list. The
    caller removes its folder (``path.parent``) when the preview stops."""
    folder = Path(tempfile.mkdtemp(prefix="ivsite-open-"))
    page = folder / "open.html"
    page.write_text(f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" '
                    f'content="0;url={escape(url)}"><title>ivsite preview</title>'
                    f'<a href="{escape(url)}">Open the preview</a>', "utf-8")
    return page
