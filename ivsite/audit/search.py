"""What one audit looks for, and what it finds in one written file (ivsite.audit.stage
runs it over an output folder).

The needles are made once per set of secrets and shown text (the slow part: a
build audits each layer's pages while Pagefind runs, then its files, with the
same needles), and read a file as text, as drawn, by its name and by the code it
runs or loads.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..audience.consentmask import names_pattern, standing
from ..core import nearcopy
from ..load.filefront import private_front
from ..markdown.notelike import is_note_like
from ..markup.remoteloads import own_host
from ..names.holding import ConsentedNames
from ..names.people import CONTACT_KINDS, LINK_SECRET_KIND
from ..readers.encodedbytes import encoded_copy
from ..readers.hiddentext import hidden_in
from ..readers.pagefind_engine import is_fixed, is_word_index
from ..readers.readable import MARKUP_SUFFIXES, readable_texts, unread
from ..text.textmatch import Matcher, searchable
from .addresses import addresses_in, links_to, own_address, site_address, wiki_names_in
from .beside import Beside, Finder
from .cache import reading_digest, secret_ids
from .markupchecks import unsafe_code
from .needles import Seen, needle_pair
from .notefiles import note_files
from .scopes import everyday, prefixes, scoped, stemmed
from .scripts import OwnScripts
from .secrets import ADDRESS, ANCHOR, FIELD_KINDS, WIKI_NAME, Secret

AS_WRITTEN = (*CONTACT_KINDS, LINK_SECRET_KIND)
"""Kinds looked for in a text as written, consented names and all."""
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
    windows: nearcopy.Windows | None = None
    """A recording's windows: a file holding a clip of it holds some of them, as
    far apart as in the recording (ivsite.core.nearcopy)."""


_SEARCHES: dict[str, Search] = {}
"""The last few needle sets made, by a digest of all they are made from: a build
audits each layer's pages while Pagefind runs, then its files."""


def search_for(secrets: list[Secret], visible_text: str,
               withheld_assets: list[AssetSecret], base_url: str,
               consented: tuple[str, ...], hidden: frozenset[str],
               scripts: OwnScripts, authored: frozenset[str] = frozenset()) -> Search:
    """The search for these secrets, made again only when what it is made from
    changed (``hidden`` changes how files are read, not the needles)."""
    made_from = hashlib.sha256(repr((secrets, visible_text, withheld_assets, base_url,
                                     consented, scripts, sorted(authored))).encode(
        "utf-8", "surrogatepass")).hexdigest()
    search = _SEARCHES.pop(made_from, None) or Search(secrets, Seen.of(visible_text),
                                                       withheld_assets, base_url, consented,
                                                       scripts, authored)
    _SEARCHES[made_from] = search
    for old in list(_SEARCHES)[:-4]:  # a build has at most three
        del _SEARCHES[old]
    return search.hiding(hidden)


