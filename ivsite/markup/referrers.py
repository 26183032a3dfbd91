"""Raw HTML that tells a browser to send the page's full address to other hosts.

Every page ivsite builds says ``<meta name="referrer" content="no-referrer">``
(themes/default/templates/base.html), and the preview sends the same header: a
page's address holds the mentor link's token in ``share/<token>/`` and a private
note's slug in the preview. An element's ``referrerpolicy`` attribute wins over
the page's policy, and a note's own ``<meta name="referrer">`` replaces it. Embed
code carries both (Google Maps' ``no-referrer-when-downgrade``, badges'
``unsafe-url``), and then the image or frame's host receives the full address
(red team 5, K2 and K5). So a policy that can send the path to another host, or
a referrer ``<meta>``, is an error in every note, private ones and private passages
too (the preview shows them). The policies that send at most the origin stay
allowed.
"""

from __future__ import annotations

from collections.abc import Iterator

from markdown_it.token import Token

from ..core.diagnostics import Diagnostics
from ..markdown.dialect import with_lines
from .rawhtml import tags

SAFE_POLICIES = frozenset({"no-referrer", "same-origin", "origin", "strict-origin",
                           "origin-when-cross-origin", "strict-origin-when-cross-origin"})
"""Policies that never send another host more than the site's origin."""
_META_NAMES = frozenset({"referrer", "referrer-policy"})


def referrer_settings(content: str, safe_meta: bool = False) -> Iterator[str]:
    """What in a piece of raw HTML (and the pages its frames hold) sets a referrer
    policy that can send the page's address away: each a phrase for the error. A
    note may not have a referrer ``<meta>`` at all; with ``safe_meta`` (the audit
    of a whole page, whose theme says ``no-referrer``) one with safe policies may."""
    for tag in tags(content):
        if tag.closing:
            continue
        policy = tag.get("referrerpolicy")
        if policy is not None and policy.strip().casefold() not in SAFE_POLICIES:
            yield f"referrerpolicy=\"{policy}\" on <{tag.name}>"
        if tag.name == "meta" and any((tag.get(attr) or "").strip().casefold() in _META_NAMES
                                      for attr in ("name", "http-equiv")):
            said = (tag.get("content") or "").strip().casefold()
            if not (safe_meta and said and all(
                    p.strip() in SAFE_POLICIES for p in said.split(","))):
                yield "a <meta> element that sets the page's referrer policy"


def referrer_policies(path: str, body_line: int, tokens: list[Token],
                      diags: Diagnostics) -> bool:
    """Errors for the referrer settings anywhere in a note's raw HTML; whether any."""
    found = False
    for tok, src in with_lines(tokens):
        if tok.type not in ("html_block", "html_inline"):
            continue
        for what in dict.fromkeys(referrer_settings(tok.content)):
            found = True
            diags.error(path, src + body_line, 1, "referrer-policy",
                        f"{what} can send this page's full address (with the mentor link's "
                        "token, or a private note's name in the preview) to another host",
                        "delete it: ivsite's pages send no referrer (an embed may keep "
                        "only a policy that sends no more than the site's origin, such as "
                        "'no-referrer')")
    return found
