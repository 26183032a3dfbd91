"""Red team 10, attachments a reader shows otherwise than their bytes read:

- R10-13: JSON's ``\\u0051uentin \\u005aabrowski`` (a ``\\u`` takes four hex
  digits, not up to six: ivsite.text.escapes);
- R10-16: a spreadsheet whose shared strings hold the first names, then the
  family names; its rows read as a spreadsheet program shows them
  (ivsite.readers.sheetcells);
- R10-21, R10-23: pages in ISO-2022-JP, macintosh, ISO-8859-2 and ISO-8859-5,
  read in the charset they declare, and undeclared in the encodings a browser's
  detector guesses among (ivsite.readers.charsets);
- R10-27: a ZIP entry with a local header only, outside the central directory,
  which streaming readers extract: the archive is refused (ivsite.readers.ziplocal).

The filter never reads an attachment's bytes, so the audit is the only line: one
build of the reproducers' files (filter off) is refused on each; with this
round's readings off, the same build publishes them; unit tests show which
reading finds which file; ordinary files in the same forms are published.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, misspellings_off, red_team_site, red_team_talk

from ivsite.audit import search as auditsearch
from ivsite.pipeline import build
from ivsite.readers import biffsheet, charsets, compound, hiddentext, packed, readable
from ivsite.text import escapes

PEOPLE = ("山田太郎", "Zoë Müller", "Katarzyna Wiśniewska", "Сергей Иванов")


def page(text: str, charset: str, codec: str | None = None) -> bytes:
    """A page that declares ``charset``, encoded in it (``codec``: Python's name)."""
    return (f'<!doctype html><meta charset="{charset}"><title>Notes</title>'
            f"<p>{text}</p>\n").encode(codec or charset)


def workbook(rows: list[list[str]]) -> bytes:
    """An .xlsx whose shared strings are typed column by column (every first
    column's text, then every second's: Excel's order when a list is filled in so)."""
    columns = max(map(len, rows))
    strings: list[str] = []
    for c in range(columns):
        strings += [r[c] for r in rows if c < len(r) and r[c] not in strings]
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
           'spreadsheetml/2006/main">' + "".join(f"<si><t>{s}</t></si>" for s in strings)
           + "</sst>")
    cells = "".join(
        f'<row r="{i + 1}">' + "".join(
            f'<c r="{"ABCDEFGH"[c]}{i + 1}" t="s"><v>{strings.index(v)}</v></c>'
            for c, v in enumerate(r)) + "</row>" for i, r in enumerate(rows))
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + cells
             + "</sheetData></worksheet>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook><sheets><sheet name='A'/></sheets></workbook>")
        z.writestr("xl/sharedStrings.xml", sst)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return buf.getvalue()


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _sst_string(text: str) -> bytes:
    wide = not text.isascii()
    return struct.pack("<HB", len(text), int(wide)) + text.encode(
        "utf-16-le" if wide else "latin-1")


def legacy_workbook(rows: list[list[str]], split: int | None = None) -> bytes:
    """A BIFF8 workbook stream typed as :func:`workbook`'s (column by column);
    ``split``: the SST's data goes on in a CONTINUE record after so many bytes of
    the strings (a new flags byte there, BIFF8's rule for characters that go on)."""
    columns = max(map(len, rows))
    strings: list[str] = []
    for c in range(columns):
        strings += [r[c] for r in rows if c < len(r) and r[c] not in strings]
    table = b"".join(map(_sst_string, strings))
    head = struct.pack("<II", len(strings), len(strings))
    if split is None:
        sst = _record(0x00FC, head + table)
    else:
        sst = _record(0x00FC, head + table[:split]) + _record(0x003C, b"\0" + table[split:])
    cells = b"".join(_record(0x00FD, struct.pack("<HHHI", i, c, 15, strings.index(v)))
                     for i, r in enumerate(rows) for c, v in enumerate(r))
    bof = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))
    return bof + sst + _record(0x000A, b"") + bof.replace(b"\x05\x00", b"\x10\x00", 1) + cells \
        + _record(0x000A, b"")


