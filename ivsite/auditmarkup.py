"""What the audit refuses in a written page's markup whatever the site withholds:
code in an address and a referrer policy that sends the page's address away.

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
referrer setting other than the theme's own.
"""

from __future__ import annotations

import html

from .referrers import referrer_settings
from .scripturls import script_urls

_DROP = str.maketrans("", "", "".join(map(chr, range(0x21))) + "\x7f")
_THEME_POLICY = '<metaname="referrer"content="no-referrer">'


def unsafe_markup(page: str) -> list[str]:
    """Each script address, code-running frame page and address-sending referrer
    policy in ``page`` (an HTML document), as a phrase for the audit's report."""
    squeezed = html.unescape(page).translate(_DROP).casefold()
    referrer = "referrer" in squeezed.replace(_THEME_POLICY, "")
    if not (referrer or "script:" in squeezed or "srcdoc" in squeezed
            or "data:" in squeezed):
        return []
    found = list(dict.fromkeys(script_urls(page)))
    if referrer:
        found += referrer_settings(page, safe_meta=True)
    return found
