"""Stage 8 — audit: read an output folder back and look for anything withheld.

Every build ends here before its output is swapped in, and ``ivsite audit DIR``
runs the same check on any folder. It looks in every file — HTML as markup and as
text, XML, JSON, JavaScript, and Pagefind's gzip-compressed index files once
decompressed — for withheld titles, slugs and passages, contact fields,
unconsented names and referrals, and compares every file's hash with the
withheld assets. Matching is by words through the one normalising matcher the
audience filter uses too (ivsite.normalise, ivsite.people), so "Jane Doe",
"jane-doe", "JANE&nbsp;DOE", "Doe, Jane", "JaneDoe" and "Jane%20D&shy;oe" are all
found, phone numbers by their digits and URLs without scheme or "www.". Every
field of a withheld note is looked for, unless the audience sees the same words
in a visible note.

The audit is a pure function of a file's path and bytes and of what it looks
for, so a file found clean by an earlier build need not be read again: see
audit_files, and ivsite.auditcache for the keys and how they are kept.
"""

from __future__ import annotations

import copy
import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from .addresses import addresses_in, links_to, own_address
from .auditcache import file_key, needles_digest
from .auditmarkup import unsafe_code
from .auditneedles import Seen, needle_pair, needles
from .auditscripts import OwnScripts
from .consentmask import names_pattern, standing
from .cores import apart
from .filefront import private_front
from .identity import holds_name
from .pagefind_engine import is_fixed
from .people import CONTACT_KINDS
from .progress import QUIET, Progress
from .readable import MARKUP_SUFFIXES, readable_texts, unread
from .remoteloads import own_host
from .secrets import ADDRESS, ANCHOR, Secret
from .sheethiding import sheets_hiding
from .textmatch import Matcher, searchable

CODE_SUFFIXES = (".js", ".mjs", ".css", ".wasm", ".map", ".pagefind")
"""Files made of code (the theme's and Pagefind's): one-word fields are not looked
for there (see needles)."""


@dataclass(frozen=True)
class Hit:
    output: str
    secret: Secret

    def text(self) -> str:
        s = self.secret
        return (f"{self.output}: {s.kind} from {s.source}:{s.line} is in the output: "
                f"{_short(s.text)!r}")


@dataclass(frozen=True)
class AssetSecret:
    digest: str
    source: str


class AuditInterrupted(Exception):
    """The audit was asked to stop before it was done (see ``stop``)."""


class Audit(NamedTuple):
    """What an audit found."""

    hits: list[Hit]
    clean: frozenset[str]
    """The keys (see file_key) of the files found clean: nothing in them."""


def audit_folder(
    folder: Path, secrets: list[Secret], visible_text: str,
    withheld_assets: list[AssetSecret], skip_prefixes: tuple[str, ...] = (),
    progress: Progress = QUIET, stop: Callable[[], bool] | None = None, base_url: str = "",
    clean: frozenset[str] = frozenset(), consented: tuple[str, ...] = (),
    hidden: frozenset[str] = frozenset(), scripts: OwnScripts | None = None,
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
                       consented, each, hidden, size, scripts)


Contents = bytes | Callable[[], bytes]
"""A file's bytes, or what reads them (in the process that audits the file)."""


