"""Red team 3 (H2, H7, H8, H20): what the audit reads in output files it used to
read as noise or not at all — data URIs written the ways a browser accepts,
text files in the Japanese and Korean "ANSI" encodings, documents that compress
their text (DOCX, XLSX, ODT, PDF, PNG text chunks), and files that only look
like Pagefind's engine. Each case is the red team's reproducer through
``check`` (which audits every page and file as build would write it), and each
protection is switched off once to show the leak then passes."""

from __future__ import annotations

import base64
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path, PurePosixPath

import pytest
from unit_helpers import write_site

from ivsite.audience import stage as audience
from ivsite.pipeline import check
from ivsite.pipeline.driver import Result
from ivsite.readers import datauri, morereadings, readable
from ivsite.validate import bodyprivacy

TALK = """\
---
visibility: public
date: 2026-01-05
person:
  name: {name}
  company: Acme
  email: qz@acme.example
  phone: "+1 416 555 0199"
alias: an analyst at a bank
consent:
  publish_name: false
---
Public intro text here.
{extra}
"""
NAME = "Quentin Zabrowski"


def run(root: Path, extra: str, files: dict[str, bytes] | None = None,
        name: str = NAME) -> Result:
    write_site(root, {
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/interviews/2026-01-05-talk.md": TALK.format(name=name, extra=extra),
        **{f"content/interviews/{rel}": data for rel, data in (files or {}).items()},
    })
    return check(root)


