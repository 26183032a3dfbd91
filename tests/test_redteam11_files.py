"""Red team 11, files and addresses that carry content their reader does not see:

- R11-08: a linked ``.html``/``.svg`` with a comment, and a linked ``.txt`` with
  ivsite's own privacy syntax (``::: private``), published as written: the
  filter refuses the link (``hidden-in-file``) and the audit refuses such a
  file on its own (ivsite.readers.hiddentext);
- R11-18: a drawing that carries its editor's source (an Excalidraw scene with a
  deleted element, a diagrams.net page not drawn, a PlantUML comment): the audit
  reads the source decoded (ivsite.readers.carried) and the filter refuses the
  link (``embedded-source``);
- R11-19: an address that carries a diagram compressed (mermaid.live
  ``#pako:``, diagrams.net ``#R``, a PlantUML or Kroki server's path): read
  decoded by the filter's name check and the audit (ivsite.text.urlpayloads);
- R11-21: a PNG whose EXIF ImageMagick kept as a hex ``Raw profile type exif``
  chunk: read as EXIF (ivsite.readers.photometa.profile_parts).

Each protection has a test that fails with it switched off.
"""

from __future__ import annotations

import base64
import html
import json
import re
import struct
import urllib.parse
import zlib
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import (
    RED_TEAM_NAME,
    RED_TEAM_TALK,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    red_team_site,
    red_team_talk,
)

from ivsite.audience import namecheck
from ivsite.audit import search as auditsearch
from ivsite.pipeline import build
from ivsite.readers import carried, hiddentext, morereadings, packed, photometa, readable
from ivsite.readers.packed import Budget
from ivsite.text import urlpayloads

PHONE = "+1 416 555 0199"
TALK = "content/" + RED_TEAM_TALK
PAGE = "content/pages/about.md"


def _site(root: Path, files: dict[str, bytes | str], body: str) -> Path:
    """The red team's interview (with a phone number) and a public page ``body``
    that links ``files`` (paths under content/files/)."""
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, body),
                                **{f"files/{k}": v for k, v in files.items()}},
                         red_team_talk(phone=PHONE))


def _linking(files: dict[str, bytes | str]) -> str:
    return "".join(f"See [{name}](../files/{name}).\n" for name in files)


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hiddentext, "hidden_in", lambda suffix, data: None)


def _audit_hidden_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auditsearch, "hidden_in", lambda suffix, data: None)


# --------------------------------------------------------------------------- R11-08

HIDING = {
    "html comment": ("case.html", "<!doctype html><title>Case</title><h1>Case study</h1>\n"
                     "<!-- QQCOMMENT the client was Globex, under NDA -->\n<p>Sign-up.</p>\n"),
    "svg comment": ("flow.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
                    "<!-- QQSVGCOMMENT off the record: Globex --><text>Flow</text></svg>\n"),
    "html bogus comment": ("bogus.html", "<!doctype html><title>Case</title>"
                           "<?QQBOGUS the client was Globex?><p>Case.</p>\n"),
    "txt private passage": ("ideas.txt", "Ideas\n\n::: private\nQQPRIVTXT I am leaving.\n:::\n"),
    "txt mentor passage": ("plan.txt", "Plan\n\n:::: mentor\nQQMENTORTXT ask about pay\n::::\n"),
    "txt private callout": ("notes.txt", "Notes\n\n> [!private]\n> QQCALLOUT I am leaving.\n"),
    "txt html comment": ("list.txt", "List\n<!-- QQTXTCOMMENT I am leaving -->\n"),
    "txt obsidian comment": ("todo.txt", "To do\n%% QQOBSIDIAN I am leaving %%\n"),
    "vtt note block": ("talk.vtt", "WEBVTT\n\nNOTE QQVTTNOTE cut: I am leaving\n\n"
                       "00:01.000 --> 00:04.000\nHello.\n"),
    "csv private passage": ("data.csv", "a,b\n::: private\nQQCSV,1\n:::\n"),
}


@pytest.mark.parametrize("name, text", HIDING.values(), ids=HIDING.keys())
def test_the_filter_refuses_a_linked_file_that_hides_text(
        tmp_path: Path, name: str, text: str) -> None:
    site = _site(tmp_path / "s", {name: text}, _linking({name: text}))
    assert_filter_refuses(site, tmp_path / "out", PAGE, code="hidden-in-file")


