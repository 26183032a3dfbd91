"""Red team 12, what linked files carry past their reader:

- R12-10: text a file hides from its reader (an HTML or SVG element not drawn,
  Word's hidden text, comments and tracked deletions, speaker notes, an ODF
  annotation, a PDF annotation's note) and privacy labels in a text file: the
  filter refuses the link (``hidden-in-file``) and the audit refuses the file on
  its own (ivsite.readers.hiddentext, unshown, docunshown);
- R12-07: a name in compressed parts inside a file (a WOFF font's tables, a PNG's
  colour profile, a compressed ID3 frame, a PNG inside an icon): the audit reads
  them inflated (ivsite.readers.inflated);
- R12-06: letters drawn by CSS counters (``counter(x, upper-alpha)``,
  ``@counter-style``): a linked file with one is refused (``drawn-markup``) and the
  audit refuses any written page, drawing or style sheet with one, a theme's too
  (ivsite.markup.drawncounters).

Each protection has a test that fails with it switched off. The binary inputs are
built here with the standard library.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    DEFAULT_CONFIG,
    RED_TEAM_NAME,
    RED_TEAM_TALK,
    assembled_pdf,
    assert_audit_refuses,
    assert_filter_refuses,
    red_team_site,
)

from ivsite.audit import markupchecks
from ivsite.audit import search as auditsearch
from ivsite.markup import drawncounters
from ivsite.pipeline import build
from ivsite.readers import activefiles, hiddentext, packed, readable
from ivsite.readers.packed import Budget

PAGE = "content/pages/about.md"
TALK = "content/" + RED_TEAM_TALK
SAID = "Private: do not publish, QQHIDDEN I was let go in week three."
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _site(root: Path, files: dict[str, bytes | str], extra: dict[str, str] | None = None,
          config: dict[str, str] | None = None) -> Path:
    body = "".join(f"See [{n}](../files/{n}).\n" for n in files)
    site = red_team_site(root, {"pages/about.md": ({"title": "About"}, body or "About.\n"),
                                **{f"files/{k}": v for k, v in files.items()}})
    if config:
        (site / "site.toml").write_text("".join(
            f'{k} = "{v}"\n' for k, v in {**DEFAULT_CONFIG, **config}.items()), "utf-8")
    for rel, text in (extra or {}).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, "utf-8")
    return site


def _zip(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members.items():
            z.writestr(name, text)
    return out.getvalue()


def _docx(body: str, comments: str | None = None) -> bytes:
    members = {"[Content_Types].xml": "<Types/>",
               "word/document.xml": f'<?xml version="1.0"?><w:document {W}><w:body>'
                                    f"<w:p><w:r><w:t>Ana Silva, curriculum vitae.</w:t></w:r></w:p>"
                                    f"{body}</w:body></w:document>"}
    if comments is not None:
        members["word/comments.xml"] = (f'<w:comments {W}><w:comment w:id="0"><w:p><w:r><w:t>'
                                        f"{comments}</w:t></w:r></w:p></w:comment></w:comments>")
    return _zip(members)


def _pdf(annotation: bytes) -> bytes:
    content = b"BT /F1 14 Tf 72 720 Td (Ana Silva portfolio summary) Tj ET"
    return assembled_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", annotation])


# --------------------------------------------------------------------------- R12-10

HIDING: dict[str, tuple[str, bytes | str]] = {
    "html hidden": ("p.html", f"<!doctype html><title>P</title><h1>Work</h1><div hidden>{SAID}"
                              "</div>"),
    "html display none": ("q.html", f'<!doctype html><title>P</title><p style="display:none">'
                                    f"{SAID}</p><p>Work.</p>"),
    "html style sheet": ("r.html", "<!doctype html><title>P</title><style>.notes{visibility:"
                                   f'hidden}}</style><p>Work.</p><p class="notes">{SAID}</p>'),
    "html template": ("t.html", f"<!doctype html><title>P</title><template>{SAID}</template>"),
    "svg display none": ("a.svg", '<svg xmlns="http://www.w3.org/2000/svg"><text>Chart</text>'
                                  f'<g display="none"><text>{SAID}</text></g></svg>'),
    "svg visibility": ("b.svg", '<svg xmlns="http://www.w3.org/2000/svg"><text>Chart</text>'
                                f'<text visibility="hidden">{SAID}</text></svg>'),
    "svg opacity": ("c.svg", '<svg xmlns="http://www.w3.org/2000/svg"><text>Chart</text>'
                             f'<g style="opacity: 0"><text>{SAID}</text></g></svg>'),
    "docx hidden text": ("cv.docx", _docx(f"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>{SAID}"
                                          "</w:t></w:r></w:p>")),
    "docx comment": ("cv2.docx", _docx("", comments=SAID)),
    "docx deletion": ("cv3.docx", _docx(f'<w:p><w:del w:id="1"><w:r><w:delText>{SAID}'
                                        "</w:delText></w:r></w:del></w:p>")),
    "pptx speaker notes": ("deck.pptx", _zip({
        "ppt/slides/slide1.xml": "<p:sld><a:t>Results</a:t></p:sld>",
        "ppt/notesSlides/notesSlide1.xml": f"<p:notes><a:t>{SAID}</a:t></p:notes>"})),
    "odt annotation": ("cv.odt", _zip({"content.xml": (
        '<office:document-content xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<text:p>CV<office:annotation><text:p>{SAID}</text:p></office:annotation></text:p>"
        "</office:document-content>")})),
    "xlsx hidden sheet": ("pay.xlsx", _zip({
        "xl/workbook.xml": '<workbook><sheets><sheet name="Summary" sheetId="1"/><sheet '
                           'name="QQHIDDEN" sheetId="2" state="hidden"/></sheets></workbook>',
        "xl/worksheets/sheet1.xml": "<worksheet/>"})),
    "odp speaker notes": ("deck.odp", _zip({"content.xml": (
        "<office:document-content><draw:page><draw:frame><text:p>Results</text:p></draw:frame>"
        f"<presentation:notes><text:p>{SAID}</text:p></presentation:notes></draw:page>"
        "</office:document-content>")})),
    "pdf layer off": ("layers.pdf", assembled_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [3 0 R] /D << /OFF [3 0 R] "
        b">> >> >>", b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"<< /Type /OCG /Name (QQHIDDEN notes) >>"])),
    "pdf sticky note": ("portfolio.pdf", _pdf(b"<< /Type /Annot /Subtype /Text /Rect [0 0 9 9] "
                                              b"/Contents (" + SAID.encode() + b") >>")),
    "txt label": ("prep.txt", f"Interview prep\n\n{SAID}\n"),
    "txt heading": ("prep2.txt", "Interview prep\n\n## Do not publish\n\nQQHIDDEN the team "
                                 "is being cut.\n"),
    "txt opening phrase": ("prep3.txt", "Prep\n\nOff the record, QQHIDDEN the team is cut.\n"),
}


@pytest.mark.parametrize("name, data", HIDING.values(), ids=HIDING.keys())
def test_a_file_that_hides_text_is_found(name: str, data: bytes | str) -> None:
    raw = data.encode() if isinstance(data, str) else data
    found = hiddentext.hidden_in(PurePosixPath(name).suffix, raw)
    assert found is not None and found[0] == "hidden-in-file", found


@pytest.mark.parametrize("name, data", [HIDING[k] for k in (
    "html hidden", "svg display none", "docx hidden text", "docx comment", "pdf sticky note",
    "txt label")], ids=["html", "svg", "docx hidden", "docx comment", "pdf", "txt"])
def test_the_filter_and_the_audit_refuse_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            name: str, data: bytes | str) -> None:
    assert_filter_refuses(_site(tmp_path / "a", {name: data}), tmp_path / "o1", PAGE,
                          code="hidden-in-file")
    monkeypatch.setattr(hiddentext, "hidden_in", lambda suffix, data: None)
    assert_audit_refuses(_site(tmp_path / "b", {name: data}), tmp_path / "o2", f"files/{name}")
    # Both lines switched off: the file is published as written.
    monkeypatch.setattr(auditsearch, "hidden_in", lambda suffix, data: None)
    result = build(_site(tmp_path / "c", {name: data}), out=tmp_path / "o3")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    raw = data.encode() if isinstance(data, str) else data
    assert (tmp_path / "o3/files" / name).read_bytes() == raw


def test_each_reading_is_what_finds_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switched off one by one, the hidden element, the document's parts and the
    text file's labels are no longer found."""
    monkeypatch.setattr(hiddentext, "hidden_phrases", lambda page: iter(()))
    for key in ("html hidden", "svg display none", "html style sheet"):
        assert hiddentext.hidden_in(".html", str(HIDING[key][1]).encode()) is None, key
    monkeypatch.setattr(hiddentext, "document_hidden", lambda suffix, data, budget: iter(()))
    for key in ("docx comment", "pdf sticky note", "odt annotation"):
        name, data = HIDING[key]
        assert isinstance(data, bytes)
        assert hiddentext.hidden_in(PurePosixPath(name).suffix, data) is None, key
    monkeypatch.setattr(hiddentext, "_labels", lambda text: iter(()))
    assert hiddentext.hidden_in(".txt", str(HIDING["txt heading"][1]).encode()) is None


