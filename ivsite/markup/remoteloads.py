"""What a page would load from another host on every visit (red team 6, L7).

A built page promises to make no request to another host: a picture, a frame, a
style sheet or a font fetched from elsewhere tells that host who reads the page
and when. Raw HTML is read here as a browser reads it (entities decoded by
ivsite.markup.rawhtml, the pages of ``<iframe srcdoc>`` too): each attribute that loads
something when the page is shown (``src``, ``srcset``, ``poster``, ``data``, a
loading ``<link>``'s ``href``, ``background``, SVG's ``href``) and each CSS
``url()``, ``image-set()`` and ``@import`` in a ``style`` attribute or a
``<style>`` element. An address on another host (``https://…``, ``//host/…``,
``http:host/…``, backslashes read as slashes) counts; the site's own host
(``base_url``'s) does not. A ``<script src>`` from another host counts too (a
widget's request, and its code running with the page's origin); links
(``<a href>``) load nothing.

Red team 7 (M3, M4) added what else makes a request with no choice of the
reader's: a ``<meta http-equiv="refresh">`` to another host (read as a browser
reads its content: delay, ``;`` or ``,``, an optional ``url=``, quotes), an
``<a ping>``/``<area ping>`` (a request on click of an on-site link), SVG
animation (``<animate>``, ``<set>`` …) whose ``values``/``to``/``from``/``by``
hold an address or a ``url()``, and the SVG presentation attributes that take a
CSS ``url()`` (``fill``, ``mask``, ``filter``, ``marker-end`` …).

The filter refuses these in a note (validate, ``remote-resource``), and turns a
Markdown picture from another host into a link to it (ivsite.audience.viewbody, with a
``remote-image`` warning); the audit refuses them in every page and style sheet
written (ivsite.audit.markupchecks), whatever made it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from markdown_it.token import Token

from ..core.diagnostics import Diagnostics
from ..core.urlparts import browser_url
from ..markdown.dialect import with_lines
from ..markdown.passages import Cut
from .rawhtml import Tag, tags

_LOADS: dict[str, tuple[str, ...]] = {
    "img": ("src", "srcset", "lowsrc", "dynsrc"), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
    "input": ("src",), "image": ("href", "xlink:href", "src"),
    "feimage": ("href", "xlink:href"), "use": ("href", "xlink:href"),
    "script": ("src", "href", "xlink:href"),
}
"""Per element, the attributes whose address is fetched when the page is shown."""
_ANYWHERE = ("background",)
"""Attributes that load a picture on any element (``<body background>``, ``<td>``)."""
_PRESENTATION = ("fill", "stroke", "mask", "clip-path", "filter", "marker-start",
                 "marker-mid", "marker-end", "marker", "cursor")
"""SVG presentation attributes whose CSS ``url()`` the browser fetches."""
_ANIMATIONS = frozenset({"animate", "set", "animatemotion", "animatecolor",
                         "animatetransform"})
_ANIMATED = ("values", "to", "from", "by")
"""An SVG animation's attributes: each a list (``;``) of values it sets, any of
which may be an address (``attributeName="href"``) or a ``url()``."""
_PINGS = frozenset({"a", "area"})
_READ = frozenset({*(n for names in _LOADS.values() for n in names), *_ANYWHERE,
                   *_PRESENTATION, *_ANIMATED, "href", "style", "ping", "http-equiv",
                   "content", "srcdoc"})
"""Every attribute read below: a tag with none of them loads nothing (most of a
page's tags; reading each for each name was most of the audit of a page's code)."""
_REFRESH = re.compile(r"""[\s\d.]*[;,]?\s*(?:url\s*=\s*)?(?:"([^"]*)|'([^']*)|(.*))""",
                      re.I | re.S)
"""A refresh's content as browsers parse it: the delay, then the address."""
_NAVIGATION_RELS = frozenset({
    "alternate", "author", "bookmark", "canonical", "external", "help", "license", "me",
    "next", "nofollow", "noopener", "noreferrer", "prev", "search", "tag", "self",
    "related", "via", "up", "first", "last",
})
"""``<link rel>`` values that only name another page; any other (``stylesheet``,
``icon``, ``preload``, ``preconnect`` …) makes the browser fetch or connect.
(``self``, ``related``, ``via`` … are a feed's.)"""
_FETCHING = frozenset({"http", "https", "ftp", "ws", "wss"})
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)(?:</style\s*>|\Z)", re.I | re.S)
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.S)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_CSS_IMAGE_SET = re.compile(r"image-set\(([^)]*)\)", re.I)
_QUOTED = re.compile(r""""([^"]*)"|'([^']*)'""")


def own_host(base_url: str) -> str:
    """The site's own host (lower case, no port), or "" without a base_url."""
    try:
        return (urlsplit(base_url.strip()).hostname or "").rstrip(".")
    except ValueError:
        return ""


def remote_host(address: str, own: str) -> str | None:
    """The other host an address loads from as a browser reads it, or None (this
    site, a relative address, ``data:``). ``http:host/x`` and ``http:/host`` reach
    the host too (a special scheme's slashes are optional), and so does
    ``//host/x`` (protocol-relative)."""
    a = browser_url(address)  # as the URL parser reads it (ivsite.core.urlparts)
    m = _SCHEME.match(a)
    if m is not None:
        if m.group(1).lower() not in _FETCHING:
            return None
        rest = a[m.end():].lstrip("/")
    elif a.startswith("//"):
        rest = a.lstrip("/")
    else:
        return None
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0].rpartition("@")[2]
    host = (authority.partition("]")[0] + "]" if authority.startswith("[")
            else authority.partition(":")[0]).lower().rstrip(".")
    return None if own and host.strip("[]") == own else (host or "(no host)")


