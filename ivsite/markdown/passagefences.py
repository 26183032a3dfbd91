"""How each line of a note's body is read for passage fences, before any parser.

The rules of :mod:`ivsite.markdown.passages` line by line: a line is read on a
normalised copy (Unicode spaces, format characters, look-alike colons and
container prefixes), so anything that looks like a fence is one; fenced and
indented code keep ``:::`` literal (which lines are code is asked of a block-level
parse); a line that is almost a fence, or a fence in a place Markdown cannot read
it, is a problem at its line; and what each passage held is kept, paragraph by
paragraph and line by line, for the audit to look for. Apart from
:mod:`ivsite.markdown.passages` because the scanner is most of the code and the
cut's contract is short.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..markup.saidwords import attribute_words, title_words
from . import comments

KINDS = ("private", "mentor")
_COLONS = str.maketrans(dict.fromkeys("：∶꞉˸ː⁚︓﹕׃᛬܃܄⦂։፡ꓽ", ":"))
_FORMAT = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                     r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff"
                     r"\uffa0\U000e0000-\U000e0fff]")
_SPACES = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
"""Unicode spaces (Zs) and control characters (Cc) but the newline: a fence reads
them as spaces. (A test checks this against the interpreter's Unicode tables.)"""
MAYBE_CODE = re.compile(r"```|~~~|^[ \t>*+\-\d.)]*?(?: {4}|\t)", re.M)
"""Something that could be fenced or indented code; without it no line is code."""
PREFIX = re.compile(r"(?:[ \t]|>|(?:[-*+:~]|\d{1,9}[.)]|\[\^[^\]]*\]:)(?=[ \t]|$))*")
"""What may stand before a fence on its line: indentation, quote markers, list,
definition and footnote markers (Markdown opens a passage after any of them)."""
_KIND_ANYWHERE = re.compile(r":{3,}[ \t]*(?:private|mentor)\b", re.I)
_FENCE = re.compile(r":{3,}")
ATTEMPT = re.compile(r"^[ \t>*+\-]*(?:\d{1,9}[.)][ \t]*)?((?::[ \t]*)+)"
                      r"(private|mentor|public)[ \t:]*$", re.I | re.M)
"""A line that is no fence but was meant as one: one or two colons, or colons with
spaces between them, then a visibility word alone (``:: private``, ``::private``,
``: : : Mentor``). Read as text it would publish the passage it meant to hide."""
_WORD = re.compile(r"[:\s]*(\S*)\s*(.*)")


@dataclass(frozen=True)
class Problem:
    """Something about a note's passages or comments that fails the build."""

    line: int
    """0-based line of the body."""
    code: str
    message: str
    hint: str


@dataclass(frozen=True)
class Line:
    src: int
    """0-based line of the body this line came from."""
    text: str
    kinds: tuple[str, ...]
    """The passages this line stands in, outermost first (a fence: its own too)."""
    fence: str = ""
    """"open" or "close" for a passage fence (rewritten as the parser should read it),
    "literal" for a fence-like line in code, "" for any other line."""


@dataclass(frozen=True)
class Withheld:
    """A withheld stretch of a note, for the audit to look for."""

    line: int
    kinds: tuple[str, ...]
    text: str
    link: bool = False
    """An address the passage links to (a definition's or a link's target)."""


# ---- code: the lines where ':::' and '<!--' are literal --------------------------

FENCED, INDENTED, UNCLOSED = "fenced", "indented", "unclosed"


@cache
def _block_parser() -> MarkdownIt:
    """The block structure ivsite's dialect gives, passages aside: enough to know
    which lines are code (inline parsing is switched off: it is not needed)."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table"])
    footnote_plugin(md, inline=False, move_to_end=False)
    deflist_plugin(md)
    md.disable("inline")
    return md


def code_lines(body: str, count: int) -> dict[int, str]:
    """Each line of fenced or indented code, and which (a fence never closed
    runs to the end of its container: its fence-like lines are ambiguous)."""
    out: dict[int, str] = {}
    for tok in _block_parser().parse(body):
        if tok.map is None or tok.type not in ("fence", "code_block"):
            continue
        start, end = tok.map
        kind = INDENTED if tok.type == "code_block" else FENCED
        if kind == FENCED:
            last = PREFIX.sub("", body.split("\n")[end - 1]) if end - 1 > start else ""
            closed = last.strip().startswith(tok.markup) and not last.strip().strip(
                tok.markup[0])
            kind = FENCED if closed else UNCLOSED
        for i in range(start, min(end, count)):
            out[i] = kind
    return out


# ---- passages --------------------------------------------------------------------

@dataclass
class _Open:
    kind: str
    colons: int
    index: int
    """Its place in the output lines (its text is written when it closes)."""
    prefix: str
    height: int = 1


def normal(text: str) -> str:
    """Lines as they read, for telling whether they are fences: line by line, as
    each character maps alone and the newline never joins a normal form."""
    if not text.isascii():
        text = _FORMAT.sub("", text)
    if text.isascii():
        return text.replace("\t", " ")
    return unicodedata.normalize("NFKC", _SPACES.sub(" ", text)).translate(_COLONS)


def _misplaced(norm: str) -> bool:
    """Whether a line that is no fence still names a passage with ':::' outside code."""
    found = _KIND_ANYWHERE.search(norm)
    if found is None:
        return False
    spans = comments.spans(norm) if "`" in norm else []
    return any(not any(a <= m.start() < b for a, b in spans)
               for m in _KIND_ANYWHERE.finditer(norm))


def _near_fence(src: int, attempt: re.Match[str]) -> Problem:
    """The error for a line that is almost a fence: it fails closed, since what it
    meant to hide would otherwise be published as text."""
    colons, word = attempt.group(1).strip(), attempt.group(2)
    kind = word.casefold()
    return Problem(
        src, "passage-fence-colons",
        f"'{colons} {word}' looks like a passage fence but is not one (a fence is "
        "three colons together), so its text would be published",
        "there is no public passage: text outside passages is public; remove this line"
        if kind == "public" else f"write '::: {kind}' to open the passage and ':::' to "
        "close it, each alone on its line")


def passage_lines(lines: list[tuple[int, str]], code: dict[int, str], problems: list[Problem],
              secrets: list[Withheld]) -> list[Line]:
    out: list[Line] = []
    stack: list[_Open] = []
    body: list[tuple[int, str]] = []  # the innermost passage's text so far

    def kinds() -> tuple[str, ...]:
        return tuple(o.kind for o in stack)

    for src, text in lines:
        norm = normal(text)
        fence = None
        if ":::" in norm:  # otherwise neither a fence nor a misplaced one
            prefix = PREFIX.match(norm)
            rest = norm[prefix.end():] if prefix else norm
            fence = _FENCE.match(rest)
        if fence is None:
            attempt = ATTEMPT.match(norm) if code.get(src) is None else None
            if attempt is not None:
                problems.append(_near_fence(src, attempt))
            elif ":::" in norm and code.get(src) is None and _misplaced(norm):
                problems.append(Problem(
                    src, "passage-fence-placement",
                    "a passage fence stands inside this line, where ivsite does not read "
                    "it as one", "put '::: private' or '::: mentor' at the start of a line "
                    "of its own, or in `code` to show it"))
            out.append(Line(src, text, kinds()))
            if stack:
                body.append((src, text))
            continue
        where = code.get(src)
        if where == FENCED:
            out.append(Line(src, text, kinds(), "literal"))
            if stack:
                body.append((src, text))
            continue
        if where is not None:
            problems.append(Problem(
                src, "passage-in-code",
                "this ':::' line stands in indented code" if where == INDENTED else
                "this ':::' line stands in a code block that is never closed",
                "a passage fence goes at most three spaces in; to show ':::' as code, "
                "put it in a closed ``` block"))
            out.append(Line(src, text, kinds(), "literal"))  # the note is not published
            continue
        if norm != text:
            problems.append(Problem(
                src, "passage-fence-spelling",
                "this passage fence has unusual characters in it (Unicode spaces, "
                "zero-width characters or look-alike colons)",
                "write it with plain ':' and spaces, e.g. '::: private'"))
        colons = len(fence.group(0))
        word, extra = _WORD.match(rest[colons:]).groups()  # type: ignore[union-attr]
        lead = prefix.group(0) if prefix else ""
        if not word:
            if not stack:
                problems.append(Problem(
                    src, "container-stray-close",
                    f"'{':' * colons}' closes a passage that is not open here",
                    "remove it, or open the passage with '::: private' or '::: mentor'"))
                out.append(Line(src, text, ()))  # reported: not a fence, not code
                continue
            top = stack[-1]
            if colons != top.colons:
                problems.append(Problem(
                    src, "container-close-mismatch",
                    f"'{':' * colons}' closes the '{top.kind}' passage opened with "
                    f"'{':' * top.colons}'",
                    "close a passage with as many colons as opened it"))
            stack.pop()
            if stack:
                stack[-1].height = max(stack[-1].height, top.height + 1)
            mark = ":" * (2 + top.height)
            out[top.index] = Line(out[top.index].src, f"{top.prefix}{mark} {top.kind}",
                                  out[top.index].kinds, "open")
            out.append(Line(src, f"{lead}{mark}", (*kinds(), top.kind), "close"))
            _keep_secret(body, top, stack, secrets, out)
            continue
        kind = word.casefold() if word.casefold() in KINDS else "private"
        if word not in KINDS or extra:
            problems.append(Problem(
                src, "container-unknown",
                f"'{(':' * colons + ' ' + word + ' ' + extra).strip()}' is not a passage "
                "ivsite knows",
                f"write it in lower case: ::: {kind}" if word.casefold() in KINDS and
                not extra else "the passages are '::: private' and '::: mentor', "
                "alone on their line"))
        stack.append(_Open(kind, colons, len(out), lead))
        out.append(Line(src, text, kinds(), "open"))
    for o in reversed(stack):
        problems.append(Problem(
            out[o.index].src, "container-unclosed",
            f"the '{o.kind}' passage opened here is never closed",
            "close it with a line of as many colons as opened it"))
        out[o.index] = Line(out[o.index].src, f"{o.prefix}::: {o.kind}",
                            out[o.index].kinds, "open")
    if stack:
        _add_secrets(body, tuple(o.kind for o in stack), secrets)
    return out


def _keep_secret(body: list[tuple[int, str]], closed: _Open, stack: list[_Open],
                 secrets: list[Withheld], out: list[Line]) -> None:
    """What a passage held, once it closes (an outer one holds the inner's too)."""
    start = out[closed.index].src
    _add_secrets([(s, t) for s, t in body if s > start],
                 (*(o.kind for o in stack), closed.kind), secrets)
    if not stack:
        body.clear()


def _add_secrets(lines: list[tuple[int, str]], kinds: tuple[str, ...],
                 secrets: list[Withheld]) -> None:
    """A passage's text as the audit looks for it: each paragraph, and each line
    of a paragraph of several (a table row or a wrapped line can leak alone);
    the words of its tags' attributes and its links' titles, which :func:`_prose`
    drops with the markup (ivsite.markup.saidwords)."""
    para: list[tuple[int, str]] = []
    for src, text in [*lines, (-1, "")]:
        if text.strip(" >\t"):
            para.append((src, text))
            continue
        if para:
            secrets.append(Withheld(para[0][0], kinds, _prose(t for _, t in para)))
            if len(para) > 1:
                secrets.extend(Withheld(s, kinds, _prose([t])) for s, t in para)
            secrets.extend(Withheld(s, kinds, url, link=True)
                           for s, t in para for url in _URL.findall(t))
            joined = "\n".join(t for _, t in para)  # words in a tag or a title (R16-03)
            secrets.extend(Withheld(para[0][0], kinds, said) for said in
                           dict.fromkeys((*attribute_words(joined), *title_words(joined))))
        para = []


_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s)<>\"']+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]*>|^\s*\[[^\]]+\]:\s*\S+|[|>]")


def _prose(texts: Iterable[str]) -> str:
    """Passage lines as words: link targets and tags dropped, the rest joined."""
    return " ".join(" ".join(_LINK_TARGET.sub(" ", t) for t in texts).split())
