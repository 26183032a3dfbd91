"""The encodings a text file is read in: the one it declares, and, where a
browser would guess, the ones a browser's detector guesses among.

A page that declares ``<meta charset="iso-8859-5">``, ``macintosh`` or
``iso-2022-jp`` is decoded by every browser (the WHATWG Encoding Standard),
whatever the audit's list of likely code pages holds (red team 10, R10-21 and
R10-23). :func:`declared` reads the declarations a browser or an XML reader
goes by (``<meta charset>``, ``<meta http-equiv="Content-Type" content="…;
charset=…">``, ``<?xml … encoding="…"?>``, CSS's ``@charset``) in the file's
start, each label mapped as the Encoding Standard maps it. ISO-2022-JP is
7-bit, so it reads as UTF-8 noise and is never tried as a legacy reading: a file
with its escape sequences is read in it too, as browsers' detectors do.
"""

from __future__ import annotations

import codecs
import re

LEGACY = ("cp1252", "gbk", "cp1251", "cp932", "euc_jp", "cp949", "big5", "cp1250", "cp1253",
          "cp1254", "cp1255", "cp1256", "cp1257", "cp874", "koi8_r", "cp1258", "iso8859_2",
          "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_13",
          "koi8_u", "cp866")
"""Encodings a text file that is not UTF-8 is read in too: what a browser shows a
text/plain file without a charset as (windows-1252 in Western locales), and what
Notepad saves as "ANSI" in other locales, which a browser there guesses: GBK
(Chinese), Shift_JIS (cp932) and EUC-JP (Japanese), EUC-KR (cp949, Korean), Big5
(Traditional Chinese), the other Windows code pages (Central European, Cyrillic,
Greek, Turkish, Hebrew, Arabic, Baltic, Thai, Vietnamese), KOI8-R and KOI8-U,
and the ISO 8859 parts and IBM866 that Firefox's detector (chardetng) guesses
among. Every reading a file decodes in is searched, not one guessed: a detector
picks one encoding, and a file can be made to read as a name in another (red
team 3, H7). A list and not a detector library, so what is read does not depend
on a guess. (ISO-2022-JP: see :func:`escaped`.)"""

_DECLARED = re.compile(
    rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:()+-]+)|@charset\s+["']([^"']+)""",
    re.I)
_PRESCAN = 4096
"""Bytes of a file's start searched for any declaration (a browser's prescan looks
at 1024, an XML declaration and ``@charset`` are at the start: more costs nothing
and misses none)."""
_LATE = re.compile(rb"[Cc][Hh][Aa][Rr][Ss][Ee][Tt]\s*=\s*[\"']?\s*([A-Za-z0-9_.:()+-]+)")
"""A ``charset=`` past the start: a ``<meta>`` the parser meets later makes a browser
read the page again in that encoding (the HTML standard's "change the encoding")."""
_WHATWG = {
    "latin1": "cp1252", "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252",
    "ascii": "cp1252", "us-ascii": "cp1252", "iso_8859-1": "cp1252", "cp819": "cp1252",
    "ibm819": "cp1252", "iso-ir-100": "cp1252", "csisolatin1": "cp1252",
    "iso-8859-9": "cp1254", "iso8859-9": "cp1254", "latin5": "cp1254", "l5": "cp1254",
    "iso-8859-11": "cp874", "iso8859-11": "cp874", "tis-620": "cp874", "windows-874": "cp874",
    "dos-874": "cp874", "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "korean": "cp949",
    "windows-949": "cp949", "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "ms_kanji": "cp932", "csshiftjis": "cp932", "windows-31j": "cp932", "ms932": "cp932",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "chinese": "gb18030",
    "csgb2312": "gb18030", "gb_2312-80": "gb18030", "iso-ir-58": "gb18030",
    "big5": "big5hkscs", "x-x-big5": "big5hkscs", "cn-big5": "big5hkscs", "csbig5": "big5hkscs",
    "x-mac-cyrillic": "mac_cyrillic", "x-mac-ukrainian": "mac_cyrillic",
    "x-mac-roman": "mac_roman", "mac": "mac_roman", "csmacintosh": "mac_roman",
    "koi8-ru": "koi8_u", "iso-8859-8-i": "iso8859_8", "csiso88598i": "iso8859_8",
    "logical": "iso8859_8", "unicode-1-1-utf-8": "utf-8", "unicode11utf8": "utf-8",
    "x-unicode20utf8": "utf-8", "866": "cp866", "ibm866": "cp866",
}
"""Labels the Encoding Standard reads otherwise than Python's codec of that name
(ISO-8859-1 and ASCII are windows-1252 to a browser) or that Python does not know;
any other label is looked up in Python's codecs."""
_NO_READING = frozenset({
    "iso-2022-kr", "iso-2022-cn", "iso-2022-cn-ext", "hz-gb-2312", "csiso2022kr",
    "replacement", "x-user-defined", "utf-7", "utf7", "utf-8", "utf8", "utf-16", "utf-16le",
    "utf-16be", "ucs-2", "unicode", "unicodefffe", "utf-32", "utf-32le", "utf-32be"})
