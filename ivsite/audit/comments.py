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
)
SAID_IN_COMMENT = re.compile("|".join(p.pattern for _, p, _, _ in _SAID_IN_COMMENTS), re.S)
"""Comments as the audit finds them (not the filter's pattern: no shared blind spot)."""


def maybe_comment(body: str) -> bool:
    return "<!--" in body or "%%" in body or "{" in body or "<%" in body


def comments(text: str) -> Iterator[tuple[str, str, int, str]]:
    """Each comment of 12 characters or more in ``text``: (kind, what it says,
    where it starts, the comment as written)."""
    for kind, pattern, opener, closer in _SAID_IN_COMMENTS:
        for m in pattern.finditer(text):
            said = " ".join(m.group(0)[len(opener):].removesuffix(closer).split())
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
