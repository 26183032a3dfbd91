"""Red team 10, R10-34 and R10-36: text in an attachment in an encoding it does
not declare, or declares in a way the audit did not read.

- R10-34: a ZIP member name without the UTF-8 flag, written in the OEM code page
  of the writer's system (cp932, cp866), was read as cp437 only. ivsite.readers.zipnames
  reads such names, and the archive's and members' comments, in UTF-8, every
  OEM code page and every legacy encoding.
- R10-36: a simple font's ``/MacRomanEncoding`` (and Standard, MacExpert) and a
  text string's PDFDocEncoding were read as windows-1252 only
  (ivsite.readers.pdf.encodings, used by ivsite.readers.pdf.fonts and ivsite.readers.packed).

The filter never reads an attachment's bytes, so the audit is the only line.
"""

from __future__ import annotations

import io
import struct
import tarfile
import zlib
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, assembled_pdf, red_team_site, red_team_talk

from ivsite.pipeline import build
from ivsite.readers import packed, readable, streams
from ivsite.readers.pdf import encodings as pdfencodings
from ivsite.readers.pdf import fonts as pdffonts
from ivsite.readers.pdf import strings as pdfstrings

DOCS = Path(__file__).parent.parent / "docs/redteam/2026-12-01-tenth"
ZIPS = {"notes-ja.zip": "山田太郎", "notes-ru.zip": "Сергей Иванов"}
PDFS = {"notes.pdf": "Zoë Müller", "notes-cz.pdf": "Žaneta Šolc"}
REPRODUCERS = {**{n: (DOCS / "R10-34/content/files" / n, p) for n, p in ZIPS.items()},
               **{n: (DOCS / "R10-36/content/files" / n, p) for n, p in PDFS.items()}}


def zip_of(names: list[bytes], flags: int = 0, comment: bytes = b"",
           member_comment: bytes = b"") -> bytes:
    """A stored ZIP of members ``names`` (raw bytes, general purpose ``flags``)."""
    body = b"notes\r\n"
    crc = zlib.crc32(body)
    local, central = b"", b""
    for name in names:
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 0, 0, 0x5A21,
                               crc, len(body), len(body), len(name), 0, len(member_comment),
                               0, 0, 0, len(local)) + name + member_comment
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 0, 0, 0x5A21, crc,
                             len(body), len(body), len(name), 0) + name + body
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(central),
                      len(local), len(comment)) + comment
    return local + central + end


def tar_of(name: str, codec: str) -> bytes:
    """A GNU tar archive of one member whose name is in ``codec``."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:", format=tarfile.GNU_FORMAT, encoding=codec) as t:
        info = tarfile.TarInfo(name)
        info.size = 3
        t.addfile(info, io.BytesIO(b"abc"))
    return out.getvalue()


def pdf_of(text: bytes, font: bytes = b"/Encoding /WinAnsiEncoding", info: bytes = b"",
           extra: bytes = b"", marked: bytes = b"") -> bytes:
    """A one-page PDF showing ``text`` (a string's bytes) in a Type 1 font with
    ``font`` in its dictionary; ``info``: the document information's entries;
    ``marked``: the text marked content's ``/ActualText`` (a string) gives it."""
    lit = b"".join(b"\\%03o" % c if c > 127 or c in b"()\\" else bytes([c]) for c in text)
    content = b"BT /F1 24 Tf 72 700 Td (" + lit + b") Tj ET\n"
    if marked:
        content = b"/Span << /ActualText " + marked + b" >> BDC\n" + content + b"EMC\n"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica " + font + b" >>",
            b"<< /Title (Notes) " + info + b" >>", *([extra] if extra else [])]
    return assembled_pdf(objs, b" /Info 6 0 R")


def _octal(raw: bytes) -> bytes:
    return b"(" + b"".join(b"\\%03o" % c for c in raw) + b")"


def _reads(name: str, data: bytes, person: str) -> bool:
    readable._read.cache_clear()
    return any(person in t for t in readable.readable_texts(PurePosixPath(name), data))


