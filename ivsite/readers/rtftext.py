"""An RTF file's text as a word processor shows it.

RTF (WordPad, TextEdit, Word's "Save as RTF") writes every letter outside ASCII
as an escape: ``\\'eb`` (a byte of the document's code page) or ``\\u235?``
(a Unicode letter, then a fallback for old readers), and splits words with
control words and groups (``Zab{\\b rowski}``). Read as bytes, "Zo\\'eb
M\\'fcller" is not "Zoë Müller" (red team 9, R9-27). :func:`rtf_readings` gives
the text with the escapes decoded and the control words out, twice: with the
bytes in the code page the file declares (``\\ansicpg``, else windows-1252), and
with the bytes left as bytes, for ivsite.readers.readable to read in every legacy
encoding (a font of another charset, ``\\fcharset``, writes its own code page).
A third reading is the text as shown: groups a word processor does not show
(``{\\*\\bkmkstart _GoBack}``, which Word writes where the cursor last was,
a field's code, the font table) and hidden text (``\\v``) left out, since either
inside a name keeps the other readings from finding it.
"""

from __future__ import annotations

import codecs
import re

_TOKEN = re.compile(rb"\\'([0-9A-Fa-f]{2})|\\u(-?\d+) ?|\\uc(\d+) ?|\\([a-zA-Z]+)(-?\d+)? ?"
                    rb"|\\([^a-zA-Z])|([{}])|\r|\n|([^\\{}\r\n]+)")
_BREAKS = frozenset({b"par", b"line", b"tab", b"cell", b"row", b"sect", b"page", b"column",
                     b"lbr"})
"""Control words that end a word (a paragraph, line, tab, cell)."""
_SYMBOLS = {b"~": b" ", b"_": b"-", b"-": b"", b"\\": b"\\", b"{": b"{", b"}": b"}"}
_CODE_PAGE = re.compile(rb"\\(?:ansicpg(\d+)|(mac)|(pca?)\b)")


_UNSHOWN = frozenset({b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"fldinst",
                      b"bkmkstart", b"bkmkend", b"listtable", b"listoverridetable",
                      b"generator", b"xmlnstbl", b"rsidtbl", b"themedata", b"datastore"})
"""Groups whose text a word processor does not show (besides every ``{\\*…}``)."""


def rtf_readings(data: bytes) -> list[bytes]:
    """The text of an RTF document: in its declared code page (as UTF-8), with its
    escaped bytes as they are, and as shown (see the module's docstring)."""
    return [*_readings(data), _shown(data, _code_page(data))]


def _shown(data: bytes, declared: str) -> bytes:
    out: list[bytes] = []
    stack: list[tuple[bool, bool]] = []
    unshown = hidden = opening = False
    skip, fallback = 0, 1
    for m in _TOKEN.finditer(data):
        byte, letter, uc, word, arg, symbol, brace, text = m.groups()
        starts, opening = opening, False
        if brace == b"{":
            stack.append((unshown, hidden))
            opening = True
        elif brace == b"}":
            unshown, hidden = stack.pop() if stack else (False, False)
        elif starts and (symbol == b"*" or word in _UNSHOWN):
            unshown = True
        elif word == b"v":
            hidden = arg != b"0"
        elif uc is not None:
            fallback = int(uc)
        elif unshown or hidden:
            continue
        elif letter is not None:
            code = int(letter) + (0x10000 if letter[:1] == b"-" else 0)
            out.append(chr(code).encode("utf-8", "replace") if 0 <= code <= 0x10FFFF else b"")
            skip = fallback
        elif skip and (byte is not None or text is not None):
            out.append(text[skip:] if text is not None else b"")
            skip = 0
        elif byte is not None:
            out.append(bytes([int(byte, 16)]).decode(declared, "replace").encode())
        elif text is not None:
            out.append(text)
        elif word is not None and word in _BREAKS:
            out.append(b"\n")
        elif symbol is not None:
            out.append(_SYMBOLS.get(symbol, b""))
    return b"".join(out)


def _readings(data: bytes) -> list[bytes]:
    declared = _code_page(data)
    decoded: list[bytes] = []
    raw: list[bytes] = []
    skip = 0  # fallback characters after a \uN still to leave out
    fallback = 1
    for m in _TOKEN.finditer(data):  # a line break in the source is nothing on screen
        byte, letter, uc, word, _arg, symbol, brace, text = m.groups()
        if letter is not None:
            code = int(letter) + (0x10000 if letter[:1] == b"-" else 0)
            char = chr(code).encode("utf-8", "replace") if 0 <= code <= 0x10FFFF else b""
            decoded.append(char)
            raw.append(char)
            skip = fallback
        elif uc is not None:
            fallback = int(uc)
        elif skip and (byte is not None or text is not None):
            if text is not None and len(text) > skip:  # the fallback, then more text
                rest = text[skip:]
                decoded.append(rest)
                raw.append(rest)
            skip = 0
        elif byte is not None:
            b = bytes([int(byte, 16)])
            decoded.append(b.decode(declared, "replace").encode())
            raw.append(b)
        elif text is not None:
            decoded.append(text)
            raw.append(text)
        elif word is not None and word in _BREAKS:
            decoded.append(b"\n")
            raw.append(b"\n")
        elif symbol is not None:
            decoded.append(_SYMBOLS.get(symbol, b""))
            raw.append(_SYMBOLS.get(symbol, b""))
        elif brace is not None:
            skip = 0
    return [b"".join(decoded), b"".join(raw)]


def _code_page(data: bytes) -> str:
    m = _CODE_PAGE.search(data[:4096])
    name = "cp1252" if m is None else f"cp{int(m.group(1))}" if m.group(1) else \
        "mac_roman" if m.group(2) else "cp850" if m.group(3) == b"pca" else "cp437"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"