HIDING_NOTHING: dict[str, tuple[str, bytes | str]] = {
    "menu for small screens": ("m.html", "<!doctype html><title>P</title><nav>Home Work</nav>"
                                         "<div hidden>Home Work</div><p>Hello.</p>"),
    "a coloured word": ("n.html", '<!doctype html><title>P</title><p style="color:red">'
                                  "Important</p>"),
    "declarative shadow root": ("s.html", '<!doctype html><title>P</title><div><template '
                                          'shadowrootmode="open"><h2><slot></slot></h2>'
                                          "Drawn words</template>Shown</div>"),
    "svg shown group": ("d.svg", '<svg xmlns="http://www.w3.org/2000/svg"><g display="inline" '
                                 'opacity="0.5"><text>Chart</text></g></svg>'),
    "docx plain": ("plain.docx", _docx("<w:p><w:r><w:t>Experience.</w:t></w:r></w:p>")),
    "pdf free text": ("f.pdf", _pdf(b"<< /Type /Annot /Subtype /FreeText /Rect [0 0 9 9] "
                                    b"/Contents (Shown on the page) >>")),
    "pdf link": ("l.pdf", _pdf(b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /Contents "
                               b"(My site) /A << /S /URI /URI (https://example.org/) >> >>")),
    "txt prose": ("ok.txt", "Private equity is a sector.\n\n## Private equity\n\n"
                            "Keep your salary private.\nNote: ask about pay.\n"),
}


