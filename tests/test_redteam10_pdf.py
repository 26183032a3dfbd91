"""Red team 10, PDF attachments: what the audit reads of a linked PDF.

- R10-09: a content stream under ``/FlateDecode`` with a PNG predictor
  (``/DecodeParms << /Predictor 12 /Columns 8 >>``) was inflated but its rows not
  undone, so the audit read noise where every viewer shows the name. Each stream
  is now decoded as its dictionary says (ivsite.readers.pdf.filters); a filter, predictor
  or parameter the audit cannot decode refuses the file ("file not read whole").

The filter never reads an attachment's bytes (it checks its address), so each
refusal is the audit's own.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    RED_TEAM_NAME,
    RED_TEAM_TALK,
    assembled_pdf,
    assert_audit_refuses,
    red_team_site,
    red_team_talk,
)

from ivsite.pipeline import build
from ivsite.pipeline.driver import EXIT_CONTENT
from ivsite.readers import readable
from ivsite.readers.packed import Budget
from ivsite.readers.pdf import crypt as pdfcrypt
from ivsite.readers.pdf import filters as pdffilters
from ivsite.readers.pdf import placed as pdfplaced

TALK = f"content/{RED_TEAM_TALK}"
PHONE = "+1 416 555 0142"


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
    return assembled_pdf(objs, version=b"1.5")


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
                                f"pages/{name}": data}, red_team_talk(phone=PHONE))


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


# R10-10: an encrypted PDF that opens with the empty user password.
FIXTURES = Path(__file__).parent / "fixtures" / "redteam10"
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
FILE_ID = bytes.fromhex("0123456789abcdef0123456789abcdef")


def _rc4(key: bytes, data: bytes) -> bytes:
    return Cipher(ARC4(key), mode=None).encryptor().update(data)


def _aes_encrypted(key: bytes, data: bytes) -> bytes:
    iv = bytes(range(16))
    padded = data + bytes([16 - len(data) % 16]) * (16 - len(data) % 16)
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(padded) + encryptor.finalize()


def _hash_r6(password: bytes, salt: bytes, udata: bytes = b"") -> bytes:
    """ISO 32000-2 algorithm 2.B, written from the standard (not ivsite's)."""
    k = hashlib.sha256(password + salt + udata).digest()
    i = 0
    while True:
        k1 = (password + k + udata) * 64
        enc = Cipher(algorithms.AES(k[:16]), modes.CBC(k[16:32])).encryptor()
        e = enc.update(k1) + enc.finalize()
        k = [hashlib.sha256, hashlib.sha384, hashlib.sha512][
            sum(e[:16]) % 3](e).digest()  # sum mod 3 == the 128-bit number mod 3
        i += 1
        if i >= 64 and e[-1] <= i - 32:
            return k[:32]


def encrypted_pdf(text: str, method: str, password: bytes = b"") -> bytes:
    """A PDF with ``text`` on its page, in /Author and in /Subject, encrypted by
    the standard security handler with the user password ``password`` (a writer's
    side of PDF 32000-1 7.6.3: ``rc4-40`` R2, ``rc4-128`` R3, ``aes-128`` V4 R4,
    ``aes-256`` V5 R6)."""
    owner = bytes(range(32))
    permissions = -3904
    if method == "aes-256":
        key = bytes(range(100, 132))
        salts = b"vsaltvsa", b"ksaltksa"
        user = _hash_r6(password[:127], salts[0]) + salts[0] + salts[1]
        enc = Cipher(algorithms.AES(_hash_r6(password[:127], salts[1])),
                     modes.CBC(bytes(16))).encryptor()
        user_key = enc.update(key) + enc.finalize()
        encrypt = (b"<< /Filter /Standard /V 5 /R 6 /Length 256 /P %d /O <%s> /U <%s> "
                   b"/OE <%s> /UE <%s> /Perms <%s> /CF << /StdCF << /CFM /AESV3 /Length 32 "
                   b">> >> /StmF /StdCF /StrF /StdCF >>") % (
            permissions, (owner + bytes(16)).hex().encode(), user.hex().encode(),
            bytes(32).hex().encode(), user_key.hex().encode(), bytes(16).hex().encode())
    else:
        revision, length = {"rc4-40": (2, 5), "rc4-128": (3, 16), "aes-128": (4, 16)}[method]
        digest = hashlib.md5((password + PAD)[:32] + owner
                             + (permissions & 0xFFFFFFFF).to_bytes(4, "little") + FILE_ID).digest()
        for _ in range(50 if revision >= 3 else 0):
            digest = hashlib.md5(digest[:length]).digest()
        key = digest[:length]
        if revision == 2:
            user = _rc4(key, PAD)
        else:
            user = _rc4(key, hashlib.md5(PAD + FILE_ID).digest())
            for i in range(1, 20):
                user = _rc4(bytes(b ^ i for b in key), user)
            user += bytes(16)
        crypt = b" /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV2 /Length 16 >> >> " \
                b"/StmF /StdCF /StrF /StdCF" if revision == 4 else b""
        encrypt = b"<< /Filter /Standard%s /V %d /R %d /Length %d /P %d /O <%s> /U <%s> >>" % (
            crypt, 4 if revision == 4 else 2 if revision == 3 else 1, revision, length * 8,
            permissions, owner.hex().encode(), user.hex().encode())

    def sealed(number: int, data: bytes) -> bytes:
        if method == "aes-256":
            return _aes_encrypted(key, data)
        k = hashlib.md5(key + number.to_bytes(3, "little") + b"\0\0"
                        + (b"sAlT" if method == "aes-128" else b"")).digest()
        k = k[:min(16, len(key) + 5)]
        return _aes_encrypted(k, data) if method == "aes-128" else _rc4(k, data)

    content = zlib.compress(page(text))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(sealed(4, content))
            + sealed(4, content) + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Author (%s) /Subject <%s> >>" % (
                sealed(6, text.encode()).replace(b"\\", b"\\\\").replace(b"(", b"\\(")
                .replace(b")", b"\\)"), sealed(6, f"call {text}".encode()).hex().encode()),
            encrypt]
    out = b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + (b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R /Encrypt 7 0 R "
                  b"/ID [<%s><%s>] >>\nstartxref\n%d\n%%%%EOF\n") % (
        len(objs) + 1, FILE_ID.hex().encode(), FILE_ID.hex().encode(), xref)


