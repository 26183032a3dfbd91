"""Red team 10, R10-37: a Word document with text Word does not show inside a name.

A tracked deletion (``Zab`` + deleted ``or`` + ``rowski``), hidden text
(``w:vanish``, directly or through a style) or a field's code between the letters
of its result: Word's default view shows "Quentin Zabrowski", the joined reading
holds the hidden letters. ivsite.readers.wordshown reads each part again in the views
Word can show. The filter never reads an attachment, so the audit is the only line.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, red_team_site

from ivsite.pipeline import build
from ivsite.readers import packed, readable, wordshown

REPRODUCER = Path(__file__).parent.parent / "docs/redteam/2026-12-01-tenth/R10-37/content/files"
NAMES = ("notes.docx", "notes-vanish.docx", "notes-field.docx")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: str, styles: str = "") -> bytes:
    """A minimal .docx whose body is ``body`` (WordprocessingML paragraphs)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f'<?xml version="1.0"?>\n<w:document {W}><w:body>'
                   f"{body}</w:body></w:document>")
        if styles:
            z.writestr("word/styles.xml", f"<w:styles {W}>{styles}</w:styles>")
    return out.getvalue()


def odt(body: str, styles: str = "") -> bytes:
    out = io.BytesIO()
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("content.xml", f"<office:document-content {ns}><office:automatic-styles>"
                   f"{styles}</office:automatic-styles><office:body><office:text>{body}"
                   "</office:text></office:body></office:document-content>")
    return out.getvalue()


def run(text: str, props: str = "") -> str:
    pr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{pr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(middle: str, head: str = "Notes from my chat with Quentin Zab",
         tail: str = "rowski.") -> str:
    return f"<w:p>{run(head)}{middle}{run(tail)}</w:p>"


HOSTILE = {
    "deleted.docx": docx(para('<w:del w:id="1"><w:r><w:delText>or</w:delText></w:r></w:del>')),
    "moved.docx": docx(para('<w:moveFrom w:id="2"><w:r><w:t>or</w:t></w:r></w:moveFrom>')),
    "inserted.docx": docx(para('<w:ins w:id="3"><w:r><w:t>or</w:t></w:r></w:ins>'
                               '<w:del w:id="4"><w:r><w:delText>r</w:delText></w:r></w:del>',
                               tail="owski.")),
    "vanish.docx": docx(para(run("or", "<w:vanish/>"))),
    "styled.docx": docx(para(run("or", '<w:rStyle w:val="Quiet"/>')),
                        '<w:style w:type="character" w:styleId="Base"><w:rPr><w:vanish/></w:rPr>'
                        '</w:style><w:style w:type="character" w:styleId="Quiet">'
                        '<w:basedOn w:val="Base"/></w:style>'),
    "field.docx": docx(para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
                            ' QUOTE "or" </w:instrText></w:r><w:r><w:fldChar w:fldCharType='
                            '"separate"/></w:r>' + run("r") + '<w:r><w:fldChar w:fldCharType='
                            '"end"/></w:r>', tail="owski.")),
    "mark.docx": docx('<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>'
                      + run("Notes from my chat with Quentin Zab") + "</w:p><w:p>"
                      + run("rowski.") + "</w:p>"),
    "hidden.odt": odt('<text:p>Notes from my chat with Quentin Zab<text:span text:style-name="T1">'
                      'or</text:span>rowski.</text:p>',
                      '<style:style style:name="T1" style:family="text"><style:text-properties '
                      'text:display="none"/></style:style>'),
    "original.odt": odt('<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
                        '<office:change-info><dc:creator>T</dc:creator></office:change-info>'
                        '<text:p>ro</text:p></text:deletion></text:changed-region>'
                        '<text:changed-region text:id="c2"><text:insertion><office:change-info>'
                        '</office:change-info></text:insertion></text:changed-region>'
                        '</text:tracked-changes><text:p>Notes from my chat with Quentin Zab'
                        '<text:change text:change-id="c1"/><text:change-start text:change-id='
                        '"c2"/>or<text:change-end text:change-id="c2"/>wski.</text:p>'),
}
"""Each file shows "Quentin Zabrowski" in one of the views Word or LibreOffice
shows (final, original, hidden text shown, field codes shown)."""


def reproducer(name: str) -> bytes:
    return (REPRODUCER / name).read_bytes()


def _reads(name: str, data: bytes) -> bool:
    readable._read.cache_clear()
    return any("Quentin Zabrowski" in t
               for t in readable.readable_texts(PurePosixPath(name), data))


