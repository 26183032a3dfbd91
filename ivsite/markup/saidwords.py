"""Words an author writes outside a text's running words: in raw HTML's
attributes and in a link's or a picture's title (red team 16, R16-03).

A private note's sentence written as ``<img alt="…">``, ``<abbr title="…">``,
``<td>…</td>`` or ``[this](https://… "…")`` is the author's words as much as a
paragraph is, and a file that copies the note (a journal export linked from a
public page) carries them as text. The audit holds a withheld note's or
passage's words as its secrets (ivsite.audit.notewords, and the cut's record of
a passage, ivsite.markdown.passagefences), so it must read them here too.

Which attributes hold words is told by the value's shape, not by a list of
names: a value of two or more words of letters (``alt``, ``title``,
``aria-label``, ``placeholder``, ``data-note``, any other). Addresses, sizes,
``srcset`` lists and single tokens (``_blank``, ``lazy``) are no words; ``style``
and ``class`` hold the page's machinery (CSS, class names that a theme shares
with every page) and are left out by name, but for a style's strings
(``content: "…"`` is drawn).

Standalone (no import from the rest of ivsite), so that the cut in
ivsite.markdown may use it as well as the audit.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

TAG = re.compile(r"""<[/!?]?[A-Za-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>?""")
"""A tag with its attributes (quoted values may hold ``>``), an unclosed one too."""
_ATTR = re.compile(r"""([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_TITLE = re.compile(r"""\]\(\s*(?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\s+"""
                    r"""(?:"([^"]*)"|'([^']*)'|\(([^)]*)\))\s*\)"""
                    r"""|^\s{0,3}\[[^\]]+\]:\s*\S+\s+(?:"([^"]*)"|'([^']*)'|\(([^)]*)\))""",
                    re.M)
"""A link's or a picture's title, inline (``](url "title")``) or in a reference
definition (``[r]: url "title"``)."""
_MACHINE = frozenset({"style", "class"})
_CSS_STRING = re.compile(r""""([^"\n]*)"|'([^'\n]*)'""")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_EDGES = "\"'“”‘’«»()[]{}.,;:!?…"


def attribute_words(markup: str) -> Iterator[str]:
    """The value of each attribute in ``markup``'s tags that reads as words
    (entities decoded, any markup inside taken out, spaces single)."""
    if "=" not in markup:
        return
    for tag in TAG.finditer(markup):
        for m in _ATTR.finditer(tag.group()):
            value = next((g for g in m.groups()[1:] if g is not None), "")
            if m.group(1).casefold() in _MACHINE:
                yield from css_words(html.unescape(value))
                continue
            said = words_of(value)
            if said:
                yield said


def css_words(css: str) -> Iterator[str]:
    """Each string in CSS that reads as words: generated ``content: "…"`` is drawn
    text; the rest of a style is machinery."""
    if "\"" not in css and "'" not in css:
        return
    for m in _CSS_STRING.finditer(css):
        said = words_of(m.group(1) if m.group(1) is not None else m.group(2))
        if said:
            yield said


def title_words(source: str) -> Iterator[str]:
    """Each link's or picture's title in Markdown source that reads as words."""
    if "\"" not in source and "'" not in source and "(" not in source:
        return
    for m in _TITLE.finditer(source):
        said = words_of(next((g for g in m.groups() if g is not None), ""))
        if said:
            yield said


def words_of(value: str) -> str:
    """``value`` as words (decoded, tags out, spaces single) if it reads as words:
    at least two of its space-separated parts are words of letters, their edges'
    punctuation aside; else ""."""
    text = " ".join(TAG.sub(" ", html.unescape(value)).split())
    count = 0
    for part in text.split(" "):
        if _WORD.fullmatch(part.strip(_EDGES)):
            count += 1
            if count >= 2:
                return text
    return ""
