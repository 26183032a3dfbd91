"""Privacy said by where a note is kept.

Authors keep drafts and private notes in a folder named for it (``drafts/``, Jekyll's
``_drafts/``, Obsidian's ``Private Notes/``, ``my-private-stuff/``, ``Entwürfe/``, a
``_`` folder such as ``_notes/``), or name the file for it (``_x.md``, ``~x.md``,
``x.private.md``, ``x (private).md``, ``x-draft.md``, or another tool's "leave it out"
suffix: ``x.local.md``, ``x.noexport.md``). Ignoring that would publish the note with
its kind's default visibility, silently. So such a path means what it says: the note
is private (never in the public or mentor view, see ivsite.validate.stage), as is a
file kept there (a link to it from a public or mentor note is an error, see
ivsite.validate.references), and the audit counts both withheld on its own
(ivsite.audit.secrets, ivsite.pipeline.checks), so that the rule is not one line away
from a leak.

A path segment says private when one of its words, or a run of them, is a
privacy word of ivsite.switches.lookalike (red team 4, J-path). Words, not substrings:
``privateer/``, ``drafting/`` and ``privacy.md`` say nothing, while
``PrivateNotes/`` (camelCase), ``s.priv.md`` and ``do-not-publish/`` (a run of
three words) do, as does a word that runs one into others in one case
(``privatenotes/``, ``mydrafts/``; see ivsite.switches.runtogether). A word match errs
towards private: ``private-equity.md`` and ``personal-statement.md`` are private
too (rename them to publish), since the path cannot tell a topic from a switch
and a wrong guess the other way publishes.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata

from .keepout import folder_unfinished, keeps_out
from .lookalike import KEEP_OUT_SUFFIXES, LEAVE_OUT, normalise, privacy_tag
from .runtogether import hidden_privacy_word

_LONGEST_RUN = 4
"""The most words a privacy word is written in (``not-for-publication``)."""

_CHUNK = re.compile(r"[^\W_]+")
"""Letters and digits between spaces, dashes, underscores, dots, brackets …"""

_LEADING_MARKS = ("_", "~")
"""A file or folder name starting with one of these is kept out by convention
(Jekyll's and many site generators' ``_x.md`` and ``_drafts/``, Astro's and
Next.js's ``_folder/`` that is never a page; ``~x.md``, an editor's or a user's
"not this one")."""


def marked(segment: str) -> bool:
    """Whether a file or folder name starts with ``_`` or ``~`` (after NFKC, so a
    full-width ``＿`` counts): a folder as a file, at any depth (``_notes/``,
    ``a/_scratch/photo.jpg``; red team 17, R17-04), since the same convention
    keeps a folder out (Jekyll renders no ``_`` folder it does not know as pages,
    a vault's ``_inbox/`` is out of sight)."""
    return unicodedata.normalize("NFKC", segment).startswith(_LEADING_MARKS)


def suffix_leaves_out(stem: str) -> bool:
    """Whether a dotted part of a file's name after its first says "leave it
    out" (``x.local.md``, ``x.noexport.md``, ``x.ignore.md``, ``x.hide.md``:
    ivsite.switches.lookalike's ``KEEP_OUT_SUFFIXES``, red team 17, R17-04), as
    ``x.private.md`` says private. The first part is the name itself: ``local.md``
    and ``ignore.md`` are about something, and ``local-events.md`` has no dotted
    part."""
    return any(normalise(part) in KEEP_OUT_SUFFIXES for part in stem.split(".")[1:])


def _camel(chunk: str) -> list[str]:
    """``PrivateNotes`` → ``Private``, ``Notes``; ``WIPNotes`` → ``WIP``, ``Notes``;
    ``draft2`` → ``draft``, ``2``."""
    words: list[str] = []
    start = 0
    for i in range(1, len(chunk)):
        prev, ch = chunk[i - 1], chunk[i]
        nxt = chunk[i + 1] if i + 1 < len(chunk) else ""
        if ((prev.islower() and ch.isupper()) or (prev.isdigit() != ch.isdigit())
                or (prev.isupper() and ch.isupper() and nxt.islower())):
            words.append(chunk[start:i])
            start = i
    words.append(chunk[start:])
    return words


def words(segment: str) -> list[str]:
    """A path segment's words: split on every character that is not a letter or
    digit (spaces, ``-``, ``_``, ``.``, brackets, zero-width characters) and
    where camelCase starts a word, after NFKC (full-width letters read as ASCII).
    Combining marks are dropped, not split on: in Thai, Devanagari or Hebrew they
    are a word's vowels and tones (ivsite.switches.lookalike's words are without them)."""
    text = "".join(ch for ch in unicodedata.normalize("NFKC", segment)
                   if not unicodedata.category(ch).startswith("M"))
    return [w for chunk in _CHUNK.findall(text) for w in _camel(chunk)]


@functools.lru_cache(maxsize=1 << 14)
def segment_says_private(segment: str) -> bool:
    """Whether a word of ``segment``, or a run of up to four of them, is a privacy
    word (``Private Notes``, ``s (private)``, ``do-not-publish``), or a word holds
    one run into other words (``privatenotes``, ``mydrafts``: ivsite.switches.runtogether),
    or it holds a lock (``🔒/``, red team 15, R15-05: ivsite.switches.keepout).
    Kept per segment: every path is asked about by the filter and the audit, and a
    site's folders are few."""
    found = words(segment)
    return any(privacy_tag("".join(found[i:j]))
               for i in range(len(found))
               for j in range(i + 1, min(i + _LONGEST_RUN, len(found)) + 1)) \
        or any(hidden_privacy_word(normalise(word)) for word in found) \
        or keeps_out(segment)


_LEFT_OUT_WITH = frozenset({"me", "this", "these", "it", "them", "from", "site", "web",
                            "website", "for", "now", "please", "pls", "the", "on", "publish",
                            "publishing", "build"})
"""Words a "leave it out" folder's verb may come with (``ignore-me/``,
``exclude-from-site/``)."""


@functools.lru_cache(maxsize=1 << 12)
def folder_leaves_out(segment: str) -> bool:
    """Whether a folder's name is a verb that leaves its notes out (``exclude/``,
    ``ignore-me/``, ``offline/``; ivsite.switches.lookalike's ``LEAVE_OUT``, red team
    11, R11-10), alone or with words of :data:`_LEFT_OUT_WITH`; or names notes not
    ready to be read (``not-ready/``, ``scratch/``, ``inbox/``, red team 15, R15-05:
    ivsite.switches.keepout). A folder only: a note named ``offline.md`` is about
    being offline, one named ``inbox.md`` about inbox zero."""
    found = [normalise(w) for w in words(segment)]
    return (bool(found) and found[0] in LEAVE_OUT and all(w in _LEFT_OUT_WITH
                                                         for w in found[1:])) \
        or folder_unfinished(tuple(found))


def path_privacy(rel: str) -> str | None:
    """What in a note's (or file's) site-relative path says it is private (``'drafts/'``,
    ``'_notes/'``, ``'_x.md'``, ``'x (private).md'``, ``'x.local.md'``, ``'exclude/'``),
    or None when nothing does."""
    *folders, name = rel.split("/")
    for folder in folders:
        if marked(folder) or segment_says_private(folder) or folder_leaves_out(folder):
            return folder + "/"
    stem = posixpath.splitext(name)[0]
    if marked(stem) or segment_says_private(stem) or suffix_leaves_out(stem):
        return name
    return None


def described(said: str) -> str:
    """What :func:`path_privacy` found, for a message: "the folder 'drafts/'",
    "the file name '_x.md'"."""
    if said.endswith("/"):
        return f"the folder '{said}'"
    return f"the file name '{said}'"
