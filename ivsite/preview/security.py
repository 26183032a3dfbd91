"""Which requests the preview answers: the paths it may serve and the hosts it
may be asked by.

The private view shows every private note, name and contact, so the server's
two doors are kept here, in one place that has no other job. A request path is
mapped to a file only when it stays inside the preview folder, whatever its
encoding or symbolic links. A request is answered only when its Host header
names the address the server listens on (on loopback, the run's own
``*.localhost`` name, see :func:`preview_name`): a page on another site that points a
name of its own at 127.0.0.1 (DNS rebinding) arrives with that name and is
refused. Whether an address other machines can reach may show the private view
is decided by the server (:mod:`ivsite.preview.server`), with
:func:`is_loopback`.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from pathlib import Path
from urllib.parse import unquote

from ..core.urlparts import split_url

__all__ = ["allowed_hosts", "host_allowed", "is_loopback", "resolve_request_path",
           "url_host"]


def resolve_request_path(folder: Path, raw: str) -> tuple[str, Path | None]:
    """Map a request target to a file under ``folder``.

    Returns ``("file", path)``, ``("redirect", None)`` for a folder asked for
    without its trailing slash, ``("missing", None)``, or ``("bad", None)`` for
    anything that tries to leave the folder: ``..`` (also percent-encoded, or with
    an encoded slash), backslashes, NUL bytes, absolute-form targets, and paths
    whose real location (after symbolic links) is outside it.
    """
    path = split_url(raw).path if raw.startswith("/") else ""
    if not path.startswith("/") or raw.startswith("//"):
        return "bad", None
    if "\\" in path or "\0" in path or "%5c" in path.lower() or "%00" in path:
        return "bad", None
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return "bad", None
    if "\\" in decoded or "\0" in decoded:
        return "bad", None
    parts = decoded.split("/")[1:]
    if any(p in ("..", ".") for p in parts):
        return "bad", None
    segments = [p for p in parts if p]
    top = folder.resolve()
    candidate = top.joinpath(*segments)
    try:
        real = candidate.resolve(strict=False)
    except (OSError, RuntimeError):
        return "bad", None
    if real != top and not real.is_relative_to(top):
        return "bad", None
    try:  # a name the system refuses (too long, ...) is a page that is not there
        return _found(top, real, decoded.endswith("/"))
    except OSError:
        return "missing", None


def _found(top: Path, real: Path, slash: bool) -> tuple[str, Path | None]:
    if real.is_dir():
        if not slash:
            return "redirect", None
        real = real / "index.html"
        if real.is_symlink() and not real.resolve().is_relative_to(top):
            return "bad", None
    if real.is_file():
        return "file", real
    return "missing", None


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or a name) is reachable from this machine only."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    addrs = {info[4][0] for info in infos}
    return bool(addrs) and all(ipaddress.ip_address(str(a).split("%")[0]).is_loopback
                               for a in addrs)


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def url_host(host: str) -> str:
    """``host`` as it is written in a URL (an IPv6 address in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def preview_name() -> str:
    """A host name of this run alone under ``localhost`` (``ivsite-3f…9a.localhost``,
    80 random bits), which browsers and curl resolve to the loopback address
    themselves (RFC 6761). A cookie set there goes to that name only: never to
    another server on 127.0.0.1, whatever its port (red team 4, J-cookie)."""
    return f"ivsite-{secrets.token_hex(10)}.localhost"


def allowed_hosts(host: str, port: int, name: str | None = None) -> set[str] | None:
    """Host header values (lower case) this server answers; ``None``: any IP literal.

    On loopback, only the run's own ``name`` (see :func:`preview_name`) with the
    port: the key's cookie is scoped to it, and a DNS-rebinding page or a request
    to 127.0.0.1 arrives with another name. Bound to another single address, only
    that address with the port is accepted. Bound to every address (0.0.0.0 or
    ::), IP literals, localhost and this machine's own names are: a DNS-rebinding
    page always arrives with a name that is none of these.
    """
    if _is_wildcard(host):
        return None
    names = {name.lower()} if name is not None else {url_host(host).lower()}
    out = {f"{n}:{port}" for n in names}
    if port == 80:
        out |= names
    return out


def host_allowed(header: str | None, allowed: set[str] | None, port: int) -> bool:
    """Whether a request with this Host header is answered (see allowed_hosts)."""
    if not header:
        return False
    value = header.strip().lower().rstrip(".")
    if allowed is not None:
        return value in allowed
    # Wildcard binding: an IP literal, localhost or this machine's name, on our port.
    name, sep, p = value.rpartition(":")
    if (value.startswith("[") and value.endswith("]")) or not sep or name.endswith(":"):
        name, p = value, "80"
    if p != str(port):
        return False
    bare = name.strip("[]")
    if bare in ("localhost", socket.gethostname().lower(), socket.getfqdn().lower()):
        return True
    try:
        ipaddress.ip_address(bare)
    except ValueError:
        return False
    return True
