"""What a reader could see in an output file, as text the audit searches.

This module turns a file's bytes into text; ivsite.audit.stage decides what in that
text is a leak. HTML is read as markup (text with tags out, attribute values,
comments, right-to-left text, and as a browser shows it: see ivsite.readers.onscreen and,
for list markers, alt texts, struck text and reordered boxes, ivsite.markup.drawntext),
anything else as it is; the values of the query strings of the addresses in
either are read as a text of their own (ivsite.text.urlquery), and so is what
an address carries compressed (a shared diagram: ivsite.text.urlpayloads); gzip, bzip2, xz and
lzma are decompressed (ivsite.readers.streams), UTF-16/32 decoded (and read as 8-bit
text as well: red team 8, N1), the UTF-16 text runs
inside a binary file read (ivsite.readers.widetext), and embedded base64 images and
``<iframe srcdoc>`` documents are read as files of their own, as are the decoded
readings of a file that encodes its text (mail, vCard, RTF: ivsite.readers.encodedtext),
and so is what every text spells in invisible characters or base64 and hex words
(ivsite.readers.morereadings), and a caption file, a LaTeX source or marked-up prose
as its reader shows it (ivsite.readers.asshown).
What cannot be read
where reading less is a leak (an archive that does not open) is given as
refused (:func:`unread`).
"""

from __future__ import annotations

import codecs
import html
import re
from pathlib import Path, PurePosixPath

from ..core.sizedcache import sized_cache
from ..markup.drawntext import drawn_readings
from ..markup.sheetstyle import unplaced
from ..markup.svgtext import svg_texts
from ..text.urlpayloads import address_payloads
from ..text.urlquery import query_text
from . import charsets, codepages, datauri
from .asshown import as_shown
from .binarytext import text_runs
from .cborstrings import cbor_strings
from .charsets import LEGACY
from .drawnorder import drawn_orders
from .encodedtext import encoded_parts
from .morereadings import more_readings
from .onscreen import on_screen
from .packed import Budget, unpacked
from .pagefind_engine import is_engine, is_fixed
from .streams import compressed
from .widetext import wide_runs

_TAG = re.compile(r"<[^>]*>")
_INLINE_TAG = re.compile(
    r"</?(?:(?:a|abbr|acronym|b|bdi|bdo|big|button|cite|code|data|del|dfn|em|i|ins|kbd|label|"
    r"mark|nobr|output|q|s|samp|slot|small|span|strong|sub|sup|time|tt|u|var|tspan|textPath|"
    r"font|wbr)\b|[A-Za-z][\w.]*-[\w.-]*)[^>]*>", re.I)
"""Tags that sit inside a word as easily as between words: taken out without a space.
A custom element (a name with a dash, ``<x-y>``) is inline too (red-team H11)."""
_ATTR = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_HIDDEN = re.compile(r"<!--(.*?)(?:-->|\Z)|<!\[CDATA\[(.*?)(?:\]\]>|\Z)|<[?!]([^>]*)>?", re.S)
"""Comments, CDATA, and the "bogus comments" a browser hides as well (``<?…>``,
``<!X…>``, red team 4): read as hidden text, never as the page's words."""
MARKUP_SUFFIXES = (".html", ".htm", ".xml", ".svg", ".xhtml")


def readable_texts(path: PurePosixPath | Path, data: bytes,
                   hidden: frozenset[str] = frozenset()) -> list[str]:
    """The texts in which a file could show something. Markup files give their text
    with tags taken out (so words split only by tags meet again) and, separately,
    their attribute values; other files give their text as it is. Gzip data —
    Pagefind's index files — is read decompressed. ``hidden``: the classes and ids
    the site's style sheets hide (ivsite.readers.onscreen.on_screen)."""
    return list(_read(PurePosixPath(path), data, hidden)[0])


def unread(path: PurePosixPath | Path, data: bytes,
           hidden: frozenset[str] = frozenset()) -> list[str]:
    """Why parts of a file were not read where publishing them unread is a leak
    (an archive that cannot be opened, or is past the bound: ivsite.readers.streams);
    empty when all of it was read."""
    return list(_read(PurePosixPath(path), data, hidden)[1])


