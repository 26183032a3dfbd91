"""Which output files an audit found clean, remembered from one build to the next.

The audit is a pure function of a file's path and bytes and of everything it
looks for: a file with the same key (file_key) as one found clean before would
be found clean again, so a build need not read it. Only files with no hit are
ever remembered (see ivsite.audit.audit_files), so nothing here can excuse a hit.

Kept in ``.ivsite/cache/audit-clean``, one key a line: the keys the last build
found clean and no others, so the file stays the size of one build's output.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import os
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .secrets import Secret

AUDIT_VERSION = 1
"""Part of every file key: raise it when what the audit finds changes in a way the
digest of ivsite's own source (also in the key) would not show."""


def needles_digest(secrets: list[Secret], shown: object, base_url: str,
                   consented: tuple[str, ...] = (), hidden: tuple[str, ...] = (),
                   scripts: tuple[str, ...] = ()) -> str:
    """A digest of everything an audit's reading of a file depends on but the file
    itself: every field of every secret, ``shown`` (which of the forms looked for
    the audience may read anyway: ivsite.auditneedles.Seen.answers, not the visible text,
    which changes with every edit while these rarely do), the site's address, the
    names of people who agreed, the classes the style sheets hide, the scripts the
    output may hold (ivsite.auditscripts), and the audit's own code. (Withheld files are found
    by their hash, looked up for every file in every audit.)"""
    return hashlib.sha256(repr((
        _code_digest(), secrets, shown, base_url, consented, hidden, scripts,
    )).encode("utf-8", "surrogatepass")).hexdigest()


def file_key(needles_digest: str, rel: str, data_digest: str) -> str:
    """What a file is known clean by: the needles, its path (paths are audited
    too) and its bytes' SHA-256."""
    return hashlib.sha256(repr((needles_digest, rel, data_digest)).encode(
        "utf-8", "surrogatepass")).hexdigest()


@functools.cache
def _code_digest() -> str:
    """ivsite's source (every module: which ones decide a verdict is easy to get
    wrong), the matcher library's version, the transliterator's (its tables read a
    name in another script: ivsite.soundkey, ivsite.romanise), and Python's (its
    Unicode tables fold)."""
    h = hashlib.sha256(repr((
        AUDIT_VERSION, __version__, sys.version, unicodedata.unidata_version,
        importlib.metadata.version("ahocorasick-rs"),
        importlib.metadata.version("anyascii"))).encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(repr((path.name, hashlib.sha256(path.read_bytes()).hexdigest())).encode())
    return h.hexdigest()


FILE = "audit-clean"
_HEADER = "ivsite audit-clean 1\n"
_KEY = re.compile(r"[0-9a-f]{64}")


class CleanFiles:
    """The keys of files found clean: ``known`` (the last build's, which the audits
    of this build may skip) and those found clean in this build so far."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self._path = path
        self._read_only = read_only
        self.known = read(path) if path is not None else frozenset()
        self._now: set[str] | None = None

    def add(self, keys: Iterable[str]) -> None:
        """Keys an audit of this build found clean. (The live preview audits on a
        thread of its own: a key lost to a race is only a file audited again.)"""
        if self._now is None:
            self._now = set()
        self._now.update(keys)

    def rotate(self) -> None:
        """This build's audits are done: what they found clean is what the next
        build may skip, and written down unless read-only. A build that audited
        nothing (it stopped before) leaves everything as it was."""
        now, self._now = self._now, None
        if now is None:
            return
        self.known = frozenset(now)
        if self._path is not None and not self._read_only:
            write(self._path, self.known)


def read(path: Path) -> frozenset[str]:
    try:
        text = path.read_text("ascii")
    except (OSError, UnicodeDecodeError):
        return frozenset()
    if not text.startswith(_HEADER):
        return frozenset()
    return frozenset(line for line in text.splitlines()[1:] if _KEY.fullmatch(line))


def write(path: Path, keys: frozenset[str]) -> None:
    """Atomically: a build stopped half-way leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(_HEADER + "".join(k + "\n" for k in sorted(keys)), "ascii")
        os.replace(tmp, path)
    except OSError:  # a cache: a build that cannot keep it only audits more next time
        with contextlib.suppress(OSError):
            tmp.unlink()
