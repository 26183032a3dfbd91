"""Shapes of "not for publishing" that no single word list holds (red team 15, R15-05).

Each list of privacy words misses a form, so three shapes are read as well:

* a symbol that keeps out: a lock (🔒 🔐 🔏) or the shushing face (🤫). Leading a
  line (``🔒 The budget was halved``) it is a label, as ``Private:`` is; in a
  folder's or a file's name (``content/pages/🔒/``) it is a privacy word. Other
  symbols a reader might take so are left out on purpose: 🚧 over a public page
  says "under construction" to its readers, 🚫 and ⛔ open advice ("🚫 Don't ask
  about pay"), 🔑 opens "Key takeaways", 🔓 says open.
* a state a note can be left in that is not "published": deleted, trashed,
  archived, expired, retracted (:data:`GONE`). A key ivsite does not read whose
  name is such a state, set to true or to a date (``deleted: true``,
  ``is_archived: yes``, ``deleted_at: 2026-01-02``), or ``status: trashed``,
  would have kept the note out in the tool it came from
  (ivsite.switches.otherswitches). States a career note records about events
  (``rejected``, ``cancelled``) are not in it: they say what happened, not
  whether to publish.
* a folder named for notes not ready to be read (:data:`UNFINISHED_FOLDERS`:
  ``not-ready/``, ``scratch/``, ``tmp/``, ``inbox/``, ``to-review/``), or for a
  state of :data:`GONE` (``trash/``, ``deleted/``). A folder only, read whole
  with a few filler words: a note named ``inbox.md`` ("Inbox zero") is about its
  topic, and ``archive/`` is left out, since blogs keep published years there.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from .everydaykeys import key_parts
from .lookalike import normalise

KEEP_OUT = frozenset("\U0001F512\U0001F510\U0001F50F\U0001F92B")
"""🔒 🔐 🔏 🤫: symbols that say "keep this to yourself"."""

LEADING_SYMBOL = re.compile(r"^[ \t]*(?:\[[ xX]\][ \t]*)?([\U0001F512\U0001F510\U0001F50F"
                            r"\U0001F92B])")
"""A line (or a task item) that opens with a :data:`KEEP_OUT` symbol."""


def keeps_out(text: str) -> bool:
    """Whether ``text`` holds a :data:`KEEP_OUT` symbol."""
    return any(ch in KEEP_OUT for ch in text)


GONE = frozenset({
    "deleted", "delete", "trashed", "trash", "intrash", "binned", "archived", "archive",
    "expired", "retracted", "removed", "withdrawn", "obsolete", "discarded", "abandoned",
    "deprecated", "superseded", "redacted", "revoked", "suppressed", "scrapped", "spiked",
    "outdated", "stale", "junk", "spam", "disabled", "softdeleted",
})
"""Normalised states that take a note off a site, or never put it there."""

_STATE_PREFIXES = frozenset({"is", "was", "mark", "marked", "as", "moved", "move", "to",
                             "set", "in", "soft", "has", "been", "be"})
_STATE_SUFFIXES = frozenset({"at", "on", "date", "since", "when", "time", "flag"})
_ON = frozenset({"true", "yes", "on", "1", "always", "y"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def gone_key(key: str) -> bool:
    """Whether a key names a :data:`GONE` state, with words such as ``is``,
    ``marked as`` before it or ``at``, ``date`` after it (``isDeleted``,
    ``archived_on``, ``moved_to_trash``)."""
    parts = key_parts(key, normalise)
    while parts and parts[0] in _STATE_PREFIXES:
        parts = parts[1:]
    while len(parts) > 1 and parts[-1] in _STATE_SUFFIXES:
        parts = parts[:-1]
    return "".join(parts) in GONE


def gone(key: str, value: object) -> bool:
    """Whether ``key: value`` says the note is in a :data:`GONE` state: such a key
    set to true or to a date (``deleted: true``, ``deleted_at: 2026-01-02``).
    ``deleted: false`` says nothing of the kind."""
    if not gone_key(key):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.date):
        return True
    return isinstance(value, str | int) and (
        normalise(str(value)) in _ON or _ISO_DATE.match(str(value).strip()) is not None)


UNFINISHED_FOLDERS = frozenset({
    "notready", "notyetready", "toreview", "forreview", "needsreview", "unreviewed",
    "toedit", "tofinish", "todo", "todos", "inprogress", "unfinished", "incomplete",
    "halfdone", "scratch", "scratchpad", "scratchpads", "tmp", "inbox", "unsorted",
    "triage", "sandbox", "pending", "trash", "trashed", "deleted", "recyclebin",
    "wastebasket", "parked", "parkinglot",
})
"""Normalised folder names for notes that are not ready to be read, or thrown away.
Not ``temp/`` (temporary work is a career topic), nor ``archive/`` or ``review/``."""

_FILLER = frozenset({"my", "the", "notes", "note", "stuff", "files", "pages", "folder",
                     "area", "pile", "box"})
"""Words a folder's name may add around its state (``my-inbox/``, ``scratch-notes/``)."""


@functools.lru_cache(maxsize=1 << 12)
def folder_unfinished(words: tuple[str, ...]) -> bool:
    """Whether a folder's words (normalised) name an unfinished or thrown-away
    state, alone or with filler words (``not-ready``, ``my-scratch-notes``)."""
    kept = [w for w in words if w not in _FILLER]
    return bool(kept) and "".join(kept) in UNFINISHED_FOLDERS