@pytest.mark.parametrize("name, text", HIDING.values(), ids=HIDING.keys())
def test_the_audit_refuses_a_file_that_hides_text_on_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    _filter_off(monkeypatch)
    site = _site(tmp_path / "s", {name: text}, _linking({name: text}))
    assert_audit_refuses(site, tmp_path / "out", f"files/{name}")
    # Switched off in the audit too, the file is published with what it hides.
    _audit_hidden_off(monkeypatch)
    site = _site(tmp_path / "t", {name: text}, _linking({name: text}))
    assert_published(site, tmp_path / "out", re.search(r"QQ[A-Z]+", text).group(0))


HIDING_NOTHING = {
    "inkscape stamp": ("a.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n'
                       "<!-- Created with Inkscape (http://www.inkscape.org/) -->\n"
                       "<text>Flow</text></svg>\n"),
    "illustrator stamp": ("b.svg", "<svg><!-- Generator: Adobe Illustrator 27.0.0, SVG Export "
                          "Plug-In . SVG Version: 6.00 Build 0)  --><text>Flow</text></svg>\n"),
    "graphviz node names": ("c.svg", "<svg><!-- Generated by graphviz version 2.43.0 (0) -->"
                            "<!-- start --><g><title>start</title><text>start</text></g>"
                            "<!-- start&#45;&gt;end --><g><title>start&#45;&gt;end</title>"
                            "</g><text>end</text></svg>\n"),
    "graphviz node ids": ("g.svg", "<svg><!-- n1 --><g id=\"node1\"><title>n1</title>"
                          "<text>Start</text></g></svg>\n"),
    "style sheet's cdata": ("s.html", "<!doctype html><title>x</title><style><![CDATA[ p{} ]]>"
                            "<!-- p{color:red} --></style><p>Hello.</p>\n"),
    "empty comment": ("d.html", "<!doctype html><title>x</title><!-- --><p>Hello.</p>\n"),
    "txt other passage": ("e.txt", "Notes\n\n::: note\nJust a box.\n:::\n"),
    "vtt caption saying note": ("h.vtt", "WEBVTT\n\n00:01.000 --> 00:04.000\n"
                                "NOTE that this is said.\n"),
    "tex double percent": ("f.tex", "%% Section one %%\n\\section{One}\n"),
}


