"""Stage 2 — parse: front matter and Markdown tokens of every note, cached by hash.

Parsing is most of a build's time, so each result is kept under the hash of the
note's bytes; a warm build or a live-preview save re-parses only what changed.
The result is never mutated by later stages (the audience filter copies).
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from .diagnostics import Diagnostic
from .frontmatter import FrontMatter, split
from .load import SourceFile
from .markdown import parse_body

PARSER_VERSION = "4"


@dataclass
class ParsedNote:
    source: SourceFile
    fm: FrontMatter | None
    tokens: list[Token] = field(default_factory=list)
    env: dict[str, object] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def parse_note(
    source: SourceFile,
    body_parser: Callable[[str], tuple[list[Token], dict[str, object]]] = parse_body,
) -> ParsedNote:
    fm, diags = split(source.rel, source.data)
    if fm is None:
        return ParsedNote(source, None, diagnostics=diags)
    try:
        tokens, env = body_parser(fm.body)
    except Exception as exc:  # a parser bug must not become the user's traceback
        diags.append(Diagnostic(source.rel, fm.body_line, 1, "error", "markdown",
                                f"the Markdown could not be read: {exc!r}"))
        return ParsedNote(source, None, diagnostics=diags)
    diags.extend(_container_problems(source.rel, fm.body_line, tokens, fm.body))
    diags.extend(_comment_problems(source.rel, fm.body_line, tokens))
    return ParsedNote(source, fm, tokens, env, diags)


def _comment_problems(path: str, offset: int, tokens: list[Token]) -> list[Diagnostic]:
    """Fail closed on an HTML comment that Markdown does not read as one.

    A comment that runs past a blank line inside a paragraph, list item, quote or
    table cell, or is never closed, is text to a Markdown parser: it would be
    published word for word, although its author wrote it as a comment.
    """
    out: list[Diagnostic] = []
    last = max((t.map[1] for t in tokens if t.map), default=0)
    for tok in tokens:
        unclosed = False
        if tok.type == "inline" and "<!--" in tok.content:
            raw = tok.content.count("<!--") - tok.content.count("\\<!--")
            unclosed = raw > _read_as_html(tok.children or [])
        elif tok.type == "html_block" and "<!--" in tok.content and tok.map:
            # A comment block left open runs to the end of the note: all of it is
            # hidden, as a browser would. Any other block that leaves one open ends
            # at a blank line, and what follows it would be published.
            tail = tok.content[tok.content.rfind("<!--"):]
            unclosed = "-->" not in tail[4:] and tok.map[1] < last
        if unclosed:
            out.append(Diagnostic(
                path, (tok.map[0] if tok.map else 0) + offset, 1, "error", "comment-unclosed",
                "this HTML comment is not closed before the next blank line, so Markdown "
                "would publish it as text",
                "close it with '-->' before the blank line, or start the comment on a "
                "line of its own",
            ))
    return out


def _read_as_html(children: list[Token]) -> int:
    """How many '<!--' the inline parser took as HTML or code (never printed as text)."""
    n = 0
    for c in children:
        if c.type in ("html_inline", "code_inline"):
            n += c.content.count("<!--")
        elif c.children:
            n += _read_as_html(c.children)
    return n


def _container_problems(
    path: str, offset: int, tokens: list[Token], body: str
) -> list[Diagnostic]:
    """Fail closed on passages whose privacy the parser could not be sure of."""
    out: list[Diagnostic] = []
    stack: list[Token] = []
    for tok in tokens:
        if tok.type.startswith("container_") and tok.type.endswith("_open"):
            stack.append(tok)
            line = (tok.map[0] if tok.map else 0) + offset
            if tok.type == "container_other_open" and not tok.info.strip():
                # A bare ':::' where no passage is open: the container parser reads it
                # as an opening fence, but what the author wrote is a closing one.
                out.append(Diagnostic(
                    path, line, 1, "error", "container-stray-close",
                    f"'{tok.markup}' closes a passage that is not open here",
                    "a passage nested in another needs a longer outer fence: "
                    "'::::' outside and ':::' inside",
                ))
            elif tok.type == "container_other_open":
                word = tok.info.strip().split(" ", 1)[0]
                hint = "the passages are '::: private' and '::: mentor'"
                if word.lower() in ("private", "mentor"):
                    hint = f"write it in lower case: ::: {word.lower()}"
                out.append(Diagnostic(
                    path, line, 1, "error", "container-unknown",
                    f"'{tok.markup} {word}' is not a kind of passage ivsite knows"
                    if word else f"'{tok.markup}' opens a passage without saying whose it is",
                    hint,
                ))
        elif tok.type.startswith("container_") and tok.type.endswith("_close"):
            opener = stack.pop() if stack else None
            stray = opener is not None and opener.type == "container_other_open" \
                and not opener.info.strip()
            if not tok.markup and not stray:  # a stray ':::' is reported once, above
                line = (opener.map[0] if opener and opener.map else 0) + offset
                out.append(Diagnostic(
                    path, line, 1, "error", "container-unclosed",
                    f"the '{opener.info.strip() if opener else ''}' passage opened here "
                    "is never closed",
                    "close it with a line ':::' (a passage nested in another needs a longer "
                    "outer fence, e.g. '::::' outside and ':::' inside)",
                ))
        elif tok.type == "inline" and tok.map:
            first = tok.content.strip().split("\n", 1)[0].strip()
            if len(first) >= 3 and set(first) == {":"}:
                out.append(Diagnostic(
                    path, tok.map[0] + offset, 1, "error", "container-stray-close",
                    f"'{first}' closes a passage that is not open here",
                    "a passage nested in another needs a longer outer fence: "
                    "'::::' outside and ':::' inside",
                ))
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

    def stale(self, live: int) -> bool:
        """Whether more than a few notes parsed before are gone (versions of a note
        since saved again), so that it is worth going through every entry."""
        return len(self._mem) - live > 8

    def prune(self, live: set[tuple[str, str]]) -> None:
        for key in list(self._mem):
            if key not in live:
                del self._mem[key]
        if self._folder is not None:
            bodies = {hashlib.sha256(p.fm.body.encode("utf-8")).hexdigest()
                      for p in self._mem.values() if p.fm is not None}
            for h in list(self._disk):
                if h not in bodies:
                    del self._disk[h]
                    self._dirty = True

    def drop_disk(self) -> None:
        """Forget what was read from disk (its notes are in memory by now)."""
        self._disk = {}
        self._folder = None

    def save(self) -> None:
        f = self._file()
        if f is None or not self._dirty or self._read_only:
            return
        f.parent.mkdir(parents=True, exist_ok=True)
        tmp = f.with_suffix(".tmp")
        tmp.write_bytes(marshal.dumps(self._disk))
        tmp.replace(f)
        self._dirty = False
