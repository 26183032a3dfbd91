"""What the audit refuses in a written file's code whatever the site withholds:
in a page's markup, code in an address, a referrer policy that sends the page's
address away, and anything loaded from another host (ivsite.markup.remoteloads, red
team 6 L7); in a style sheet or a script, what it loads from another host (L7,
M5); in a page's, drawing's or style sheet's CSS, letters drawn from numbers by a
counter or an ``@counter-style`` (ivsite.markup.drawncounters, red team 12, R12-06: a
theme's style sheet too). Which of these a file is read for goes by its type
(``unsafe_code``).

The filter refuses both in a note (ivsite.markup.scripturls, red team 5 K1; and
ivsite.markup.referrers, K2): in the mentor's copy such code could read the page and its
address, the mentor link, and a policy would send that address to another host.
The audit is the second line for these as for withheld text: it reads every page
written, whatever made it (a note the filter missed, a theme, an embed's code).
A theme's own ``<meta name="referrer" content="no-referrer">`` is what every
page says, and allowed; any policy that sends no more than the origin is.

Reading a page's tags costs milliseconds, so a page is read only where its text,
entities decoded and spaces and controls dropped (as a browser reads an
address), holds what these need: ``script:``, ``srcdoc``, ``data:`` or a
referrer setting other than the theme's own. Loads from another host are looked
for in every page: nearly every page says ``//`` somewhere, so no cheaper test
would skip one.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from ..core.sizedcache import sized_cache
from ..markup.drawncounters import counter_drawing, page_counters
from ..markup.rawhtml import Tag, tags
from ..markup.referrers import referrer_settings
from ..markup.remoteloads import css_addresses, remote_host, remote_loads
from ..markup.scriptloads import remote_in_script
from ..markup.scripturls import script_urls
from ..readers.activefiles import (
    PLAYLIST_SUFFIXES,
    READ_SUFFIXES,
    SCRIPT_SUFFIXES,
    decoded,
    loads_in,
)
from ..readers.readable import MARKUP_SUFFIXES
from .scripts import OwnScripts, foreign_code

_DROP = str.maketrans("", "", "".join(map(chr, range(0x21))) + "\x7f")
_THEME_POLICY = '<metaname="referrer"content="no-referrer">'


def unsafe_markup(page: str, own: str) -> list[str]:
    """Each script address, code-running frame page, address-sending referrer
    policy and load from a host other than ``own`` (the site's) in ``page`` (an
    HTML document), as a phrase for the audit's report."""
    squeezed = html.unescape(page).translate(_DROP).casefold()
    found = list(dict.fromkeys(remote_loads(page, own, _walked(page))))  # every page
    referrer = "referrer" in squeezed.replace(_THEME_POLICY, "")
    if not (referrer or "script:" in squeezed or "srcdoc" in squeezed
            or "data:" in squeezed):
        return found
    found += dict.fromkeys(script_urls(page))
    if referrer:
        found += referrer_settings(page, safe_meta=True)
    return found


@functools.lru_cache(maxsize=2)
def _walked(page: str) -> tuple[Tag, ...]:
    """A page's tags, read once for its loads and its scripts (ivsite.audit.scripts)."""
    return tuple(tags(page))


def remote_in_sheet(css: str, own: str) -> list[str]:
    """Each address a written style sheet loads from a host other than ``own``."""
    return [f"the style sheet loads {host} (url {address!r})" for address in
            dict.fromkeys(css_addresses(css))
            if (host := remote_host(address, own)) is not None]


_SHEET_OR_SCRIPT: dict[str, Callable[[str, str], Iterable[str]]] = {
    ".css": remote_in_sheet, ".js": remote_in_script, ".mjs": remote_in_script,
    **{suffix: functools.partial(loads_in, suffix) for suffix in PLAYLIST_SUFFIXES}}
"""What a written style sheet, script or playlist would load from another host
(L7, M5; N17), and an XML style sheet's address (``loads_in`` for any file)."""


_READ = frozenset({*MARKUP_SUFFIXES, *READ_SUFFIXES, *SCRIPT_SUFFIXES, ".css"})
"""The files read for what they run or load; any other's code is its own reader's
business (a picture, a PDF) or runs only from a script."""


def unsafe_code(path: PurePosixPath, data: bytes, own: str,
                scripts: OwnScripts | None = None) -> list[str]:
    """What a written file at ``path`` would do, by its type: a page's unsafe
    markup, a style sheet's, script's or playlist's loads from a host other than
    ``own``, and code that is not the theme's or Pagefind's (``scripts``, by
    default Pagefind's alone; ivsite.audit.scripts), each once."""
    return list(_unsafe_code(path.suffix.lower(), data, own, scripts or OwnScripts.of({})))


@sized_cache(16 << 20, lambda suffix, data, own, scripts: len(data))
def _unsafe_code(suffix: str, data: bytes, own: str, scripts: OwnScripts) -> tuple[str, ...]:
    """As :func:`unsafe_code`, kept for the files read again (ivsite.core.sizedcache):
    every build writes the same theme and Pagefind files, and walking a page's
    tags was a third of a small site's build in a warm process."""
    if suffix not in _READ:
        return ()
    text = decoded(data)
    found = list(unsafe_markup(text, own)) if suffix in (*MARKUP_SUFFIXES, ".xht") else []
    # Letters drawn from numbers by CSS counters (red team 12, R12-06).
    found += page_counters(text, _walked(text)) if suffix in (*MARKUP_SUFFIXES, ".xht") else \
        counter_drawing(text) if suffix == ".css" else []
    read = _SHEET_OR_SCRIPT.get(suffix)
    found += read(text, own) if read is not None else loads_in(suffix, text, own)
    walked = _walked(text) if suffix in (*MARKUP_SUFFIXES, ".xht") else ()
    found += foreign_code(suffix, data, text, walked, scripts)
    return tuple(dict.fromkeys(found))