@pytest.mark.parametrize("name, text", HIDING_NOTHING.values(), ids=HIDING_NOTHING.keys())
def test_a_file_that_hides_nothing_is_published(tmp_path: Path, name: str, text: str) -> None:
    result = build(_site(tmp_path / "s", {name: text}, _linking({name: text})),
                   out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


_WORDS = st.lists(st.text("bcdfghjklmnpqrstvwxz", min_size=4, max_size=9), min_size=1,
                  max_size=6).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(said=_WORDS, where=st.sampled_from(["head", "body", "end", "inside"]),
       kind=st.sampled_from([".html", ".svg", ".xml"]))
def test_a_comment_of_unshown_words_is_found_wherever_it_stands(
        said: str, where: str, kind: str) -> None:
    parts = {"head": "", "body": "", "end": "", "inside": ""}
    parts[where] = f"<!--{said}-->"
    page = (f"<root>{parts['head']}<g>{parts['inside']}<text>Shown words</text></g>"
            f"{parts['body']}<p>More shown</p></root>{parts['end']}")
    found = hiddentext.hidden_in(kind, page.encode())
    assert found is not None and found[0] == hiddentext.HIDDEN_CODE
    # The same words shown by the page too: the comment hides nothing.
    assert hiddentext.hidden_in(kind, page.replace("Shown words", said).encode()) is None


# --------------------------------------------------------------------------- R11-18

SECRET = f"QQSOURCE notes from {RED_TEAM_NAME}, call him on {PHONE}"


def excalidraw_meta(deleted: str | None, compressed: bool = True) -> str:
    elements = [{"id": "a", "type": "text", "text": "Sign-up flow", "isDeleted": False}]
    if deleted is not None:
        elements.append({"id": "b", "type": "text", "text": deleted, "isDeleted": True})
    scene = json.dumps({"type": "excalidraw", "elements": elements}).encode()
    encoded = zlib.compress(scene) if compressed else scene
    return json.dumps({"version": "1", "encoding": "bstring", "compressed": compressed,
                       "encoded": encoded.decode("latin-1")})


def excalidraw_svg(meta: str) -> bytes:
    payload = base64.b64encode(meta.encode()).decode()
    return (f'<svg xmlns="http://www.w3.org/2000/svg"><!-- svg-source:excalidraw -->'
            f"<metadata><!-- payload-type:application/vnd.excalidraw+json -->"
            f"<!-- payload-version:2 --><!-- payload-start -->{payload}<!-- payload-end -->"
            f"</metadata><text>Sign-up flow</text></svg>\n").encode()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(*chunks: bytes) -> bytes:
    raw = b"".join(b"\x00" + b"\xff\xff\xff" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + b"".join(chunks) + _chunk(b"IDAT", zlib.compress(raw)) + _chunk(b"IEND", b""))


def excalidraw_png(meta: str) -> bytes:
    return png(_chunk(b"tEXt", b"application/vnd.excalidraw+json\x00"
                      + meta.encode("latin-1", "backslashreplace")))


def drawio_page(cells: list[str]) -> str:
    xml = ('<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>' + "".join(
        f'<mxCell id="c{i}" value="{html.escape(v)}" vertex="1" parent="1"/>'
        for i, v in enumerate(cells)) + "</root></mxGraphModel>")
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    quoted = urllib.parse.quote(xml, safe="~()*!.'").encode()
    return base64.b64encode(deflate.compress(quoted) + deflate.flush()).decode()


def drawio_svg(pages: list[list[str]]) -> bytes:
    mxfile = "<mxfile>" + "".join(f'<diagram id="p{i}" name="Page {i}">{drawio_page(p)}</diagram>'
                                  for i, p in enumerate(pages)) + "</mxfile>"
    drawn = "".join(f"<text>{html.escape(c)}</text>" for c in pages[0])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" content="{html.escape(mxfile)}">'
            f"<g>{drawn}</g></svg>\n").encode()


_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def plantuml_encoded(source: str) -> str:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = c.compress(source.encode()) + c.flush()
    data += b"\0" * (-len(data) % 3)
    out = []
    for i in range(0, len(data), 3):
        n = int.from_bytes(data[i:i + 3], "big")
        out += [_ALPHABET[(n >> s) & 63] for s in (18, 12, 6, 0)]
    return "".join(out)


def plantuml_svg(source: str) -> bytes:
    return (f'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
            f"<?plantuml-src {plantuml_encoded(source)}?><text>Me</text>"
            f"<text>Design team</text></svg>\n").encode()


PLANTUML_SOURCE = f"@startuml\nactor Me\n' {SECRET}\nrectangle \"Design team\"\n@enduml\n"
CARRYING = {
    "excalidraw svg": ("journey.svg", excalidraw_svg(excalidraw_meta(SECRET))),
    "excalidraw png": ("journey.png", excalidraw_png(excalidraw_meta(SECRET))),
    "excalidraw svg uncompressed": ("plain.svg",
                                    excalidraw_svg(excalidraw_meta(SECRET, compressed=False))),
    "drawio second page": ("flow.drawio.svg", drawio_svg([["Sign-up flow"], [SECRET]])),
    "drawio png second page": ("flow.png", png(_chunk(b"tEXt", b"mxfile\x00" + urllib.parse.quote(
        f'<mxfile><diagram name="a">{drawio_page(["Flow"])}</diagram>'
        f'<diagram name="b">{drawio_page([SECRET])}</diagram></mxfile>').encode()))),
    "plantuml comment": ("stakeholders.svg", plantuml_svg(PLANTUML_SOURCE)),
    "plantuml removed element": ("removed.svg", plantuml_svg(
        f'@startuml\nactor Me\nactor "{SECRET}" as Q\nrectangle "Design team"\nremove Q\n'
        "@enduml\n")),
}