class Search:
    """Everything one audit looks for, and ``digest``, the part of every file's
    audit key that stands for how files are read (see
    ivsite.audit.cache.reading_digest), with ``ids``, the secrets' own digests. The
    needles do not depend on ``hidden`` (what the style sheets hide changes how a
    page is read, not what is looked for): a build's two audits, of its pages
    while Pagefind writes and of the whole folder after, share them
    (:meth:`hiding`).

    ``authored``: the SHA-256 of each file of the author's content (a CV, a photo),
    published as written. Such a file is judged as a page is (red team 11, R11-26):
    its words are the author's own, as a page's are, so a withheld note's
    :data:`~ivsite.audit.secrets.FIELD_KINDS` (a tag, an employer, a surname that
    is an everyday word) are no leak in it; a name, a sentence, a title, a contact
    detail of a withheld note are, as on a page."""

    def __init__(self, secrets: list[Secret], shown: Seen,
                 withheld_assets: list[AssetSecret], base_url: str,
                 consented: tuple[str, ...], scripts: OwnScripts,
                 authored: frozenset[str] = frozenset()) -> None:
        self.hidden: frozenset[str] = frozenset()
        self.scripts = scripts
        self.consented = names_pattern(consented, glued=True)
        self.names = ConsentedNames(consented)
        self._excusable: dict[int, bool] = {}
        self.own = own_address(base_url)
        self.site = site_address(base_url)
        self.host = own_host(base_url)
        self.addresses = {s.text.strip("/"): s for s in secrets
                          if s.kind in (ADDRESS, ANCHOR)}
        self.wiki = {s.text: s for s in secrets if s.kind == WIKI_NAME}
        self.files = note_files(secrets)  # a withheld note's file named (R16-12)
        anywhere = [s for s in secrets if not s.scope]
        self.matcher, self.in_code = needle_pair(anywhere, shown)
        self.stemmed = stemmed(anywhere, shown)
        self.authored = authored
        self.fields = frozenset(id(s) for s in secrets if s.kind in FIELD_KINDS)
        in_paths = everyday(anywhere, shown)
        self.everyday = frozenset(id(s) for _, s in in_paths)
        self.addressed = Matcher(in_paths)
        self.scoped = scoped(secrets, shown)
        self.beside = Beside(secrets, shown)
        self.assets = {a.digest: a for a in withheld_assets}
        self.recordings = [a for a in withheld_assets if a.windows]
        self.decoding = bool(self.recordings) or any(not is_note_like(a.source)
                                                     for a in withheld_assets)
        """Whether files are decoded for withheld bytes: not where the withheld files
        are the notes' own sources alone, whose text the text search reads decoded."""
        self.secrets = secrets
        self.ids = secret_ids(secrets)
        self.id_set = frozenset(self.ids)
        self._made_from = (shown, withheld_assets, base_url, consented, scripts, authored)
        self._parts: dict[frozenset[str], Search] = {}
        self._digest_of = functools.partial(reading_digest, shown.answers(), base_url,
                                            consented, scripts=scripts.key())
        self.digest = self._digest_of()

    def hiding(self, hidden: frozenset[str]) -> Search:
        """This search, for files read as on screen with ``hidden`` hidden."""
        if hidden == self.hidden:
            return self
        other = copy.copy(self)
        other.hidden = hidden
        other.digest = self._digest_of(tuple(sorted(hidden)))
        other._parts = {}
        return other

    def part(self, ids: frozenset[str]) -> Search:
        """The search for the secrets ``ids`` and every other secret from the same
        notes (a note's short sentences are looked for chained with their
        neighbours: ivsite.audit.sentences.chained), read as this one reads."""
        if ids not in self._parts:
            sources = {s.source for s, i in zip(self.secrets, self.ids, strict=True)
                       if i in ids}
            self._parts[ids] = Search([s for s in self.secrets if s.source in sources],
                                      *self._made_from).hiding(self.hidden)
        return self._parts[ids]

    def withheld_file(self, rel: str, data_digest: str, data: bytes) -> list[Hit]:
        """The file, if it is one the audience was not given (by its hash) or one
        whose front matter says private (ivsite.load.filefront: a note kept as ``.txt``)."""
        a = self.assets.get(data_digest)
        if a is not None:
            return [Hit(rel, Secret("withheld file", a.source, a.source, 0))]
        # A page's text is no recording: only other files are looked in (one
        # automaton's scan per recording).
        if not rel.lower().endswith(MARKUP_SUFFIXES) and not rel.startswith("pagefind/"):
            for a in self.recordings:
                if nearcopy.holds(data, a.windows):
                    return [Hit(rel, Secret("near copy of a recording", a.source, a.source, 0))]
        says = private_front(data)
        if says:
            return [Hit(rel, Secret("file whose front matter says private", says, rel, 0))]
        return self._encoded(rel, data) if self.decoding and not rel.startswith("pagefind/") \
            else []

    def _encoded(self, rel: str, data: bytes) -> list[Hit]:
        """The file, if it carries a withheld file or much of a recording encoded as
        text or packed (a data: URI, a base64 or hex dump, a zip member: red team
        15, R15-02; ivsite.readers.encodedbytes)."""
        found = encoded_copy(PurePosixPath(rel), data, self.assets,
                             [(a.windows, a) for a in self.recordings if a.windows])
        if found is None:
            return []
        a = found[1]
        what = "recording" if a.windows else "withheld file"
        return [Hit(rel, Secret(f"{what} carried encoded", a.source, a.source, 0))]

    def hidden_text(self, rel: str, data: bytes) -> list[Hit]:
        """The file, if it hides text from its reader: asked only of a file that
        gives nothing else away, so that a leak is reported by its source first.
        A comment, a passage or an editor's source a file hides from its reader,
        which the filter refuses in a linked file (red team 11, R11-08 and R11-18)
        (ivsite.readers.hiddentext)."""
        hidden = hidden_in(PurePosixPath(rel).suffix, data) \
            if not rel.startswith("pagefind/") else None
        return [Hit(rel, Secret(f"a file that {hidden[1]}", hidden[1], rel, 0))] \
            if hidden else []

    def hits(self, rel: str, data: bytes, code: bool = True) -> list[Hit]:
        """What one file's text and name give away; ``code`` False: its text and
        name alone (the secrets), not the code it runs or loads nor what could
        not be read, which depend on the reading alone."""
        path = PurePosixPath(rel)
        hits: list[Hit] = []
        seen: set[int] = set()
        # What this file may hold that is no leak here: a withheld field in a file
        # the author wrote, the stem of a word the audience reads in a word index.
        if self.authored and self.is_authored(data):
            seen |= self.fields
        if self.stemmed and is_word_index(path, data):
            seen |= self.stemmed
        if self.everyday and hashlib.sha256(data).hexdigest() in self.scripts.files:
            seen |= self.everyday  # "mark" in the theme's style sheet (R13-08)
        if code and not is_fixed(path, data):  # Pagefind's, the same for every site
            hits += [Hit(rel, Secret(f"unsafe markup ({what})", what, rel, 0))
                     for what in unsafe_code(path, data, self.host, self.scripts)]
        if self.addresses and path.suffix.lower() in MARKUP_SUFFIXES:
            for secret in links_to(rel, data, self.addresses):
                seen.add(id(secret))
                hits.append(Hit(rel, secret))
        here: list[Finder] = [self.in_code] if rel.lower().endswith(CODE_SUFFIXES) else \
            [self.matcher, *(self.scoped[p] for p in prefixes(rel) if p in self.scoped)]
        if self.beside and path.suffix.lower() == ".html":  # a page showing a person's note
            linked = self.beside.on(rel, _NEIGHBOURS.sub(b" ", data))
            here += [linked] if linked is not None else []
        # An archive not read whole (ivsite.readers.streams): what it packs is unknown.
        hits += [Hit(rel, Secret(f"file not read whole ({why})", why, rel, 0))
                 for why in (unread(path, data, self.hidden) if code else ())]
        # Its name can tell too: an everyday word that is a name, in any case there.
        named = [*here, self.addressed] if self.addressed else here
        for text, matchers in ((rel, named),
                               *((t, here) for t in readable_texts(path, data, self.hidden))):
            def find(t: str, matchers: list[Finder] = matchers,
                     contacts: bool = True) -> list[Secret]:
                if self.site is not None:  # the site's own address tells nothing
                    t = self.site.without(t)
                folded = searchable(t)  # once for every matcher: folding costs most
                return [s for m in matchers for s in m.find_in(folded, contacts)]

            # A name found: look again without the names of those who agreed. Not
            # a secret that holds one of those names: masking would take it out
            # with them ("Ana García-López" holds "Ana García"). Nor a contact
            # detail (AS_WRITTEN), so the texts looked in again are not read for
            # contact details: what those find is never asked about (their
            # skeletons were a quarter of the audit of a page of answers).
            found = standing(find(text), text, self.consented,
                             functools.partial(find, contacts=False),
                             lambda s: not s.kind.startswith(AS_WRITTEN) and self.excusable(s))
            for secret in (*addresses_in(text, self.addresses, self.own),
                           *wiki_names_in(text, self.wiki), *self.files.find(text), *found):
                if id(secret) not in seen:
                    seen.add(id(secret))
                    hits.append(Hit(rel, secret))
        return hits

    def is_authored(self, data: bytes) -> bool:
        """Whether ``data`` is a file of the author's content, byte for byte."""
        return hashlib.sha256(data).hexdigest() in self.authored

    def excusable(self, secret: Secret) -> bool:
        """Whether taking the consented names out of a text may excuse a hit on this
        secret: not when the secret holds one of them (see ivsite.names.holding)."""
        if id(secret) not in self._excusable:
            self._excusable[id(secret)] = not self.names.held_by(secret.text)
        return self._excusable[id(secret)]


_NEIGHBOURS = re.compile(rb"""<a\s[^>]*\brel\s*=\s*["']?(?:prev|next)\b[^>]*>""", re.I)
"""A page's link to the note before or after it: the neighbour's title alone, by
date, which shows it no more than any other; its name parts do not count on
the page for it (the filter cannot know a note's neighbours)."""


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
