"""Red team 9, R9-26 to R9-30: attachments whose text a common tool encodes.

- R9-26: a PDF printed by Chromium shows glyph ids (``Identity-H``); its letters
  are only in the font's ToUnicode CMap (ivsite.readers.pdf.fonts). A composite font with
  no map back to letters refuses the file.
- R9-27: RTF's ``\\'xx`` and ``\\uN`` escapes (ivsite.readers.rtftext).
- R9-28, R9-29, R9-29b: a mail's base64 body and RFC 2047 subject, a vCard's and
  a mail's quoted-printable (ivsite.readers.encodedtext).
- R9-30: a bare zlib stream (ivsite.readers.streams).

The filter never reads an attachment's bytes (it checks the link), so the audit
is the only line: one build of the reproducers' own files is refused on each
file; with the new readings switched off the same build exits 0 with the names
in the output; unit tests show which reading finds which file; and a build of
ordinary files using the same encodings publishes them.
"""

from __future__ import annotations

import base64
import quopri
import zlib
from email.mime.text import MIMEText
from pathlib import Path, PurePosixPath

import pytest
from sites import OutputCorpus, red_team_site, red_team_talk
from test_redteam8_binary_text import png

from ivsite.pipeline import build
from ivsite.readers import encodedtext, morereadings, packed, readable, streams
from ivsite.readers.pdf import fonts as pdffonts

REPRODUCERS = Path(__file__).parent.parent / "docs/redteam/2026-12-01-ninth"
FILES = {  # the file each reproducer links, and the name in it
    "letter.pdf": ("R9-26-pdf-glyph-text", "Jane Doe"),
    "notes.rtf": ("R9-27-rtf-escaped-name", "Zoë Müller"),
    "thanks.eml": ("R9-28-eml-base64-name", "Jane Doe"),
    "card.vcf": ("R9-29-vcard-quoted-printable", "Zoë Müller"),
    "thanks3.eml": ("R9-29b-eml-quoted-printable", "Jane Doe"),
    "notes.zz": ("R9-30-zlib-stream", "Jane Doe"),
}


def reproducer(name: str) -> bytes:
    return (REPRODUCERS / FILES[name][0] / "content/roles" / name).read_bytes()


def glyph_pdf(text: str, *, to_unicode: bool = True) -> bytes:
    """A PDF page as Chromium writes one: a Type0 font (``Identity-H``) whose
    glyph ids map back to letters only through its ToUnicode CMap."""
    ids = {c: 3 + i for i, c in enumerate(sorted(set(text)))}
    cmap = ("/CIDInit /ProcSet findresource begin\nbegincmap\n1 begincodespacerange\n"
            f"<0000> <FFFF>\nendcodespacerange\n{len(ids)} beginbfchar\n"
            + "".join(f"<{g:04X}> <{ord(c):04X}>\n" for c, g in ids.items())
            + "endbfchar\nendcmap\nend\n").encode()
    page = b"BT\n/F4 16 Tf\n<" + "".join(f"{ids[c]:04X}" for c in text).encode() + b"> Tj\nET\n"
    z_cmap, z_page = zlib.compress(cmap), zlib.compress(page)
    return b"".join((
        b"%PDF-1.4\n2 0 obj\n<</Type /Page /Resources <</Font <</F4 4 0 R>>>> /Contents 6 0 R>>"
        b"\nendobj\n4 0 obj\n<</Type /Font /Subtype /Type0 /BaseFont /AAAAAA+LiberationSerif"
        b" /Encoding /Identity-H /DescendantFonts [17 0 R]",
        b" /ToUnicode 18 0 R" if to_unicode else b"",
        b">>\nendobj\n17 0 obj\n<</Type /Font /Subtype /CIDFontType2>>\nendobj\n",
        b"18 0 obj\n<</Filter /FlateDecode /Length %d>>stream\n" % len(z_cmap), z_cmap,
        b"\nendstream\nendobj\n6 0 obj\n<</Filter /FlateDecode /Length %d>>stream\n" % len(z_page),
        z_page, b"\nendstream\nendobj\n%%EOF\n"))


def _site(root: Path, files: dict[str, bytes]) -> Path:
    """The reproducers' two people (no consent) and a page linking ``files``."""
    readable._read.cache_clear()
    zoe = red_team_talk(name="Zoë Müller")
    zoe[0]["alias"] = "a coordinator"
    links = "".join(f"My [file]({n}) about campaigns.\n\n" for n in files)
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, links),
                                "interviews/2026-03-02-coord.md": zoe,
                                **{f"pages/{n}": d for n, d in files.items()}},
                         talk=red_team_talk(name="Jane Doe"))


REFUSED = {**{n: reproducer(n) for n in FILES},
           "glyphs-no-map.pdf": glyph_pdf("Thank-you letter about campaigns.",
                                          to_unicode=False)}


