"""Which output files an audit found clean, remembered from one build to the next.

The audit is a pure function of a file's path and bytes, of how it reads them
and of the secrets it looks for. A file's key (file_key) stands for its path, its
bytes and the reading (reading_digest); each key is kept with the secrets it was
found clean of (secret_ids). A later audit with the same reading need not read a
file with a known key again, and reads one known clean of most of its secrets for
the others alone (ivsite.audit.stage): an edit to one withheld note changes that note's
secrets, not every page's verdict. Only files with no hit are ever remembered
(see ivsite.audit.stage.audit_files), so nothing here can excuse a hit.

Kept in ``.ivsite/cache/audit-clean``: each group of secrets the last build's
audits looked for, and the keys of the files found clean of them, and no others,
so the file stays the size of one build's output.
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..names.people import LINK_PASSPHRASE_KIND

if TYPE_CHECKING:
    from .secrets import Secret

AUDIT_VERSION = 1
"""Part of every file key: raise it when what the audit finds changes in a way the
digest of ivsite's own source (also in the key) would not show."""


def reading_digest(shown: object, base_url: str, consented: tuple[str, ...] = (),
                   hidden: tuple[str, ...] = (), scripts: tuple[str, ...] = ()) -> str:
    """A digest of everything an audit's reading of a file depends on but the file
    and the secrets: ``shown`` (which of the forms looked for the audience may read
    anyway: ivsite.audit.needles.Seen.answers, not the visible text, which changes
    with every edit while these rarely do), the site's address, the names of people
    who agreed, the classes the style sheets hide, the scripts the output may hold
    (ivsite.audit.scripts), and the audit's own code. (Withheld files are found by
    their hash, looked up for every file in every audit.)"""
    return hashlib.sha256(repr((
        _code_digest(), shown, base_url, consented, hidden, scripts,
    )).encode("utf-8", "surrogatepass")).hexdigest()


def secret_ids(secrets: Iterable[Secret]) -> list[str]:
    """Each secret's id: the digest of every field of every secret from the same
    source, in order. What a note's secret is looked for as depends on the note's
    other secrets (a short withheld sentence is looked for chained with its
    neighbours: ivsite.audit.sentences.chained), so a note whose secrets changed in any
    way, one taken away included, has new ids, and a file known clean of its old
    ones is read again for all of them (ivsite.audit.stage)."""
    secrets = list(secrets)
    by_source: dict[str, list[Secret]] = {}
    for s in secrets:
        by_source.setdefault(s.source, []).append(s)
    ids = {source: hashlib.sha256(repr([_kept(s) for s in group]).encode(
        "utf-8", "surrogatepass")).hexdigest()[:_ID_LEN] for source, group in by_source.items()}
    return [ids[s.source] for s in secrets]


def _kept(secret: Secret) -> object:
    """What of a secret its id is made of. The mentor view's passphrase (R12-01) by
    a slow digest alone: the ids are kept on disk, and a quick digest of the
    passphrase there would be something to guess against faster than the pages'
    own key derivation (ivsite.mentor.crypto) allows."""
    if secret.kind != LINK_PASSPHRASE_KIND:
        return secret
    return (secret.kind, secret.source, secret.line, _slow_digest(secret.text))


@functools.lru_cache(maxsize=8)
def _slow_digest(text: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", text.encode("utf-8", "surrogatepass"),
                               b"ivsite audit id", 600_000).hex()


_ID_LEN = 24


def file_key(reading: str, rel: str, data_digest: str, authored: bool = False) -> str:
    """What a file is known clean by: the reading (reading_digest), its path (paths
    are audited too), its bytes' SHA-256, and whether it is a file of the author's
    content (read as a page is: ivsite.audit.search.Search)."""
    made_of = (reading, rel, data_digest, "authored") if authored else (reading, rel, data_digest)
    return hashlib.sha256(repr(made_of).encode("utf-8", "surrogatepass")).hexdigest()


