"""Other tools' "do not publish" front-matter keys.

Notes moved from Hugo, Zola or Eleventy (or written by an author who made up a
key) keep the switch that kept the page out of the site in the tool they came
from: Zola's ``render = false``, Hugo's ``headless = true`` or ``_build``
``render = "never"``, Eleventy's ``permalink: false``, ``noindex: true``,
``sharing: none``, ``status: wip``; and any key that starts with a verb of
ivsite.switches.lookalike's ``LEAVE_OUT`` set to true (``exclude_from_site: true``,
``skip: true``), or one of its ``SHOWN`` keys set to false (``show: false``,
``online: false``; red team 11, R11-10); a key that names a state a note is
taken off a site in, set to true or a date (``deleted: true``, ``trash: true``,
``expired: true``, ``archived_at: 2026-01-02``; red team 15, R15-05, read by shape
in ivsite.switches.keepout); a readiness state set false or a search engine's
opt-out (``ready: false``, ``robots: noindex``; red team 16, R16-08, read by shape in
ivsite.switches.notyet). ivsite reads none of them, so as unknown keys
they would be ignored and the page published; when the value says "do not
publish", :func:`not_published` names the tool and ivsite.switches.fmchecks makes it an
error (fail closed). ``render = true`` or ``headless: false`` say nothing of the
kind and stay warnings.
"""

from __future__ import annotations

import datetime as dt

from .keepout import GONE, gone
from .lookalike import LEAVE_OUT, SHOWN, normalise, privacy_tag
from .notyet import not_yet

_OFF = frozenset({"false", "no", "off", "never", "0", "none", "nobody", "noone"})
_ON = frozenset({"true", "yes", "on", "1", "always"})
_WHEN_FALSE = {"render": "Zola's 'render = false' (the page is not rendered)",
               "permalink": "Eleventy's 'permalink: false' (the page is not written)",
               "insearchindex": "Zola's 'in_search_index = false' (kept out of search)"}
_WHEN_TRUE = {"headless": "Hugo's 'headless = true' (the page is never published)",
              "noindex": "'noindex' (keep search engines away)"}
_BUILD = frozenset({"build", "_build"})
_SHARING = frozenset({"sharing", "shareable", "sharable", "shareto", "sharewith"})
_UNFINISHED = frozenset({"wip", "workinprogress", "inprogress", "todo", "unfinished",
                         "notready", "incomplete", "idea", "stub", "pending", "review",
                         "inreview", "drafting", "writing", "unreviewed"})
_STATUS = frozenset({"status", "state", "poststatus", "pagestatus", "notestatus"})
_CLASSES = frozenset({"cssclasses", "cssclass", "class", "classes"})


def not_published(key: str, value: object) -> str | None:
    """What tool and meaning make ``key: value`` a "do not publish", or None."""
    norm = normalise(key)
    if norm in _WHEN_FALSE and _says(value, _OFF):
        return _WHEN_FALSE[norm]
    if norm in _WHEN_TRUE and _says(value, _ON):
        return _WHEN_TRUE[norm]
    if any(norm.startswith(verb) for verb in LEAVE_OUT) and _says(value, _ON):
        return f"'{key}: true' (leave the page out)"
    if norm in SHOWN and _says(value, _OFF):
        return f"'{key}: false' (not on the site)"
    if key.strip().casefold() in _BUILD and isinstance(value, dict) and any(
            normalise(str(k)) in ("render", "list") and _says(v, _OFF)
            for k, v in value.items()):
        return "Hugo's build options 'render = \"never\"' / 'list = \"never\"'"
    if norm == "expirydate" and isinstance(value, dt.date | str):
        return ("Hugo's 'expiryDate' (an expired page is not published; ivsite "
                "never expires a page)")
    if norm in _SHARING and _says(value, _OFF):
        return f"'{key}: {value}' (shared with no one)"
    if norm in _STATUS and isinstance(value, str) and normalise(value) in _UNFINISHED:
        return f"'{key}: {value}' (the note is not finished)"
    if norm in _STATUS and isinstance(value, str) and normalise(value) in GONE:
        return f"'{key}: {value}' (the note was taken off, or never put on, a site)"
    if gone(key, value):
        return f"'{key}: {value}' (a note in that state is not published)"
    if norm in _CLASSES and any(privacy_tag(str(v)) for v in _items(value)):
        return "an Obsidian CSS class that says the note is private"
    return not_yet(key, value)  # ready: false, robots: noindex (R16-08)


def _says(value: object, words: frozenset[str]) -> bool:
    """Whether ``value`` (a bool, a number or a word) is one of ``words``."""
    if isinstance(value, bool):
        return str(value).casefold() in words
    return isinstance(value, str | int) and normalise(str(value)) in words


def _items(value: object) -> list[object]:
    """The classes a ``cssclasses`` value names (a list, or one string of them)."""
    if isinstance(value, list):
        return list(value)
    return list(value.split()) if isinstance(value, str) else []
