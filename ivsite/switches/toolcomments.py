"""Text other tools hide that ivsite shows: their comments, and titles that say private.

Notes brought from other tools keep those tools' ways of hiding text, which
ivsite does not read and would publish as written (red team 4, J-tools):
kramdown's ``{::comment}``, the ``{# … #}`` of Jinja, Nunjucks, Twig and Django,
CriticMarkup's comments and deletions (``{>> … <<}``, ``{-- … --}``), MDX's
``{/* … */}``, Handlebars' ``{{!-- … --}}``, Go templates' ``{{/* … */}}`` and
ERB's ``<%# … %>``. In raw HTML, ``<?…>``, ``<!X…>`` and ``<![CDATA[…]]>`` are
"bogus comments" to a browser: it shows nothing of them, so the author's
preview looks clean, but the bytes are published. And a disclosure whose title
says private (``> [!note]- Private notes``, ``<summary>Private notes</summary>``)
is shown to every reader who opens it. ivsite.validate.bodyprivacy makes each an error.

Red team 11 (R11-15) added the comments of tools that write them as lines or
blocks: Org-mode's and Logseq's ``#+BEGIN_COMMENT`` (and a ``#+BEGIN_`` block
named private), AsciiDoc's ``////`` blocks and ``//`` lines, LaTeX's
``\begin{comment}``, reStructuredText's ``..`` lines (not its directives, but
``.. comment::``), Razor's ``@* … *@`` and Ulysses' inline ``++comment++``; and
MkDocs' admonitions (``!!! private``, ``??? note "Private notes"``), the MkDocs
form of the callouts refused when typed or titled private.

Red team 15 (R15-05) found more: FreeMarker, Smarty, JSP, C and Pascal comments,
LaTeX's ``\\iffalse`` and C's ``#if 0``. The bracketed ones are read by their
shape (ivsite.switches.delimited), not listed; the conditional blocks, words
rather than marks, are listed here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from .delimited import delimited_comments

TOOL_COMMENT = re.compile(
    r"\{::comment\b|\{:/comment\}"  # kramdown
    r"|\{#-?(?=\s|$)"  # Jinja, Nunjucks, Twig, Django (not Pandoc's {#id})
    r"|\{>>|\{--"  # CriticMarkup: a comment, a deletion
    r"|\{/\*"  # MDX
    r"|\{\{~?!"  # Handlebars, Mustache
    r"|\{\{-?\s*/\*"  # Go templates, Hugo
    r"|<%-?#"  # ERB, EJS
    r"|^[ \t]*#\+begin_(?:comment|private|draft|secret|hidden|mentor|noexport)\b"  # Org
    r"|^[ \t]*/{4,}[ \t]*$|^[ \t]*//(?=[ \t])"  # AsciiDoc
    r"|\\begin\{comment\}"  # LaTeX
    r"|^[ \t]*\\if(?:false\b|[ \t]*0\b)"  # LaTeX's \iffalse … \fi, \if 0 (R15-05)
    r"|^[ \t]*#[ \t]*if[ \t]+(?:0|false)\b"  # the C preprocessor's #if 0 … #endif
    r"|^[ \t]*\.\.(?=[ \t]*$|[ \t]+(?![\w-]+::)\S)|^[ \t]*\.\.[ \t]+comment::"  # reST
    r"|@\*(?=[^\n]*?\*@)"  # Razor
    r"|(?<![\w+])\+\+(?=[^\s+])(?=[^\n]*?[^\s+]\+\+(?![\w+]))",  # Ulysses
    re.MULTILINE | re.IGNORECASE)
"""Where another tool's comment opens (or kramdown's closes)."""
BOGUS_COMMENT = re.compile(r"<(?:\?|!(?!--))")
"""A bogus comment in raw HTML (``<!--`` comments are cut before parsing)."""
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)(?:</summary\s*>|\Z)", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


_ADMONITION = re.compile(r"^[ \t]*(!!!|\?\?\?\+?)[ \t]*([^\W\d][\w-]*)?"
                         r"(?:[ \t]+(?:\"([^\"\n]*)\"|'([^'\n]*)'))?[ \t]*$", re.MULTILINE)
"""An MkDocs (Python-Markdown) admonition's first line: ``!!! type "Title"``, or
``??? type`` (``???+``) for a folded one."""


def admonitions(text: str) -> Iterator[tuple[int, str, str]]:
    """Each admonition's first line in a text: (line offset, its type, its title)."""
    for m in _ADMONITION.finditer(text):
        if m.group(2) or m.group(3) or m.group(4):
            yield (text.count("\n", 0, m.start()), m.group(2) or "",
                   m.group(3) or m.group(4) or "")


def tool_comments(text: str) -> Iterator[tuple[int, str]]:
    """Each other tool's comment marker in a note's text: (where, the marker), the
    listed ones and any of a comment's shape (ivsite.switches.delimited)."""
    listed = [(m.start(), m.end()) for m in TOOL_COMMENT.finditer(text)]
    yield from ((a, text[a:b].strip()) for a, b in listed)
    for at, opener in delimited_comments(text):
        if not any(a <= at + len(opener) and at <= b for a, b in listed):  # once each
            yield at, opener


def bogus_comment(content: str) -> str | None:
    """The first bogus comment in a piece of raw HTML, shortened, or None."""
    m = BOGUS_COMMENT.search(content)
    if m is None:
        return None
    end = content.find(">", m.start())
    shown = content[m.start():end + 1 if end >= 0 else len(content)]
    return shown if len(shown) <= 30 else shown[:29] + "…"


def summary_titles(content: str) -> Iterator[str]:
    """The titles of the ``<details>`` disclosures in a piece of raw HTML."""
    if "<summary" not in content.lower():
        return
    for m in _SUMMARY.finditer(content):
        yield " ".join(html.unescape(_TAG.sub(" ", m.group(1))).split())
