"""Stage 2 — parse: front matter and Markdown tokens of every note, cached by hash.

Parsing is most of a build's time, so each result is kept under the hash of the
note's bytes; a warm build or a live-preview save re-parses only what changed.
The result is never mutated by later stages (the audience filter copies).
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from . import passages
from .diagnostics import Diagnostic
from .frontmatter import FrontMatter, split
from .load import SourceFile
from .markdown import parse_body
from .passages import Cut, Problem

PARSER_VERSION = "5"


@dataclass
class ParsedNote:
    source: SourceFile
    fm: FrontMatter | None
    tokens: list[Token] = field(default_factory=list)
    """The private view's tokens: every passage, no comment (see ivsite.passages)."""
    env: dict[str, object] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    cut: Cut = field(default_factory=lambda: passages.cut(""))


ParsedView = tuple[list[Token], dict[str, object], list[Problem]]
BodyParser = Callable[[str], tuple[list[Token], dict[str, object]]]


def parse_note(source: SourceFile, body_parser: BodyParser = parse_body) -> ParsedNote:
    fm, diags = split(source.rel, source.data)
    if fm is None:
        return ParsedNote(source, None, diagnostics=diags)
    try:
        cut = passages.cut(fm.body)
        tokens, env, problems = parse_cut(cut, passages.KINDS, body_parser)
    except Exception as exc:  # a parser bug must not become the user's traceback
        diags.append(Diagnostic(source.rel, fm.body_line, 1, "error", "markdown",
                                f"the Markdown could not be read: {exc!r}"))
        return ParsedNote(source, None, diagnostics=diags)
    diags.extend(problem_diagnostics(source.rel, fm.body_line, problems))
    return ParsedNote(source, fm, tokens, env, diags, cut)


def parse_cut(cut: Cut, sees: Iterable[str], body_parser: BodyParser = parse_body,
              made: tuple[str, tuple[int, ...]] | None = None) -> ParsedView:
    """Tokens of the text an audience may see (maps are body lines), the parser's
    env, and the cut's problems with anything the parser read otherwise. ``made``:
    ``cut.text(sees)``, when the caller has it already."""
    text, where = made or cut.text(sees)
    tokens, env = body_parser(text)
    if where and where[-1] != len(where) - 1:  # lines were taken out
        passages.remap(tokens, where)
    problems = [*cut.problems, *passages.check_tokens(tokens, cut, sees)]
    problems.sort(key=lambda p: p.line)
    return tokens, env, problems


def problem_diagnostics(path: str, offset: int, problems: Iterable[Problem]) -> list[Diagnostic]:
    seen: set[tuple[int, str]] = set()
    out = []
    for p in problems:
        if (p.line, p.code) not in seen:
            seen.add((p.line, p.code))
            out.append(Diagnostic(path, p.line + offset, 1, "error", p.code, p.message, p.hint))
    return out


TokenTuple = tuple[Any, ...]


def _to_tuple(t: Token) -> TokenTuple:
    return (t.type, t.tag, t.nesting, t.attrs or None, t.map, t.level,
            tuple(_to_tuple(c) for c in t.children) if t.children is not None else None,
            t.content, t.markup, t.info, t.meta or None, t.block, t.hidden)


def _from_tuple(v: TokenTuple) -> Token:
    (type_, tag, nesting, attrs, map_, level, children, content, markup, info, meta, block,
     hidden) = v
    return Token(
        type_, tag, nesting, attrs=dict(attrs) if attrs else {},
        map=list(map_) if map_ is not None else None, level=level, content=content,
        markup=markup, info=info, meta=dict(meta) if meta else {}, block=block, hidden=hidden,
        children=[_from_tuple(c) for c in children] if children is not None else None,
    )


class ParseCache:
    """Parsed notes: in memory by file and hash (the live preview keeps it for its
    life), and on disk by the hash of the Markdown body (warm builds).

    The disk form is ``marshal``-ed tuples, several times faster to read back than
    pickled token objects; front matter is not cached (libyaml re-reads it in
    microseconds, and dates do not survive marshal).
    """

    def __init__(self, folder: Path | None = None, *, read_only: bool = False) -> None:
        self._mem: dict[tuple[str, str], ParsedNote] = {}
        self._disk: dict[str, tuple[tuple[TokenTuple, ...], dict[str, object]]] = {}
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

    def _body(self, body: str) -> tuple[list[Token], dict[str, object]]:
        h = hashlib.sha256(body.encode("utf-8")).hexdigest()
        stored = self._disk.get(h)
        self._disk_used.add(h)
        if stored is not None:
            tuples, env = stored
            return [_from_tuple(t) for t in tuples], dict(env)
        tokens, env = parse_body(body)
        if self._folder is not None and not self._read_only:
            try:
                entry = (tuple(_to_tuple(t) for t in tokens), env)
                marshal.dumps(entry)
            except ValueError:
                pass  # something marshal cannot hold: just not cached
            else:
                self._disk[h] = entry
                self._dirty = True
        return tokens, env

    def view(self, cut: Cut, sees: Iterable[str]) -> ParsedView:
        """An audience's tokens of a note (see :func:`parse_cut`), kept by the text
        and line map it was made from; callers never change them."""
        made = cut.text(sees)
        key = hashlib.sha256(f"{made[0]}\0{made[1]}".encode()).hexdigest()
        self._views_used.add(key)
        hit = self._views.get(key)
        if hit is None:
            hit = self._views[key] = parse_cut(cut, sees, self._body, made)
        return hit

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