def _off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed, "shown_parts", lambda parts: [])
    readable._read.cache_clear()


@pytest.mark.parametrize("name", [*NAMES, *HOSTILE])
def test_the_audit_reads_the_name_as_shown(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = reproducer(name) if name in NAMES else HOSTILE[name]
    assert _reads(name, data)
    _off(monkeypatch)
    assert not _reads(name, data)


def _site(root: Path, files: dict[str, bytes]) -> Path:
    readable._read.cache_clear()
    links = "".join(f"My [file]({n}).\n\n" for n in files)
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, links),
                                **{f"pages/{n}": d for n, d in files.items()}})


def _hidden_text_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hidden text and deletions in a linked file are refused as such since red
    team 12 (R12-10, ivsite.readers.hiddentext): off here, these tests are of the
    name as Word shows it."""
    from ivsite.audit import search as auditsearch
    from ivsite.readers import hiddentext

    monkeypatch.setattr(hiddentext, "hidden_in", lambda suffix, data: None)
    monkeypatch.setattr(auditsearch, "hidden_in", lambda suffix, data: None)


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_the_reproducers(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _hidden_text_off(monkeypatch)
    files = {n: reproducer(n) for n in NAMES}
    result = build(_site(tmp_path / "s", files), out=tmp_path / "out")
    assert result.status == 1
    assert {h.output.rsplit("/", 1)[-1] for h in result.hits} >= set(NAMES)
    assert not (tmp_path / "out").exists()


def test_with_the_views_off_they_are_published(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _off(monkeypatch)
    _hidden_text_off(monkeypatch)
    files = {n: reproducer(n) for n in NAMES}
    result = build(_site(tmp_path / "s", files), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    published = {p.rsplit("/", 1)[-1] for p in OutputCorpus(tmp_path / "out").files}
    assert published >= set(NAMES)
    readable._read.cache_clear()


NEAR_MISSES = {
    "cv.docx": docx(para('<w:del w:id="1"><w:r><w:delText>x</w:delText></w:r></w:del>',
                         head="Notes from the Acme studio, by Tess ", tail="Author.")
                    + para(run("draft", "<w:vanish/>"), head="Interview ", tail=" notes")
                    + '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
                    ' PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    + run("1") + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'),
    "notes.odt": odt("<text:p>Notes about design, by Tess Author.</text:p>"),
}


def test_ordinary_documents_are_published(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _hidden_text_off(monkeypatch)
    result = build(_site(tmp_path / "s", NEAR_MISSES), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    assert {p.rsplit("/", 1)[-1] for p in OutputCorpus(tmp_path / "out").files} >= \
        set(NEAR_MISSES)


def test_the_views() -> None:
    body = (para('<w:del w:id="1"><w:r><w:delText>D</w:delText></w:r></w:del>'
                 '<w:ins w:id="2"><w:r><w:t>I</w:t></w:r></w:ins>' + run("H", "<w:vanish/>")
                 + run("V", '<w:vanish w:val="false"/>'), head="a", tail="b"))
    parts = wordshown.shown_parts([(PurePosixPath("word/document.xml"),
                                    f"<w:document {W}>{body}"
                                    "</w:document>".encode())])
    views = {p.name.split(".")[-2]: d.decode().strip() for p, d in parts}
    assert views == {"final": "aIVb", "original": "aDVb", "hidden": "aIHVb", "codes": "aIVb"}


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 16), st.sampled_from([
    '<w:del w:id="1"><w:r><w:delText>{}</w:delText></w:r></w:del>',
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>{}</w:t></w:r>',
    '<w:r><w:instrText> QUOTE {} </w:instrText></w:r>']),
    st.text("xyz", min_size=1, max_size=4))
def test_hidden_letters_anywhere_in_the_name(at: int, hiding: str, letters: str) -> None:
    name = "Quentin Zabrowski"
    body = f"<w:p>{run(name[:at])}{hiding.format(letters)}{run(name[at:])}</w:p>"
    if "instrText" in hiding:
        body = body.replace(hiding.format(letters), '<w:r><w:fldChar w:fldCharType="begin"/>'
                            "</w:r>" + hiding.format(letters) + '<w:r><w:fldChar '
                            'w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType='
                            '"end"/></w:r>')
    parts = wordshown.shown_parts([(PurePosixPath("word/document.xml"),
                                    f"<w:document {W}>{body}</w:document>".encode())])
    assert any(name in d.decode() for p, d in parts if p.name.endswith(".final.txt"))