@pytest.fixture
def audit_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's checks that would refuse these pages first (names, hiding
    markup) switched off: what is tested here is what the audit reads."""
    monkeypatch.setattr(audience, "check_names", lambda *args, **kwargs: None)
    monkeypatch.setattr(bodyprivacy, "hiding", lambda content: iter(()))
    monkeypatch.setattr(bodyprivacy, "theme_hiding", lambda content, sheet: iter(()))


def refused_in(result: Result, output: str) -> bool:
    return result.status == 1 and any(h.output == output for h in result.hits)


# H2: data URIs.
SVG = ("PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjx0ZXh0IHk9IjIwIj5RdWVudGluIFph"
       "YnJvd3NraTwvdGV4dD48L3N2Zz4=")
DATA_URIS = {
    "parameter": '<iframe src="data:text/html;charset=utf-8;base64,UXVlbnRpbiBaYWJyb3dza2k=">'
                 "</iframe>",
    "upper case": '<iframe src="data:text/html;BASE64,UXVlbnRpbiBaYWJyb3dza2k="></iframe>',
    "spaces": '<iframe src="data:text/html;base64,UXVl bnRp biBa YWJy b3dz a2k="></iframe>',
    "svg image": f'<img alt="" src="data:image/svg+xml;charset=utf-8;base64,{SVG}">',
    "references": '<iframe src="data&colon;text/html;base&#54;4,UXVlbnRpbiBaYWJyb3dza2k=">'
                  "</iframe>",
    "percent": '<iframe src="data:text/html;base64,UXVlbnRp%62iBaYWJyb3dza2k="></iframe>',
}


@pytest.mark.parametrize("case", DATA_URIS)
def test_a_data_uri_as_a_browser_reads_it_is_decoded(tmp_path: Path, case: str,
                                                     audit_alone: None) -> None:
    result = run(tmp_path, DATA_URIS[case])
    assert refused_in(result, "interviews/2026-01-05-talk/index.html"), \
        [h.text() for h in result.hits]


def test_with_the_old_data_uri_pattern_a_parameter_passes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, audit_alone: None) -> None:
    """The protection switched off: only ``data:<type>;base64,`` read, as before
    (and not the base64 words of every text, red team 12 R12-08, which read it too)."""
    monkeypatch.setattr(datauri, "DATA_URI",
                        re.compile(r"data:([^,;\"'\s]*);base64,([A-Za-z0-9+/]{16,})"))
    monkeypatch.setattr(morereadings, "encoded_readings", lambda text: [])
    assert run(tmp_path / "a", DATA_URIS["parameter"]).status == 0
    assert run(tmp_path / "b", DATA_URIS["upper case"]).status == 0


def test_words_after_a_payload_are_still_read() -> None:
    """A payload is cut out of the text only up to its first space."""
    texts = readable.readable_texts(PurePosixPath("a.txt"),
                                    b"data:;base64, Quentin Zabrowski says hi")
    assert any(NAME in t for t in texts)


# H7: legacy CJK encodings.
MEMOS = {"shift_jis": ("山田太郎", "面談メモ：山田太郎さんと話した。\r\n"),
         "euc_kr": ("김민준", "면담 메모: 김민준 씨와 이야기했다.\r\n"),
         "big5": ("陳志明", "和陳志明聊天。\r\n")}


@pytest.mark.parametrize("codec", MEMOS)
def test_a_memo_in_a_cjk_legacy_encoding_is_read(tmp_path: Path, codec: str) -> None:
    name, memo = MEMOS[codec]
    result = run(tmp_path, "[memo](memo.txt)", {"memo.txt": memo.encode(codec)}, name=name)
    assert refused_in(result, "interviews/memo.txt"), [h.text() for h in result.hits]


def test_with_the_old_encodings_a_shift_jis_memo_passes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readable, "LEGACY", ("cp1252", "gbk", "cp1251"))
    name, memo = MEMOS["shift_jis"]
    result = run(tmp_path, "[memo](memo.txt)", {"memo.txt": memo.encode("shift_jis")},
                 name=name)
    assert result.status == 0, [h.text() for h in result.hits]


# H8: documents that compress their text.
LETTER = "Dear Quentin Zabrowski, thank you for your time. Call me back at +1 416 555 0199."


def zipped(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members.items():
            z.writestr(name, text)
    return buf.getvalue()


def docx() -> bytes:
    """Word splits a word into runs as it likes: the name is in two."""
    return zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": (
        '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Dear Quen</w:t></w:r><w:r><w:rPr>'
        "<w:b/></w:rPr><w:t>tin Zabrowski, thank you.</w:t></w:r></w:p></w:body></w:document>")})


def pdf(ascii85: bool = False) -> bytes:
    """The name in a TJ array, cut by kerning; ``ascii85``: the stream as a PDF
    writer for 7-bit channels makes it (``[/ASCII85Decode /FlateDecode]``)."""
    content = zlib.compress(b"BT /F1 18 Tf 40 100 Td [(Dear Quen)12(tin)-250(Zabrow)(ski)] TJ ET")
    content = base64.a85encode(content, adobe=True) if ascii85 else content
    return (b"%PDF-1.4\n1 0 obj << /Length " + str(len(content)).encode()
            + b" /Filter /FlateDecode >>\nstream\n" + content
            + b"\nendstream\nendobj\ntrailer << >>\n%%EOF\n")


def png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"zTXt", b"Comment\0\0" + zlib.compress(LETTER.encode()))
            + chunk(b"IEND", b""))


DOCUMENTS = {
    "letter.docx": docx,
    "sheet.xlsx": lambda: zipped({"xl/sharedStrings.xml": f"<sst><si><t>{LETTER}</t></si></sst>"}),
    "letter.odt": lambda: zipped({"content.xml": "<office:text><text:p>Dear Quentin<text:s/>"
                                                 "Zabrowski</text:p></office:text>"}),
    "letter.pdf": pdf,
    "letter-a85.pdf": lambda: pdf(ascii85=True),
    "photo.png": png,
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_compressed_document_is_read(tmp_path: Path, name: str) -> None:
    result = run(tmp_path, f"[letter]({name})", {name: DOCUMENTS[name]()})
    assert refused_in(result, f"interviews/{name}"), [h.text() for h in result.hits]


def test_a_private_phone_in_a_spreadsheet_is_found(tmp_path: Path) -> None:
    result = run(tmp_path, "[sheet](sheet.xlsx)", {"sheet.xlsx": DOCUMENTS["sheet.xlsx"]()})
    assert any(h.output == "interviews/sheet.xlsx" and h.secret.kind == "contact field phone"
               for h in result.hits), [h.text() for h in result.hits]


def test_unread_documents_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection switched off: no document is unpacked."""
    monkeypatch.setattr(readable, "unpacked", lambda path, data, budget: [])
    for name in ("letter.docx", "letter.pdf"):
        result = run(tmp_path / name, f"[letter]({name})", {name: DOCUMENTS[name]()})
        assert result.status == 0, [h.text() for h in result.hits]


def test_a_zip_bomb_is_read_only_up_to_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.readers import packed

    monkeypatch.setattr(packed, "MAX_UNPACKED", 1 << 20)
    bomb = zipped({"a.txt": "x" * (8 << 20) + NAME, "b.txt": NAME})
    texts = readable.readable_texts(PurePosixPath("a.zip"), bomb)
    assert sum(map(len, texts)) < 4 << 20
    assert not any(NAME in t for t in texts)  # past the bound: not read (see README)


def test_garbage_in_a_pdf_or_zip_is_no_traceback() -> None:
    """Random bytes where strings, escapes (``\\9``) and streams are expected."""
    junk = bytes(range(256)) * 64 + b"(\\9\\\\)<zz>"
    for data in (b"%PDF-1.4\n" + junk + b"\nstream\n" + junk + b"\nendstream\n" + junk,
                 b"PK\x03\x04" + junk + b"PK\x05\x06" + junk[:18]):
        assert readable.readable_texts(PurePosixPath("a.pdf"), data)