def _off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The new readings switched off: ZIP names as cp437, fonts and text strings
    as windows-1252 (as before), a tar archive's names as cp437 (before, such an
    archive was refused as unreadable)."""
    monkeypatch.setattr(packed, "name_readings", lambda archive: "")
    monkeypatch.setattr(streams, "read_every_way", lambda raw: raw.decode("cp437"))
    monkeypatch.setattr(pdffonts, "SIMPLE", {})
    monkeypatch.setattr(pdffonts, "STANDARD", pdffonts.WIN_ANSI)
    monkeypatch.setattr(pdfstrings, "text_string", lambda raw: pdfstrings.as_text(None, raw))
    readable._read.cache_clear()


HOSTILE = {
    "cz.zip": (zip_of(["Žaneta Šolc.txt".encode("cp852")]), "Žaneta Šolc"),
    "greek.zip": (zip_of(["Γιώργος Παπαδόπουλος.txt".encode("cp737")]),
                  "Γιώργος Παπαδόπουλος"),
    "comment.zip": (zip_of([b"notes.txt"], comment="Сергей Иванов".encode("cp1251")),
                    "Сергей Иванов"),
    "member-comment.zip": (zip_of([b"notes.txt"], member_comment="山田太郎".encode("cp932")),
                           "山田太郎"),
    "ru.tar": (tar_of("Сергей Иванов.txt", "cp866"), "Сергей Иванов"),
    "standard.pdf": (pdf_of(b"\350ukasz Nowak", font=b""), "Łukasz Nowak"),
    "base.pdf": (pdf_of("Zoë Müller".encode("mac_roman"), font=b"/Encoding << /Type /Encoding "
                        b"/BaseEncoding /MacRomanEncoding /Differences [65 /A] >>"),
                 "Zoë Müller"),
    "expert.pdf": (pdf_of(b"zo\221 m\237ller", font=b"/Encoding /MacExpertEncoding"),
                   "zoë müller"),
    "actual.pdf": (pdf_of(b"Notes", marked=_octal(b"\x99aneta \x97olc")), "Žaneta Šolc"),
    "subject.pdf": (pdf_of(b"Notes", info=b"/Subject " + _octal(b"\x95ukasz \x97imon")),
                    "Łukasz Šimon"),
}


@pytest.mark.parametrize("name", [*REPRODUCERS, *HOSTILE])
def test_the_audit_reads_it(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if name in REPRODUCERS:
        path, person = REPRODUCERS[name]
        data = path.read_bytes()
    else:
        data, person = HOSTILE[name]
    assert _reads(name, data, person)
    _off(monkeypatch)
    assert not _reads(name, data, person)


PDF_DOC = {"Ł": 0x95, "Œ": 0x96, "Š": 0x97, "Ÿ": 0x98, "Ž": 0x99, "ł": 0x9B, "œ": 0x9C,
           "š": 0x9D, "ž": 0x9E}


@settings(max_examples=25, deadline=None)
@given(st.sampled_from([("山田太郎", "cp932"), ("Сергей Иванов", "cp866"),
                        ("Žaneta Šolc", "cp852"), ("王小明", "gbk"), ("김민준", "cp949"),
                        ("陳大文", "big5"), ("Zoë Müller", "cp850"), ("Ayşe Yılmaz", "cp857"),
                        ("Сергей Иванов", "koi8_r"), ("Zoë Müller", "utf-8")]),
       st.sampled_from(["{} notes.txt", "notes/{}.docx", "{}"]), st.booleans())
def test_any_code_page_of_a_name(pair: tuple[str, str], form: str, tar: bool) -> None:
    person, codec = pair
    name = form.format(person)
    assert _reads("a.tar", tar_of(name, codec), person) if tar else \
        _reads("a.zip", zip_of([name.encode(codec)]), person)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["Žaneta Šolc", "Łukasz Šimon", "Zoë Müller", "Žofie Šimková",
                        "Michał Łoza"]),
       st.sampled_from([b"/Author", b"/Title", b"/Subject", b"/Keywords"]))
def test_any_text_string_in_pdf_doc_encoding(person: str, key: bytes) -> None:
    raw = bytes(PDF_DOC.get(c, ord(c)) for c in person)
    assert _reads("a.pdf", pdf_of(b"Notes", info=key + b" " + _octal(raw)), person)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Zoë Müller", "José Ramírez", "Øyvind Åsen", "François Lefèvre"]),
       st.sampled_from([b"/Encoding /MacRomanEncoding", b"/Encoding 7 0 R"]))
def test_any_mac_roman_page(person: str, font: bytes) -> None:
    data = pdf_of(person.encode("mac_roman"), font=font,
                  extra=b"<< /Type /Encoding /BaseEncoding /MacRomanEncoding >>")
    assert _reads("a.pdf", data, person)


def _site(root: Path, files: dict[str, bytes]) -> Path:
    readable._read.cache_clear()
    links = "".join(f"[the notes]({n})\n\n" for n in files)
    people = [*ZIPS.values(), *PDFS.values()]
    talks = {f"interviews/2026-03-0{i + 2}-p.md": red_team_talk(name=n)
             for i, n in enumerate(people)}
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, links), **talks,
                                **{f"pages/{n}": d for n, d in files.items()}})


def _reproducers() -> dict[str, bytes]:
    return {n: p.read_bytes() for n, (p, _) in REPRODUCERS.items()}


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_the_reproducers(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", _reproducers()), out=tmp_path / "out")
    assert result.status == 1
    assert {h.output.rsplit("/", 1)[-1] for h in result.hits} >= set(REPRODUCERS)
    assert not (tmp_path / "out").exists()


def test_with_the_readings_off_they_are_published(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _off(monkeypatch)
    result = build(_site(tmp_path / "s", _reproducers()), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert {p.rsplit("/", 1)[-1] for p in OutputCorpus(tmp_path / "out").files} >= \
        set(REPRODUCERS)
    readable._read.cache_clear()


NEAR_MISSES = {
    "folder.zip": zip_of(["面談メモ/議事録.txt".encode("cp932"),
                          "Präsentation Übersicht.pptx".encode("cp850"),
                          "заметки о встрече.txt".encode("cp866")],
                         comment="Архив заметок".encode("cp1251")),
    "notes.tar": tar_of("заметки о встрече.txt", "cp1251"),  # was refused, unread
    "office.zip": zip_of([b"word/document.xml", b"[Content_Types].xml"]),
    "flagged.zip": zip_of(["Résumé café.txt".encode()], flags=0x800),
    "resume.pdf": pdf_of("Résumé notes: café, naïve".encode("mac_roman"),
                         font=b"/Encoding /MacRomanEncoding",
                         info=b"/Author (Tess Author) /Subject " + _octal(
                             b"Notes \x84 a caf\xe9 chat \x92")),
    "plain.pdf": pdf_of(b"Interview notes \xe9t\xe9", font=b""),
}


def test_ordinary_files_are_published(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", NEAR_MISSES), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    assert {p.rsplit("/", 1)[-1] for p in OutputCorpus(tmp_path / "out").files} >= \
        set(NEAR_MISSES)


def test_glyph_names_of_variants_and_small_capitals(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``/Differences`` glyph name with a variant's suffix (``o.sc``), a
    ligature's parts or a small capital's (``Asmall``) names its letters, as the
    Adobe Glyph List specification reads it."""
    data = pdf_of(bytes(range(128, 139)), font=b"/Encoding << /BaseEncoding /WinAnsiEncoding "
                  b"/Differences [128 /Z.alt /o.sc /edieresis.sc /space /M.swash "
                  b"/Udieresissmall /l_l /e.sc /r.sc /space /space] >>")
    assert _reads("a.pdf", data, "Zoë Müller")
    monkeypatch.setattr(pdfencodings, "glyph", pdfencodings._glyph)
    assert not _reads("a.pdf", data, "Zoë Müller")
