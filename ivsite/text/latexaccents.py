"""Letters written as LaTeX accent commands, as BibTeX and LaTeX print them (red
team 11, R11-23): ``M{\\"u}ller, J{\\"u}rgen`` is "Müller, Jürgen" and
``Fran{\\c{c}}ois`` is "François" in every bibliography made of a linked ``.bib``.

Each accent command becomes its letter (the accent itself folded away, as every
accent is: ivsite.text.normalise), with the braces around it, so the word is
whole again; ``{\\o}``, ``\\ss`` and the like become their letter. A ``\\u``
followed by one hex digit in braces is left to the script escapes
(ivsite.text.escapes: ``\\u{a}``), and ``\\b``, ``\\t``, whose braces follow
words in code (``\\textbf{``), are not read as accents.
"""

from __future__ import annotations

import re

_ACCENT = re.compile(r"""\{?\\(?:["'`^~=.]\s*|(?:[cvHkrd]|u(?!\{[0-9a-fA-F]\}))(?=\s*\{))"""
                     r"""\{?\s*(\\[ij](?![A-Za-z])|[A-Za-z])\s*\}?\}?""")
"""An accent command on a letter: ``{\\"u}``, ``\\"{u}``, ``\\"u``, ``{\\c{c}}``,
``\\v{s}``, ``\\'{\\i}``, with the braces around it."""
_LETTERS = {"ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
            "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ"}
_LETTER = re.compile(r"\{?\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\{\})?\}?")
"""A letter written as a command: ``{\\o}rsted``, ``Stra\\ss{}e``, ``{\\l}ódź``."""


def latex_letters(text: str) -> str:
    """``text`` with LaTeX's accent and letter commands written as letters."""
    text = _ACCENT.sub(_accented, text)
    return _LETTER.sub(lambda m: _LETTERS[m[1]], text)


def _accented(m: re.Match[str]) -> str:
    letter = m[1]
    return letter[1] if letter.startswith("\\") else letter
