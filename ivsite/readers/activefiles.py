"""What a file does when a browser opens it or a page uses it: run code, or load
from another host (red team 8, N4 and N17).

A script assembled at run time cannot be audited by reading it: one that
reverses a name or decodes an address from base64 writes the name on screen and
calls another host while its text holds neither. So ivsite fails closed and
publishes no code but the theme's and Pagefind's: a file that is a script
(``.js``, ``.mjs``), an XSLT program (``.xsl``, ``.xslt``: it writes the page it
shows, ``concat('Quen', 'tin')``), a page or drawing (HTML, SVG, XML) with a
script element or an event handler, and an XML file whose ``<?xml-stylesheet?>``
applies XSLT. A playlist (``.m3u8``, ``.m3u``, DASH ``.mpd``) a ``<video>``
plays, and an XML file's style sheet, are fetched when a page uses them: one
that names another host tells it who reads the page.

The filter reads each such file of the content as it is loaded (ivsite.load.stage:
without the site's address, so any absolute address counts as another host) and
refuses a link to it; the audit reads every file written (ivsite.audit.scripts,
ivsite.audit.markupchecks) with the site's own host.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from ..markup.drawncounters import counter_drawing, page_counters
from ..markup.rawhtml import Tag, tags
from ..markup.remoteloads import remote_host
from .readable import MARKUP_SUFFIXES

SCRIPT_SUFFIXES = (".js", ".mjs")
XSLT_SUFFIXES = (".xsl", ".xslt")
PLAYLIST_SUFFIXES = (".m3u8", ".m3u", ".mpd")
READ_SUFFIXES = (*MARKUP_SUFFIXES, ".xht", *XSLT_SUFFIXES, *PLAYLIST_SUFFIXES, ".css")
"""Files read whole for what they run, load or draw (a script is known by its name)."""
_DATA_TYPES = frozenset({"application/octet-stream", "application/json",
                         "application/ld+json"})
"""A ``<script type>`` a browser keeps as data and never runs (any other runs, or
might: ``module``, ``importmap``, ``speculationrules``, an unknown type)."""
_PI = re.compile(r"<\?xml-stylesheet\b(.*?)\?>", re.I | re.S)
_PSEUDO = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_QUOTED = re.compile(r""""([^"]*)"|'([^']*)'""")
_XML_VALUE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)')|>([^<]+)<""")