@sized_cache(32 << 20, lambda path, data, hidden: 6 * len(data))  # its texts: ~5× its bytes
def _read(path: PurePosixPath, data: bytes,
          hidden: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """As :func:`readable_texts` and :func:`unread`, kept for the files read again:
    every build publishes the same theme and Pagefind files (half a megabyte), and
    the preview and a test run build many times in one process."""
    budget = Budget()
    # A reading that another gives letter for letter (a page drawn in the order
    # its source is written) is read once: what the audit finds in a text
    # depends on the text alone.
    texts = list(dict.fromkeys(_texts(path, data, _MAX_NESTING, budget, hidden=hidden)))
    # What the texts encode: invisible characters, base64 and hex words
    # (ivsite.readers.morereadings); a text file's in ROT13 and Morse too, when it
    # is text (turned, random bytes named .txt spell name parts by chance).
    decoded, refused = more_readings(texts, path.suffix.lower() in TEXT_SUFFIXES and _utf8(data))
    return tuple(dict.fromkeys(texts + decoded)), tuple(dict.fromkeys(budget.refused + refused))


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_MAX_NESTING = 32
"""How many data URIs deep (an image inside an image inside a page) the audit reads.
Each level is a third longer than the one inside it, so 32 levels already make one
word ten thousand times its size; the bound keeps a crafted page from exhausting
the stack."""


_ENCODED = 3
"""How many encodings deep (a base64 mail part holding quoted-printable) the audit
decodes: each level may give several readings, so the bound keeps them few."""


_FRAMES = 4
"""How many ``srcdoc`` documents deep (a frame inside a frame) the audit reads."""


def _texts(path: PurePosixPath | Path, data: bytes, depth: int, budget: Budget,
           frames: int = _FRAMES, hidden: frozenset[str] = frozenset()) -> list[str]:
    if is_engine(path, data) or is_fixed(path, data):
        return []
    if (plain := compressed(PurePosixPath(path), data, budget)) is not None:
        data = plain  # gzip (Pagefind's index), bzip2, xz, lzma
    words = cbor_strings(data)  # Pagefind's index: its words, each standing alone
    if words is not None:
        return [words]
    # A document's compressed parts (ivsite.readers.packed), each read as a file of its own.
    inner = [t for p, d in unpacked(PurePosixPath(path), data, budget)
             for t in _texts(p, d, depth - 1, budget, hidden=hidden)] \
        if depth > 0 else []
    # Text a mail, contact or word-processor file encodes (ivsite.readers.encodedtext), read
    # decoded; a decoded reading is decoded again at most _ENCODED levels deep.
    if depth > 0 and path.suffix.lower() not in MARKUP_SUFFIXES:
        inner += [t for p, d in encoded_parts(PurePosixPath(path), data, budget)
                  for t in _texts(p, d, min(depth - 1, _ENCODED), budget, hidden=hidden)]
    text = _decoded(data, path.suffix.lower() in TEXT_SUFFIXES)
    if not text:
        return inner
    if depth > 0 and (embedded := datauri.payloads(text)):  # an image inside the page
        # Only a payload is cut out, so the rest holds none and reads in one step.
        return [*inner, *_texts(path, datauri.without(text).encode(), 0, budget, frames,
                                hidden), *(
            t for name, e in embedded for t in _texts(name, e, depth - 1, budget,
                                                      hidden=hidden))]
    shown_reversed = [_TAG.sub("", next(g for g in m.groups()[1:] if g is not None))[::-1]
                      for m in _REVERSED.finditer(text)] + _css_reversed(text) \
        if "\u202e" in text or _BDO.search(text) else []
    # The values of the addresses' query strings ("?firstName=Quentin&lastName=…").
    queries = [q] if (q := query_text(text)) else []
    # What an address carries compressed (a mermaid.live "#pako:" diagram, R11-19).
    carried, unread_addresses = address_payloads(text)
    queries += [carried] if carried else []
    for why in unread_addresses:
        budget.refuse(why)
    joined = [_CONCAT.sub("", text)] if _CONCAT.search(text) else []
    joined += [_SPACE_ESCAPE.sub(" ", text)] if _SPACE_ESCAPE.search(text) else []
    if path.suffix.lower() not in MARKUP_SUFFIXES:
        # A caption file, a LaTeX source or marked-up prose as its reader shows it
        # too (ivsite.readers.asshown, R18-B02/B08): its markup splits a name.
        return [*inner, html.unescape(text) if "&" in text else text, *shown_reversed, *joined,
                *queries, *as_shown(path.name, text)]
    if _COUNTER_STYLE.search(text):
        budget.refuse("a @counter-style rule draws list markers the audit cannot read")
    if (unknown := unplaced(text)) is not None:  # read as placed: ivsite.markup.drawntext, svgtext
        budget.refuse(unknown)
    # Attribute values (quoted or not), comments and CDATA: what tag-stripping hides.
    attributes = " \n ".join(a or b or c for a, b, c in _ATTR.findall(text))
    attributes += " \n " + " \n ".join(a or b or c for a, b, c in _HIDDEN.findall(text))
    body = _TAG.sub(" ", _INLINE_TAG.sub("", _HIDDEN.sub(" ", text)))
    framed = [t for m in _SRCDOC.finditer(text) if frames > 0 for t in _texts(
        PurePosixPath("frame.html"), html.unescape(next(g for g in m.groups() if g is not None))
        .encode(), depth, budget, frames - 1, hidden)]
    return [*inner, html.unescape(body), html.unescape(attributes), on_screen(text, hidden),
            *(html.unescape(r) for r in shown_reversed), *svg_texts(text),
            *drawn_readings(text), *framed,  # and in the order drawn (ivsite.readers.drawnorder):
            *(r for d in drawn_orders(text) for r in (_shown_text(d), on_screen(d, hidden))),
            *(html.unescape(_TAG.sub(" ", j)) for j in joined), *queries]


def _shown_text(markup: str) -> str:
    """A page's text with its tags taken out, as the first reading of _texts."""
    return html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", _HIDDEN.sub(" ", markup))))


_CONCAT = re.compile(r"""(["'`])\s*\+\s*\1""")
"""Where a script joins two string literals ("Quen" + "tin"): a script that writes
a name from pieces (a data: URL's or an inline one, red team 4, J9) reads whole
with these taken out. A name computed otherwise (character codes, a reversed
string) is not read: the filter refuses every script with code."""


_SPACE_ESCAPE = re.compile(r"(?<!\\)\\[nrtfv]")
"""A string's escaped line break or tab ("Quentin\\nZabrowski" in JSON or a script),
which a JSON viewer or the page shows as a space: read as one, in a reading of its
own ("C:\\Users\\nadia" as written holds a name's letters too)."""


_COUNTER_STYLE = re.compile("@counter-style", re.I)
"""A list marker system of the page's own (``symbols: "Q" "U" …``, red team 8 N14):
which symbol each item draws is not read, so the page is refused (fail closed)."""
_BIDI = re.compile("bidi-override", re.I)


def _selector(text: str, at: int) -> str:
    """The selector of the CSS rule whose declarations hold ``at`` ("" when ``at``
    is in none). Read back from each ``bidi-override`` found, not by a pattern
    tried at every character: on a binary file's text that pattern took seconds
    a megabyte."""
    open_ = text.rfind("{", 0, at)
    if open_ < 0 or text.rfind("}", open_, at) >= 0:
        return ""
    return text[max(text.rfind(c, 0, open_) for c in "{}<>") + 1:open_]
_CSS_NAME = re.compile(r"[.#]([\w-]+)")


def _css_reversed(text: str) -> list[str]:
    """The text of the elements a style sheet's rule overrides bidi for, by class or
    id (``.r{unicode-bidi:bidi-override;direction:rtl}``, red-team H3), backwards."""
    names = {n for m in _BIDI.finditer(text) for n in _CSS_NAME.findall(_selector(text, m.start()))}
    if not names:
        return []
    element = re.compile(r"<(\w+)\b[^>]*?\s(?:class|id)\s*=\s*[\"']?[^\"'>]*?(?<![\w-])(?:"
                         + "|".join(map(re.escape, sorted(names))) + r")(?![\w-])[^>]*>(.*?)</\1>",
                         re.I | re.S)
    return [_TAG.sub("", m.group(2))[::-1] for m in element.finditer(text)]


_SRCDOC = re.compile(r"""\ssrcdoc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
"""An ``<iframe srcdoc>``: a page written inside an attribute, its tags escaped, read
as a page of its own (red-team H23: as flat text its tags split the words)."""
_BDO = re.compile("<bdo|bidi-override", re.I)
_REVERSED = re.compile(r"<(bdo|\w+(?=[^>]*bidi-override))\b[^>]*\brtl\b[^>]*>(.*?)</\1>"
                       r"|\u202e([^\u202c\n]*)", re.I | re.S)
"""Text a browser shows right to left: read backwards too ("kciwneuQ talbroZ")."""

TEXT_SUFFIXES = (*MARKUP_SUFFIXES, ".txt", ".text", ".md", ".markdown", ".csv", ".tsv",
                 ".json", ".css", ".js", ".yaml", ".yml", ".toml", ".ini", ".log", ".rtf",
                 ".tex", ".ics", ".vcf", ".srt", ".vtt", ".org", ".rst", ".adoc", ".eml",
                 ".ass", ".ssa", ".sbv", ".lrc", ".bib", ".sty", ".cls", ".ltx", ".asciidoc",
                 ".textile")
"""Files a browser shows as text, in whatever encoding it guesses or the file declares."""
def _decoded(data: bytes, text_file: bool = False) -> str:
    """A file's text whatever it was saved as: UTF-8, or UTF-16/32 (with a byte-order
    mark, or the NUL bytes every other byte that Notepad's UTF-16 leaves), and
    read as UTF-8 also the UTF-16 text runs inside it (an image's EXIF comment:
    ivsite.readers.widetext).

    A text file that is not UTF-8 (``text_file``) is read as UTF-8 and also in each
    :data:`LEGACY` encoding, one reading per line block: read as UTF-8 alone,
    "Jos\xe9 Ram\xedrez" loses its accented letters and the name is not found,
    while a browser shows "José Ramírez".

    The runs are read whatever the file's start says: a file that opens with
    UTF-16 can hold more of it at an odd offset after binary data."""
    whole = _whole(data, text_file)
    wide = wide_runs(data)
    return f"{whole}\n\n{wide}" if wide else whole


def _whole(data: bytes, text_file: bool) -> str:
    """The whole file read as UTF-16/32 where its start says so, and always as
    8-bit text too: a start with NUL bytes every other byte may be UTF-16 text, or
    a binary header full of zeros (a PNG's IHDR and pHYs, a TIFF IFD) before 8-bit
    text (a tEXt chunk, an EXIF Artist), and a text file can open in UTF-16 and
    go on in UTF-8. Read both ways, never one instead of the other (red team 8, N1)."""
    wide = _wide(data)
    if wide and not text_file and not data.startswith(_BOMS):
        # NUL bytes every other byte are as often a binary header's (a PNG's, a
        # TIFF's): what follows is read for the text runs it holds, not as random
        # letters (ivsite.readers.binarytext, R11-27).
        wide = text_runs(wide)
    # UTF-32 without a byte-order mark and EBCDIC (ivsite.readers.codepages, R14-02/03):
    # a reading beside the others, of a binary file only its text runs.
    other = [r if text_file else text_runs(r) for r in codepages.readings(data)]
    return "\n\n".join(filter(None, (wide, _eight_bit(data, text_file), *other)))


_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _wide(data: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="ignore")
    half = min(len(data), 400) // 2
    for odd, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        if half >= 8 and data[odd:400:2].count(0) > half * 0.3:
            return data.decode(codec, errors="ignore")
    return ""


def _eight_bit(data: bytes, text_file: bool) -> str:
    """A file's text read as UTF-8 (and, for a text file that is not UTF-8, in each
    :data:`LEGACY` encoding too), and in any encoding its start declares or whose
    escape sequences it holds (ivsite.readers.charsets: a page in ISO-8859-5 or ISO-2022-JP
    that would read as UTF-8 noise)."""
    extra = charsets.readings(data, charsets.declared(data, text_file) +
                              charsets.escaped(data))
    try:
        whole = data.decode("utf-8")
    except UnicodeDecodeError:
        if not text_file:  # a binary file: the text it carries (R11-27)
            return "\n\n".join(dict.fromkeys(
                map(text_runs, [data.decode("utf-8", errors="replace"), *extra])))
    else:
        return "\n\n".join(dict.fromkeys([whole, *extra]))
    # A byte a code page does not define, or a broken sequence, spoils no more than
    # itself: a browser shows the rest.
    readings = [data.decode("utf-8", errors="ignore"), *charsets.readings(data, list(LEGACY)),
                *extra]
    return "\n\n".join(dict.fromkeys(readings))