@pytest.mark.parametrize("name, data", CARRYING.values(), ids=CARRYING.keys())
def test_the_filter_refuses_a_drawing_whose_source_holds_unseen_text(
        tmp_path: Path, name: str, data: bytes) -> None:
    site = _site(tmp_path / "s", {name: data}, _linking({name: data}))
    assert_filter_refuses(site, tmp_path / "out", PAGE, code="embedded-source")


@pytest.mark.parametrize("name, data", CARRYING.values(), ids=CARRYING.keys())
def test_the_audit_reads_the_source_a_drawing_carries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes) -> None:
    _filter_off(monkeypatch)
    _audit_hidden_off(monkeypatch)  # the name found in the decoded source alone
    site = _site(tmp_path / "s", {name: data}, _linking({name: data}))
    assert_audit_refuses(site, tmp_path / "out", TALK)
    # With the sources not read, the file is published, the name in its source.
    monkeypatch.setattr(packed, "_sources", lambda data, budget: [])
    _words_off(monkeypatch)
    result = build(_site(tmp_path / "t", {name: data}, _linking({name: data})),
                   out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    published = (tmp_path / "out" / "files" / name).read_bytes()
    assert any(SECRET in t for c in carried.carried(published, Budget()) for t in c.texts)


SEEN = {
    "excalidraw without deleted text": ("j.svg", excalidraw_svg(excalidraw_meta(None))),
    "excalidraw png without deleted text": ("j.png", excalidraw_png(excalidraw_meta(None))),
    "drawio one page drawn": ("d.svg", drawio_svg([["Sign-up flow", "Confirm e-mail"]])),
    "plantuml without comments": ("p.svg", plantuml_svg(
        '@startuml\nskinparam defaultFontName "Open Sans"\nactor Me\n'
        'rectangle "Design team"\nMe --> (Design team) : Me\n@enduml\n')),
}


@pytest.mark.parametrize("name, data", SEEN.values(), ids=SEEN.keys())
def test_a_source_the_drawing_shows_is_published(tmp_path: Path, name: str,
                                                 data: bytes) -> None:
    result = build(_site(tmp_path / "s", {name: data}, _linking({name: data})),
                   out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


UNDECODABLE = {
    "excalidraw bad base64": excalidraw_svg("x").replace(b"eA==", b"eA=x"),
    "excalidraw metadata not json": excalidraw_svg("x"),
    "excalidraw scene not deflate": excalidraw_svg(json.dumps(
        {"encoding": "bstring", "compressed": True, "encoded": "not deflate"})),
    "plantuml brotli": plantuml_svg("x").replace(b"plantuml-src ", b"plantuml-src ~1"),
    "drawio page not base64": (b'<svg content="&lt;mxfile&gt;&lt;diagram name=&quot;a&quot;&gt;'
                               b'*not base64*&lt;/diagram&gt;&lt;/mxfile&gt;"><text>a</text>'
                               b"</svg>"),
}


@pytest.mark.parametrize("data", UNDECODABLE.values(), ids=UNDECODABLE.keys())
def test_a_source_that_does_not_decode_is_refused_not_a_traceback(
        tmp_path: Path, data: bytes) -> None:
    found = hiddentext.hidden_in(".svg", data)
    assert found is not None and found[0] == hiddentext.SOURCE_CODE
    assert "cannot be decoded" in found[1]
    site = _site(tmp_path / "s", {"x.svg": data}, _linking({"x.svg": data}))
    assert_filter_refuses(site, tmp_path / "out", PAGE, code="embedded-source")
    assert readable.unread(PurePosixPath("x.svg"), data)  # the audit refuses it too


def test_a_scene_past_the_bound_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A deflated scene that would inflate past the read's bound (a zip bomb):
    refused, and never more than the bound decompressed."""
    monkeypatch.setattr(packed, "MAX_UNPACKED", 1 << 20)
    bomb = json.dumps({"compressed": True, "encoded": zlib.compress(
        b'{"elements": [' + b" " * (4 << 20) + b"]}").decode("latin-1")})
    found = hiddentext.hidden_in(".svg", excalidraw_svg(bomb))
    assert found is not None and "larger than the 1 MB read" in found[1]


# --------------------------------------------------------------------------- R11-19

def _pako(code: str) -> str:
    state = json.dumps({"code": code, "mermaid": '{"theme":"default"}'}).encode()
    return base64.urlsafe_b64encode(zlib.compress(state, 9)).decode().rstrip("=")


def _drawio_fragment(text: str) -> str:
    xml = f'<mxGraphModel><root><mxCell id="2" value="{html.escape(text)}"/></root></mxGraphModel>'
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflate.compress(urllib.parse.quote(xml).encode()) + deflate.flush()
    return urllib.parse.quote(base64.b64encode(raw).decode(), safe="")


def _kroki(text: str) -> str:
    return base64.urlsafe_b64encode(zlib.compress(text.encode(), 9)).decode()


DIAGRAM = f"graph TD\n  A[Me] --> B[QQMERMAID {RED_TEAM_NAME} at Acme, {PHONE}]\n"
ADDRESSES = {
    "mermaid.live pako": f"https://mermaid.live/edit#pako:{_pako(DIAGRAM)}",
    "mermaid.ink pako": f"https://mermaid.ink/img/pako:{_pako(DIAGRAM)}",
    "diagrams.net R": f"https://app.diagrams.net/#R{_drawio_fragment(DIAGRAM)}",
    "plantuml server": f"https://www.plantuml.com/plantuml/svg/{plantuml_encoded(DIAGRAM)}",
    "kroki": f"https://kroki.io/mermaid/svg/{_kroki(DIAGRAM)}",
    "mermaid.live base64": "https://mermaid.live/edit#base64:" + base64.b64encode(
        json.dumps({"code": DIAGRAM}).encode()).decode(),
}


def _addresses_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(namecheck, "address_payloads", lambda text: ("", []))
    monkeypatch.setattr(readable, "address_payloads", lambda text: ("", []))
    _words_off(monkeypatch)


def _words_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The base64 and hex words of every text (red team 12, R12-08) not read: they
    find some of these names too, and a switch-off test is to show its own
    protection finds them."""
    monkeypatch.setattr(morereadings, "encoded_readings", lambda text: [])


@pytest.mark.parametrize("address", ADDRESSES.values(), ids=ADDRESSES.keys())
def test_the_filter_reads_a_diagram_an_address_carries(tmp_path: Path, address: str) -> None:
    site = _site(tmp_path / "s", {}, f"The [stakeholder map]({address}).\n")
    assert_filter_refuses(site, tmp_path / "out", PAGE)


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("address", ADDRESSES.values(), ids=ADDRESSES.keys())
def test_the_audit_reads_a_diagram_an_address_carries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, address: str) -> None:
    site = _site(tmp_path / "s", {}, f"The [stakeholder map]({address}).\n")
    assert_audit_refuses(site, tmp_path / "out", TALK)
    _addresses_off(monkeypatch)
    result = build(_site(tmp_path / "t", {}, f"The [map]({address}).\n"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_with_addresses_not_decoded_the_filter_publishes_the_diagram(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _addresses_off(monkeypatch)
    address = ADDRESSES["mermaid.live pako"]
    result = build(_site(tmp_path / "s", {}, f"The [map]({address}).\n"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_an_address_whose_marked_diagram_does_not_decode_is_refused_by_the_audit(
        tmp_path: Path) -> None:
    site = _site(tmp_path / "s", {}, "The [map](https://mermaid.live/edit#pako:AAAAAAAAAAAAAAAA"
                                     "AAAAAAAA).\n")
    result = build(site, out=tmp_path / "out")
    assert result.status == 1
    assert any(h.secret.kind.startswith("file not read whole (an address whose diagram")
               for h in result.hits), [h.text() for h in result.hits]


def test_an_address_past_the_bound_is_unread_not_decoded_whole() -> None:
    bomb = base64.urlsafe_b64encode(zlib.compress(b"a" * (2 << 20))).decode()
    for address in (f"https://mermaid.live/edit#pako:{bomb}", f"https://kroki.io/x/svg/{bomb}"):
        decoded, unread = urlpayloads.address_payloads(address)
        assert decoded == "" and "decompresses past 1 MB" in unread[0], unread


def test_ordinary_addresses_are_published(tmp_path: Path) -> None:
    body = ("[CV](https://example.com/cv#References), "
            "[source](https://github.com/plantuml/plantuml/blob/master/README.md), "
            "[talk](https://www.youtube.com/watch?v=dQw4w9WgXcQ), "
            "[doc](https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789/edit)."
            "\n")
    result = build(_site(tmp_path / "s", {}, body), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


@settings(max_examples=80, deadline=None)
@given(said=st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                                  blacklist_characters="\ufffd%"), min_size=4, max_size=80),
       kind=st.sampled_from(["kroki", "plantuml", "pako"]))
def test_every_encoding_gives_its_text_back(said: str, kind: str) -> None:
    text = f"{RED_TEAM_NAME} {said}"  # (not a JSON document, whose strings alone are read)
    address = {"kroki": f"https://kroki.io/x/svg/{_kroki(text)}",
               "plantuml": f"https://www.plantuml.com/plantuml/svg/{plantuml_encoded(text)}",
               "pako": f"https://mermaid.live/edit#pako:{_pako(text)}"}[kind]
    decoded, unread = urlpayloads.address_payloads(f'<a href="{address}">map</a>')
    assert unread == [] and text in decoded


# --------------------------------------------------------------------------- R11-21

def _exif(*entries: tuple[int, bytes]) -> bytes:
    data_off = 8 + 2 + len(entries) * 12 + 4
    ifd, blob = b"", b""
    for tag, value in entries:
        ifd += struct.pack("<HHII", tag, 2, len(value), data_off + len(blob))
        blob += value + b"\0" * (len(value) % 2)
    return b"Exif\0\0II*\0" + struct.pack("<IH", 8, len(entries)) + ifd + b"\0\0\0\0" + blob


def _profile(kind: str, block: bytes) -> bytes:
    hexed = block.hex()
    return (f"\n{kind}\n{len(block):8d}\n" + "\n".join(
        hexed[i:i + 72] for i in range(0, len(hexed), 72)) + "\n").encode()


EXIF = _exif((0x010E, f"QQPNG {RED_TEAM_NAME} at his desk\0".encode()),
             (0x013B, f"{RED_TEAM_NAME}\0".encode()))
XMP = (b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><rdf:Description><dc:creator>"
       + RED_TEAM_NAME.encode() + b"</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")
IPTC = b"\x1c\x02\x50" + struct.pack(">H", len(RED_TEAM_NAME)) + RED_TEAM_NAME.encode()
PROFILES = {
    "exif in zTXt": png(_chunk(b"zTXt", b"Raw profile type exif\0\0"
                               + zlib.compress(_profile("exif", EXIF)))),
    "exif in tEXt": png(_chunk(b"tEXt", b"Raw profile type exif\0" + _profile("exif", EXIF))),
    "APP1 in iTXt": png(_chunk(b"iTXt", b"Raw profile type APP1\0\1\0\0\0"
                               + zlib.compress(_profile("APP1", EXIF)))),
    "xmp": png(_chunk(b"zTXt", b"Raw profile type xmp\0\0" + zlib.compress(_profile("xmp", XMP)))),
    "iptc": png(_chunk(b"zTXt", b"Raw profile type iptc\0\0"
                       + zlib.compress(_profile("iptc", IPTC)))),
}


@pytest.mark.parametrize("data", PROFILES.values(), ids=PROFILES.keys())
def test_the_audit_reads_a_hex_profile_as_metadata(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    site = _site(tmp_path / "s", {"photo.png": data}, "![A session](../files/photo.png)\n")
    assert_audit_refuses(site, tmp_path / "out", TALK)
    monkeypatch.setattr(photometa, "profile_parts", lambda key, text: [])
    monkeypatch.setattr(packed, "profile_parts", lambda key, text: [])
    _words_off(monkeypatch)
    site = _site(tmp_path / "t", {"photo.png": data}, "![A session](../files/photo.png)\n")
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_a_profile_of_odd_hex_is_read_as_far_as_it_goes() -> None:
    parts = photometa.profile_parts(b"Raw profile type exif", b"\nexif\n 3\nZZ4a6f6\n")
    assert parts[0][1] == b"Jo"
    assert photometa.profile_parts(b"Comment", b"4a6f") == []