def decoded(data: bytes) -> str:
    """A file's text as a browser or an XML parser reads it: UTF-16 by its byte
    order mark or by a NUL beside its first ``<`` (XML without a mark), else UTF-8."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    if data[:2] == b"<\0":
        return data.decode("utf-16-le", "replace")
    if data[:2] == b"\0<":
        return data.decode("utf-16-be", "replace")
    return data.decode("utf-8", "replace")


def runs(tag: Tag) -> bool:
    """Whether a script element runs its code (a data block does not)."""
    kind = tag.get("type")
    if kind is None and (tag.get("language") or "").strip():
        kind = "text/" + (tag.get("language") or "").strip()
    essence = (kind or "").partition(";")[0].strip().casefold()
    return essence not in _DATA_TYPES


def markup_code(walked: Iterable[Tag], files_allowed: bool) -> Iterator[str]:
    """Each script element that runs and each event handler among a page's tags,
    as a phrase. ``files_allowed``: a script fetched from a ``.js``/``.mjs`` file
    passes (the audit reads that file on its own, ivsite.audit.scripts)."""
    for tag in walked:
        if tag.closing:
            continue
        local = tag.name.rpartition(":")[2]
        if local in ("script", "handler") and runs(tag):
            src = next((v for n, v in tag.attrs if n in ("src", "href", "xlink:href")), None)
            if src is None:
                yield f"a <{tag.name}> element with code"
            elif not (files_allowed and script_file(src)):
                yield f"a <{tag.name}> element that runs '{src}'"
        for name, value in tag.attrs:
            if name.rpartition(":")[2].startswith("on") and value.strip():
                yield f"the event handler '{name}' on <{tag.name}>"


def script_file(address: str) -> bool:
    """Whether an address fetches a file named as a script (``.js``, ``.mjs``),
    read as the URL parser reads it: backslashes as slashes, query and fragment
    cut, percent escapes decoded, a dot segment never a file."""
    from urllib.parse import unquote

    path = re.split(r"[?#]", address.strip().replace("\\", "/"), maxsplit=1)[0]
    if re.match(r"[a-z][a-z0-9+.-]*:", path, re.I) and not re.match(r"https?:", path, re.I):
        return False  # data:, blob:, javascript: … hold or make the code themselves
    last = unquote(path.rpartition("/")[2])
    return last.casefold().endswith(SCRIPT_SUFFIXES) and last not in (".", "..")


def xslt_applied(text: str) -> Iterator[str]:
    """Each ``<?xml-stylesheet?>`` that applies something other than CSS (XSLT)."""
    for pi in _PI.finditer(text):
        pseudo = {m.group(1).casefold(): html.unescape(m.group(2) or m.group(3) or "")
                  for m in _PSEUDO.finditer(pi.group(1))}
        kind = pseudo.get("type", "").partition(";")[0].strip().casefold()
        if kind != "text/css":
            yield f"its <?xml-stylesheet?> applies '{pseudo.get('href', '')}' as {kind or 'XSLT'}"


def code_in(suffix: str, text: str) -> Iterator[str]:
    """What in a file of this kind runs code, whatever the site's address: each a
    phrase (the filter's reading; the audit's is ivsite.audit.scripts)."""
    if suffix in SCRIPT_SUFFIXES:
        yield "is a script"
        return
    if suffix in XSLT_SUFFIXES:
        yield "is an XSLT program, which writes the page it shows as it runs"
    yield from xslt_applied(text)
    if suffix in (*MARKUP_SUFFIXES, ".xht"):
        yield from (f"holds {what}" for what in markup_code(tags(text), files_allowed=False))


def active(suffix: str, data: bytes) -> tuple[str, str] | None:
    """The first thing a file of the content runs (``script-file``), loads from
    any host (``remote-file``: the filter does not know the site's own) or draws
    from numbers with CSS counters (``drawn-markup``, red team 12, R12-06), or None."""
    if suffix not in READ_SUFFIXES and suffix not in SCRIPT_SUFFIXES:
        return None
    text = decoded(data)
    drawn = page_counters(text) if suffix in (*MARKUP_SUFFIXES, ".xht") else \
        counter_drawing(text) if suffix == ".css" else iter(())
    for code, found in (("script-file", code_in(suffix, text)),
                        ("remote-file", loads_in(suffix, text, "")),
                        ("drawn-markup", (f"draws with {what}" for what in drawn))):
        for why in found:
            return code, why
    return None


def loads_in(suffix: str, text: str, own: str) -> Iterator[str]:
    """What a file of this kind loads from a host other than ``own`` when a page
    uses it: a playlist's segments, keys and other addresses, an XML style sheet."""
    for pi in _PI.finditer(text):
        for m in _PSEUDO.finditer(pi.group(1)):
            href = html.unescape(m.group(2) or m.group(3) or "")
            if m.group(1).casefold() == "href" and (host := remote_host(href, own)):
                yield f"its <?xml-stylesheet?> loads {host} (url {href!r})"
    if suffix in PLAYLIST_SUFFIXES:
        for address in _playlist_addresses(suffix, text):
            if (host := remote_host(address, own)) is not None:
                yield f"the playlist loads {host} (url {address!r})"


def _playlist_addresses(suffix: str, text: str) -> Iterator[str]:
    """Every value a playlist may fetch: an M3U line that is not a tag, and every
    quoted value of a tag (``URI=``, ``SERVER-URI=`` …); in a DASH manifest, every
    attribute value and every text (``<BaseURL>``, ``<Location>`` …)."""
    if suffix == ".mpd":
        for m in _XML_VALUE.finditer(text):
            yield html.unescape(next(g for g in m.groups() if g is not None)).strip()
        return
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            yield line
        yield from (q.group(1) if q.group(1) is not None else q.group(2)
                    for q in _QUOTED.finditer(line))