def audit_files(
    files: Iterable[tuple[str, Contents]], secrets: list[Secret], visible_text: str,
    withheld_assets: list[AssetSecret], base_url: str = "",
    clean: frozenset[str] = frozenset(), consented: tuple[str, ...] = (),
    each: Callable[[], None] = lambda: None, hidden: frozenset[str] = frozenset(),
    size: int | None = None, scripts: OwnScripts | None = None,
) -> Audit:
    """Every secret found in these (path, bytes): an output folder's files, or the
    pages of an encrypted view before they are encrypted. ``base_url``: the site's
    address, under which a withheld page's address written out is found too.
    ``each`` is called as each file's verdict comes in.

    ``clean``: keys of files an earlier audit found clean (see file_key). A file
    whose key is among them is not read again: the key covers everything the
    verdict depends on, so the verdict would be the same. Every other file is
    audited, and the result's ``clean`` holds the keys of all files that are clean
    now (skipped or audited), never one with a hit.

    ``consented``: the names of people who agreed to be named, which do not name
    anyone else ("Aiko C. Fagerlund" holds "C. Fagerlund", a short form of
    Camila G. Fagerlund, who did not agree): names are looked for in a text
    without them, contact details in the text as written.

    ``hidden``: the classes and ids the site's style sheets hide (see
    ivsite.sheethiding), with those of every style sheet among ``files``: the
    reading as on screen leaves them out (red team 4, J10).

    ``scripts``: the scripts the output may hold, the theme's and Pagefind's
    (ivsite.auditscripts; by default Pagefind's alone).

    Files are audited in forked processes, one per core, where a pool pays
    (ivsite.cores.apart; ``size``, the files' bytes in all, where not given as
    bytes): a file's verdict is a pure function of its bytes and the needles, which
    the processes inherit made."""
    jobs = list(files)
    if size is None and all(isinstance(data, bytes) for _, data in jobs):
        size = sum(len(data) for _, data in jobs if isinstance(data, bytes))
    hidden |= frozenset(sheets_hiding(
        (rel, data if isinstance(data, bytes) else data()) for rel, data in jobs
        if rel.casefold().endswith(".css")))
    search = _search(secrets, visible_text, withheld_assets, base_url, consented, hidden,
                     scripts or OwnScripts.of({}))
    verdict = functools.partial(_verdict, search, clean)
    hits: list[Hit] = []
    now: set[str] = set()
    for job, made in zip(jobs, apart(verdict, jobs, size), strict=True):
        found, key = made if made is not None else verdict(job)
        each()
        if key:
            now.add(key)
        hits += found
    return Audit(hits, frozenset(now))


def _verdict(search: _Search, clean: frozenset[str],
             job: tuple[str, Contents]) -> tuple[list[Hit], str]:
    """What one file gives away, and its key when it is clean ("" when not)."""
    rel, contents = job
    data = contents if isinstance(contents, bytes) else contents()
    data_digest = hashlib.sha256(data).hexdigest()
    key = file_key(search.digest, rel, data_digest)
    # A file's hash is looked up every time: the withheld files change with
    # every edit to a note (each note's source is one), and a lookup is cheap.
    found = search.withheld_file(rel, data_digest, data)
    found += [] if key in clean else search.hits(rel, data)
    return found, "" if found else key


_SEARCHES: dict[str, _Search] = {}
"""The last few needle sets made, by a digest of all they are made from: a build
audits each layer's pages while Pagefind runs, then its files."""


def _search(secrets: list[Secret], visible_text: str, withheld_assets: list[AssetSecret],
            base_url: str, consented: tuple[str, ...], hidden: frozenset[str],
            scripts: OwnScripts) -> _Search:
    made_from = hashlib.sha256(repr((secrets, visible_text, withheld_assets, base_url,
                                     consented, scripts)).encode(
        "utf-8", "surrogatepass")).hexdigest()
    search = _SEARCHES.pop(made_from, None) or _Search(secrets, visible_text, withheld_assets,
                                                       base_url, consented, scripts)
    _SEARCHES[made_from] = search
    for old in list(_SEARCHES)[:-4]:  # a build has at most three
        del _SEARCHES[old]
    return search.hiding(hidden)


