"""A LaTeX or BibTeX source's text as the typeset document shows it (red team 18,
R18-B08).

Read as plain text, a command between the words of a name hides it: ``Quentin
\\emph{Zabrowski}`` and ``\\textbf{Quentin} \\emph{Zabrowski}`` read as "quentin
emph zabrowski", while the document (and anyone reading the source) shows
"Quentin Zabrowski". :func:`tex_reading` gives the text with the markup taken
out as TeX takes it out:

- a sectioning command's title is a heading (``## …``) on a line of its own;
- a comment (``%`` to the line's end) joins the line to the next, whose
  leading spaces TeX skips (``Quen%`` / ``tin`` is "Quentin");
- a macro without arguments that the file defines (``\\newcommand{\\qz}{Quentin}``,
  ``\\def\\qz{…}``) is written as what it stands for;
- the arguments a reader never sees (``\\label{…}``, ``\\cite{…}``,
  ``\\href``'s address, ``\\textcolor``'s colour, an environment's name) are
  dropped, and every other command is unwrapped to its arguments
  (``\\emph{x}`` is x, ``{\\bf x}`` is x, ``\\mbox{x}`` is x);
- a command word and the spaces after it (which TeX skips) are taken out,
  except that a line break (``\\\\``, ``\\newline``, ``\\par``) and the spacing
  commands (``~``, ``\\,``, ``\\ ``, ``\\quad``, ``\\hskip 1em``) are a space, and a
  kern with its length (``\\kern-1pt``) nothing; the remaining
  braces go, so ``Zab{rowski}`` is a word again.

Accents are written as letters first (ivsite.text.latexaccents).
"""

from __future__ import annotations

import re

from ..text.latexaccents import latex_letters

TEX_SUFFIXES = (".tex", ".latex", ".ltx", ".sty", ".cls", ".dtx", ".bib", ".bbl")

_COMMENT = re.compile(r"(\\.)|%[^\n]*\n?[ \t]*", re.S)
"""A comment, with the spaces TeX skips on the next line; an escape (``\\%``,
``\\\\``) is matched first, as it stands."""
_DEFINED = re.compile(r"\\(?:(?:re)?newcommand\*?|providecommand\*?|DeclareRobustCommand\*?)"
                      r"\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*\{((?:[^{}]|\{[^{}]*\})*)\}"
                      r"|\\[gex]?def\s*\\([A-Za-z]+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
"""A macro defined without arguments: ``\\newcommand{\\qz}{Quentin}``, ``\\def\\qz{…}``
(its body one level of braces deep at most)."""
_DROPPED = {"label": 1, "ref": 1, "pageref": 1, "eqref": 1, "autoref": 1, "cref": 1,
            "Cref": 1, "cite": 1, "citep": 1, "citet": 1, "nocite": 1, "index": 1,
            "includegraphics": 1, "input": 1, "include": 1, "usepackage": 1,
            "RequirePackage": 1, "documentclass": 1, "bibliography": 1,
            "bibliographystyle": 1, "begin": 1, "end": 1, "href": 1, "textcolor": 1,
            "colorbox": 1, "color": 1, "hspace": 1, "vspace": 1, "setlength": 2,
            "fontsize": 2, "rule": 2, "newcommand": 1, "renewcommand": 1,
            "providecommand": 1, "setcounter": 2, "addtocounter": 2, "pagestyle": 1,
            "thispagestyle": 1, "hypersetup": 1, "geometry": 1}
"""Commands whose first arguments (this many) a reader does not see: a key, an
address, a file, a colour, a length, an environment's name."""
_ARGUMENT = re.compile(r"\s*(?:\[[^\]]*\]\s*)*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}")
"""One optional-then-mandatory argument (braces three levels deep at most)."""
_SECTION = re.compile(r"\\(?:part|chapter|(?:sub){0,2}section|(?:sub)?paragraph)\*?"
                      + _ARGUMENT.pattern)
"""A sectioning command, read as a Markdown heading on a line of its own: its
title says what the text under it is, as a note's heading does
(ivsite.readers.hiddentext reads the headings that say private)."""
_SKIP = re.compile(r"\\(m?kern|[hvm]skip)[ \t]*[-+]?(?:\d+\.?\d*|\.\d+)[ \t]*[a-z]{2}"
                   r"(?:[ \t]*(?:plus|minus)[ \t]*[-+]?(?:\d+\.?\d*|\.\d+)[ \t]*[a-z]{2,4})*")
"""A kern or a skip with its length (``\\kern-1pt``, ``\\hskip 1em plus 1fil``):
a kern (inside a word) is nothing, a skip a space."""
_BREAKS = frozenset({"newline", "linebreak", "par", "quad", "qquad", "enskip", "enspace",
                     "hfill", "hspace", "thinspace", "space", "item", "and", "AND"})
"""Command words shown as a break or a space between words."""
_SYMBOL = {",": " ", ";": " ", ":": " ", " ": " ", "\t": " ", "\n": " ", "\\": " ",
           "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "", "}": ""}
"""Control symbols: the spaces and line break as a space; ``\\-`` (a hyphenation
point), ``\\/`` and ``\\!`` nothing; an escaped character itself."""
_CONTROL = re.compile(r"\\([A-Za-z@]+)\*?[ \t]*(?:\n[ \t]*)?|\\(.)", re.S)


def tex_reading(text: str) -> str:
    """``text`` (a LaTeX or BibTeX source) as its typeset document shows its words."""
    text = _COMMENT.sub(lambda m: m.group(1) or "", text)
    text = latex_letters(text)
    text = _expanded(text)
    text = _SECTION.sub(lambda m: f"\n## {m.group(1)}\n", text)
    text = _dropped(text)
    text = _SKIP.sub(lambda m: "" if m.group(1).endswith("kern") else " ", text)
    text = _CONTROL.sub(_control, text)
    return text.replace("{", "").replace("}", "").replace("~", " ")


def _expanded(text: str) -> str:
    """The file's argument-free macros written as their bodies (one level)."""
    bodies = {(m.group(1) or m.group(3)): (m.group(2) if m.group(1) else m.group(4))
              for m in _DEFINED.finditer(text)}
    text = _DEFINED.sub(" ", text)
    if not bodies:
        return text
    use = re.compile(r"\\(" + "|".join(map(re.escape, sorted(bodies, key=len, reverse=True)))
                     + r")(?![A-Za-z])(?:\{\})?")
    return use.sub(lambda m: bodies[m.group(1)], text)


def _dropped(text: str) -> str:
    """The arguments no reader sees taken out, with their command."""
    names = "|".join(sorted(_DROPPED, key=len, reverse=True))
    command = re.compile(rf"\\({names})\*?(?![A-Za-z])")
    out: list[str] = []
    at = 0
    for m in command.finditer(text):
        if m.start() < at:
            continue
        out.append(text[at:m.start()])
        end = m.end()
        for _ in range(_DROPPED[m.group(1)]):
            arg = _ARGUMENT.match(text, end)
            if arg is None:
                break
            end = arg.end()
        out.append(" ")
        at = end
    out.append(text[at:])
    return "".join(out)


def _control(m: re.Match[str]) -> str:
    word, symbol = m.group(1), m.group(2)
    if word is not None:
        return " " if word in _BREAKS else ""
    return _SYMBOL.get(symbol, "")