@functools.cache
def _code_digest() -> str:
    """ivsite's source (every module: which ones decide a verdict is easy to get
    wrong), the matcher library's version, the transliterator's (its tables read a
    name in another script: ivsite.names.soundkey, ivsite.names.romanise), and Python's (its
    Unicode tables fold)."""
    h = hashlib.sha256(repr((
        AUDIT_VERSION, __version__, sys.version, unicodedata.unidata_version,
        importlib.metadata.version("ahocorasick-rs"),
        importlib.metadata.version("anyascii"))).encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        h.update(repr((path.relative_to(package).as_posix(),
                       hashlib.sha256(path.read_bytes()).hexdigest())).encode())
    return h.hexdigest()


FILE = "audit-clean"
_HEADER = "ivsite audit-clean 2\n"
_GROUP = "secrets"
_KEY = re.compile(r"[0-9a-f]{64}")
_ID = re.compile(rf"[0-9a-f]{{{_ID_LEN}}}")


@dataclass(frozen=True)
class Known:
    """Keys of files found clean, each group with the secrets (their ids) its
    files were found clean of."""

    groups: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    """(secret ids, keys) per group."""
    _needs: dict[tuple[int, frozenset[str]], frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False)

    def missing(self, key: str, ids: frozenset[str]) -> frozenset[str] | None:
        """Which of the secrets ``ids`` a file with this key was not found clean of
        (empty: none, the file need not be read), or None when the key is not
        known (the file is read for every secret)."""
        best: frozenset[str] | None = None
        for i, (group_ids, keys) in enumerate(self.groups):
            if key in keys:
                need = self._need(i, group_ids, ids)
                if best is None or len(need) < len(best):
                    best = need
                if not need:
                    break
        return best

    def _need(self, i: int, group_ids: frozenset[str], ids: frozenset[str]) -> frozenset[str]:
        """``ids - group_ids``, made once per group and audit (every file of an
        audit asks with the same secrets, tens of thousands of them)."""
        if (i, ids) not in self._needs:
            self._needs[i, ids] = ids - group_ids
        return self._needs[i, ids]

    def __or__(self, other: Known) -> Known:
        return Known(self.groups + other.groups)

    def keys(self) -> frozenset[str]:
        return frozenset(k for _, keys in self.groups for k in keys)


NOTHING_KNOWN = Known()


class CleanFiles:
    """The keys of files found clean: ``known`` (the last build's, which the audits
    of this build may skip) and those found clean in this build so far."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self._path = path
        self._read_only = read_only
        self.known = read(path) if path is not None else Known()
        self._now: dict[frozenset[str], set[str]] | None = None

    def add(self, ids: frozenset[str], keys: Iterable[str]) -> None:
        """Keys an audit of this build found clean of the secrets ``ids``. (The live
        preview audits on a thread of its own: a key lost to a race is only a file
        audited again.)"""
        if self._now is None:
            self._now = {}
        self._now.setdefault(ids, set()).update(keys)

    def view(self) -> Known:
        """What an audit may skip now: the last build's keys and this build's."""
        return self.known | _known(self._now or {})

    def rotate(self) -> None:
        """This build's audits are done: what they found clean is what the next
        build may skip, and written down unless read-only. A build that audited
        nothing (it stopped before) leaves everything as it was."""
        now, self._now = self._now, None
        if now is None:
            return
        self.known = _known(now)
        if self._path is not None and not self._read_only:
            write(self._path, self.known)


def _known(groups: dict[frozenset[str], set[str]]) -> Known:
    return Known(tuple((ids, frozenset(keys)) for ids, keys in groups.items() if keys))


def read(path: Path) -> Known:
    try:
        text = path.read_text("ascii")
    except (OSError, UnicodeDecodeError):
        return Known()
    if not text.startswith(_HEADER):
        return Known()
    groups: list[tuple[frozenset[str], set[str]]] = []
    for line in text.splitlines()[1:]:
        if line.startswith(_GROUP + " ") or line == _GROUP:
            ids = line.split(" ")[1:]
            if not all(_ID.fullmatch(i) for i in ids):
                return Known()  # a damaged file: audit everything
            groups.append((frozenset(ids), set()))
        elif _KEY.fullmatch(line) and groups:
            groups[-1][1].add(line)
    return Known(tuple((ids, frozenset(keys)) for ids, keys in groups if keys))


def write(path: Path, known: Known) -> None:
    """Atomically: a build stopped half-way leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="ascii") as out:
            out.write(_HEADER)
            for ids, keys in known.groups:
                out.write(" ".join((_GROUP, *sorted(ids))) + "\n")
                out.write("".join(k + "\n" for k in sorted(keys)))
        os.replace(tmp, path)
    except OSError:  # a cache: a build that cannot keep it only audits more next time
        with contextlib.suppress(OSError):
            tmp.unlink()
