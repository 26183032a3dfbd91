"""What the audit refuses in a written file's code whatever the site withholds:
in a page's markup, code in an address, a referrer policy that sends the page's
address away, and anything loaded from another host (ivsite.remoteloads, red
team 6 L7); in a style sheet or a script, what it loads from another host (L7,
M5). Which of these a file is read for goes by its type (``unsafe_code``).

The filter refuses both in a note (ivsite.scripturls, red team 5 K1; and
ivsite.referrers, K2): in the mentor's copy such code could read the page and its
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

import html
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from .readable import MARKUP_SUFFIXES
from .referrers import referrer_settings
from .remoteloads import css_addresses, remote_host, remote_loads
from .scriptloads import remote_in_script
from .scripturls import script_urls
from .sizedcache import sized_cache

_DROP = str.maketrans("", "", "".join(map(chr, range(0x21))) + "\x7f")
_THEME_POLICY = '<metaname="referrer"content="no-referrer">'


def unsafe_markup(page: str, own: str) -> list[str]:
    """Each script address, code-running frame page, address-sending referrer
    policy and load from a host other than ``own`` (the site's) in ``page`` (an
    HTML document), as a phrase for the audit's report."""
    squeezed = html.unescape(page).translate(_DROP).casefold()
    found = list(dict.fromkeys(remote_loads(page, own)))  # every page: see above
    referrer = "referrer" in squeezed.replace(_THEME_POLICY, "")
    if not (referrer or "script:" in squeezed or "srcdoc" in squeezed
            or "data:" in squeezed):
        return found
    found += dict.fromkeys(script_urls(page))
    if referrer:
        found += referrer_settings(page, safe_meta=True)
    return found


def remote_in_sheet(css: str, own: str) -> list[str]:
    """Each address a written style sheet loads from a host other than ``own``."""
    return [f"the style sheet loads {host} (url {address!r})" for address in
            dict.fromkeys(css_addresses(css))
            if (host := remote_host(address, own)) is not None]


_SHEET_OR_SCRIPT: dict[str, Callable[[str, str], Iterable[str]]] = {
    ".css": remote_in_sheet, ".js": remote_in_script, ".mjs": remote_in_script}
"""What a written style sheet or script would load from another host (L7, M5)."""


def unsafe_code(path: PurePosixPath, data: bytes, own: str) -> list[str]:
    """What a written file at ``path`` would do, by its type: a page's unsafe
    markup, a style sheet's or a script's loads from a host other than ``own``
    (each once); nothing for any other file."""
    return list(_unsafe_code(path.suffix.lower(), data, own))


@sized_cache(16 << 20, lambda suffix, data, own: len(data))
def _unsafe_code(suffix: str, data: bytes, own: str) -> tuple[str, ...]:
    """As :func:`unsafe_code`, kept for the files read again (ivsite.sizedcache):
    every build writes the same theme and Pagefind files, and walking a page's
    tags was a third of a small site's build in a warm process."""
    if suffix in MARKUP_SUFFIXES:
        return tuple(unsafe_markup(data.decode("utf-8", "replace"), own))
    read = _SHEET_OR_SCRIPT.get(suffix)
    return () if read is None else tuple(dict.fromkeys(read(data.decode("utf-8", "replace"),
                                                            own)))