def test_a_phone_number_in_an_encrypted_subject_is_refused(tmp_path: Path) -> None:
    data = encrypted_pdf("Ada Studio", "aes-128").replace(b"/Author", b"/Title")
    status, said = _built(tmp_path, "cv.pdf", encrypted_pdf(PHONE, "aes-256"))
    assert status == EXIT_CONTENT and any("contact field phone" in s for s in said), said
    assert _built(tmp_path / "near", "cv.pdf", data) == (0, [])


METHODS = ["rc4-40", "rc4-128", "aes-128", "aes-256"]


def test_the_reproducer_is_refused_on_the_page_author_and_subject(tmp_path: Path) -> None:
    """R10-10 as the red team made it (pypdf, RC4-128, owner password only)."""
    data = (FIXTURES / "owner-password-only.pdf").read_bytes()
    status, said = _built(tmp_path, "notes.pdf", data)
    assert status == EXIT_CONTENT
    assert any("unconsented name" in s for s in said), said
    assert any("contact field phone" in s for s in said), said


@pytest.mark.parametrize("method", METHODS)
def test_every_part_decrypts_to_what_a_viewer_shows(method: str) -> None:
    texts = readable.readable_texts(Path("notes.pdf"), encrypted_pdf(RED_TEAM_NAME, method))
    assert sum(RED_TEAM_NAME in t for t in texts) >= 3, texts  # page, /Author, /Subject
    assert any(f"call {RED_TEAM_NAME}" in t for t in texts)
    assert readable.unread(Path("notes.pdf"), encrypted_pdf(RED_TEAM_NAME, method)) == []


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("method", METHODS)
def test_the_audit_alone_reads_the_encrypted_name(tmp_path: Path, method: str) -> None:
    assert_audit_refuses(_site(tmp_path / "s", "cv.pdf", encrypted_pdf(RED_TEAM_NAME, method)),
                         tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_the_decryption_the_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfcrypt, "decrypted", lambda data, budget: data)
    data = (FIXTURES / "owner-password-only.pdf").read_bytes()
    assert _built(tmp_path, "notes.pdf", data) == (0, [])
    assert (tmp_path / "out/pages/notes.pdf").read_bytes() == data


