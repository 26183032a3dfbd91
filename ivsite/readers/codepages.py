"""Text saved in an encoding whose bytes are no ASCII: UTF-32 without a byte-order
mark and EBCDIC (red team 14, R14-02 and R14-03).

Read as UTF-8, the legacy code pages or UTF-16, "Robert Quinlan" in UTF-32 LE is
``R\\0\\0\\0o\\0\\0\\0…`` and in cp500 ``\\xd9\\x96\\x82…``: no reading the audit
made held the name, while an editor or a mainframe's viewer shows it, and a
linked file whose own front matter said ``visibility: private`` was copied
whole. A file is read so only when its bytes say it is: UTF-32 by its zero bytes
(three of every four in Latin text, two in any text of the Basic Multilingual
Plane, at one of the four alignments), EBCDIC by what it decodes to (nine in ten
characters ASCII letters, digits, spaces and punctuation, and a space in every
twenty). A PNG, a PDF or a zip file is neither, and gives no reading.

No import from the rest of ivsite: the load stage reads a linked file's front
matter with it (ivsite.load.filefront), the audit reads every output file with it
(ivsite.readers.readable).
"""

from __future__ import annotations

SAMPLE = 4096
"""How much of a file (from the alignment found) its encoding is judged by."""
_MIN = 16
"""Bytes a file must hold to be judged at all: four characters of UTF-32."""
EBCDIC = ("cp500", "cp037")
"""The EBCDIC code pages read: international and US/Canada, which differ only in
a few punctuation marks."""
_ASCII_TEXT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                        " \n\r\t.,;:!?'\"()-/&%$#@*+=_<>[]{}|\x85")


def utf32_text(data: bytes) -> str:
    """``data`` decoded as UTF-32 (little- or big-endian, at the alignment its zero
    bytes show), or "" when they show none."""
    if len(data) < _MIN:
        return ""
    for shift in range(4):
        head = data[shift:shift + SAMPLE]
        head = head[:len(head) - len(head) % 4]
        quarter = len(head) // 4
        if quarter < 4:
            break
        for codec, high, low in (("utf-32-le", (2, 3), 0), ("utf-32-be", (0, 1), 3)):
            zeros = sum(head[i::4].count(0) for i in high)
            if zeros >= 1.8 * quarter and head[low::4].count(0) <= 0.2 * quarter:
                body = data[shift:]
                return _utf32(body[:len(body) - len(body) % 4], codec)
    return ""


def _utf32(data: bytes, codec: str) -> str:
    """UTF-32 decoded four bytes at a time: a code point past U+10FFFF (a crafted
    or binary word) is dropped, not the file's whole reading."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        step = 1 if codec.endswith("le") else -1
        words = (data[i:i + 4] for i in range(0, len(data), 4))
        points = (int.from_bytes(w[::step], "big") for w in words)
        return "".join(chr(p) for p in points if p < 0x110000 and not 0xD800 <= p < 0xE000)


def ebcdic_texts(data: bytes) -> list[str]:
    """``data`` decoded in each :data:`EBCDIC` code page, when it reads as text so
    (its start decoded: nine in ten characters ASCII text, a space in every
    twenty); else none. ASCII text is never EBCDIC text: its lowercase letters
    are EBCDIC punctuation and unassigned bytes."""
    head = data[:SAMPLE]
    if len(head) < _MIN or sum(1 for b in head if b >= 0x80) < 0.2 * len(head):
        return []  # EBCDIC's letters are bytes 0x81-0xE9: most of any text is
    sample = head.decode(EBCDIC[0])
    texty = sum(1 for c in sample if c in _ASCII_TEXT)
    if texty < 0.9 * len(sample) or sample.count(" ") < 0.05 * len(sample):
        return []
    return [data.decode(codec).replace("\x85", "\n") for codec in EBCDIC]


def recoded(data: bytes) -> bytes | None:
    """``data`` as UTF-8 when it is UTF-32 or EBCDIC text (the first reading), or
    None: for a reader that reads one text (a file's front matter)."""
    if wide := utf32_text(data):
        return wide.encode("utf-8")
    if texts := ebcdic_texts(data):
        return texts[0].encode("utf-8")
    return None


def readings(data: bytes) -> list[str]:
    """Every reading of ``data`` this module makes: UTF-32, or each EBCDIC one."""
    wide = utf32_text(data)
    return [wide] if wide else ebcdic_texts(data)
