"""Comments as the audit finds them, with patterns of its own (not the filter's:
no shared blind spot): HTML and ``%%`` comments, other tools' comments (red team
11, R11-04 and R11-15) and, in a text printed as written, a ``#`` line inside a multi-line
value (R11-03). What a comment says is withheld from every audience: ivsite takes
out HTML and ``%%`` comments, and refuses the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .secret import Secret


def _shaped(opening: str, closing: str) -> str:
    """A comment of any tool by its shape (red team 15, R15-05: FreeMarker's ``<#--
    … -->``, Smarty's ``{* … *}``, JSP's ``<%-- … --%>``, Pascal's ``(* … *)``): an
    opening bracket and comment marks, then prose on that line up to marks before the
    closing bracket, or the opener alone on its line and anything up to the closer."""
    marks = r"(?:%--|[%-]*[#*!][#*!%/-]{0,3})"
    closer = r"[#*!%/-]{1,5}" + closing
    return (rf"(?:(?<![^\s>]){opening}{marks}[ \t]+(?=[^\W\d_])[^\n]*?{closer}"
            rf"|(?m:^)[ \t]*{opening}{marks}[ \t]*\n.*?{closer})")


_SHAPED = re.compile("|".join(_shaped(o, c) for o, c in (
    (r"<(?!!--)", ">"), (r"\{\{?", r"\}\}?"), (r"\(", r"\)"), (r"\[", r"\]"))) +
    r"|(?<![^\s>])/\*\*?[ \t]+(?=[^\W\d_])[^\n]*?\*/|(?m:^)[ \t]*/\*\*?[ \t]*\n.*?\*/", re.S)
"""The shape's comments, with C's ``/* … */`` (its marks need no bracket)."""

_SAID_IN_COMMENTS = (
    ("HTML comment", re.compile(r"<!--.*?(?:-->|\Z)", re.S), "<!--", "-->"),
    ("%% comment", re.compile(r"%%.*?(?:%%|\Z)", re.S), "%%", "%%"),
    # Other tools' comments (red team 11, R11-04): CriticMarkup's comment and
    # deletion, Jinja's (not Pandoc's {#id}), Handlebars', MDX's, ERB's.
    ("CriticMarkup comment", re.compile(r"\{>>.*?(?:<<\}|\Z)", re.S), "{>>", "<<}"),
    ("CriticMarkup deletion", re.compile(r"\{--.*?(?:--\}|\Z)", re.S), "{--", "--}"),
    ("Jinja comment", re.compile(r"\{#-?\s.*?(?:#\}|\Z)", re.S), "{#", "#}"),
    ("Handlebars comment", re.compile(r"\{\{~?!.*?(?:\}\}|\Z)", re.S), "{{", "}}"),
    ("MDX comment", re.compile(r"\{/\*.*?(?:\*/\}|\Z)", re.S), "{/*", "*/}"),
    ("ERB comment", re.compile(r"<%-?#.*?(?:%>|\Z)", re.S), "<%", "%>"),
    # Org's and Logseq's comment block, Ulysses' inline comment (R11-15).
    ("Org comment block",
     re.compile(r"(?ims:^#\+begin_comment\b.*?(?:^#\+end_comment\b|\Z))"),
     "#+begin_comment", "#+end_comment"),
    ("Ulysses comment", re.compile(r"(?<![\w+])\+\+(?=[^\s+])[^\n]*?[^\s+]\+\+(?![\w+])"),
     "++", "++"),
    # LaTeX's \iffalse (and \if 0) and C's #if 0 blocks, and any bracketed comment
    # by its shape (R15-05).
    ("LaTeX \\iffalse block",
     re.compile(r"(?m:^\\if(?:false\b|[ \t]*0\b)).*?(?:(?m:^[ \t]*\\fi\b)|\Z)", re.S), "", ""),
    ("#if 0 block", re.compile(r"(?m:^#[ \t]*if[ \t]+(?:0|false)\b).*?"
                               r"(?:(?m:^[ \t]*#[ \t]*endif\b)|\Z)", re.S), "", ""),
    ("comment", _SHAPED, "", ""),
)
_DELIMITERS = "<>{}()[]#*!%/@- \t\n"
_WRAPPING = re.compile(r"^\s*(?:\\iffalse|\\if\s*0|#\s*if\s+(?:0|false))|(?:\\fi|#\s*endif)\s*$")
"""What is left around a comment found by its shape, or a block's opening and
closing lines, once its text is taken."""
_HINT = re.compile(r"[<{(\[/\\%#+](?:(?<=<)!--|(?<=%)%|(?<=\{)|(?<=<)%|(?<=[<(\[])[%-]*[#*!]"
                   r"|(?<=[(\[])%--|(?<=/)\*|(?<=\\)if|(?<=#)[ \t]*if|(?<=#)\+(?i:begin_)"
                   r"|(?<=\+)\+)")
"""Where any comment of :data:`_SAID_IN_COMMENTS` starts: a text none of these are
in holds none (most notes: not searched further, the patterns are many). Its
first character a class, so the search skips along the text (six times faster on
a corpus of notes than the same openers as alternatives)."""
SAID_IN_COMMENT = re.compile("|".join(p.pattern for _, p, _, _ in _SAID_IN_COMMENTS), re.S)
"""Comments as the audit finds them (not the filter's pattern: no shared blind spot)."""


def maybe_comment(body: str) -> bool:
    return _HINT.search(body) is not None


def comments(text: str) -> Iterator[tuple[str, str, int, str]]:
    """Each comment of 12 characters or more in ``text``: (kind, what it says,
    where it starts, the comment as written)."""
    if not maybe_comment(text):
        return
    for kind, pattern, opener, closer in _SAID_IN_COMMENTS:
        for m in pattern.finditer(text):
            said = m.group(0)[len(opener):].removesuffix(closer) if opener else \
                _WRAPPING.sub("", m.group(0)).strip(_DELIMITERS)
            said = " ".join(said.split())
            if len(said) >= 12:
                yield kind, said, m.start(), m.group(0)


_HASH_LINE = re.compile(r"\n[ \t]*#[ \t]*([^\n]{12,})")
"""A later line of a printed text that opens with ``#``: a TOML or YAML comment
written inside a multi-line string (red team 11, R11-03)."""


def printed_comments(source: str, texts: Iterable[str]) -> list[Secret]:
    """What comments say in texts printed as written outside notes (site.toml's
    title, a question's text; red team 10, R10-30), and the ``#`` lines of a text
    written over several lines: no page may show it, whether or not the filter
    refused it."""
    return [*(Secret(kind, said, source, 1)
              for text in texts for kind, said, _, _ in comments(text)),
            *(Secret("'#' line in a value", " ".join(m.group(1).split()), source, 1)
              for text in texts for m in _HASH_LINE.finditer(text))]


def without_comments(text: str) -> str:
    """``text`` without its comments and later ``#`` lines: what a reader may see of it."""
    text = _HASH_LINE.sub("\n", text) if "#" in text else text
    return SAID_IN_COMMENT.sub(" ", text) if maybe_comment(text) else text
