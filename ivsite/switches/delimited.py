"""Comments of any template or programming language, read by their shape.

Every tool has its comment, and a list of them always misses one (red team 15,
R15-05: FreeMarker's ``<#-- … -->``, Smarty's ``{* … *}``, JSP's ``<%-- … --%>``,
C's ``/* … */``, Pascal's and OCaml's ``(* … *)``). What they share is a shape:
an opening bracket and a comment mark (``#``, ``*``, ``!`` or JSP's ``%--``),
prose, and marks before the matching closing bracket. Markdown prints such text
as it is, so the author's words meant for no reader are published. A comment
is found here:

* inline, opener and closer on one line of text, with prose between (a word
  with a letter) and a space after the opener: ``{* Kestrel budget *}``;
* over lines, the opener alone on its line: ``/*``, ``(*`` or ``<#--``.

The text given is prose outside code (the caller leaves out code blocks and
code spans), so a C comment in a fenced block is code, not a comment. Left
alone on purpose: emphasis (``(*see below*)`` has no space after the opener and
is parsed as emphasis anyway), footnote marks (``(*) and bonus (*)``: no prose
starts after the opener), template tags that print (``{% … %}``, ``<%= … %>``,
which hold no comment mark), arrows (``<-- this -->``: dashes alone), and a bare
``*`` or ``#`` run without a bracket (``** bold **``); only ``/*`` and ``@*``
open a comment without one. Open: a comment with no space inside its marks
(``{*x*}``), which reads as emphasis in brackets as ``(*see below*)`` does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

_MIRROR = {"<": ">", "{": "}", "{{": "}}", "(": ")", "[": "]"}
_OPENER = re.compile(r"(?<![^\s>])(?:(\{\{|[<{(\[])([#*!%/-]{1,5})|([/@]\*{1,2}))"
                     r"(?=[ \t]+\w|[ \t]*$)", re.MULTILINE)
"""A bracket and a run of marks (or ``/*``, ``@*``), then a word or the line's end."""
_MARK = re.compile(r"[#*!]|%--")
"""What makes a run of marks a comment's (``%--`` is JSP's): ``%`` alone opens a
template tag that prints (``{% if %}``, ``<%= x %>``), dashes alone draw an arrow."""
_LETTER = re.compile(r"[^\W\d_]")


@functools.lru_cache(maxsize=64)
def _closer(bracket: str, marks: str) -> re.Pattern[str]:
    """The closer of a comment opened by ``bracket`` and ``marks``: a run of marks
    before the mirrored bracket (``-->`` after ``<#--``), or ``*/`` after ``/*`` and
    ``/**``, ``*@`` after ``@*``."""
    if not bracket:
        return re.compile(re.escape("*" + marks[0]))
    return re.compile(r"[#*!%/-]{1,5}" + re.escape(_MIRROR[bracket]))


def delimited_comments(text: str) -> Iterator[tuple[int, str]]:
    """Each comment of the shape above in a text: (where it opens, its opener)."""
    for m in _OPENER.finditer(text):
        bracket, marks = m.group(1) or "", m.group(2) or m.group(3)
        if bracket and not _MARK.search(marks):
            continue
        line_end = text.find("\n", m.end())
        rest = text[m.end():len(text) if line_end < 0 else line_end]
        if not rest.strip():
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not text[line_start:m.start()].strip():  # the opener alone on its line
                yield m.start(), m.group(0)
            continue
        closed = _closer(bracket, marks).search(rest)
        if closed is not None and _LETTER.search(rest[:closed.start()]):
            yield m.start(), m.group(0)
