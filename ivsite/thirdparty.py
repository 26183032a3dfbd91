"""Scripts from other hosts in a note's raw HTML, which the mentor's copy leaves out.

A public note may embed a script from another host (a Gist, a widget: see the
README). On the public site it runs with what the public may read. The mentor
share (``share/<token>/``, unencrypted) is served from the same origin as pages
the public does not see, so there the script could fetch every mentor page and
send it away (red team 4, J1). The mentor's copy of a note therefore shows a
short note in the script's place; scripts from the site's own host stay. The
private preview is kept safe by its Content-Security-Policy instead
(ivsite.preview.http).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .rawhtml import tags

_SCRIPT_ADDRESS = ("src", "href", "xlink:href")
"""Where a ``<script>`` (HTML's, or SVG's) names the file it runs."""


def foreign_scripts(content: str, own_host: str) -> list[str]:
    """The hosts of the scripts in raw HTML (an ``<iframe srcdoc>`` document's too:
    it runs with the page's origin) that are not the site's own ``own_host``."""
    out: list[str] = []
    for tag in tags(content):
        if tag.name != "script" or tag.closing:
            continue
        for attr in _SCRIPT_ADDRESS:
            value = tag.get(attr)
            host = _host(value) if value is not None else None
            if host is not None and host != own_host:
                out.append(host)
    return out


def _host(address: str) -> str | None:
    """Another host an address leads to (None for one on this site: relative or
    root-relative)."""
    address = "".join(address.split())
    try:
        parts = urlsplit(address)
    except ValueError:  # an unclosed '[': no address a browser could fetch either
        return "an address that cannot be read"
    if parts.netloc:
        return (parts.hostname or parts.netloc).casefold()
    return parts.scheme.casefold() + ":" if parts.scheme else None


def left_out(hosts: list[str], inline: bool) -> str:
    """What the mentor's copy shows in place of raw HTML with other hosts' scripts."""
    what = ", ".join(dict.fromkeys(hosts))
    tag = "span" if inline else "p"
    return (f'<{tag} class="embed-left-out">An embedded script from {_escape(what)}, '
            f"left out of the mentor's copy.</{tag}>" + ("" if inline else "\n"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