@pytest.mark.parametrize("method", METHODS)
def test_an_encrypted_pdf_that_names_no_one_is_published(tmp_path: Path, method: str) -> None:
    assert _built(tmp_path, "cv.pdf", encrypted_pdf("Ada Studio", method)) == (0, [])


@pytest.mark.parametrize("method", METHODS)
def test_a_pdf_that_asks_for_a_password_is_refused(tmp_path: Path, method: str) -> None:
    """Fail closed: a user password the audit does not know; or another handler.
    The hint says what to do (save it again without a password)."""
    result = build(_site(tmp_path / "s", "cv.pdf", encrypted_pdf("Ada Studio", method, b"pw")),
                   out=tmp_path / "out")
    readable._read.cache_clear()
    assert result.status == EXIT_CONTENT
    said = [d for d in result.diagnostics if d.message.startswith(
        "file not read whole (an encrypted PDF the audit cannot decrypt (it opens only with a "
        "password))")]
    assert said and "a PDF without a password" in said[0].hint, result.diagnostics


def test_a_pdf_of_another_security_handler_is_refused(tmp_path: Path) -> None:
    data = encrypted_pdf("Ada Studio", "rc4-128").replace(b"/Filter /Standard",
                                                          b"/Filter /Adobe.PubSec")
    status, said = _built(tmp_path, "cv.pdf", data)
    assert status == EXIT_CONTENT
    assert any("a security handler other than the standard one" in s for s in said), said


# R10-26: a line drawn from pieces written out of reading order.
LINE = f"Notes from my chat with {RED_TEAM_NAME}.".split(" ")