def css_addresses(css: str) -> Iterator[str]:
    """Every address a piece of CSS fetches: ``url()``, ``@import`` and
    ``image-set()`` strings, comments cut and escapes read as CSS reads them."""
    css = _CSS_ESCAPE.sub(lambda m: chr(min(int(m.group(1), 16), 0x10FFFF) or 0xFFFD)
                          if m.group(1) else m.group(2), _CSS_COMMENT.sub(" ", css))
    for pattern in (_CSS_URL, _CSS_IMPORT):
        for m in pattern.finditer(css):
            yield next(g for g in m.groups() if g is not None)
    for m in _CSS_IMAGE_SET.finditer(css):
        yield from (q.group(1) if q.group(1) is not None else q.group(2)
                    for q in _QUOTED.finditer(m.group(1)))


def remote_loads(content: str, own: str, walked: Iterable[Tag] | None = None) -> Iterator[str]:
    """What in a piece of raw HTML (or a whole page) loads from another host when
    the page is shown: each a phrase for a diagnostic or the audit's report
    (``walked``: its tags, where already read)."""
    for css in _STYLE.findall(content):
        yield from _css_loads(css, "a <style> element", own)
    for tag in tags(content) if walked is None else walked:
        if tag.closing or not any(name in _READ for name, _ in tag.attrs):
            continue
        names = [*_LOADS.get(tag.name, ()), *_ANYWHERE]
        if tag.name == "link" and not set((tag.get("rel") or "").lower().split()) \
                <= _NAVIGATION_RELS:
            names.append("href")
        for name in names:
            value = tag.get(name)
            if value is None:
                continue
            pieces = [p.strip().split(" ")[0] for p in value.split(",")] \
                if name.endswith("srcset") else [value]
            for piece in pieces:
                if (host := remote_host(piece, own)) is not None:
                    yield f"the '{name}' of <{tag.name}> loads {host}"
        if (style := tag.get("style")) is not None:
            yield from _css_loads(style, f"the 'style' of <{tag.name}>", own)
        yield from _requests(tag, own)
        if tag.name == "iframe" and (doc := tag.get("srcdoc")):
            for css in _STYLE.findall(doc):
                yield from _css_loads(css, "a <style> in a frame's page", own)


def _requests(tag: Tag, own: str) -> Iterator[str]:
    """A tag's refresh, pings, SVG animation values and presentation ``url()``s
    that reach another host (red team 7, M3 and M4)."""
    if tag.name == "meta" and (tag.get("http-equiv") or "").strip().lower() == "refresh":
        m = _REFRESH.match(tag.get("content") or "")
        address = next((g for g in m.groups() if g is not None), "") if m else ""
        if (host := remote_host(address.strip(), own)) is not None:
            yield f"a <meta> refresh sends the visitor to {host} (url {address!r})"
    if tag.name in _PINGS:
        for address in (tag.get("ping") or "").split():
            if (host := remote_host(address, own)) is not None:
                yield f"the 'ping' of <{tag.name}> calls {host} on a click"
    if tag.name in _ANIMATIONS:
        for name in _ANIMATED:
            for piece in (tag.get(name) or "").split(";"):
                if (host := remote_host(piece.strip(), own)) is not None:
                    yield f"the '{name}' of <{tag.name}> loads {host}"
                yield from _css_loads(piece, f"the '{name}' of <{tag.name}>", own)
    for name in _PRESENTATION:
        if (value := tag.get(name)) is not None:
            yield from _css_loads(value, f"the '{name}' of <{tag.name}>", own)


def _css_loads(css: str, where: str, own: str) -> Iterator[str]:
    for address in css_addresses(css):
        if (host := remote_host(address, own)) is not None:
            yield f"{where} loads {host} (url {address!r})"


REMOTE_HINT = ("download the file into the site (next to the note) and use its path, "
               "or link to it instead (<a href=\"…\">…</a>): a built page loads nothing "
               "from another host")


def remote_resources(path: str, body_line: int, tokens: list[Token], cut: Cut,
                     own: str, diags: Diagnostics) -> bool:
    """A ``remote-resource`` error for raw HTML that loads from another host, and a
    ``remote-image`` warning for each Markdown picture from another host (the
    filter shows it as a link); lines in a ``::: private`` passage are never
    published and do not count. Whether any error was found."""
    kinds = {line.src: line.kinds for line in cut.lines}
    found = False
    for tok, src in with_lines(tokens):
        if "private" in kinds.get(src, ()):
            continue
        line = src + body_line
        if tok.type in ("html_block", "html_inline"):
            for what in dict.fromkeys(remote_loads(tok.content, own)):
                found = True
                diags.error(path, line, 1, "remote-resource",
                            f"{what}: every visit would ask that host for it, telling it "
                            "who reads the page and when", REMOTE_HINT)
        elif tok.type == "image" and \
                (host := remote_host(str(tok.attrs.get("src", "")), own)) is not None:
            diags.warning(path, line, 1, "remote-image",
                          f"the picture '{tok.attrs.get('src')}' is on another host "
                          f"({host}); the page shows a link to it instead, so that no "
                          "visit asks that host for it",
                          "download the picture into the site (next to the note) and "
                          "write its path: ![alt](picture.png)")
    return found
