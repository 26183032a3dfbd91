"""Files packed inside a file: what the audit reads of documents that compress
their text.

A linked thank-you letter (DOCX, ODT, XLSX, PPTX, EPUB: ZIP archives of XML) or a
PDF (text in FlateDecode streams) shows its reader words the audit would
otherwise read only as compressed noise (red team 3, H8). :func:`unpacked`
gives such a file's parts as files of their own, which ivsite.readers.readable then
reads like any file (a part that is itself packed is unpacked in turn):

- a ZIP archive: every member, its name (in a local code page too:
  ivsite.readers.zipnames), and for XML members the text of
  Office/ODF markup with its runs joined ("Quen" "tin" in two ``<w:t>`` runs is
  the word "Quentin" on the reader's screen);
- a PDF: decrypted first if it opens with the empty password (ivsite.readers.pdf.crypt),
  every stream decoded as its dictionary says (ivsite.readers.pdf.filters: filters and
  predictors; one it cannot decode refuses the file), and the strings of its
  page content (``Tj``, ``TJ``, ``'``, ``"``) and of its own syntax and its
  object streams' (the author, the title), joined as a viewer shows them, in
  the order written and as placed on the page (ivsite.readers.pdf.placed), as bytes and
  through the fonts that show them, text strings in PDFDocEncoding too
  (ivsite.readers.pdf.strings, ivsite.readers.pdf.encodings);
- any file that ends in a ZIP's end record (a ZIP appended to a picture or a PDF)
  is read as a ZIP as well;
- a drawing's source, kept for its editor (an Excalidraw scene, a diagrams.net
  diagram, a PlantUML source: ivsite.readers.carried), deleted elements and other
  pages included;
- a PNG: its compressed text chunks (``zTXt``, ``iTXt``), ImageMagick's hex
  profiles among them read as ivsite.readers.photometa reads a photo's metadata,
  and its colour profile's text (``iCCP``); a WOFF font's tables, an MP3's
  compressed ID3 frames, a PNG inside another file (ivsite.readers.inflated);
- an iWork document's ``.iwa`` streams (Pages, Keynote, Numbers), Snappy
  decoded (ivsite.readers.snappy);
- a tar archive: every member's name (in a local code page too) and every file
  in it (ivsite.readers.streams, which also decompresses gzip, bzip2, xz and lzma
  streams for ivsite.readers.readable).

What is read is bounded (:data:`MAX_UNPACKED` bytes decompressed per file
audited, all parts together): a crafted archive must not exhaust memory. A file
that cannot be read whole (a part that decompresses past the bound, a ZIP that
does not open or a member that does not read) is refused (:meth:`Budget.refuse`),
never published half read (red team 8, N11). A PDF's page strings are read
through its fonts as well (glyph ids through ToUnicode maps: ivsite.readers.pdf.fonts,
which refuses a font with no way back to letters). An encrypted member is not
read: see the README.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from . import compound
from .carried import carried
from .charsets import xml_text
from .compound import compound_parts
from .inflated import icc_text, inner_parts
from .pdf import crypt as pdfcrypt
from .pdf import filters as pdffilters
from .pdf import fonts as pdffonts
from .pdf import objects as pdfobjects
from .pdf import placed as pdfplaced
from .pdf import streamkinds
from .pdf import strings as pdfstrings
from .photometa import metadata_parts, profile_parts
from .sheetcells import binary_rows, sheet_rows
from .snappy import iwa_parts
from .streams import is_tar, tar_parts
from .wordshown import shown_parts
from .ziplocal import disagreement
from .zipnames import name_readings

MAX_UNPACKED = 64 * 1024 * 1024
"""Bytes decompressed, at most, for one file audited (all its parts, at any depth)."""
MAX_MEMBERS = 4096


@dataclass
class Budget:
    """What is left of :data:`MAX_UNPACKED` for the file being read."""

    left: int = field(default_factory=lambda: MAX_UNPACKED)
    limit: int = field(default_factory=lambda: MAX_UNPACKED)
    refused: list[str] = field(default_factory=list)
    """Why parts were not read where reading less than all is a leak (an archive
    that cannot be opened or is past the bound: ivsite.readers.streams): the audit
    refuses the file."""

    def take(self, n: int) -> None:
        self.left = max(0, self.left - n)

    def refuse(self, why: str) -> None:
        self.refused.append(why)

    def inflate(self, data: bytes, wbits: int = zlib.MAX_WBITS) -> bytes:
        """As much of a zlib stream (raw deflate for ``wbits`` -15) as decompresses
        (nothing for data that is not one), within the budget; a stream that
        decompresses past it is refused."""
        if self.left <= 0:  # (a max_length of 0 would be no bound at all)
            self.refuse(_PAST_BOUND.format(what="compressed part", mb=self.limit >> 20))
            return b""
        d = zlib.decompressobj(wbits)
        try:
            out = d.decompress(data, self.left)
        except zlib.error:
            return b""
        self.take(len(out))
        if d.unconsumed_tail:
            self.refuse(_PAST_BOUND.format(what="compressed part", mb=self.limit >> 20))
        return out


Part = tuple[PurePosixPath, bytes]


def unpacked(path: PurePosixPath, data: bytes, budget: Budget) -> list[Part]:
    """The parts of a packed file (none for any other file)."""
    if is_tar(path, data):  # first, and even with no budget left: it is refused then
        return tar_parts(data, budget)
    parts: list[Part] = []
    if b"%PDF-" in data[:1024]:
        parts += _pdf(data, budget)
    elif data[:8] == b"\x89PNG\r\n\x1a\n":
        parts += _png(data, budget)
    elif data.startswith(compound.MAGIC):  # .xls, .doc, .ppt, .msg (red team 10, R10-16)
        parts += compound_parts(data, budget)
    parts += iwa_parts(path, data, budget)  # an iWork document's Snappy (ivsite.readers.snappy)
    parts += metadata_parts(data)  # a photo's EXIF, IPTC, XMP text (ivsite.readers.photometa)
    parts += _sources(data, budget)  # a drawing's own source (ivsite.readers.carried)
    parts += inner_parts(data, budget, _png)  # fonts, ID3, PNGs inside (ivsite.readers.inflated)
    # A ZIP's end record (after its last comment), in any file: a ZIP appended to
    # a picture or a PDF (a polyglot: shown as the one, opened by ``unzip`` as the
    # other) is read as well, not instead (red team 8, N11).
    if b"PK\x05\x06" in data[-65558:]:
        parts += _zip(data, budget)
    return parts


_PAST_BOUND = "a {what} larger than the {mb} MB read of one file"


def _sources(data: bytes, budget: Budget) -> list[Part]:
    """The sources a drawing carries for its editor, each as a text of its own
    (red team 11, R11-18); one that does not decode refuses the file."""
    parts: list[Part] = []
    for source in carried(data, budget):
        if source.unread:
            budget.refuse(f"{source.tool} that cannot be decoded: {source.unread}")
        parts.append((PurePosixPath("source.txt"), "\n".join(source.texts).encode()))
    return parts


# ZIP: Office Open XML, OpenDocument, EPUB, or any archive.
_BREAK = re.compile(
    r"</?(?:\w+:)?(?:p|h|br|cr|tab|s|tc|tr|si|c|row|line-break|list-item|table-cell|"
    r"table-row|note|sp|txBody)\b[^>]*>")
"""Office and ODF elements that end a word: a paragraph, cell, break, tab or space."""
_TAG = re.compile(r"<[^>]*>")


def _zip(data: bytes, budget: Budget) -> list[Part]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        budget.refuse("a ZIP archive that cannot be opened")
        return []
    if len(members) > MAX_MEMBERS:
        budget.refuse(f"a ZIP archive of more than {MAX_MEMBERS} members")
        return []
    if (why := disagreement(data, archive)) is not None:  # red team 10, R10-27
        budget.refuse(f"a ZIP archive whose local headers and directory disagree: {why}")
        return []
    parts: list[Part] = [(PurePosixPath("names.txt"),
                          "\n".join(m.filename for m in members).encode())]
    if legacy := name_readings(archive):  # names in a local code page (ivsite.readers.zipnames)
        parts.append((PurePosixPath("names.txt"), legacy.encode()))
    for m in members:
        if m.is_dir() or m.flag_bits & 0x1:  # a folder; an encrypted member: unreadable
            continue
        # A member past the bound, a corrupt one, or one packed in a way zipfile
        # cannot read: the archive is not read whole, so it is refused (red team 8,
        # N11: a member past the bound was skipped and the archive published).
        try:
            with archive.open(m) as f:
                body = f.read(budget.left + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError,
                zlib.error, RuntimeError):
            budget.refuse("a ZIP member that cannot be read")
            return parts
        if len(body) > budget.left:
            budget.refuse(_PAST_BOUND.format(what="ZIP member", mb=budget.limit >> 20))
            return parts
        budget.take(len(body))
        parts.append((PurePosixPath(m.filename.lstrip("/") or "member"), body))
        if m.filename.lower().endswith(".xml"):
            joined = _BREAK.sub(" ", xml_text(body))
            parts.append((PurePosixPath(m.filename + ".txt"), _TAG.sub("", joined).encode()))
    # A spreadsheet's rows, its shared strings resolved (red team 10, R10-16), and
    # a document as Word or LibreOffice shows it (ivsite.readers.wordshown, R10-37).
    return parts + sheet_rows(parts, budget) + binary_rows(parts, budget) + shown_parts(parts)


# PDF.
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\n?endstream", re.S)
_NUMBER = re.compile(rb"(\d+)\s+\d+\s+$")


def _pdf(data: bytes, budget: Budget) -> list[Part]:
    # An encrypted file, as a viewer decrypts it (red team 10, R10-10).
    data = pdfcrypt.decrypted(data, budget)
    if budget.refused:
        return []
    # The file's own syntax (the document information's strings: author, title)
    # without its streams, then each stream that decodes.
    streams = [_STREAM.sub(b" ", data)]
    syntax = [streams[0]]  # PDF syntax: the file's own, and its object streams'
    numbered: dict[int, bytes] = {}  # each decoded stream by its object's number
    object_streams: list[tuple[bytes, bytes]] = []
    own: dict[int, bytes] = {}

    def resolve(number: int) -> bytes | None:  # a /Filter given by reference
        if not own:
            own.update(pdffonts.objects(streams[0], []))
        return own.get(number)

    dictionaries = pdfobjects.stream_dictionaries(data)  # as a parser reads them
    for m in _STREAM.finditer(data):
        at = max(0, data.rfind(b"obj", 0, m.start()))
        # Decoded as its dictionary says (red team 10, R10-09: a predictor).
        number, dictionary = dictionaries.get(m.start(), (None, data[at:m.start()]))
        if number is None and (found_number := _NUMBER.search(data[max(0, at - 24):at])):
            number = int(found_number.group(1))
        stream = pdffilters.decoded(dictionary, m.group(1), budget, resolve)
        if stream is None:  # a picture's pixels, or refused
            if budget.refused:
                break
            continue
        if stream is m.group(1) or not stream:  # no filter named, or nothing decoded:
            guessed = streamkinds.ascii_decoded(m.group(1))  # as it decodes too, in case its
            if inflated := budget.inflate(guessed):  # dictionary was misread
                stream = inflated
            elif guessed is not m.group(1):
                stream = guessed
        streams.append(stream)
        if number is not None:
            numbered[number] = streams[-1]
        if streamkinds.object_stream(dictionary):
            syntax.append(streams[-1])
            object_streams.append((streamkinds.unescaped_names(dictionary), streams[-1]))
        if budget.refused:
            break
    parts: list[Part] = [(PurePosixPath("stream.bin"), s) for s in streams[1:]]
    contents = [s for s in streams if streamkinds.is_content(s)]
    read_as_text = {id(s) for s in (*syntax, *contents)}  # (by identity: a set, not a scan)
    syntax_ids = {id(s) for s in syntax}
    for s in streams:
        if id(s) in read_as_text:
            # The document's own strings are text strings as well (the author, a
            # bookmark's title): read in PDFDocEncoding too (red team 10, R10-36).
            # So is a page's marked content's replacement text (``/ActualText``),
            # which a viewer copies and reads aloud instead of the glyphs.
            parts += [(PurePosixPath("text.txt"), t) for t in pdfstrings.strings(
                s, id(s) in syntax_ids or pdfstrings.marked_text(s))]
    # The same strings through the fonts that show them (glyph ids, red team 9, R9-26).
    found = pdffonts.objects(streams[0], object_streams)
    # And as placed on the page (red team 10, R10-26), a page drawn by several
    # streams read as one.
    pages = contents + pdfplaced.pages_of(found, numbered)
    forms = pdfplaced.forms_of(found, numbered)
    parts += [(PurePosixPath("text.txt"), t)
              for t in pdffonts.font_texts(found, numbered, contents, budget, pages, forms)]
    parts += [(PurePosixPath("text.txt"), t.encode())
              for page in pages for t in pdfplaced.readings(page, pdfstrings.as_text, forms)]
    return list(dict.fromkeys(parts))  # a reading through a plain font: the same text


# PNG.
def _png(data: bytes, budget: Budget) -> list[Part]:
    parts: list[Part] = []
    at = 8
    while at + 8 <= len(data) and not budget.refused:
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + size]
        at += 12 + size
        if kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            text = budget.inflate(rest[1:])
            parts.append((PurePosixPath("text.txt"), key + b" " + text))
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            compressed, rest = rest[:1] == b"\1", rest[2:]
            lang, _, rest = rest.partition(b"\0")
            title, _, text = rest.partition(b"\0")
            text = budget.inflate(text) if compressed else text
            parts.append((PurePosixPath("text.txt"), b" ".join((key, lang, title, text))))
        elif kind == b"iCCP":  # a colour profile's text (red team 12, R12-07)
            key, _, rest = body.partition(b"\0")
            parts.append((PurePosixPath("profile.txt"), icc_text(text := budget.inflate(rest[1:]))))
        else:
            continue
        # ImageMagick's hex EXIF, XMP, IPTC (red team 11, R11-21).
        parts += profile_parts(key, text)
    return parts