def test_the_build_refuses_each_reproducer(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", REFUSED), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hit = {h.output.rsplit("/", 1)[-1]: h.secret.kind for h in result.hits}
    assert set(hit) >= set(REFUSED), [h.text() for h in result.hits]
    assert hit["glyphs-no-map.pdf"].startswith("file not read whole"), hit
    assert not (tmp_path / "out").exists()


def _readings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The protections of this round switched off: font maps, encoded readings,
    zlib; a composite font with no map is not refused. (Base64 words of any text,
    red team 12 R12-08, are read too: off as well.)"""
    monkeypatch.setattr(pdffonts, "font_texts", lambda *args: [])
    monkeypatch.setattr(readable, "encoded_parts", lambda *args: [])
    monkeypatch.setattr(morereadings, "encoded_readings", lambda text: [])
    monkeypatch.setattr(streams, "_is_zlib", lambda data: False)
    readable._read.cache_clear()


def test_with_the_readings_off_the_build_publishes_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _readings_off(monkeypatch)
    result = build(_site(tmp_path / "s", REFUSED), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    published = {p.rsplit("/", 1)[-1]: d for p, d in OutputCorpus(tmp_path / "out").files.items()}
    assert all(published.get(n) == d for n, d in REFUSED.items()), set(published)
    readable._read.cache_clear()


@pytest.mark.parametrize("name", FILES)
def test_each_reading_finds_its_name(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The name is in what the audit reads of each file, and not with this round's
    readings off (so each protection is the one that finds it)."""
    data, person = reproducer(name), FILES[name][1]
    readable._read.cache_clear()
    assert any(person in t for t in readable.readable_texts(PurePosixPath(name), data))
    _readings_off(monkeypatch)
    assert not any(person in t for t in readable.readable_texts(PurePosixPath(name), data))
    readable._read.cache_clear()


def test_a_font_with_no_map_is_not_read() -> None:
    readable._read.cache_clear()
    assert readable.unread("a.pdf", glyph_pdf("Ada", to_unicode=False))
    assert not readable.unread("a.pdf", glyph_pdf("Ada"))
    assert any("Ada Studio" in t for t in readable.readable_texts("a.pdf", glyph_pdf(
        "Ada Studio")))


def test_cmap_ranges_and_glyph_names() -> None:
    table = pdffonts.cmap(b"beginbfrange\n<0010> <0012> <0041>\n<0020> <0021> [<0062> <0063>]"
                          b"\nendbfrange\nbeginbfchar\n<0003> <0020>\nendbfchar")
    assert table[b"\x00\x11"] == "B" and table[b"\x00\x21"] == "c" and table[b"\x00\x03"] == " "
    assert [pdffonts.glyph(n) for n in ("J", "uni004A", "eacute", "Udieresis", "g12")] == \
        ["J", "J", "é", "Ü", ""]


def test_encoded_forms_are_decoded() -> None:
    def read(name: str, data: bytes) -> str:
        parts = encodedtext.encoded_parts(PurePosixPath(name), data, packed.Budget())
        return "\n".join(d.decode("utf-8", "replace") for _, d in parts)
    assert "Zoë" in read("a.txt", b"Subject: =?ISO-8859-1?Q?Zo=EB?=\n")
    assert "Jane Doe" in read("a.json", b'{"body": "' + base64.b64encode(b"Dear Jane Doe,")
                              + b'"}')
    assert "Jane Doe" in read("a.txt", b"see https://x.example/?n=Jane%20Doe")
    assert "Jane Doe" in read("a.vcf", quopri.encodestring(b"Jane Doe", quotetabs=True))
    assert "Müller" in read("a.rtf", b"{\\rtf1\\ansi M\\u252?ller}")
    assert "Zabrowski" in read("a.rtf", b"{\\rtf1 Zab{\\b rowski}\\par}")
    assert "FN:Jane Doe" in read("a.vcf", b"BEGIN:VCARD\r\nFN:Jane D\r\n oe\r\nEND:VCARD\r\n")
    assert read("a.png", b"\x89PNG\r\n\x1a\n\0\0" + base64.b64encode(b"Jane Doe" * 4)) == ""


def test_mail_charsets_and_base64_files_are_read() -> None:
    """A mail in ISO-2022-JP (Japanese mail's charset, no legacy reading of its
    own), and a vCard's base64 photo whose PNG text chunk names the person."""
    readable._read.cache_clear()
    mail = MIMEText("Dear 山田太郎, thanks", "plain", "iso-2022-jp").as_bytes()
    assert any("山田太郎" in t for t in readable.readable_texts("m.eml", mail))
    card = b"BEGIN:VCARD\nPHOTO;ENCODING=b;TYPE=PNG:" + base64.b64encode(
        png(b"Author\0Jane Doe")) + b"\nEND:VCARD\n"
    assert any("Jane Doe" in t for t in readable.readable_texts("c.vcf", card))


NEAR_MISSES = {
    "letter.pdf": glyph_pdf("Thank-you letter to Ada Studio about campaigns."),
    "thanks.eml": b"Subject: =?UTF-8?B?" + base64.b64encode("Thanks, café".encode())
    + b"?=\nMIME-Version: 1.0\nContent-Transfer-Encoding: base64\n\n"
    + base64.b64encode(b"Dear team, thank you for the talk about campaigns.") + b"\n",
    "card.vcf": b"BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
    + quopri.encodestring("Café Müller GmbH".encode()) + b"\nEND:VCARD\n",
    "notes.rtf": b"{\\rtf1\\ansi\\ansicpg1252 Notes from the caf\\'e9 \\u8212? campaigns.\\par}",
    "notes.zz": zlib.compress(b"Interview notes about campaigns. " * 3),
    "maths.txt": b"x^2 + 1 = 0, sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f"
                 b"00a08 and 50%25 off",
}


def test_ordinary_files_in_the_same_encodings_are_published(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", NEAR_MISSES), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    corpus = OutputCorpus(tmp_path / "out")
    assert {p.rsplit("/", 1)[-1] for p in corpus.files} >= set(NEAR_MISSES)