"""Labels with no reading of their own: those a browser decodes as nothing readable
(the replacement encoding) or not at all, UTF-8 (always read), and UTF-16/32,
which a page's ``<meta>`` cannot declare (a browser reads it as UTF-8) and a
file's byte-order mark does (ivsite.readers.readable reads that): read as UTF-16, an
ASCII page would be a page of random Han characters, and so of false names."""
_ISO_2022_JP = re.compile(rb"\x1b(?:\$[@B]|\$\(D|\([BJI])")


def declared(data: bytes, text_file: bool = True) -> list[str]:
    """The Python codecs of the encodings ``data`` declares (every one: a browser
    takes the first, an XML reader its declaration's): any declaration in its
    start, and in a text file (``text_file``: not a picture's megabytes) a
    ``charset=`` anywhere."""
    found: list[str] = []
    head = data[:_PRESCAN]
    lower = head.lower()
    labels = [m.group(1) or m.group(2) for m in _DECLARED.finditer(head)] \
        if b"charset" in lower or b"encoding" in lower else []
    if text_file:
        labels += [m.group(1) for m in _LATE.finditer(data, _PRESCAN)]
    for raw in labels:
        label = raw.decode("ascii", "replace").strip().lower()
        if label in _NO_READING:
            continue
        codec = _WHATWG.get(label)
        if codec is None:
            try:
                codec = codecs.lookup(label).name
            except LookupError:
                continue
        if _codec_name(codec) not in _NO_CODECS:
            found.append(codec)
    return list(dict.fromkeys(found))


def _codec_name(name: str) -> str:
    """Python's own name of a codec (``utf-16-le`` for ``UTF-16LE``), or ``name``."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


_NO_CODECS = frozenset(_codec_name(label) for label in _NO_READING)
"""The codecs of :data:`_NO_READING`, by Python's names: a label that names one of
them another way ("utf-16-le") gives no reading either."""


def escaped(data: bytes) -> list[str]:
    """``["iso2022_jp_ext"]`` where ``data`` is 7-bit and holds ISO-2022-JP's
    escape sequences (to JIS X 0208 and back), as browsers' detectors recognise
    it; else none. Not a binary file's bytes: three of them that happen to be an
    escape would read what follows as random kanji, and so as false names."""
    return ["iso2022_jp_ext"] if data.isascii() and _ISO_2022_JP.search(data) else []


def readings(data: bytes, codecs_: list[str]) -> list[str]:
    """``data`` read in each codec (a byte a codec does not define, or a broken
    sequence, spoils no more than itself: a browser shows the rest)."""
    out = []
    for codec in codecs_:
        try:
            out.append(data.decode(codec, errors="replace"))
        except (LookupError, ValueError):  # no text encoding ("base64", "undefined")
            continue
    return out


def xml_text(body: bytes) -> str:
    """An XML part's text as an XML reader decodes it: by its byte-order mark, else
    by its declaration, else as UTF-8 (a part of an Office file written in
    ISO-8859-5 with a declaration that says so is read so by Office)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(codec, "ignore")
    return next(iter(readings(body, declared(body[:200]))), None) or \
        body.decode("utf-8", "ignore")