@pytest.mark.parametrize("name, data", HIDING_NOTHING.values(), ids=HIDING_NOTHING.keys())
def test_a_file_that_hides_nothing_passes(name: str, data: bytes | str) -> None:
    raw = data.encode() if isinstance(data, str) else data
    assert hiddentext.hidden_in(PurePosixPath(name).suffix, raw) is None


def test_the_example_theme_pages_pass(tmp_path: Path) -> None:
    """The theme's buttons are ``hidden`` until its script shows them: a page with
    a script is not read for the attribute (a linked file's script is refused)."""
    page = ('<!doctype html><script src="../static/theme.js"></script>'
            "<button hidden>Dark theme</button><p>Hello.</p>")
    assert hiddentext.hidden_in(".html", page.encode()) is None
    assert hiddentext.hidden_in(".html", page.replace("<script", "<x").encode()) is not None


@settings(max_examples=40, deadline=None)
@given(how=st.sampled_from(['<div hidden>', '<p style="display: none">',
                            '<span style="visibility:hidden">', '<div style="font-size:0">',
                            '<p style="opacity:0.0">', '<g display="none">',
                            '<text fill-opacity="0">']),
       label=st.sampled_from(["Private:", "Off the record:", "Do not share:", "Note to self:",
                              "Keep this quiet:"]),
       suffix=st.sampled_from([".html", ".svg", ".htm", ".xhtml"]))
def test_any_hidden_element_is_found(how: str, label: str, suffix: str) -> None:
    tag = how[1:].split()[0].rstrip(">")
    page = f"<svg><title>Chart</title><text>Shown</text>{how}{label} QQSECRET words</{tag}></svg>"
    found = hiddentext.hidden_in(suffix, page.encode())
    assert found is not None and "does not draw" in found[1], found


# --------------------------------------------------------------------------- R12-07

def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


_IHDR = _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
_PIXELS = _chunk(b"IDAT", zlib.compress(b"\0\xff\xff\xff")) + _chunk(b"IEND", b"")


def _woff(text: str) -> bytes:
    strings = text.encode("utf-16-be")
    name = struct.pack(">HHH", 0, 1, 18) + struct.pack(">HHHHHH", 3, 1, 0x409, 9,
                                                       len(strings), 0) + strings
    comp = zlib.compress(name, 9)
    head = struct.pack(">4s4sIHHIHHIIIII", b"wOFF", b"\0\1\0\0", 64 + len(comp), 1, 0,
                       12 + 16 + len(name), 1, 0, 0, 0, 0, 0, 0)
    return head + struct.pack(">4sIIII", b"name", 64, len(comp), len(name), 0) + comp


