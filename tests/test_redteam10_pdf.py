"""Red team 10, PDF attachments: what the audit reads of a linked PDF.

- R10-09: a content stream under ``/FlateDecode`` with a PNG predictor
  (``/DecodeParms << /Predictor 12 /Columns 8 >>``) was inflated but its rows not
  undone, so the audit read noise where every viewer shows the name. Each stream
  is now decoded as its dictionary says (ivsite.pdffilters); a filter, predictor
  or parameter the audit cannot decode refuses the file ("file not read whole").

The filter never reads an attachment's bytes (it checks its address), so each
refusal is the audit's own.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import RED_TEAM_NAME, RED_TEAM_TALK, assert_audit_refuses, red_team_site

from ivsite import pdffilters, readable
from ivsite.packed import Budget
from ivsite.pipeline import build
from ivsite.pipeline.driver import EXIT_CONTENT

TALK = f"content/{RED_TEAM_TALK}"


def pdf_of(content: bytes, filters: bytes = b"", extra: bytes = b"") -> bytes:
    """A one-page PDF whose page content is ``content`` (already encoded as
    ``filters`` says) and whose other objects are ``extra``."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content
            + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    if extra:
        objs.append(extra)
    out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)


def page(text: str) -> bytes:
    return f"BT /F1 24 Tf 72 700 Td ({text}) Tj ET\n".encode()


# Encoders: what a PDF writer does, each the inverse of a filter the audit undoes.
def png_predicted(data: bytes, columns: int, step: int, kinds: list[int]) -> bytes:
    """``data`` in PNG-predicted rows, row i of type ``kinds[i % len(kinds)]``."""
    data += bytes(-len(data) % columns)
    rows = [data[i:i + columns] for i in range(0, len(data), columns)]
    out, previous = b"", bytes(columns)
    for n, row in enumerate(rows):
        kind = kinds[n % len(kinds)]
        encoded = bytearray()
        for j in range(columns):
            left = row[j - step] if j >= step else 0
            up, corner = previous[j], previous[j - step] if j >= step else 0
            p = left + up - corner
            paeth = left if abs(p - left) <= abs(p - up) and abs(p - left) <= abs(p - corner) \
                else up if abs(p - up) <= abs(p - corner) else corner
            guess = (0, left, up, (left + up) >> 1, paeth)[kind]
            encoded.append((row[j] - guess) & 0xFF)
        out += bytes([kind]) + bytes(encoded)
        previous = row
    return out


def lzw(data: bytes) -> bytes:
    """LZW as PDF writes it (9 to 12 bit codes, EarlyChange 1)."""
    table = {bytes([i]): i for i in range(256)}
    codes, word = [256], b""
    for byte in data:
        if word + bytes([byte]) in table:
            word += bytes([byte])
            continue
        codes.append(table[word])
        table[word + bytes([byte])] = len(table) + 2
        word = bytes([byte])
        if len(table) + 2 >= 4094:
            codes.append(256)
            table = {bytes([i]): i for i in range(256)}
    codes += [table[word]] if word else []
    codes.append(257)
    bits, since_clear = "", 0
    for code in codes:
        # the width the reader reads at: 9 bits after a clear, then as its table grows
        width = 9 if since_clear == 0 else min(12, (258 + since_clear).bit_length())
        bits += format(code, f"0{width}b")
        since_clear = 0 if code == 256 else since_clear + 1
    bits += "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


def run_length(data: bytes) -> bytes:
    return b"".join(bytes([len(data[i:i + 100]) - 1]) + data[i:i + 100]
                    for i in range(0, len(data), 100)) + b"\x80"


CONTENT = page(RED_TEAM_NAME)
ENCODED: dict[str, Callable[[bytes], tuple[bytes, bytes]]] = {
    "png-up.pdf": lambda c: (zlib.compress(png_predicted(c, 8, 1, [2])),
                             b"/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 8 >>"),
    "png-sub.pdf": lambda c: (zlib.compress(png_predicted(c, 8, 1, [1])),
                              b"/Filter /FlateDecode /DecodeParms << /Predictor 11 /Columns 8 >>"),
    "png-mixed.pdf": lambda c: (zlib.compress(png_predicted(c, 12, 3, [4, 3, 0, 1, 2])),
                                b"/Filter /Fl /DecodeParms << /Predictor 15 /Colors 3 "
                                b"/Columns 4 >>"),
    "array.pdf": lambda c: (zlib.compress(png_predicted(c, 6, 1, [3])).hex().encode() + b">",
                            b"/Filter [/ASCIIHexDecode /FlateDecode] /DecodeParms "
                            b"[null << /Predictor 13 /Columns 6 >>]"),
    "escaped.pdf": lambda c: (zlib.compress(png_predicted(c, 8, 1, [2])),
                              b"/Filter /Fl#61teDecode /DecodeParms << /Pre#64ictor 12 "
                              b"/Columns 8 >>"),
    "lzw.pdf": lambda c: (lzw(c), b"/Filter /LZWDecode"),
    "run-length.pdf": lambda c: (run_length(c), b"/Filter /RunLengthDecode"),
}