def placed(order: list[int], how: list[int]) -> bytes:
    """The words of LINE, each put at x = 6 points a letter, written in ``order``,
    each placed by one of four means (``how``): Td, Tm, cm inside q/Q, or TJ
    after a Td to the line's start."""
    out = b""
    for i in order:
        word = LINE[i].encode()
        x = 72 + 6 * sum(len(w) + 1 for w in LINE[:i])
        kind = how[i % len(how)]
        if kind == 0:
            out += b"BT /F1 12 Tf %g 700 Td (%s) Tj ET\n" % (x, word)
        elif kind == 1:
            out += b"BT /F1 12 Tf 1 0 0 1 %g 700 Tm (%s) Tj ET\n" % (x, word)
        elif kind == 2:
            out += b"q 1 0 0 1 %g 350 cm BT /F1 12 Tf 0 350 Td (%s) Tj ET Q\n" % (x, word)
        else:
            out += b"BT /F1 12 Tf 72 700 Td [%d (%s)] TJ ET\n" % (-(x - 72) * 1000 // 12, word)
    return out


def test_the_out_of_order_reproducer_is_refused(tmp_path: Path) -> None:
    """R10-26 as the red team made it (three pieces, placed by Td)."""
    status, said = _built(tmp_path, "notes.pdf", (FIXTURES / "out-of-order.pdf").read_bytes())
    assert status == EXIT_CONTENT and any("unconsented name" in s for s in said), said


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_reads_the_line_as_placed(tmp_path: Path) -> None:
    data = pdf_of(placed([6, 0, 1, 2, 3, 4, 5], [0, 1, 2, 3]))
    assert_audit_refuses(_site(tmp_path / "s", "notes.pdf", data), tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_the_placed_reading_the_name_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfplaced, "readings", lambda content, show, forms=None: [])
    data = (FIXTURES / "out-of-order.pdf").read_bytes()
    assert _built(tmp_path, "notes.pdf", data) == (0, [])
    assert (tmp_path / "out/pages/notes.pdf").read_bytes() == data


def test_a_page_drawn_by_two_streams_is_read_as_one(tmp_path: Path) -> None:
    """``/Contents [4 0 R 6 0 R]``: the surname in the first stream, the given
    name in the second, placed before it."""
    second = b"BT /F1 12 Tf 72 700 Td (Quentin) Tj ET"
    data = pdf_of(b"BT /F1 12 Tf 120 700 Td (Zabrowski) Tj ET",
                  extra=b"<< /Length %d >>\nstream\n%s\nendstream" % (len(second), second))
    data = data.replace(b"/Contents 4 0 R", b"/Contents [4 0 R 6 0 R]")
    texts = readable.readable_texts(Path("notes.pdf"), data)
    assert any(RED_TEAM_NAME in t for t in texts), texts


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(len(LINE))), st.lists(st.integers(0, 3), min_size=1, max_size=4))
def test_any_order_and_placing_reads_the_line(order: list[int], how: list[int]) -> None:
    texts = readable.readable_texts(Path("notes.pdf"), pdf_of(placed(order, how)))
    assert any(" ".join(LINE) in t for t in texts), (order, how)


def test_words_on_other_lines_stay_apart(tmp_path: Path) -> None:
    """No false refusal: the given name and the surname on lines far apart, in
    a page whose pieces are written out of order."""
    content = (b"BT /F1 12 Tf 72 500 Td (Quentin Blake drew it.) Tj ET\n"
               b"BT /F1 12 Tf 72 600 Td (A note on layout.) Tj ET\n"
               b"BT /F1 12 Tf 72 700 Td (Zabrowski is a town.) Tj ET\n")
    texts = readable.readable_texts(Path("notes.pdf"), pdf_of(content))
    assert not any(RED_TEAM_NAME in t for t in texts)
    assert _built(tmp_path, "notes.pdf", pdf_of(placed([3, 2, 1, 0, 6, 5], [0, 1])
                                                 .replace(b"Zabrowski", b"Studio"))) == (0, [])


def test_the_last_trailer_says_whether_a_pdf_is_encrypted(tmp_path: Path) -> None:
    """A plain file with a stale encrypted trailer before its last one would be
    read as noise if decrypted: refused. A plain file that only mentions
    ``/Encrypt 7 0 R`` in its text is read as plain text."""
    stale = encrypted_pdf("Ada Studio", "rc4-128")
    data = stale + b"trailer\n<< /Size 8 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n"
    status, said = _built(tmp_path, "cv.pdf", data)
    assert status == EXIT_CONTENT
    assert any("its trailers disagree" in s for s in said), said
    mention = pdf_of(page("About /Encrypt 7 0 R"), extra=b"<< /Title (/Encrypt 7 0 R) >>")
    assert readable.unread(Path("cv.pdf"), mention) == []
    assert any("About /Encrypt" in t for t in readable.readable_texts(Path("cv.pdf"), mention))


def test_an_update_that_keeps_the_encryption_is_decrypted() -> None:
    data = encrypted_pdf(RED_TEAM_NAME, "aes-128")
    update = data[data.index(b"trailer"):].replace(b"startxref\n", b"/Prev 9 >>\nstartxref\n", 0)
    texts = readable.readable_texts(Path("cv.pdf"), data + update)
    assert sum(RED_TEAM_NAME in t for t in texts) >= 3, texts