class _Search:
    """Everything one audit looks for, and ``digest``, the part of every file's
    audit key that stands for it (see ivsite.auditcache.needles_digest). The
    needles do not depend on ``hidden`` (what the style sheets hide changes how a
    page is read, not what is looked for): a build's two audits, of its pages
    before Pagefind adds its style sheets and of the whole folder after, share
    them (:meth:`hiding`)."""

    def __init__(self, secrets: list[Secret], visible_text: str,
                 withheld_assets: list[AssetSecret], base_url: str,
                 consented: tuple[str, ...], scripts: OwnScripts) -> None:
        self.hidden: frozenset[str] = frozenset()
        self.scripts = scripts
        self.consented = names_pattern(consented, glued=True)
        self.names = consented
        self._excusable: dict[int, bool] = {}
        self.own = own_address(base_url)
        self.host = own_host(base_url)
        self.addresses = {s.text.strip("/"): s for s in secrets
                          if s.kind in (ADDRESS, ANCHOR)}
        anywhere = [s for s in secrets if not s.scope]
        shown = Seen.of(visible_text)
        self.matcher, self.in_code = needle_pair(anywhere, shown)
        self.scoped = _scoped(secrets, shown)
        self.assets = {a.digest: a for a in withheld_assets}
        self._digest_of = functools.partial(needles_digest, secrets, shown.answers(),
                                            base_url, consented, scripts=scripts.digests)
        self.digest = self._digest_of(())

    def hiding(self, hidden: frozenset[str]) -> _Search:
        """This search, for files read as on screen with ``hidden`` hidden."""
        if hidden == self.hidden:
            return self
        other = copy.copy(self)
        other.hidden = hidden
        other.digest = self._digest_of(tuple(sorted(hidden)))
        return other

    def withheld_file(self, rel: str, data_digest: str, data: bytes) -> list[Hit]:
        """The file, if it is one the audience was not given (by its hash), or one
        whose front matter says private (ivsite.filefront: a note kept as ``.txt``)."""
        a = self.assets.get(data_digest)
        if a is not None:
            return [Hit(rel, Secret("withheld file", a.source, a.source, 0))]
        says = private_front(data)
        return [Hit(rel, Secret("file whose front matter says private", says, rel, 0))] \
            if says else []

    def hits(self, rel: str, data: bytes) -> list[Hit]:
        """What one file's text and name give away."""
        path = PurePosixPath(rel)
        hits: list[Hit] = []
        seen: set[int] = set()
        if not is_fixed(path, data):  # Pagefind's, the same for every site
            hits += [Hit(rel, Secret(f"unsafe markup ({what})", what, rel, 0))
                     for what in unsafe_code(path, data, self.host, self.scripts)]
        if self.addresses and path.suffix.lower() in MARKUP_SUFFIXES:
            for secret in links_to(rel, data, self.addresses):
                seen.add(id(secret))
                hits.append(Hit(rel, secret))
        here = [self.in_code] if rel.lower().endswith(CODE_SUFFIXES) else \
            [self.matcher, *(self.scoped[p] for p in _prefixes(rel) if p in self.scoped)]
        # An archive not read whole (ivsite.streams): what it packs is unknown.
        hits += [Hit(rel, Secret(f"file not read whole ({why})", why, rel, 0))
                 for why in unread(path, data, self.hidden)]
        for text in (rel, *readable_texts(path, data, self.hidden)):  # its name can tell too
            def find(t: str) -> list[Secret]:
                folded = searchable(t)  # once for every matcher: folding costs most
                return [s for m in here for s in m.find_in(folded)]

            # A name found: look again without the names of those who agreed. Not
            # a secret that holds one of those names: masking would take it out
            # with them ("Ana García-López" holds "Ana García").
            found = standing(find(text), text, self.consented, find,
                             lambda s: not s.kind.startswith(CONTACT_KINDS) and self.excusable(s))
            for secret in (*addresses_in(text, self.addresses, self.own), *found):
                if id(secret) not in seen:
                    seen.add(id(secret))
                    hits.append(Hit(rel, secret))
        return hits

    def excusable(self, secret: Secret) -> bool:
        """Whether taking the consented names out of a text may excuse a hit on this
        secret: not when the secret holds one of them (see identity.holds_name)."""
        if id(secret) not in self._excusable:
            self._excusable[id(secret)] = not holds_name(secret.text, self.names)
        return self._excusable[id(secret)]


def _scoped(secrets: list[Secret], seen: Seen) -> dict[str, Matcher[Secret]]:
    """Secrets that count only under some output paths (the parts of a name, on
    the pages about the person or linking to them): a matcher per path, a folder
    ("interviews/x/") or a file ("index.html")."""
    by_path: dict[str, list[Secret]] = {}
    for s in secrets:
        for where in s.scope:
            by_path.setdefault(where, []).append(s)
    return {where: needles(found, seen) for where, found in sorted(by_path.items())}


def _prefixes(rel: str) -> list[str]:
    """The output path and each folder it is in ("a/", "a/b/"): where a scoped
    secret may count (looked up, not compared with every scope: a site has a scope
    per person)."""
    return [rel, *(rel[:i + 1] for i, ch in enumerate(rel) if ch == "/")]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
