"""What a reader's program decodes before it shows a text: HTML entities,
percent-escapes, and the escapes of CSS and scripts.

A name written ``Jos&eacute;``, ``Jos%C3%A9``, ``Jos\\e9 `` or ``Jos\\u00e9`` is the
same name on screen, so every check folds the decoded text (see
:mod:`ivsite.text.normalise`, whose first step this is). Apart from the folding
because decoding is its own job, with its own rules for how many hex digits an
escape takes.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from .latexaccents import latex_letters

_ESCAPE = re.compile(r"\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})"
                     r"|x([0-9a-fA-F]{2})|([0-9a-fA-F]{1,6}) ?)")
"""Script escapes (``\\u0051``: exactly four hex digits in JSON, JavaScript, Java,
Python; ``\\u{51}``; Python's ``\\U00000051``; ``\\x51``) and CSS's (``\\51 ``: one
to six). A ``\\u`` takes four digits and no more: "\\u005aabrowski" is "Zabrowski"
to every JSON reader, while taking six read it as U+5AAB (red team 10, R10-13)."""
_SURROGATES = re.compile("[\ud800-\udfff]")


def _unescape(m: re.Match[str]) -> str:
    code = int(next(g for g in m.groups() if g is not None), 16)
    return chr(code) if 0 < code <= 0x10FFFF else m.group(0)


def _unescaped(text: str) -> str:
    """``text`` with its escapes decoded, a surrogate pair (``\\ud83d\\ude00``, how
    JSON writes a letter past U+FFFF) joined into its letter."""
    text = _ESCAPE.sub(_unescape, text)
    if _SURROGATES.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def decoded(text: str) -> str:
    """``text`` with HTML entities, percent-escapes, LaTeX accents and CSS or
    script escapes decoded, and host names in IDNA (``xn--``) as an address bar
    shows them: what a reader sees, before any folding."""
    if "&" in text:
        text = html.unescape(text)
    if "%" in text:
        text = unquote(text)
    if "\\" in text:
        # LaTeX first: "\\c{c}" is a c with a cedilla, not the CSS escape "\\c"
        text = latex_letters(text)  # (ivsite.text.latexaccents, R11-23)
    if "\\" in text:  # CSS ("\\e1 ") and script ("\\u00e1", "\\x54") escapes in raw HTML
        text = _unescaped(text)
    if "xn--" in text or "XN--" in text:
        text = _IDNA.sub(_unpunycoded, text)
    return text


_IDNA = re.compile(r"(?<![\w-])[xX][nN]--[A-Za-z0-9-]+")
"""A host name's label in IDNA's ASCII form: "xn--jrgenmller-9dbf" is
"jürgenmüller" in the address bar (red team 11, R11-24)."""


def _unpunycoded(m: re.Match[str]) -> str:
    label = m.group(0)
    try:
        return label[4:].lower().encode("ascii").decode("punycode")
    except UnicodeError:
        return label