def _icc_png(text: str) -> bytes:
    desc_text = text.encode() + b"\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(desc_text)) + desc_text + b"\0" * 80
    table = struct.pack(">I4sII", 1, b"desc", 144, len(desc))
    icc = struct.pack(">I", 144 + len(desc)) + b"\0" * 36 + b"acsp" + b"\0" * 84 + table + desc
    return (b"\x89PNG\r\n\x1a\n" + _IHDR + _chunk(b"iCCP", b"display\0\0" + zlib.compress(icc))
            + _PIXELS)


def _mp3(text: str) -> bytes:
    comm = b"\0eng\0" + text.encode()
    data = struct.pack(">I", len(comm)) + zlib.compress(comm)
    frame = b"COMM" + struct.pack(">I", len(data)) + b"\0\x80" + data
    size = len(frame)
    head = b"ID3\3\0\0" + bytes([(size >> 21) & 127, (size >> 14) & 127, (size >> 7) & 127,
                                  size & 127])
    return head + frame + b"\xff\xfb\x90\x00" + b"\0" * 200


def _ico(text: str) -> bytes:
    png = (b"\x89PNG\r\n\x1a\n" + _IHDR + _chunk(b"zTXt", b"Author\0\0" + zlib.compress(
        text.encode())) + _PIXELS)
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 1, 1, 0, 0, 1, 32,
                                                      len(png), 22) + png


PACKED = {"woff font name table": ("harbour.woff", _woff),
          "png colour profile": ("board.png", _icc_png),
          "mp3 compressed id3 frame": ("jingle.mp3", _mp3),
          "png inside an icon": ("icon.ico", _ico)}


def _read(name: str, data: bytes) -> str:
    return " ".join(readable.readable_texts(PurePosixPath(name), data))


@pytest.mark.parametrize("name, make", PACKED.values(), ids=PACKED.keys())
def test_a_name_in_a_compressed_part_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                name: str, make: object) -> None:
    assert callable(make)
    data = make(f"Drawn by {RED_TEAM_NAME}")
    assert RED_TEAM_NAME in _read(name, data)
    assert_audit_refuses(_site(tmp_path / "a", {name: data}), tmp_path / "o1", TALK)
    # Switched off: the part is not read, and the file is published.
    monkeypatch.setattr(packed, "inner_parts", lambda data, budget, png: [])
    monkeypatch.setattr(packed, "icc_text", lambda profile: b"")
    readable._read.cache_clear()
    assert RED_TEAM_NAME not in _read(name, data)
    result = build(_site(tmp_path / "b", {name: data}), out=tmp_path / "o2")
    assert result.status == 0, [h.text() for h in result.hits]


def test_a_woff2_font_is_not_read_whole() -> None:
    budget = Budget()
    packed.unpacked(PurePosixPath("f.woff2"), b"wOF2" + b"\0" * 60, budget)
    assert budget.refused and "WOFF2" in budget.refused[0]


def test_a_table_past_the_budget_is_refused() -> None:
    budget = Budget(left=8, limit=8)
    packed.unpacked(PurePosixPath("f.woff"), _woff("x" * 400), budget)
    assert budget.refused


@settings(max_examples=20, deadline=None)
@given(make=st.sampled_from(list(PACKED.values())),
       said=st.from_regex(r"[A-Z][a-z]{3,9} [A-Z][a-z]{3,9}", fullmatch=True))
def test_any_text_in_a_compressed_part_is_read(make: tuple[str, object], said: str) -> None:
    name, build_it = make
    assert callable(build_it)
    assert said in _read(name, build_it(f"by {said} here"))


# --------------------------------------------------------------------------- R12-06

def _counters(text: str, style: str = "upper-alpha") -> tuple[str, str]:
    resets = " ".join(f"c{i} {ord(c) - 64}" for i, c in enumerate(text))
    content = " ".join(f"counter(c{i}, {style})" for i in range(len(text)))
    return f"counter-reset: {resets};", f"content: {content};"


def _counter_svg(style: str = "upper-alpha") -> str:
    reset, content = _counters("QUENTIN", style)
    return ('<svg xmlns="http://www.w3.org/2000/svg"><style>.t{' + reset + "} .t::after{"
            + content + '}</style><foreignObject width="9" height="9"><div '
            'xmlns="http://www.w3.org/1999/xhtml" class="t">Thanks to </div></foreignObject></svg>')