def _site(root: Path, name: str, data: bytes) -> Path:
    readable._read.cache_clear()
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, f"[file]({name})\n"),
                                f"pages/{name}": data})


def _built(root: Path, name: str, data: bytes) -> tuple[int, list[str]]:
    result = build(_site(root / "s", name, data), out=root / "out")
    readable._read.cache_clear()
    return result.status, [d.message for d in result.diagnostics]


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("name", ENCODED)
def test_the_audit_alone_reads_the_name_through_the_filters(tmp_path: Path, name: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", name, pdf_of(*ENCODED[name](CONTENT))),
                         tmp_path / "out", TALK)


def test_the_reproducer_is_refused(tmp_path: Path) -> None:
    """R10-09 as the red team made it (``/Predictor 12 /Columns 8``, all rows Up)."""
    data = pdf_of(*ENCODED["png-up.pdf"](CONTENT))
    status, said = _built(tmp_path, "notes.pdf", data)
    assert status == EXIT_CONTENT and any("unconsented name" in s for s in said), said


@pytest.mark.usefixtures("no_filter")
def test_without_the_predictor_undone_the_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdffilters, "_predicted", lambda data, param, budget: data)
    data = pdf_of(*ENCODED["png-up.pdf"](CONTENT))
    assert _built(tmp_path, "notes.pdf", data) == (0, [])
    assert (tmp_path / "out/pages/notes.pdf").read_bytes() == data


@pytest.mark.parametrize("name", ENCODED)
def test_the_same_files_without_a_name_are_published(tmp_path: Path, name: str) -> None:
    assert _built(tmp_path, name, pdf_of(*ENCODED[name](page("Ada Studio")))) == (0, [])


def test_a_picture_is_published(tmp_path: Path) -> None:
    """A JPEG or JBIG2 image's pixels are not text the audit reads: no refusal."""
    picture = b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Filter /DCTDecode " \
              b"/Length 4 >>\nstream\n\xff\xd8\xff\xd9\nendstream"
    assert _built(tmp_path, "cv.pdf", pdf_of(page("Ada Studio"), extra=picture)) == (0, [])


UNREAD = {
    "unknown filter": (b"x", b"/Filter /BrotliDecode"),
    "unknown predictor": (zlib.compress(b"x"), b"/Filter /FlateDecode /DecodeParms "
                                               b"<< /Predictor 7 >>"),
    "unknown row type": (zlib.compress(b"\x09abc"), b"/Filter /FlateDecode /DecodeParms "
                                                    b"<< /Predictor 12 /Columns 3 >>"),
    "filter by missing reference": (b"x", b"/Filter 99 0 R"),
    "named crypt filter": (b"x", b"/Filter /Crypt /DecodeParms << /Name /StdCF >>"),
}


@pytest.mark.parametrize("case", UNREAD)
def test_a_stream_the_audit_cannot_decode_refuses_the_file(tmp_path: Path, case: str) -> None:
    """Fail closed: a stream whose text the audit cannot know is never published unread."""
    status, said = _built(tmp_path, "notes.pdf", pdf_of(*UNREAD[case]))
    assert status == EXIT_CONTENT
    assert any(s.startswith("file not read whole (a PDF stream the audit cannot decode")
               for s in said), said


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=0, max_size=300), st.integers(1, 4), st.integers(1, 16),
       st.lists(st.integers(0, 4), min_size=1, max_size=6), st.sampled_from([8, 16]))
def test_any_png_predicted_stream_decodes_to_what_was_written(
        data: bytes, colors: int, columns: int, kinds: list[int], bits: int) -> None:
    row, step = colors * columns * bits // 8, colors * bits // 8
    encoded = png_predicted(data, row, step, kinds)
    params = b"<< /Predictor 15 /Colors %d /Columns %d /BitsPerComponent %d >>" % (
        colors, columns, bits)
    got = pdffilters.decoded(b"/Filter /FlateDecode /DecodeParms " + params,
                             zlib.compress(encoded), Budget(), lambda n: None)
    assert got == data + bytes(-len(data) % row)


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=0, max_size=3000) | st.text("ab ", max_size=6000).map(str.encode))
def test_any_lzw_or_run_length_stream_decodes_to_what_was_written(data: bytes) -> None:
    for encoded, name in ((lzw(data), b"/LZWDecode"), (run_length(data), b"/RunLengthDecode")):
        assert pdffilters.decoded(b"/Filter " + name, encoded, Budget(), lambda n: None) == data