def test_a_pdfs_author_with_an_octal_escape_is_read() -> None:
    data = b"%PDF-1.4\n1 0 obj << /Author (Jos\\351 Zabrowski) >> endobj\n%%EOF\n"
    assert any("José Zabrowski" in t
               for t in readable.readable_texts(PurePosixPath("a.pdf"), data))


# H20: only Pagefind's own engine is skipped.
def test_a_file_that_starts_like_pagefinds_engine_is_read(tmp_path: Path) -> None:
    fake = b"pagefind_dcd\0asm Quentin Zabrowski +1 416 555 0199 qz@acme.example\n"
    result = run(tmp_path, "[data](pagefind/wasm.en.pagefind)",
                 {"pagefind/wasm.en.pagefind": fake})
    assert refused_in(result, "interviews/pagefind/wasm.en.pagefind"), \
        [h.text() for h in result.hits]


def test_with_the_old_engine_rule_it_passes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def old_rule(path: PurePosixPath | Path, data: bytes) -> bool:
        return (path.parent.name == "pagefind" and path.name.startswith("wasm.")
                and path.suffix == ".pagefind"
                and data.removeprefix(b"pagefind_dcd")[:4] == b"\0asm")

    monkeypatch.setattr(readable, "is_engine", old_rule)
    fake = b"pagefind_dcd\0asm Quentin Zabrowski +1 416 555 0199 qz@acme.example\n"
    result = run(tmp_path, "[data](pagefind/wasm.en.pagefind)",
                 {"pagefind/wasm.en.pagefind": fake})
    assert result.status == 0, [h.text() for h in result.hits]


# Pagefind's scripts and style sheets, the same for every site, are not read.
def _bundle_file(name: str) -> bytes:
    """The file as Pagefind writes it for a site of other words than those the
    digests were made from."""
    import hashlib
    import subprocess
    import tempfile

    from pagefind_bin import get_executable  # type: ignore[import-untyped]

    from ivsite.readers import pagefind_engine

    digest = pagefind_engine._bundle()[name]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "index.html").write_text("<html><body><p>other words</p></body></html>")
        subprocess.run([str(get_executable()), "--site", tmp, "--silent"], check=True)
        data = (Path(tmp) / "pagefind" / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == digest  # the same for every site
    return data


def test_pagefinds_own_files_are_known_and_nothing_else_is() -> None:
    from ivsite.readers.pagefind_engine import is_fixed

    data = _bundle_file("pagefind-ui.css")
    assert is_fixed(PurePosixPath("pagefind/pagefind-ui.css"), data)
    assert is_fixed(PurePosixPath("share/t/pagefind/pagefind-ui.css"), data)
    assert not is_fixed(PurePosixPath("pagefind/pagefind-ui.js"), data)  # another name
    assert not is_fixed(PurePosixPath("assets/pagefind-ui.css"), data)  # another folder
    assert not is_fixed(PurePosixPath("pagefind/pagefind-ui.css"), data + b" ")


def test_a_copy_of_pagefinds_style_sheet_with_a_name_added_is_read(
        tmp_path: Path, audit_alone: None) -> None:
    data = _bundle_file("pagefind-ui.css") + b"\n/* Quentin Zabrowski */\n"
    result = run(tmp_path, "[style](pagefind/pagefind-ui.css)",
                 {"pagefind/pagefind-ui.css": data})
    assert refused_in(result, "interviews/pagefind/pagefind-ui.css"), \
        [h.text() for h in result.hits]


def test_pagefinds_bytes_in_a_folder_named_for_someone_are_refused_by_the_name(
        tmp_path: Path, audit_alone: None) -> None:
    data = _bundle_file("pagefind-ui.css")
    result = run(tmp_path, "[style](Quentin-Zabrowski/pagefind/pagefind-ui.css)",
                 {"Quentin-Zabrowski/pagefind/pagefind-ui.css": data})
    assert result.status == 1 and any(
        "Quentin-Zabrowski/pagefind/pagefind-ui.css" in h.output for h in result.hits), \
        [h.text() for h in result.hits]


def test_known_by_name_alone_the_copy_with_a_name_is_published(
        tmp_path: Path, audit_alone: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.audit import search as auditsearch

    def by_name(path: PurePosixPath | Path, data: bytes) -> bool:
        return path.name == "pagefind-ui.css" and path.parent.name == "pagefind"

    monkeypatch.setattr(readable, "is_fixed", by_name)
    monkeypatch.setattr(auditsearch, "is_fixed", by_name)
    data = _bundle_file("pagefind-ui.css") + b"\n/* Quentin Zabrowski */\n"
    result = run(tmp_path, "[style](pagefind/pagefind-ui.css)",
                 {"pagefind/pagefind-ui.css": data})
    assert result.status == 0, [h.text() for h in result.hits]
