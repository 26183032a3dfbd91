"""Text a drawing or a page places in another order than written (red team 9:
R9-31 SVG pieces placed by a matrix, a group's translate, a ``<tspan x>``,
attached or inline; R9-32 an SVG line turned round and its letters turned back;
R9-33 an attached HTML page whose own style sheet places or orders its pieces;
docs/redteam/2026-12-01-ninth.md).

The readings (ivsite.markup.svgtext with ivsite.markup.svgmatrix, ivsite.markup.drawntext with
ivsite.markup.sheetstyle) are tested as functions for each member of the class; a few
builds show the filter refusing the inline drawing, the audit refusing every
attached file (and the inline one with the filter off), the build publishing
them all with the new readings off, and ordinary drawings and pages published.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import (
    RED_TEAM_NAME,
    RED_TEAM_TALK,
    assert_filter_refuses,
    assert_published,
    misspellings_off,
    other_readings_off,
    red_team_site,
)

from ivsite.markup import drawntext, svgtext
from ivsite.markup.drawnhtml import drawing
from ivsite.markup.drawntext import drawn_readings
from ivsite.markup.sheetstyle import unplaced
from ivsite.markup.svgmatrix import IDENTITY
from ivsite.markup.svgtext import svg_texts
from ivsite.pipeline import build
from ivsite.readers import readable
from ivsite.text import splitwords

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40" '
       'font-family="DejaVu Sans" font-size="16">{}</svg>')
# "Quentin Zabrowski" in three pieces written out of order: "browski", "Quentin Za".
DRAWINGS = {  # R9-31, R9-31b, R9-31c, R9-32 and their kin
    "matrix": '<text transform="matrix(1 0 0 1 120 20)">browski</text>'
              '<text transform="matrix(1 0 0 1 10 20)">Quentin Za</text>',
    "group translate": '<g transform="translate(120,20)"><text x="0">browski</text></g>'
                       '<g transform="translate(10,20)"><text x="0">Quentin Za</text></g>',
    "tspan x": '<text y="20"><tspan x="120">browski</tspan><tspan x="10">Quentin Za</tspan></text>',
    "turned": '<text x="30" y="20" rotate="180" transform="rotate(180 120 20)">'
              'ikswor<tspan>baZ nitneuQ</tspan></text>',
    "mirrored": '<text transform="scale(-1 1)" x="-250" y="20">ikswor<tspan>baZ nitneuQ</tspan>'
                '</text>',
    "anchor end": '<text x="120" y="20">browski</text>'
                  '<text x="120" y="20" text-anchor="end">Quentin Za</text>',
    "dx back": '<text x="110" y="20">browski<tspan dx="-190">Quentin Za</tspan></text>',
    "nested svg": '<svg x="120" y="20"><text>browski</text></svg><text x="10" y="20">Quentin Za'
                  '</text>',
    "sheet transform": '<style>.b{transform:translate(120px,20px)}.a{transform:translate(10px,'
                       '20px)}</style><text class="b">browski</text><text class="a">Quentin Za'
                       '</text>',
    "text path": '<text><textPath href="#p">ikswor<tspan>baZ nitneuQ</tspan></textPath></text>',
    "letters upside down": '<text x="10" y="20" rotate="180">ikswor<tspan>baZ nitneuQ</tspan>'
                           '</text>',
    "two paths": '<defs><path id="p1" d="M10 20 H200"/><path id="p2" d="M120,20 H300"/></defs>'
                 '<text><textPath href="#p2">browski</textPath></text>'
                 '<text><textPath xlink:href="#p1">Quentin Za</textPath></text>',
    "tspan not moved": '<text x="130" y="20">rowski</text><text x="10" y="20">Quentin Za'
                       '<tspan transform="translate(500)">b</tspan></text>',
    "use in group": '<defs><text id="b">browski</text><text id="a">Quentin Za</text></defs>'
                    '<g transform="translate(120 20)"><use href="#b"/></g><use href="#a" x="10" '
                    'y="20"/>',
    "ancestor x list": '<text y="20" x="160 10">b<tspan>Quentin Za</tspan></text>'
                       '<text x="170" y="20">rowski</text>',
    "units, unquoted": '<text x=120 y=20>browski</text><text x="0.625em" y="20">Quentin Za'
                       '</text>',
    "rows a hair apart": '<text x="120" y="20.4">browski</text><text x="10" y="19.6">Quentin Za'
                         '</text>',
}
PAGES = {  # R9-33, R9-33b and their kin: an attached page's own style sheet
    "absolute": ('<style>p{position:relative}span{position:absolute;top:0}.a{left:90px}'
                 '.c{left:0}</style><p><span class="a">browski</span><span class="c">Quentin Za'
                 '</span></p>'),
    "flex order": ('<style>p{display:flex;white-space:pre}.a{order:2}.c{order:1}</style>'
                   '<p><span class="a">browski</span><span class="c">Quentin Za</span></p>'),
    "specificity": ('<style>.a{left:90px}span{position:absolute;left:0}</style>'
                    '<p><span class="a">browski</span><span>Quentin Za</span></p>'),
    "translate": ('<style>#a{transform:translateX(90px)}#c{translate:-10px}</style>'
                  '<p><b id="a">browski</b><b id="c">Quentin Za</b></p>'),
    "mirrored": ('<style>.m{display:inline-block;transform:scaleX(-1)}</style>'
                 '<p><span class="m">ikswor<i>baZ nitneuQ</i></span></p>'),
    "relative": ('<p><span style="position:relative;left:80px">b</span><span style="position:'
                 'relative;left:80px">rowski</span><span style="position:relative;left:-56px">'
                 'Quentin Za</span></p>'),  # three pieces: reversed they are no name
    "margin": ('<style>.a{margin-left:-140px}</style><p><span>browski</span>'
               '<span class="a">Quentin Za</span></p>'),
    "grid areas": ('<style>p{display:grid;grid-template-areas:"q b r"}.a{grid-area:r}'
                   '.b{grid-area:b}.c{grid-area:q}</style><p><span class="b">b</span>'
                   '<span class="a">rowski</span><span class="c">Quentin Za</span></p>'),
    "escaped": '<style>.c{l\\65 ft:0}.a{l\\65 ft:90px}</style><p><span class="a">browski</span>'
               '<span class="c">Quentin Za</span></p>',
}
UNKNOWN = ('<style>.r1 span{left:0}.r2 span{left:90px}</style><p><i class="r2"><span>browski'
           '</span></i><i class="r1"><span>Quentin Za</span></i></p>')
"""Which rule places which piece depends on what the audit does not match."""


@pytest.mark.parametrize("inner", DRAWINGS.values(), ids=DRAWINGS.keys())
def test_a_drawing_is_read_in_the_order_drawn(inner: str) -> None:
    assert any(RED_TEAM_NAME in t for t in svg_texts(SVG.format(inner))), svg_texts(
        SVG.format(inner))


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_a_page_is_read_as_its_sheet_places_it(page: str) -> None:
    assert any(RED_TEAM_NAME in t for t in drawn_readings(page)), drawn_readings(page)
    assert unplaced(page) is None


def test_a_sheet_whose_places_cannot_be_known_is_refused() -> None:
    assert unplaced(UNKNOWN) is not None
    assert unplaced('<style>.a{left:0!important}</style><p class="a" style="left:9px">x</p>')


def test_ordinary_drawings_and_sheets_read_as_written() -> None:
    label = SVG.format('<text transform="matrix(1 0 0 1 10 20)">Sales</text>'
                       '<text transform="matrix(1 0 0 1 80 20)">by quarter</text>'
                       '<text transform="rotate(-90 10 30)" x="10" y="30">Revenue</text>')
    assert "Salesby quarter" in svg_texts(label)[0]
    assert svg_texts(SVG.format('<text transform="matrix(1 0 0 1 46 20)">One line</text>')) == []
    nav = ('<style>.nav a{float:left;margin:0 4px}.nav a:hover{transform:translateY(-1px)}'
           '</style><p class="nav"><a>Home</a><a>About</a></p>')
    assert unplaced(nav) is None


def test_in_a_note_moving_and_turning_boxes_is_drawn_markup() -> None:
    for style in ("position:relative;top:-20px", "bottom:3px", "display:inline-block;"
                  "rotate:180deg"):
        assert list(drawing(f'<span style="{style}">Hello</span>')), style


LINKS = "".join(f"![{k}](d{i}.svg)\n\n" for i, k in enumerate(DRAWINGS)) + "".join(
    f"[{k}](p{i}.html)\n\n" for i, k in enumerate(PAGES))
INLINE = "pages/inline.md"


def _site(root: Path) -> Path:
    files: dict[str, object] = {f"pages/d{i}.svg": SVG.format(v)
                                for i, v in enumerate(DRAWINGS.values())}
    files |= {f"pages/p{i}.html": f"<!doctype html><html><body>{v}</body></html>"
              for i, v in enumerate(PAGES.values())}
    files["pages/unknown.html"] = f"<!doctype html><html><body>{UNKNOWN}</body></html>"
    files["pages/links.md"] = ({"title": "Pictures"}, f"{LINKS}[u](unknown.html)\n")
    files[INLINE] = ({"title": "Inline"}, f"Hi.\n\n{SVG.format(DRAWINGS['matrix'])}\n")  # R9-31d
    return red_team_site(root, files)  # type: ignore[arg-type]


def _readings_off(mp: pytest.MonkeyPatch) -> None:
    """The readings this round added switched off: no drawing's pieces placed by
    their transforms (a ``<use>`` placed by its own ``x``/``y`` alone, as before),
    a page's sheet not applied nor refused where it places boxes unknowably, its
    boxes' offsets, margins and transforms not read (their ``order`` is, as before);
    with the readings that find split pieces on their own."""
    placed = svgtext._placed
    misspellings_off(mp)  # pieces out of order may read as a typo or backwards
    mp.setattr(svgtext, "_texts", lambda markup: [])
    mp.setattr(svgtext, "_placed", lambda markup: ([], [(IDENTITY, raw) for _, raw in
                                                        placed(markup)[1]]))
    mp.setattr(drawntext, "with_sheet", lambda markup: markup)
    mp.setattr(drawntext, "_frame", lambda parent, style, areas: (
        int(k.group(1)) if (k := drawntext._KEY.search(style)) else parent[0], 0.0, 0.0, False,
        False))
    mp.setattr(readable, "unplaced", lambda markup: None)
    mp.setattr(splitwords.SplitWords, "reading", lambda self, joined: None)
    other_readings_off(mp)


def test_the_filter_refuses_an_inline_drawing(tmp_path: Path) -> None:
    site = red_team_site(tmp_path / "s", {INLINE: ({"title": "Inline"},
                                                   f"Hi.\n\n{SVG.format(DRAWINGS['matrix'])}\n")})
    assert_filter_refuses(site, tmp_path / "out", f"content/{INLINE}")


@pytest.mark.usefixtures("no_filter")
def test_the_audit_refuses_each_file(tmp_path: Path) -> None:
    site = _site(tmp_path / "s")
    result = build(site, out=tmp_path / "out")
    assert result.status == 1 and not (tmp_path / "out").exists()
    found = {h.output for h in result.hits if h.secret.source == f"content/{RED_TEAM_TALK}"}
    wanted = {f"pages/d{i}.svg" for i in range(len(DRAWINGS))} | {
        f"pages/p{i}.html" for i in range(len(PAGES))} | {"inline/index.html"}
    assert wanted <= found, sorted(wanted - found)
    assert any(h.output == "pages/unknown.html" and "cannot be known" in h.secret.kind
               for h in result.hits), [h.text() for h in result.hits]


@pytest.mark.usefixtures("no_filter")
def test_without_the_readings_they_are_published(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _readings_off(monkeypatch)
    site = _site(tmp_path / "s")
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert "Quentin Za</text>" in (tmp_path / "out/inline/index.html").read_text()
    for i, inner in enumerate(DRAWINGS.values()):
        assert (tmp_path / f"out/pages/d{i}.svg").read_text() == SVG.format(inner)
    for i, page in [*enumerate(PAGES.values()), ("unknown", UNKNOWN)]:
        assert page in (tmp_path / f"out/pages/{'' if i == 'unknown' else 'p'}{i}.html").read_text()


def test_ordinary_drawings_and_pages_are_published(tmp_path: Path) -> None:
    chart = SVG.format('<g transform="translate(10 20)"><text>Sales</text></g>'
                       '<text transform="matrix(1 0 0 1 80 20)">by quarter</text>'
                       '<text transform="rotate(-90 10 30)" x="10" y="30">Revenue</text>'
                       '<text y="38"><tspan x="10">Q1</tspan><tspan x="60">Q2</tspan></text>')
    page = ('<!doctype html><style>.nav a{float:left;margin:0 4px}.tag{position:absolute;'
            'left:0;top:0}.box{display:flex}.last{order:2}</style><p class="nav"><a>Home</a>'
            '<a>About</a></p><p class="box"><span class="last">team</span><span>Our</span></p>')
    site = red_team_site(tmp_path / "s", {
        "pages/chart.svg": chart, "pages/team.html": page,
        "pages/p.md": ({"title": "Charts"}, f"![chart](chart.svg) [team](team.html)\n\n{chart}\n")})
    assert_published(site, tmp_path / "out", "by quarter")
