"""Stage 2 — parse: front matter and Markdown tokens of every note, and of each
audience's text of it (ivsite.parse.cache keeps them, and shares a cold build's
parse out over the machine's cores). Pure functions of the note's bytes: the
result is never mutated by later stages (the audience filter copies).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from markdown_it.token import Token

from ..core.diagnostics import Diagnostic
from ..core.sourcefiles import SourceFile
from ..markdown import passages
from ..markdown.dialect import parse_body
from ..markdown.frontmatter import FrontMatter, split
from ..markdown.passages import Cut, Problem
from ..markdown.secondfront import second_front_matter


@dataclass
class ParsedNote:
    source: SourceFile
    fm: FrontMatter | None
    tokens: list[Token] = field(default_factory=list)
    """The private view's tokens: every passage, no comment (see ivsite.markdown.passages)."""
    env: dict[str, object] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    cut: Cut = field(default_factory=lambda: passages.cut(""))


ParsedView = tuple[list[Token], dict[str, object], list[Problem]]
BodyParser = Callable[[str], tuple[list[Token], dict[str, object]]]


def read_note(source: SourceFile) -> tuple[FrontMatter | None, list[Diagnostic], Cut | None]:
    """A note's header and cut, before any Markdown parse; no cut when it cannot be read."""
    fm, diags = split(source.rel, source.data)
    if fm is None:
        return None, diags, None
    diags += second_front_matter(source.rel, fm)
    try:
        return fm, diags, passages.cut(fm.body)
    except Exception as exc:  # a cutter bug must not become the user's traceback
        diags.append(_unreadable(source, fm, exc))
        return None, diags, None


def parse_note(source: SourceFile, body_parser: BodyParser = parse_body) -> ParsedNote:
    return finish_note(source, *read_note(source), body_parser)


def finish_note(source: SourceFile, fm: FrontMatter | None, diags: list[Diagnostic],
                cut: Cut | None, body_parser: BodyParser = parse_body) -> ParsedNote:
    """The note :func:`read_note` read, with its private view parsed."""
    if fm is None or cut is None:
        return ParsedNote(source, None, diagnostics=diags)
    try:
        tokens, env, problems = parse_cut(cut, passages.KINDS, body_parser)
    except Exception as exc:  # a parser bug must not become the user's traceback
        diags.append(_unreadable(source, fm, exc))
        return ParsedNote(source, None, diagnostics=diags)
    diags.extend(problem_diagnostics(source.rel, fm.body_line, problems))
    return ParsedNote(source, fm, tokens, env, diags, cut)


def _unreadable(source: SourceFile, fm: FrontMatter, exc: Exception) -> Diagnostic:
    return Diagnostic(source.rel, fm.body_line, 1, "error", "markdown",
                      f"the Markdown could not be read: {exc!r}")


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
