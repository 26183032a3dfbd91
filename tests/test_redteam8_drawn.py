"""Letters the browser draws that the page's text does not hold, or in another
order (red team 8: N14 list markers, N15 SVG ``<use>``, N16 a broken picture's
alt text joining the next word, N3 text a reader skips inside a name, N2 boxes
laid out in reverse or placed).

Each case is refused by the filter (``drawn-markup`` where the markup draws or
reorders, ``name-without-consent`` where the note is read as drawn), and, with
the filter off, by the build's own audit (ivsite.markup.drawntext, ivsite.markup.svgtext's
``<use>`` reading). With those readings switched off, the build exits 0 with
the markup in the output: the readings are what catches it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sites import (
    RED_TEAM_TALK,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    misspellings_off,
    other_readings_off,
    red_team_site,
    red_team_talk,
)

from ivsite.audit import markupchecks
from ivsite.markup import drawntext, svgtext
from ivsite.pipeline import build
from ivsite.readers import onscreen, readable
from ivsite.text import splitwords
from ivsite.validate import bodyprivacy

TALK = f"content/{RED_TEAM_TALK}"
PAGE = "content/pages/p.md"
NAME = "Quentin Zabrowski"


def _items(word: str) -> str:
    return "".join(f'<li value="{ord(c.lower()) - 96}"></li>' for c in word)


def _svg() -> str:
    defs = "".join(f'<text id="g{ord(c)}" y="20">{c}</text>'
                   for c in sorted(set(NAME) - {" "}, key=lambda c: -ord(c)))
    uses = "".join(f'<use href="#g{ord(c)}" x="{10 + 11 * i}"/>'
                   for i, c in enumerate(NAME) if c != " ")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="240" height="30">'
            f"<defs>{defs}</defs>{uses}</svg>")


def _cells(tag: str, style: str = "") -> str:
    return "".join(f"<{tag}{style}>{'&nbsp;' if c == ' ' else c}</{tag}>" for c in NAME[::-1])


_ROW = 'style="display:flex;list-style-position:inside;padding:0"'
DRAWING = {  # markup that draws letters it does not hold, or reorders them
    "list letters": (f'<ol type="A" {_ROW}>{_items("Quentin")}</ol>\n'
                     f'<ol type="A" {_ROW}>{_items("Zabrowski")}</ol>\n'),
    "string marker": ('<ul style="list-style-position:inside;padding:0"><li style='
                      '"list-style-type:\'Quentin Zab\'">rowski, who took the photo</li></ul>\n'),
    "svg use": f"{_svg()}\n",
    "rtl table": f'<table dir="rtl"><tr>{_cells("td")}</tr></table>\n',
    "row-reverse": ('<span style="display:inline-flex;flex-direction:row-reverse">'
                    f'{_cells("b")}</span>\n'),
    "rtl inline-blocks": ('<p dir="rtl" style="text-align:left">'
                          + _cells("span", ' style="display:inline-block"') + "</p>\n"),
    "order": '<p style="display:flex">' + "".join(
        f'<span style="order:{len(NAME) - i}">{"&nbsp;" if c == " " else c}</span>'
        for i, c in enumerate(NAME[::-1])) + "</p>\n",
    "float right": "<p>" + _cells("span", ' style="float:right"') + "</p>\n",
    "grid": '<div style="display:inline-grid">' + "".join(
        f'<span style="grid-column:{len(NAME) - i}">{"&nbsp;" if c == " " else c}</span>'
        for i, c in enumerate(NAME[::-1])) + "</div>\n",
}
SHOWN = {  # markup that is fine on its own, read as drawn
    "alt joined": 'Photo by <img src="missing-photo.png" alt="Quentin Zab">rowski.\n',
    "input value": 'By <input value="Quentin Zab" size="10" readonly>rowski.\n',
    "ruby": ("We met <ruby>Quentin<rt>first</rt></ruby> <ruby>Zabrowski<rt>last</rt>"
             "</ruby> at the fair.\n"),
    "struck": "Later, Quentin Zabrow~~sky~~ski wrote back.\n",
    "raw del": "Later, Quentin Zabrow<del>sky</del>ski wrote back.\n",
}
FURIGANA = ("Kind words from <ruby>山田<rp>(</rp><rt>やまだ</rt><rp>)</rp></ruby>"
            "<ruby>太郎<rp>(</rp><rt>たろう</rt><rp>)</rp></ruby>.\n")


LINKED = "![signature](sign.svg)\n"


def _site(root: Path, body: str, name: str = NAME, svg: bool = False) -> Path:
    talk = red_team_talk(name=name) if name != NAME else None
    files = {"pages/sign.svg": _svg()} if svg else {}
    return red_team_site(root, {"pages/p.md": ({"title": "Thanks"}, f"Thanks to:\n\n{body}"),
                                **files}, talk)


def _drawing_off(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(bodyprivacy, "drawing", lambda content: iter(()))


def _readings_off(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(readable, "drawn_readings", lambda markup: [])
    mp.setattr(svgtext, "_used", lambda markup: [])
    other_readings_off(mp)
    misspellings_off(mp)  # a name drawn reversed is its backwards form


@pytest.mark.parametrize("body", DRAWING.values(), ids=DRAWING.keys())
def test_the_filter_refuses_markup_that_draws(tmp_path: Path, body: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", body), tmp_path / "out", PAGE, "drawn-markup")


@pytest.mark.parametrize("body", [*DRAWING.values(), *SHOWN.values()],
                         ids=[*DRAWING.keys(), *SHOWN.keys()])
def test_the_filter_reads_it_as_drawn(tmp_path: Path, body: str,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _drawing_off(monkeypatch)
    assert_filter_refuses(_site(tmp_path / "s", body), tmp_path / "out", PAGE)


def test_the_filter_reads_furigana_apart(tmp_path: Path) -> None:
    assert_filter_refuses(_site(tmp_path / "s", FURIGANA, "山田太郎"), tmp_path / "out", PAGE)


def test_the_audit_refuses_a_linked_svg_placing_letters_by_use(tmp_path: Path) -> None:
    """A linked file's content is the audit's to read (the filter reads notes)."""
    assert_audit_refuses(_site(tmp_path / "s", LINKED, svg=True), tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_without_the_use_reading_a_linked_svg_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _readings_off(monkeypatch)
    assert_published(_site(tmp_path / "s", LINKED, svg=True), tmp_path / "out",
                     '<use href="#g81"')


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("body", [*DRAWING.values(), *SHOWN.values()],
                         ids=[*DRAWING.keys(), *SHOWN.keys()])
def test_the_audit_alone_refuses(tmp_path: Path, body: str,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _drawing_off(monkeypatch)
    assert_audit_refuses(_site(tmp_path / "s", body), tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_furigana(tmp_path: Path) -> None:
    assert_audit_refuses(_site(tmp_path / "s", FURIGANA, "山田太郎"), tmp_path / "out", TALK)


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("body", [*DRAWING.values(), *SHOWN.values()],
                         ids=[*DRAWING.keys(), *SHOWN.keys()])
def test_without_the_readings_it_is_published(tmp_path: Path, body: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _drawing_off(monkeypatch)
    _readings_off(monkeypatch)
    marker = body.split(">", 1)[0] + ">" if body.startswith("<") else body.split("<", 1)[0]
    assert_published(_site(tmp_path / "s", body), tmp_path / "out", marker.strip())


def test_drawn_markers_and_alt_texts_are_read() -> None:
    readings = drawntext.drawn_readings(
        f'<ol type="a" start="3">{_items("Ab")}<li></li></ol><ol type="I" reversed start="3">'
        '<li></li><li></li></ol><img alt="Ann">e<s>x</s>t')
    assert "abcIIIIIAnnet" in readings[0], readings


def test_ordinary_lists_and_arabic_text_are_not_refused(tmp_path: Path) -> None:
    body = ("<ol><li>First</li><li>Second</li></ol>\n\n"
            '<ul style="list-style:square inside"><li>One</li></ul>\n\n'
            '<p dir="rtl">مرحبا بكم</p>\n\n<span style="color:red">note</span> ~~old~~ new\n\n'
            '<img src="photo.png" alt="the office" style="float:right;width:40%">\n')
    assert_published(_site(tmp_path / "s", body), tmp_path / "out", "مرحبا")


STYLED = {  # a page's own style sheet drawing markers (the filter refuses <style>)
    "marker": ('<style>.q::marker{content:"Quentin Zab"}</style>\n\n'
               '<ul><li class="q">rowski, who took the photo</li></ul>\n'),
    "counter style": ('<style>@counter-style n{system:fixed;symbols:"Q" "u" "e" "n" "t" "i"'
                      ' "n";suffix:""}</style>\n\n<ol style="list-style:n">'
                      + "<li></li>" * 7 + "</ol> Zabrowski\n"),
}


def _hiding_off(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(bodyprivacy, "hiding", lambda content: iter(()))
    _drawing_off(mp)


@pytest.mark.parametrize("body", STYLED.values(), ids=STYLED.keys())
def test_the_filter_refuses_a_style_sheet(tmp_path: Path, body: str) -> None:
    assert_filter_refuses(_site(tmp_path / "s", body), tmp_path / "out", PAGE, "hiding-markup")


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("body", STYLED.values(), ids=STYLED.keys())
def test_the_audit_alone_refuses_a_style_sheet(tmp_path: Path, body: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _hiding_off(monkeypatch)
    result = build(_site(tmp_path / "s", body), out=tmp_path / "out")
    assert result.status == 1 and not (tmp_path / "out").exists()
    assert any(d.code == "audit" for d in result.diagnostics), [
        d.text() for d in result.diagnostics]


@pytest.mark.usefixtures("no_filter")
def test_without_the_marker_reading_the_style_sheet_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _hiding_off(monkeypatch)
    monkeypatch.setattr(onscreen, "_PSEUDO", re.compile(r"::?(before|after)\b", re.I))
    # "Zab" and "rowski" are joined as split words too (ivsite.text.splitwords, N12).
    monkeypatch.setattr(splitwords.SplitWords, "reading", lambda self, joined: None)
    assert_published(_site(tmp_path / "s", STYLED["marker"]), tmp_path / "out", "::marker")


@pytest.mark.usefixtures("no_filter")
def test_without_refusing_counter_styles_the_page_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _hiding_off(monkeypatch)
    monkeypatch.setattr(readable, "_COUNTER_STYLE", re.compile("(?!)"))
    # The audit's refusal of counters as unsafe markup (red team 12, R12-06) too.
    monkeypatch.setattr(markupchecks, "page_counters", lambda page, walked=None: iter(()))
    assert_published(_site(tmp_path / "s", STYLED["counter style"]), tmp_path / "out",
                     "@counter-style")
