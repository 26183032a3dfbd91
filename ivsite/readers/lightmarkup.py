"""A prose text file's words as its markup's renderer shows them (red team 18,
the class of R18-B02 and R18-B08).

A ``.txt``, Markdown, reStructuredText, AsciiDoc, Org or Textile file published
as a file is read as written, and its markup can stand between the words of a
name that a rendered page (or a reader who skips the markup) shows together:
a link's address (``[Quentin](a) [Zabrowski](b)``), a footnote mark
(``Quentin[^1] Zabrowski``), an HTML tag (``Quentin<br>Zabrowski``), a role
(``:emphasis:`Zabrowski```), emphasis inside a word (``Zab**row**ski``), an
escaped space that reStructuredText removes (``Quen\\ tin``), a built-in
attribute or entity (``{nbsp}``, ``\\nbsp{}``), or a substitution the file
defines (``.. |qz| replace:: Quentin``, ``:qz: Quentin``, ``#+MACRO: qz Quentin``).
:func:`light_reading` gives the text with these read as the renderer does.
"""

from __future__ import annotations

import html
import re

LIGHT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".rst", ".rest", ".adoc", ".asciidoc",
                  ".asc", ".org", ".textile")

_RST_SUB = re.compile(r"^\.\.[ \t]+\|([^|\n]+)\|[ \t]+replace::[ \t]*(.*)$", re.M)
_ADOC_ATTR = re.compile(r"^:([\w-]+):[ \t]+(.+)$", re.M)
_ORG_MACRO = re.compile(r"^#\+MACRO:[ \t]+([\w-]+)[ \t]+(.*)$", re.M | re.I)
_LINKS = (
    (re.compile(r"\[\[[^\]|\n]*\|([^\]\n]*)\]\]"), r"\1"),  # [[Target|shown]]
    (re.compile(r"\[\[[^\]\n]*\]\[([^\]\n]*)\]\]"), r"\1"),  # Org's [[target][shown]]
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # Markdown's [shown](address)
    (re.compile(r"\[([^\]\n]*)\]\[[^\]\n]*\]"), r"\1"),  # [shown][reference]
    (re.compile(r"`([^`<\n]*)<[^>\n]*>`_{1,2}"), r"\1"),  # `shown <address>`_
    (re.compile(r"(?:link:|https?://)[^\s\[]*\[([^\]\n]*)\]"), r"\1"),  # link:address[shown]
    (re.compile(r"pass:[a-z,]*\[([^\]\n]*)\]"), r"\1"),  # AsciiDoc's pass:[…]
)
_UNSHOWN = re.compile(r"<!--.*?(?:-->|\Z)|\[\^[^\]\n]*\]|\[(?:#|\*|\d+)[^\]\n]*\]_"
                      r"|:[\w.+-]+:(?=`)|\[\.[\w.-]+\]|\+\+\+", re.S)
"""Taken out: HTML comments, footnote marks (``[^1]``, ``[#]_``), a role's name
(``:emphasis:``), an AsciiDoc role (``[.red]``) and pass-through marks (and then
the backticks around code and interpreted text)."""
_BREAK_TAG = re.compile(r"<(?:br|p|div|li|tr|td|th|h[1-6])\b[^>]*>|</(?:p|div|li|tr|td|th|h[1-6])>",
                        re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_SPACES = re.compile(r"\{(?:nbsp|sp|space)\}|\\(?:nbsp|ensp|emsp|thinsp)(?:\{\})?")
_NOTHING = re.compile(r"\{(?:zwsp|empty|wj)\}|\\(?:shy|zwnj|zwj)(?:\{\})?|(?<!\\)\\ ")
"""Read as nothing: AsciiDoc's zero-width attributes, Org's soft hyphen and
joiners, and reStructuredText's escaped space, which it removes."""
_IN_WORD = re.compile(r"([^\W_])(?:\*{1,3}|_{1,3}|~~|==|\^|/|\+)(?=[^\W_])")
"""Emphasis marks inside a word (``Zab**row**ski``, Org's ``Zab/row/ski``)."""


def light_reading(text: str) -> str:
    """``text`` with its light markup read as its renderer shows it."""
    text = _substituted(text)
    for pattern, shown in _LINKS:
        text = pattern.sub(shown, text)
    text = _UNSHOWN.sub("", text).replace("`", "")
    text = _TAG.sub("", _BREAK_TAG.sub(" ", text))
    text = _NOTHING.sub("", _SPACES.sub(" ", text))
    return html.unescape(_IN_WORD.sub(r"\1", text))


def _substituted(text: str) -> str:
    """The substitutions the file defines written where it uses them: ``|qz|``,
    ``{qz}``, ``{{{qz}}}``."""
    uses: list[tuple[str, str]] = []
    if "replace::" in text:
        uses += [(f"|{m.group(1)}|", m.group(2).strip()) for m in _RST_SUB.finditer(text)]
    if "\n:" in text or text.startswith(":"):
        uses += [(f"{{{m.group(1)}}}", m.group(2).strip()) for m in _ADOC_ATTR.finditer(text)]
    if "+MACRO" in text or "+macro" in text:
        uses += [(f"{{{{{{{m.group(1)}}}}}}}", m.group(2).strip())
                 for m in _ORG_MACRO.finditer(text)]
    for use, value in sorted(uses, key=lambda u: -len(u[0]))[:_MOST]:
        text = text.replace(use, value)
    return text


_MOST = 200
"""Substitutions read at most: each is one pass over the text."""
