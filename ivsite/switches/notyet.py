"""Two more shapes of "do not publish" (red team 16, R16-08): a state a note must
reach before it goes out, set false, and a search engine's opt-out.

R15-05 read a state that takes a note off a site, set true (``deleted: true``,
ivsite.switches.keepout). The inverse was open: ``ready: false``,
``approved: false``, ``is_final: no``, ``signed_off: false`` say the note has
not reached the state it goes out in. And other tools' switches that keep a page
away from search engines (``robots: noindex``, ``sitemap: false``, Just the
Docs' ``search_exclude: true``, Material for MkDocs' ``search: {exclude: true}``)
say the author wanted the page found by no one but those given its address,
which a public page on ivsite is not. Each, an unknown key, was a warning and the
page was published; :func:`not_yet` names it, and ivsite.switches.otherswitches
makes it a ``privacy-key`` error (fail closed).

Read by shape: a readiness word as the whole key, with ``is``, ``marked`` …
before it or ``for publishing`` after it; a key with a search word in it (search,
index, sitemap, crawl, robots, seo) set false, set to a value holding
``noindex``, or with a "leave it out" verb (ivsite.switches.lookalike's
LEAVE_OUT) or a ``no`` in it set true. Events a career note records are not
readiness (``accepted``, ``rejected``, ``final_round``): only the whole key counts.
"""

from __future__ import annotations

import re

from .everydaykeys import key_parts
from .lookalike import LEAVE_OUT, normalise

READY = frozenset({"ready", "final", "finalised", "finalized", "approved", "reviewed",
                   "complete", "completed", "finished", "done", "signedoff", "proofread",
                   "proofed", "vetted", "cleared", "polished", "greenlit", "greenlighted",
                   "publishready", "webready", "siteready", "shareready"})
"""Normalised states a note reaches before it is published."""
_BEFORE = frozenset({"is", "was", "marked", "mark", "as", "has", "been", "be", "set", "page",
                     "post", "note", "doc"})
_AFTER = frozenset({"for", "to", "publish", "publishing", "publication", "share", "sharing",
                    "post", "posting", "web", "site", "release", "launch", "live", "online"})
_OFF = frozenset({"false", "no", "off", "never", "0", "none", "notyet", "nope", "pending"})
_ON = frozenset({"true", "yes", "on", "1", "always", "y"})
_SEARCH = ("search", "index", "sitemap", "crawl", "robot", "seo", "googlebot", "bingbot")
_FALSE = frozenset({"false", "no", "off"})
"""What a search key is set to that opts out (not ``0``: ``sitemap_priority: 0``)."""
_NO_INDEX = frozenset({"noindex"})
_ROBOTS_NONE = frozenset({"none"})
"""Robots' ``none`` means noindex, nofollow; only a robots key's value says it."""
_WORDS = re.compile(r"[^\W_]+")


def _say(value: object, words: frozenset[str]) -> bool:
    if isinstance(value, bool):
        return str(value).casefold() in words
    return isinstance(value, str | int) and normalise(str(value)) in words


def not_ready(key: str, value: object) -> bool:
    """``ready: false``, ``is_approved: no``, ``ready_for_publishing: false``."""
    parts = key_parts(key, normalise)
    while parts and parts[0] in _BEFORE:
        parts = parts[1:]
    if not parts or not _say(value, _OFF):
        return False
    if parts[0].startswith("is") and parts[0] not in READY:  # isReady, isready
        parts[0] = parts[0][2:]
    return any("".join(parts[:i]) in READY and all(p in _AFTER for p in parts[i:])
               for i in range(1, len(parts) + 1))


def _search_part(part: str) -> bool:
    return part.startswith(_SEARCH) or (part.startswith("no") and part[2:].startswith(_SEARCH))


def search_opt_out(key: str, value: object) -> bool:
    """``robots: noindex``, ``sitemap: false``, ``search_exclude: true``,
    ``search: {exclude: true}``, ``googlebot: none``."""
    parts = key_parts(key, normalise)
    if not any(_search_part(p) for p in parts):
        return False
    verb = any(p.startswith("no") or any(p.startswith(v) for v in LEAVE_OUT) for p in parts)
    if _say(value, _FALSE) and not verb:
        return True
    texts = [value] if isinstance(value, str) else \
        [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    said = {w.casefold() for t in texts for w in _WORDS.findall(t)}
    robots = any("bot" in p for p in parts)
    if said & _NO_INDEX or (robots and said & _ROBOTS_NONE):
        return True
    if _say(value, _ON) and verb:
        return True
    return isinstance(value, dict) and any(
        any(normalise(str(k)).startswith(v) for v in LEAVE_OUT) and _say(v2, _ON)
        for k, v2 in value.items())


def not_yet(key: str, value: object) -> str | None:
    """What makes ``key: value`` a "do not publish" of these shapes, or None."""
    if not_ready(key, value):
        return f"'{key}: {value}' (the note is not ready to be published)"
    if search_opt_out(key, value):
        return f"'{key}: {value}' (keep the page away from search engines and readers)"
    return None
