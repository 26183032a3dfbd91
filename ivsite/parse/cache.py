"""The parse cache: parsed notes and audience views, kept between builds.

Parsing is most of a build's time, so each parse is kept under the hash of the
text parsed; a warm build or a live-preview save re-parses only what changed, and
a cold build shares the parse out over the machine's cores (:mod:`ivsite.core.cores`),
whose workers send each parse back as plain data (:mod:`ivsite.markdown.tokendata`).
"""

from __future__ import annotations

import gc
import hashlib
import marshal
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from markdown_it.token import Token

from ..core.cores import processes_for, spread
from ..core.diagnostics import Diagnostic
from ..core.sourcefiles import SourceFile
from ..markdown import passages
from ..markdown.dialect import parse_body
from ..markdown.frontmatter import FrontMatter
from ..markdown.passages import Cut
from ..markdown.tokendata import dump_parse, load_parse
from .stage import ParsedNote, ParsedView, finish_note, parse_cut, parse_note, read_note

PARSER_VERSION = "7"

NoteParts = tuple[FrontMatter | None, list[Diagnostic], Cut | None, str, bytes | None]
"""What a worker makes of a note (see :func:`_note_job`): header, diagnostics, cut,
the hash of the text to parse and its parse (:func:`dump_parse`; None: not made)."""


# ---- the workers' part (see ivsite.core.cores) ----------------------------------------

def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_known: frozenset[str] = frozenset()
"""In a worker: the hashes of the texts the cache holds a parse of already."""


def _know(known: frozenset[str]) -> None:
    global _known
    _known = known


def _note_job(source: SourceFile) -> NoteParts | None:
    """A worker's part of :func:`parse_note`: None when anything went wrong, so that
    the note is parsed again in the build's process and reported from there."""
    try:
        fm, diags, cut = read_note(source)
        if cut is None:
            return fm, diags, None, "", None
        text = cut.text(passages.KINDS)[0]
        h = _digest(text)
        return fm, diags, cut, h, None if h in _known else dump_parse(*parse_body(text))
    except Exception:
        return None


def _text_job(text: str) -> bytes | None:
    try:
        return dump_parse(*parse_body(text))
    except Exception:  # parsed again, and reported, in the build's process
        return None


def _view_key(made: tuple[str, tuple[int, ...]]) -> str:
    return _digest(f"{made[0]}\0{made[1]}")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsed notes are millions of small objects that make no cycles and live on;
    while they pile up, each of the cyclic collector's full passes looks at all of
    them again, which cost more than making them (two thirds of the parse stage's
    time in this process, at 1,000 notes). So it waits until they are made."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _settled() -> None:
    """A pool's worth of parses is in memory, and stays there until the build ends:
    frozen, the cyclic collector's full passes in the later stages never go over
    it again (with the pause above, a 1,000-note build's process spends within a
    few per cent of what it does with the collector off). Only a one-shot build
    gets here: the live preview runs threads, and so never a pool."""
    gc.freeze()