def _with_form(page_content: bytes, form: bytes) -> bytes:
    data = pdf_of(page_content, extra=b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 40] "
                                      b"/Matrix [1 0 0 1 0 -5] /Length %d >>\nstream\n%s\n"
                                      b"endstream" % (len(form), form))
    return data.replace(b"/Font << /F1 5 0 R >>", b"/Font << /F1 5 0 R >> /XObject << /Fx 6 0 R >>")


def test_text_in_a_form_is_placed_where_the_page_draws_it() -> None:
    """The given name in a form XObject drawn (``Do``) between the page's own pieces."""
    data = _with_form(b"BT /F1 12 Tf 250 700 Td (Zabrowski.) Tj ET\n"
                      b"BT /F1 12 Tf 72 700 Td (Notes from my chat with) Tj ET\n"
                      b"q 1 0 0 1 204.5 705 cm /Fx Do Q\n", b"BT /F1 12 Tf (Quentin) Tj ET")
    texts = readable.readable_texts(Path("notes.pdf"), data)
    assert any(f"with {RED_TEAM_NAME}." in t for t in texts), texts


def test_a_form_that_draws_itself_ends() -> None:
    data = _with_form(b"/Fx Do (Ada Studio) Tj", b"/Fx Do " * 20 + b"(Ada) Tj")
    texts = readable.readable_texts(Path("notes.pdf"), data)
    assert not any(RED_TEAM_NAME in t for t in texts)


@pytest.mark.parametrize("decoy", [b"/Decoy << /Filter /FlateDecode >>",
                                   b"/T (5 0 obj << /Filter /FlateDecode >>)",
                                   b"/T (endobj 5 0 obj /Filter /FlateDecode)"])
def test_the_streams_own_filter_is_read(tmp_path: Path, decoy: bytes) -> None:
    """A ``/Filter`` in a dictionary nested in the stream's, or in a string (with
    ``obj`` in it), is not the stream's: a viewer decodes by its own."""
    data = pdf_of(lzw(CONTENT), decoy + b" /Filter /LZWDecode")
    status, said = _built(tmp_path, "notes.pdf", data)
    assert status == EXIT_CONTENT and any("unconsented name" in s for s in said), said


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=0, max_size=300), st.integers(1, 4), st.integers(1, 16))
def test_any_tiff_predicted_stream_decodes_to_what_was_written(
        data: bytes, colors: int, columns: int) -> None:
    row = colors * columns
    data += bytes(-len(data) % row)
    encoded = b"".join(bytes((r[j] - (r[j - colors] if j >= colors else 0)) & 0xFF
                             for j in range(row))
                       for r in (data[i:i + row] for i in range(0, len(data), row)))
    params = b"<< /Predictor 2 /Colors %d /Columns %d >>" % (colors, columns)
    assert pdffilters.decoded(b"/Filter /FlateDecode /DecodeParms " + params,
                              zlib.compress(encoded), Budget(), lambda n: None) == data


def test_a_damaged_stream_is_read_as_far_as_it_decodes(tmp_path: Path) -> None:
    """A viewer shows what decodes before the damage; so does the audit."""
    compressed = bytearray(zlib.compress(CONTENT + bytes(range(256)) * 40, 0))
    compressed[-200:] = b"\xff" * 200
    status, said = _built(tmp_path, "notes.pdf", pdf_of(bytes(compressed), b"/Filter /Fl"))
    assert status == EXIT_CONTENT and any("unconsented name" in s for s in said), said


@pytest.mark.parametrize("filters", [b"/Filter []", b"/Filter null", b"/Filter [/Crypt]",
                                     b"/Filter /Crypt /DecodeParms << /Name /Identity >>"])
def test_no_filter_said_otherwise_is_read_as_it_is(filters: bytes) -> None:
    """No false refusal: an empty filter array, null, the Identity crypt filter."""
    assert pdffilters.decoded(filters, CONTENT, budget := Budget(), lambda n: None) == CONTENT
    assert budget.refused == []
