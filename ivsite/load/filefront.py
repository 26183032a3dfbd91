"""A file that is not a note but opens with a note's front matter saying private.

iA Writer, nvALT and The Archive keep Markdown notes as ``.txt``; Livebook writes
``.livemd`` and Markdoc ``.mdoc``. To the loader such a file is an asset, so its
``visibility: private`` is never read, and a link would copy it whole (red team
4, J-txt). Its bytes say what its name does not: a file that starts with front
matter (``---`` or ``+++``) with a privacy word as a key (``private: true``,
``visibility: mentor``) or a withheld value (``status: draft``, ``tags: [private]``)
is refused like a note-like file (ivsite.markdown.notelike) when linked or embedded, and
the audit holds such a file found in an output on its own.

Read line by line, not parsed: a file that is not quite YAML or TOML counts too,
and in UTF-16 as in UTF-8.
"""

from __future__ import annotations

import codecs
import re

from ..readers.codepages import recoded
from ..switches.lookalike import normalise, privacy_tag, privacy_value, privacy_word

HEAD = 1 << 16
"""How much of a file's start is read for front matter."""
_OPEN = re.compile(rb"\A(?:\xef\xbb\xbf)?[ \t]*(---|\+\+\+)[ \t]*\r?\n")
_PAIR = re.compile(r"""^[ \t]*(?:-[ \t]+)?["']?([^:="'#\n]+?)["']?[ \t]*[:=][ \t]*(.*)$""")
_ITEM = re.compile(r"^[ \t]*-[ \t]+(.*)$")
_SPLIT = re.compile(r"[,\[\]]")
_YES = frozenset({"public", "true", "yes", "on"})
_POSITIVE = frozenset({"public", "publish", "published", "visible", "share", "shared"})
"""Keys that say "published" when true: ``publish: true`` says nothing private."""


def private_front(data: bytes) -> str:
    """The line of a file's front matter (in its first :data:`HEAD` bytes) that says
    it is not public, or "" (none, or no front matter)."""
    data = _utf8(data[:HEAD])
    m = _OPEN.match(data)
    if m is None:
        return ""
    fence = m.group(1).decode()
    for line in data[m.end():HEAD].decode("utf-8", "replace").splitlines():
        if line.strip() in (fence, "..."):
            break
        if _says_private(line):
            return line.strip()
    return ""


def opens_with_front(head: bytes) -> bool:
    """Whether a file's first bytes are a front-matter fence (``---`` or ``+++``,
    in UTF-8 or UTF-16): a note, whatever its name says (red team 13, R13-06)."""
    return _OPEN.match(_utf8(head[:64])) is not None


def _utf8(head: bytes) -> bytes:
    """A file's start saved as UTF-16 (Notepad's "Unicode", with or without a
    byte-order mark), as UTF-8: read as bytes its ``-\0-\0-\0`` is no fence
    (red team 6, L1: UTF-16 is read wherever it is). UTF-32 (whose zero bytes
    look like UTF-16's too) and EBCDIC are read first, as the audit reads them
    (ivsite.readers.codepages, red team 14, R14-02/03)."""
    if (other := recoded(head)) is not None:
        return other
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, "replace").encode()
    if head[1:2] == b"\0" and head[:1] != b"\0":
        return head.decode("utf-16-le", "replace").encode()
    if head[:1] == b"\0" and head[1:2] != b"\0":
        return head.decode("utf-16-be", "replace").encode()
    return head


def _says_private(line: str) -> bool:
    pair = _PAIR.match(line)
    if pair is None:
        item = _ITEM.match(line)
        return item is not None and _withheld(item.group(1))
    key, value = pair.group(1), pair.group(2).strip().strip("\"'")
    word = privacy_word(key)
    if word is not None:
        said = normalise(value)
        return not (said == "public" or (normalise(key) in _POSITIVE and said in _YES))
    return _withheld(value)


def _withheld(value: str) -> bool:
    """A value, or one item of a list, that says withheld (or mentor)."""
    return any(normalise(item) not in ("", "public") and (privacy_value(item.strip(" \"'"))
                                                          or privacy_tag(item.strip(" \"'")))
               for item in _SPLIT.split(value))
