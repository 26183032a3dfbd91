"""Red team 4, J-svg: a name split over an SVG's ``<text>`` elements, which a
browser draws side by side as one word (docs/redteam/2026-11-30-fourth.md).

A copied ``.svg`` is read by the audit alone (no note holds its text); an inline
``<svg>`` in a note is refused by the filter's name check, and the audit finds it
too. With the ``<text>`` reading off, the name is published.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audience import namecheck
from ivsite.audience import stage as audience
from ivsite.audit import secrets as auditsecrets
from ivsite.markup import rawhtml
from ivsite.markup.svgtext import svg_texts
from ivsite.pipeline import build
from ivsite.readers import readable
from ivsite.text import splitwords

INTERVIEW = ("---\nvisibility: public\ndate: 2026-02-10\nperson:\n  name: Quentin Zabrowski\n"
             "  company: Acme Corp\nalias: an engineer at Acme\nconsent:\n"
             "  publish_name: false\n---\nWe talked about the work. Here is the whiteboard: "
             "![board](board.svg)\n")
SPLITS = {
    "two texts": '<text x="10" y="30" font-family="sans-serif" font-size="16">Quentin Za</text>'
                 '<text x="90" y="30" font-family="sans-serif" font-size="16">browski</text>',
    "one letter": '<text>Q</text><text x="15">u</text><text x="25">entin Zabrowski</text>',
    "groups": '<g><text>Quen</text></g><g><text x="40">tin Zabrowski</text></g>',
    "translate": '<text transform="translate(72 30)">browski</text>'
                 '<text transform="translate(10 30)">Quentin Za</text>',
    "x list": '<text x="85 75 65 55 45 35 25 15 5">iksworbaZ</text>'
              '<text x="5" y="10">Quentin</text>',
}


def svg(inner: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="50"><rect width="300" '
            f'height="50" fill="white"/>{inner}</svg>')


def asset_site(root: Path, inner: str) -> Path:
    return write_site(root / "s", {
        "content/interviews/jane.md": INTERVIEW,
        "content/interviews/board.svg": svg(inner),
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n"})


def inline_site(root: Path, body: str) -> Path:
    return write_site(root / "s", {
        "content/interviews/jane.md": INTERVIEW.replace(" Here is the whiteboard: "
                                                        "![board](board.svg)", ""),
        "content/pages/p.md": f"---\ntitle: P\n---\nHello.\n\n{body}\n",
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n"})


def test_each_split_reads_as_the_name() -> None:
    for inner in SPLITS.values():
        assert any("Quentin Zabrowski" in t or "ZabrowskiQuentin" in t
                   for t in svg_texts(inner)), inner


@pytest.mark.parametrize("inner", list(SPLITS.values()), ids=list(SPLITS))
def test_the_audit_finds_the_name_in_a_copied_svg(tmp_path: Path, inner: str) -> None:
    result = build(asset_site(tmp_path, inner), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    assert any(h.output == "interviews/board.svg" and h.secret.kind == "unconsented name"
               for h in result.hits), [h.text() for h in result.hits]
    assert not (tmp_path / "out").exists()


def _split_words_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pieces of a split name are joined as split words too (ivsite.text.splitwords,
    red team 8 N12), and the given name alone is looked for in a file the person's
    note links (red team 11, R11-26): off, to show the ``<text>`` reading's
    protection alone."""
    monkeypatch.setattr(splitwords.SplitWords, "reading", lambda self, joined: None)
    monkeypatch.setattr(auditsecrets, "linked_files", lambda site, note: set())


@pytest.mark.parametrize("inner", list(SPLITS.values()), ids=list(SPLITS))
def test_without_the_text_reading_the_svg_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, inner: str) -> None:
    monkeypatch.setattr(readable, "svg_texts", lambda markup: [])
    _split_words_off(monkeypatch)
    result = build(asset_site(tmp_path, inner), out=tmp_path / "out")
    assert result.status == 0, [h.text() for h in result.hits]
    assert inner.encode() in (tmp_path / "out/interviews/board.svg").read_bytes()


BODIES = {f"{k} {form}": (f"<div>{svg(v)}</div>" if form == "block" else
                          f"Board: {svg(v)} end.")
          for k, v in SPLITS.items() for form in ("block", "paragraph")}


@pytest.mark.parametrize("body", list(BODIES.values()), ids=list(BODIES))
def test_the_filter_refuses_the_split_in_an_inline_svg(tmp_path: Path, body: str) -> None:
    result = build(inline_site(tmp_path, body), out=tmp_path / "out")
    assert ("name-without-consent", "content/pages/p.md") in [
        (d.code, d.path) for d in result.diagnostics], [d.text() for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("body", list(BODIES.values()), ids=list(BODIES))
def test_the_audit_alone_finds_the_inline_svg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              body: str) -> None:
    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    result = build(inline_site(tmp_path, body), out=tmp_path / "out")
    assert any(h.output == "p/index.html" and h.secret.kind == "unconsented name"
               for h in result.hits), [h.text() for h in result.hits]


@pytest.mark.parametrize("key", ["translate", "x list"])
def test_without_the_filters_text_reading_the_placed_split_goes_to_the_audit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    """The placed splits (out of written order, an x list) are the filter's through
    the ``<text>`` reading alone; with it and the audit's off, the page goes out."""
    monkeypatch.setattr(rawhtml, "svg_texts", lambda markup: [])
    monkeypatch.setattr(namecheck, "svg_texts", lambda markup: [])
    monkeypatch.setattr(readable, "svg_texts", lambda markup: [])
    _split_words_off(monkeypatch)
    for body in (f"<div>{svg(SPLITS[key])}</div>", f"Board: {svg(SPLITS[key])} end."):
        result = build(inline_site(tmp_path / body[:3], body), out=tmp_path / body[:3] / "out")
        assert result.status == 0, [d.text() for d in result.diagnostics]
        assert SPLITS[key] in (tmp_path / body[:3] / "out/p/index.html").read_text()
