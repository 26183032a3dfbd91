"""What the audit refuses in a written page's markup whatever the site withholds:
code in an address, a referrer policy that sends the page's address away, and
anything loaded from another host (ivsite.remoteloads, red team 6 L7).

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

from .referrers import referrer_settings
from .remoteloads import css_addresses, remote_host, remote_loads
from .scripturls import script_urls

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