DRAWN = {
    "svg style": ("thanks.svg", _counter_svg()),
    "html style": ("card.html", "<!doctype html><title>C</title><style>p{counter-reset:a 17}"
                                "p::after{content:counter(a,lower-greek)}</style><p>Hi</p>"),
    "css file": ("card.css", "@counter-style name { system: fixed; symbols: Q U E; }"),
    "escaped": ("e.css", r"p::after { content: \63 ounter(a, upper-\61 lpha) }"),
    "list-item counter": ("l.css", "ol{list-style-type:upper-alpha} li:first-child{counter-set:"
                                   "list-item 17}"),
}


@pytest.mark.parametrize("name, text", DRAWN.values(), ids=DRAWN.keys())
def test_a_linked_file_drawing_letters_with_counters_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    assert_filter_refuses(_site(tmp_path / "a", {name: text}), tmp_path / "o1", PAGE,
                          code="drawn-markup")
    # The audit refuses it on its own.
    monkeypatch.setattr(activefiles, "page_counters", lambda page: iter(()))
    monkeypatch.setattr(activefiles, "counter_drawing", lambda css: iter(()))
    result = build(_site(tmp_path / "b", {name: text}), out=tmp_path / "o2")
    assert result.status == 1 and any("counter" in h.text() for h in result.hits), \
        [d.text() for d in result.diagnostics]
    monkeypatch.setattr(markupchecks, "page_counters", lambda page, walked=None: iter(()))
    monkeypatch.setattr(markupchecks, "counter_drawing", lambda css: iter(()))
    markupchecks._unsafe_code.cache_clear()
    result = build(_site(tmp_path / "c", {name: text}), out=tmp_path / "o3")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_a_themes_style_sheet_drawing_a_name_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reset, content = _counters("QUENTIN")
    default = (Path(__file__).parent.parent / "themes/default/static/style.css").read_text()
    css = {"themes/mine/static/style.css": default + f"\n.colophon{{{reset}}}\n"
                                                     f".colophon::after{{{content}}}\n"}
    result = build(_site(tmp_path / "a", {}, css, {"theme": "mine"}), out=tmp_path / "o1")
    assert result.status == 1
    assert any(h.output == "static/style.css" and "counter" in h.text() for h in result.hits)
    monkeypatch.setattr(markupchecks, "counter_drawing", lambda css: iter(()))
    markupchecks._unsafe_code.cache_clear()
    result = build(_site(tmp_path / "b", {}, css, {"theme": "mine"}), out=tmp_path / "o2")
    assert result.status == 0, [h.text() for h in result.hits]


def test_decimal_counters_pass(tmp_path: Path) -> None:
    svg = _counter_svg("decimal")
    css = "ol{counter-reset:s} li::before{counter-increment:s; content:counters(s, '.') ' '}"
    result = build(_site(tmp_path / "a", {"steps.svg": svg, "steps.css": css}),
                   out=tmp_path / "o")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_the_default_theme_draws_no_letters_with_counters() -> None:
    root = Path(__file__).parent.parent / "themes/default"
    for path in root.rglob("*"):
        if path.suffix in (".css", ".html", ".svg"):
            text = path.read_text("utf-8")
            found = drawncounters.counter_drawing(text) if path.suffix == ".css" else \
                drawncounters.page_counters(text)
            assert list(found) == [], path


@settings(max_examples=60, deadline=None)
@given(style=st.sampled_from(["upper-alpha", "lower-alpha", "upper-latin", "lower-greek",
                              "upper-roman", "cjk-ideographic", "hiragana", "var(--s)",
                              'symbols(cyclic "A")', "my-style"]),
       fn=st.sampled_from(["counter(a, {})", "counters(a, '.', {})", "COUNTER( a , {} )"]),
       escape=st.booleans())
def test_any_letter_counter_is_found(style: str, fn: str, escape: bool) -> None:
    call = fn.format(style)
    if escape:
        call = call.replace("c", "\\63 ", 1).replace("C", "\\43 ", 1)
    css = f"p::before {{ content: {call}; }}"
    assert list(drawncounters.counter_drawing(css)), css
    assert list(drawncounters.page_counters(f"<svg><style>{css}</style></svg>")), css