def compound_file(name: str, stream: bytes) -> bytes:
    """An OLE2 compound file holding one stream (in the mini stream: under 4096
    bytes), as an .xls is."""
    assert len(stream) < 4096
    mini = stream + b"\0" * (-len(stream) % 64)
    mini_sectors = len(mini) // 64
    big = mini + b"\0" * (-len(mini) % 512)
    big_sectors = len(big) // 512
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    fat = [0xFFFFFFFD, end, end, *range(4, 3 + big_sectors), end]
    fat_sector = struct.pack("<128I", *fat, *[free] * (128 - len(fat)))
    minifat = [*range(1, mini_sectors), end]
    minifat_sector = struct.pack("<128I", *minifat, *[free] * (128 - len(minifat)))

    def entry(label: str, kind: int, start: int, size: int) -> bytes:
        encoded = (label + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", free, free, free) + b"\0" * 36
                + struct.pack("<III", start, size, 0))
    directory = (entry("Root Entry", 5, 3, len(mini)) + entry(name, 2, 0, len(stream))
                 + b"\0" * 256)
    header = (compound.MAGIC + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 2, 1, end, 0)
              + struct.pack("<109I", 0, *[free] * 108))
    return header + fat_sector + directory + minifat_sector + big


def hidden_entry_zip(hidden: bytes, shown: bytes = b"Portfolio files.\n") -> bytes:
    """R10-27's archive: a deflated ``notes.txt`` with a local header only, before
    an archive whose central directory lists ``readme.txt`` alone."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = c.compress(hidden) + c.flush()
    lh = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, zlib.crc32(hidden),
                     len(comp), len(hidden), 9, 0) + b"notes.txt" + comp
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", shown)
    data = buf.getvalue()
    cd_off = struct.unpack("<I", data[-6:-2])[0]
    out = bytearray(lh + data)
    p = len(lh) + cd_off
    out[p + 42:p + 46] = struct.pack("<I", struct.unpack("<I", out[p + 42:p + 46])[0] + len(lh))
    out[-6:-2] = struct.pack("<I", cd_off + len(lh))
    return bytes(out)


REFUSED = {
    "contacts.json": b'{"people": [{"name": "\\u0051uentin \\u005aabrowski", "role": "Designer"}]}',
    "contacts.xlsx": workbook([["First name", "Family name"], ["Ana", "Silva"],
                               ["Quentin", "Zabrowski"], ["Bob", "Smith"]]),
    "contacts.xls": compound_file("Workbook", legacy_workbook(
        [["First name", "Family name"], ["Ana", "Silva"], ["Quentin", "Zabrowski"],
         ["Bob", "Smith"]])),
    "notes.html": page("面談メモ：山田太郎さん、デザイナー。", "iso-2022-jp"),
    "notes-mac.html": page("Notes from my chat with Zoë Müller at Acme.", "macintosh",
                           "mac_roman"),
    "notes-8859-2.html": page("Notes from my chat with Katarzyna Wiśniewska at Acme.",
                              "iso-8859-2"),
    "notes-8859-5.html": page("Notes from my chat with Сергей Иванов at Acme.", "iso-8859-5"),
    "portfolio.zip": hidden_entry_zip(
        b"Interview notes: Quentin Zabrowski, designer at Acme. Cell +1 416 555 0142.\n"),
}
"""Each reproducer's file (the reproducers' own bytes, made as they make them)."""


def _site(root: Path, files: dict[str, bytes]) -> Path:
    """The reproducers' people (no consent) and a page linking ``files``."""
    readable._read.cache_clear()
    talks: dict[str, Any] = {}
    for i, name in enumerate(PEOPLE):
        talk = red_team_talk(name=name)
        talk[0]["alias"] = f"designer number {i + 1}"
        talks[f"interviews/2026-03-0{i + 2}-d{i}.md"] = talk
    links = "".join(f"My [file]({n}) about design.\n\n" for n in files)
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, links), **talks,
                                **{f"pages/{n}": d for n, d in files.items()}})


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_each_reproducer(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", REFUSED), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hit = {h.output.rsplit("/", 1)[-1]: h.secret.kind for h in result.hits}
    assert set(hit) >= set(REFUSED), [h.text() for h in result.hits]
    assert hit["portfolio.zip"].startswith("file not read whole"), hit
    assert not (tmp_path / "out").exists()


_OLD_ESCAPE = re.compile(r"\\(?:u\{?([0-9a-fA-F]{4,6})\}?|x([0-9a-fA-F]{2})|([0-9a-fA-F]{1,6}) ?)")
_OLD_LEGACY = ("cp1252", "gbk", "cp1251", "cp932", "euc_jp", "cp949", "big5", "cp1250",
               "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp874", "koi8_r")


def _readings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """This round's protections switched off: six-digit ``\\u``, no sheet rows, no
    declared or detected charsets beyond the old list, no local-header check."""
    misspellings_off(monkeypatch)  # a letter read in the wrong charset is a typo's reach
    monkeypatch.setattr(escapes, "_ESCAPE", _OLD_ESCAPE)
    monkeypatch.setattr(packed, "sheet_rows", lambda parts, budget: [])
    monkeypatch.setattr(packed, "compound_parts", lambda data, budget: [])
    monkeypatch.setattr(charsets, "declared", lambda data, text_file=True: [])
    monkeypatch.setattr(charsets, "escaped", lambda data: [])
    monkeypatch.setattr(readable, "LEGACY", _OLD_LEGACY)
    monkeypatch.setattr(packed, "disagreement", lambda data, archive: None)
    # What a file hides is read in its charset too (red team 11, R11-08): with the
    # charsets off, ISO-2022-JP's seven-bit bytes would read as bogus comments.
    monkeypatch.setattr(hiddentext, "hidden_in", lambda suffix, data: None)
    monkeypatch.setattr(auditsearch, "hidden_in", lambda suffix, data: None)
    readable._read.cache_clear()


def test_with_the_readings_off_the_build_publishes_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _readings_off(monkeypatch)
    result = build(_site(tmp_path / "s", REFUSED), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    published = {p.rsplit("/", 1)[-1]: d for p, d in OutputCorpus(tmp_path / "out").files.items()}
    assert all(published.get(n) == d for n, d in REFUSED.items()), set(published)
    readable._read.cache_clear()


@given(st.lists(st.booleans(), min_size=17, max_size=17))
@settings(max_examples=40, deadline=None)
def test_any_letters_escaped_read_as_the_name(escape: list[bool]) -> None:
    """Whichever letters of the name a JSON writer escapes (``\\uXXXX``, a letter
    that is a hex digit after it or not), the name is read."""
    name = "Quentin Zabrowski"
    text = "".join(f"\\u{ord(c):04x}" if e else c for c, e in zip(name, escape, strict=True))
    assert escapes.decoded(text) == name
    assert escapes.decoded("\\ud840\\udc0b \\u{5a}abrowski \\U0000005a") == \
        "\U0002000b Zabrowski Z"


def test_escaped_spaces_between_a_names_words_read_as_spaces(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def found(data: bytes) -> bool:
        readable._read.cache_clear()
        return any(re.search(r"Quentin\s+Zabrowski", escapes.decoded(t))
                   for t in readable.readable_texts("c.json", data))
    for sep in ("\\n", "\\t", "\\r\\n", " \\n "):
        assert found(b'{"who": "\\u0051uentin' + sep.encode() + b'Zabrowski"}'), sep
    monkeypatch.setattr(readable, "_SPACE_ESCAPE", re.compile("(?!)"))
    assert not found(b'{"who": "\\u0051uentin\\nZabrowski"}')


@given(st.lists(st.lists(st.sampled_from(["Ana", "Quentin", "Zabrowski", "Silva", "42", "Bob"]),
                         min_size=1, max_size=4), min_size=1, max_size=5))
@settings(max_examples=40, deadline=None)
def test_a_sheets_rows_read_as_shown(rows: list[list[str]]) -> None:
    """Every row reads as its cells left to right, whatever order the shared
    strings hold them in."""
    readable._read.cache_clear()
    texts = readable.readable_texts("s.xlsx", workbook(rows))
    shown = "\n".join(" ".join(r) for r in rows)
    assert any(shown in t for t in texts), texts


def _varint(n: int) -> bytes:
    out = b""
    while True:
        out += bytes([(n & 0x7F) | (0x80 if n >> 7 else 0)])
        n >>= 7
        if not n:
            return out


def binary_workbook(rows: list[list[str]]) -> bytes:
    """An .xlsb: the shared strings typed column by column, in BIFF12 records."""
    def rec(kind: int, data: bytes) -> bytes:
        return _varint(kind) + _varint(len(data)) + data

    def wide(text: str) -> bytes:
        return struct.pack("<I", len(text)) + text.encode("utf-16-le")
    strings: list[str] = []
    for c in range(max(map(len, rows))):
        strings += [r[c] for r in rows if c < len(r) and r[c] not in strings]
    sst = rec(159, b"\0" * 8) + b"".join(rec(19, b"\0" + wide(t)) for t in strings)
    sheet = rec(145, b"") + b"".join(
        rec(0, struct.pack("<I", i) + b"\0" * 13) + b"".join(
            rec(7, struct.pack("<III", c, 0, strings.index(v))) for c, v in enumerate(r))
        for i, r in enumerate(rows))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.bin", sst)
        z.writestr("xl/worksheets/sheet1.bin", sheet)
    return buf.getvalue()


def test_a_binary_workbooks_rows_read_as_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [["First name", "Family name"], ["Ana", "Silva"], ["Quentin", "Zabrowski"]]
    readable._read.cache_clear()
    data = binary_workbook(rows)
    assert any("Quentin Zabrowski" in t for t in readable.readable_texts("w.xlsb", data))
    monkeypatch.setattr(packed, "binary_rows", lambda parts, budget: [])
    readable._read.cache_clear()
    assert not any("Quentin Zabrowski" in t for t in readable.readable_texts("w.xlsb", data))


def test_sheet_rows_resolve_inline_strings_and_column_order() -> None:
    sheet = (b'<worksheet><sheetData><row r="1"><c r="B1" t="inlineStr"><is><r><t>Zab</t></r>'
             b'<r><t>rowski</t></r></is></c><c r="A1" t="s"><v>0</v></c></row></sheetData>'
             b"</worksheet>")
    parts = [(PurePosixPath("xl/sharedStrings.xml"), b"<sst><si><t>Quentin</t></si></sst>"),
             (PurePosixPath("xl/worksheets/sheet1.xml"), sheet)]
    assert packed.sheet_rows(parts, packed.Budget())[0][1] == b"Quentin Zabrowski"
    budget = packed.Budget(left=10)
    assert packed.sheet_rows(parts, budget) == [] and budget.refused


def test_a_legacy_workbooks_rows_read_as_shown() -> None:
    rows = [["First name", "Family name"], ["Ana", "Silva"], ["Quentin", "Zabrowski"],
            ["Zoë", "Müller"]]
    shown = "\n".join(" ".join(r) for r in rows)
    quen = len(_sst_string("First name") + _sst_string("Ana")) + 3 + 4
    for split in (None, quen):  # "Quentin" goes on in a CONTINUE record after "Quen"
        assert biffsheet.biff_rows(legacy_workbook(rows, split), 1 << 20) == shown
    assert [n for n, _ in compound.streams(compound_file("Workbook", b"x" * 100), 1 << 20)] \
        == ["Workbook"]
    readable._read.cache_clear()
    data = compound_file("Workbook", legacy_workbook(rows))
    assert any("Quentin Zabrowski" in t for t in readable.readable_texts("w.xls", data))
    broken = compound_file("Workbook", legacy_workbook(rows)[:40])
    assert readable.unread("b.xls", broken)
    with pytest.raises(compound.TooLarge):
        compound.streams(data, 10)


def test_an_ods_row_reads_across_its_cells() -> None:
    content = (b'<office:document-content><table:table><table:table-row><table:table-cell>'
               b"<text:p>Quentin</text:p></table:table-cell><table:table-cell><text:p>Zabrowski"
               b"</text:p></table:table-cell></table:table-row></table:table>"
               b"</office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    readable._read.cache_clear()
    assert any(re.search(r"Quentin\s+Zabrowski", t)
               for t in readable.readable_texts("s.ods", buf.getvalue()))


@pytest.mark.parametrize(("codec", "name"), [
    ("iso8859_2", "Katarzyna Wiśniewska"), ("iso8859_5", "Сергей Иванов"),
    ("iso8859_7", "Γιώργος Παπαδόπουλος"), ("cp866", "Сергей Иванов"),
    ("koi8_u", "Сергій Іваненко"), ("iso2022_jp", "山田太郎")])
def test_undeclared_text_is_read_in_the_encodings_a_browser_guesses(codec: str, name: str) -> None:
    readable._read.cache_clear()
    data = f"Notes from my chat with {name}.\n".encode(codec)
    assert any(name in t for t in readable.readable_texts("n.txt", data))


def test_an_office_part_is_read_in_its_declared_encoding() -> None:
    """A document part in ISO-8859-5 that says so, its name in two runs: the runs
    joined are read in that encoding (as Office reads the part)."""
    xml = ('<?xml version="1.0" encoding="iso-8859-5"?><w:document><w:body><w:p><w:r>'
           "<w:t>Сер</w:t></w:r><w:r><w:t>гей Иванов</w:t></w:r></w:p></w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml.encode("iso8859_5"))
    readable._read.cache_clear()
    assert any("Сергей Иванов" in t for t in readable.readable_texts("n.docx", buf.getvalue()))


def test_declarations_are_read_as_the_encoding_standard_maps_them() -> None:
    assert charsets.declared(b'<meta charset="ISO-8859-1">') == ["cp1252"]
    assert charsets.declared(b'<?xml version="1.0" encoding="x-mac-cyrillic"?>') == \
        ["mac_cyrillic"]
    assert charsets.declared(b'<meta http-equiv="Content-Type" content="text/html; '
                             b'charset=Shift_JIS">') == ["cp932"]
    assert charsets.declared(b'@charset "koi8-u";') == ["koi8-u"]
    late = b"<p>Notes.</p>" * 1000 + b'<meta charset="iso-8859-5">'  # read again in it
    assert charsets.declared(late) == ["iso8859-5"]
    assert charsets.declared(late, text_file=False) == []
    # UTF-8 is always read; UTF-16 a <meta> cannot declare (and read so, an ASCII
    # page is random Han); the replacement encoding and non-text codecs give nothing.
    for none in (b"<meta charset=utf-8>", b'<?xml encoding="UTF-16"?>', b"charset=utf-16le",
                 b"charset=utf-16-le", b"charset=UTF-16-BE", b"charset=utf-32-be",
                 b"charset=utf_16",
                 b"<meta charset=iso-2022-kr>", b"Content-Transfer-Encoding=base64",
                 b"charset=undefined", b"charset=no-such-thing"):
        assert charsets.readings(b"caf\xe9", charsets.declared(none)) == [], none


def test_a_listed_zip_with_data_descriptors_or_a_stored_zip_inside_is_read() -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", "Design notes.")

    class Unseekable(io.RawIOBase):
        """A stream zipfile cannot seek in: it writes data descriptors."""

        def __init__(self) -> None:
            self.data = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, b: Any) -> int:
            self.data += bytes(b)
            return len(b)

    out = Unseekable()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("inner.zip", inner.getvalue(), compress_type=zipfile.ZIP_STORED)
        z.writestr("b.txt", "More notes. " * 50)
    data = bytes(out.data)
    assert all(m.flag_bits & 0x8 for m in zipfile.ZipFile(io.BytesIO(data)).infolist())
    readable._read.cache_clear()
    assert readable.unread("outer.zip", data) == []
    assert any("Design notes." in t for t in readable.readable_texts("outer.zip", data))
    assert readable.unread("p.zip", REFUSED["portfolio.zip"])


def _plain_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "Portfolio files about design.\n")
    return buf.getvalue()


def test_a_member_the_directory_calls_stored_and_its_header_deflated_is_refused() -> None:
    """A streaming reader inflates what the directory's readers take as stored
    noise: the archive is refused, as is one whose local sizes differ."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = c.compress(b"Notes: Quentin Zabrowski.") + c.flush()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("notes.txt", body)
    data = bytearray(buf.getvalue())
    readable._read.cache_clear()
    assert readable.unread("ok.zip", bytes(data)) == []
    data[8] = 8  # the local header's method: deflate
    assert readable.unread("a.zip", bytes(data))
    data[8] = 0
    data[18] += 1  # the local header's compressed size
    assert readable.unread("b.zip", bytes(data))


NEAR_MISSES = {
    "data.json": b'{"note": "caf\\u00e9 \\u2014 design \\"studio\\"", "path": "C:\\\\Users\\\\x",'
                 b' "emoji": "\\ud83d\\ude00", "hex": "\\u005a\\u005a\\u0030ff"}',
    "roles.xls": compound_file("Workbook", legacy_workbook(
        [["Role", "Company"], ["Designer", "Acme"], ["Analyst", "Bank"]])),
    "roles.xlsx": workbook([["Role", "Company"], ["Designer", "Acme"], ["Analyst", "Bank"]]),
    "notes.html": page("面談メモ：デザイナーとの打ち合わせ。", "iso-2022-jp"),
    "notes-mac.html": page("Notes from the café about design.", "macintosh", "mac_roman"),
    "notes-8859-2.html": page("Notatki z rozmowy o projektowaniu w Łodzi.", "iso-8859-2"),
    "notes-8859-5.html": page("Заметки о дизайне.", "iso-8859-5"),
    "notes-latin1.html": page("Notes from the café about design.", "iso-8859-1", "utf-8"),
    "files.zip": _plain_zip(),
}
"""Ordinary files in the same forms, with no one's name."""


def test_ordinary_files_in_the_same_forms_are_published(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", NEAR_MISSES), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    corpus = OutputCorpus(tmp_path / "out")
    assert {p.rsplit("/", 1)[-1] for p in corpus.files} >= set(NEAR_MISSES)