class ParseCache:
    """Parsed notes: in memory by file and hash (the live preview keeps it for its
    life), and on disk by the hash of the text parsed (warm builds).

    On disk each parse is kept as :func:`ivsite.markdown.tokendata.dump_parse` bytes, read
    back only when asked for; front matter is not cached (libyaml re-reads it in
    microseconds, and dates do not survive marshal).
    """

    def __init__(self, folder: Path | None = None, *, read_only: bool = False) -> None:
        self._mem: dict[tuple[str, str], ParsedNote] = {}
        self._disk: dict[str, bytes] = {}
        self._fresh: dict[str, bytes] = {}
        """Parses the workers made, each taken out when first asked for."""
        self._folder = folder
        self._read_only = read_only
        """Read what a build left on disk, never add to it or write it (the live
        preview: it starts faster from it, then keeps notes in memory only)."""
        self._dirty = False
        self._disk_used: set[str] = set()
        self._views: dict[str, ParsedView] = {}
        self._views_used: set[str] = set()
        if folder is not None:
            self._load()

    def _file(self) -> Path | None:
        return self._folder / f"bodies-v{PARSER_VERSION}.marshal" if self._folder else None

    def _load(self) -> None:
        f = self._file()
        if f is None or not f.is_file():
            return
        try:
            data = marshal.loads(f.read_bytes())
            if isinstance(data, dict):
                self._disk = data
        except (ValueError, EOFError, TypeError):  # stale or corrupt: only slower
            self._disk = {}

    def get(self, source: SourceFile) -> ParsedNote:
        key = (source.rel, source.digest)
        hit = self._mem.get(key)
        if hit is not None:
            return hit
        parsed = parse_note(source, self._body)
        self._mem[key] = parsed
        return parsed

    def get_many(self, sources: Sequence[SourceFile],
                 advance: Callable[[int], object] = lambda _: None) -> list[ParsedNote]:
        """:meth:`get` of each source; the notes not in memory are read and parsed
        across the machine's cores when there are enough of them. ``advance`` is
        told of each note done."""
        with _collector_paused():
            return self._get_many(sources, advance)

    def _get_many(self, sources: Sequence[SourceFile],
                  advance: Callable[[int], object]) -> list[ParsedNote]:
        misses = list({(s.rel, s.digest): s for s in sources
                       if (s.rel, s.digest) not in self._mem}.values())
        processes = processes_for(len(misses))
        pooled: set[tuple[str, str]] = set()
        if processes:
            made = spread(_note_job, misses, processes, _know, (frozenset(self._disk),))
            for source, parts in zip(misses, made, strict=True):
                key = (source.rel, source.digest)
                if parts is None:
                    self._mem[key] = parse_note(source, self._body)
                else:
                    fm, diags, cut, h, entry = parts
                    if entry is not None:
                        self._fresh[h] = entry
                    self._mem[key] = finish_note(source, fm, diags, cut, self._body)
                pooled.add(key)
                advance(1)
            _settled()
        out = []
        for source in sources:
            out.append(self.get(source))
            if (source.rel, source.digest) not in pooled:
                advance(1)
        return out

    def _body(self, body: str) -> tuple[list[Token], dict[str, object]]:
        h = _digest(body)
        self._disk_used.add(h)
        stored = self._disk.get(h)
        fresh = stored is None and h in self._fresh
        if fresh:
            stored = self._fresh.pop(h)
        if stored is not None:
            try:
                parsed = load_parse(stored)
            except Exception:  # a corrupt or stale entry: only slower, parsed again
                pass
            else:
                if fresh:
                    self._keep(h, stored)
                return parsed
        tokens, env = parse_body(body)
        entry = dump_parse(tokens, env) if self._writes() else None
        if entry is not None:
            self._keep(h, entry)
        return tokens, env

    def _writes(self) -> bool:
        return self._folder is not None and not self._read_only

    def _keep(self, h: str, entry: bytes) -> None:
        if self._writes():
            self._disk[h] = entry
            self._dirty = True

    def view(self, cut: Cut, sees: Iterable[str]) -> ParsedView:
        """An audience's tokens of a note (see :func:`parse_cut`), kept by the text
        and line map it was made from; callers never change them."""
        made = cut.text(sees)
        key = _view_key(made)
        self._views_used.add(key)
        hit = self._views.get(key)
        if hit is None:
            hit = self._views[key] = parse_cut(cut, sees, self._body, made)
        return hit

    def prefetch_views(self, cuts: Iterable[Cut], sees: Iterable[str]) -> None:
        """Make the views :meth:`view` will be asked for, across the machine's cores
        when enough of them need a parse (otherwise each is made when asked for)."""
        with _collector_paused():
            self._prefetch_views(cuts, sees)

    def _prefetch_views(self, cuts: Iterable[Cut], sees: Iterable[str]) -> None:
        allowed = frozenset(sees)
        texts: dict[str, str] = {}
        """Each text no parse is kept of, by its hash."""
        for cut in cuts:
            if not cut.hides(allowed):
                continue
            text = cut.text(allowed)[0]
            h = _digest(text)
            if h in self._disk:
                # Read back only when :meth:`view` asks (a view the store holds the
                # note filtered from is never asked for), and kept for the next
                # build either way: a build that finds every note filtered in the
                # store asks for none, and would otherwise drop them all from disk.
                self._disk_used.add(h)
            elif h not in self._fresh:
                texts.setdefault(h, text)
        processes = processes_for(len(texts))
        if not processes:
            return
        for h, entry in zip(texts, spread(_text_job, list(texts.values()), processes),
                            strict=True):
            if entry is None:
                continue
            if self._writes():  # kept for this build and the next
                self._keep(h, entry)
                self._disk_used.add(h)
            else:
                self._fresh[h] = entry
        _settled()

    def stale(self, live: int) -> bool:
        """Whether more than a few notes parsed before are gone (versions of a note
        since saved again), so that it is worth going through every entry."""
        return len(self._mem) - live > 8

    def prune(self, live: set[tuple[str, str]]) -> None:
        self._views = {k: v for k, v in self._views.items() if k in self._views_used}
        self._views_used = set()
        for key in list(self._mem):
            if key not in live:
                del self._mem[key]

    def drop_disk(self) -> None:
        """Forget what was read from disk (its notes are in memory by now)."""
        self._disk = {}
        self._folder = None

    def save(self) -> None:
        f = self._file()
        if f is None or self._read_only or not (
                self._dirty or len(self._disk_used) < len(self._disk)):
            return
        f.parent.mkdir(parents=True, exist_ok=True)
        tmp = f.with_suffix(".tmp")
        # Only the texts this build parsed or read: the rest belong to old versions.
        kept = {h: v for h, v in self._disk.items() if h in self._disk_used}
        tmp.write_bytes(marshal.dumps(kept))
        tmp.replace(f)
        self._dirty = False
