"""Stage 8 — audit: read an output folder back and look for anything withheld.

Every build ends here before its output is swapped in, and ``ivsite audit DIR``
runs the same check on any folder. It looks in every file — HTML as markup and as
text, XML, JSON, JavaScript, and Pagefind's gzip-compressed index files once
decompressed — for withheld titles, slugs and passages, contact fields,
unconsented names and referrals, and compares every file's hash with the
withheld assets. Matching is by words through the one normalising matcher the
audience filter uses too (ivsite.text.normalise, ivsite.names.people), so "Jane Doe",
"jane-doe", "JANE&nbsp;DOE", "Doe, Jane", "JaneDoe" and "Jane%20D&shy;oe" are all
found, phone numbers by their digits and URLs without scheme or "www.". Every
field of a withheld note is looked for, unless the audience sees the same words
in a visible note.

The audit is a pure function of a file's path and bytes and of what it looks
for, so a file found clean by an earlier build need not be read again, and one
found clean of most of this build's secrets is read for the others alone: see
audit_files, and ivsite.audit.cache for the keys and how they are kept.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from ..core.cores import apart
from ..core.progress import QUIET, Progress
from .cache import NOTHING_KNOWN, Known, file_key
from .scripts import OwnScripts
from .search import AssetSecret, Hit, Search, search_for
from .secrets import Secret
from .sheethiding import sheets_hiding


class AuditInterrupted(Exception):
    """The audit was asked to stop before it was done (see ``stop``)."""


class Audit(NamedTuple):
    """What an audit found."""

    hits: list[Hit]
    clean: frozenset[str]
    """The keys (see file_key) of the files found clean: nothing in them."""
    ids: frozenset[str]
    """The secrets (ivsite.audit.cache.secret_ids) they were found clean of."""


def audit_folder(
    folder: Path, secrets: list[Secret], visible_text: str,
    withheld_assets: list[AssetSecret], skip_prefixes: tuple[str, ...] = (),
    progress: Progress = QUIET, stop: Callable[[], bool] | None = None, base_url: str = "",
    clean: Known = NOTHING_KNOWN, consented: tuple[str, ...] = (),
    hidden: frozenset[str] = frozenset(), scripts: OwnScripts | None = None,
    authored: frozenset[str] = frozenset(),
) -> Audit:
    """Every secret found in ``folder``. ``stop`` is asked before each file; when it
    says so the audit raises :class:`AuditInterrupted` (the live preview stops an
    audit whose folder a newer save is about to change)."""
    if stop is not None and stop():
        raise AuditInterrupted  # before the needles, which take a while to make
    paths = sorted(folder.rglob("*"))
    progress.stage("Checking the output for private text", len(paths))
    found = [(p.relative_to(folder).as_posix(), p) for p in paths if p.is_file()]
    found = [(rel, p) for rel, p in found
             if not (skip_prefixes and rel.startswith(skip_prefixes))]
    files: list[tuple[str, Contents]] = [(rel, p.read_bytes) for rel, p in found]
    size = sum(p.stat().st_size for _, p in found)
    progress.advance(len(paths) - len(files))

    def each() -> None:
        if stop is not None and stop():
            raise AuditInterrupted
        progress.advance()

    return audit_files(files, secrets, visible_text, withheld_assets, base_url, clean,
                       consented, each, hidden, size, scripts, authored)


Contents = bytes | Callable[[], bytes]
"""A file's bytes, or what reads them (in the process that audits the file)."""


def audit_files(
    files: Iterable[tuple[str, Contents]], secrets: list[Secret], visible_text: str,
    withheld_assets: list[AssetSecret], base_url: str = "",
    clean: Known = NOTHING_KNOWN, consented: tuple[str, ...] = (),
    each: Callable[[], None] = lambda: None, hidden: frozenset[str] = frozenset(),
    size: int | None = None, scripts: OwnScripts | None = None,
    authored: frozenset[str] = frozenset(),
) -> Audit:
    """Every secret found in these (path, bytes): an output folder's files, or the
    pages of an encrypted view before they are encrypted. ``base_url``: the site's
    address, under which a withheld page's address written out is found too.
    ``each`` is called as each file's verdict comes in.

    ``clean``: keys of files an earlier audit found clean (see file_key), each
    with the secrets it was found clean of. A file whose key is known clean of
    every secret is not read again: the key covers everything else the verdict
    depends on, so the verdict would be the same. One known clean of some is read
    for the others (and the other secrets of their notes) alone; should that find
    anything, it is read again for all, so that its hits are those a first audit
    reports. Every other file is audited, and the result's ``clean`` holds the
    keys of all files that are clean now (skipped or audited), never one with a
    hit.

    ``consented``: the names of people who agreed to be named, which do not name
    anyone else ("Aiko C. Fagerlund" holds "C. Fagerlund", a short form of
    Camila G. Fagerlund, who did not agree): names are looked for in a text
    without them, contact details in the text as written.

    ``hidden``: the classes and ids the site's style sheets hide (see
    ivsite.audit.sheethiding), with those of every style sheet among ``files``: the
    reading as on screen leaves them out (red team 4, J10).

    ``scripts``: the scripts the output may hold, the theme's and Pagefind's
    (ivsite.audit.scripts; by default Pagefind's alone).

    ``authored``: the SHA-256 of the files of the author's content, judged as
    pages are (see ivsite.audit.search.Search).

    Files are audited in forked processes, one per core, where a pool pays
    (ivsite.core.cores.apart; ``size``, the files' bytes in all, where not given as
    bytes): a file's verdict is a pure function of its bytes and the needles, which
    the processes inherit made."""
    jobs = list(files)
    if size is None and all(isinstance(data, bytes) for _, data in jobs):
        size = sum(len(data) for _, data in jobs if isinstance(data, bytes))
    hidden |= frozenset(sheets_hiding(
        (rel, data if isinstance(data, bytes) else data()) for rel, data in jobs
        if rel.casefold().endswith(".css")))
    search = search_for(secrets, visible_text, withheld_assets, base_url, consented, hidden,
                        scripts or OwnScripts.of({}), authored)
    verdict = functools.partial(_verdict, search, clean)
    hits: list[Hit] = []
    now: set[str] = set()
    for job, made in zip(jobs, apart(verdict, jobs, size), strict=True):
        found, key = made if made is not None else verdict(job)
        each()
        if key:
            now.add(key)
        hits += found
    return Audit(hits, frozenset(now), search.id_set)


def _verdict(search: Search, clean: Known,
             job: tuple[str, Contents]) -> tuple[list[Hit], str]:
    """What one file gives away, and its key when it is clean ("" when not)."""
    rel, contents = job
    data = contents if isinstance(contents, bytes) else contents()
    data_digest = hashlib.sha256(data).hexdigest()
    key = file_key(search.digest, rel, data_digest, data_digest in search.authored)
    # A file's hash is looked up every time: the withheld files change with
    # every edit to a note (each note's source is one), and a lookup is cheap.
    found = search.withheld_file(rel, data_digest, data)
    missing = clean.missing(key, search.id_set)
    if missing is None or (missing and search.part(missing).hits(rel, data, code=False)):
        found += search.hits(rel, data)
    if not found and missing is None:  # a key known clean had none: it is of the bytes alone
        found = search.hidden_text(rel, data)
    return found, "" if found else key
