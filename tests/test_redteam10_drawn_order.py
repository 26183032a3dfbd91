"""Red team 10, R10-39: a linked page that a browser draws in another order than
it is written.

A declarative shadow root's slots draw the host's children in the template's
order (and not those no slot takes); a table draws its header group first and
its footer group last. ivsite.readers.drawnorder rewrites the page in the drawn order
for ivsite.readers.readable to read. In a note both are refused by the filter; in a
linked page the audit is the only line.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, red_team_site

from ivsite.pipeline import build
from ivsite.readers import drawnorder, readable

REPRODUCER = Path(__file__).parent.parent / "docs/redteam/2026-12-01-tenth/R10-39/content/files"
PAGES = ("card.html", "thanks.html")
NAME = "Quentin Zabrowski"
HEAD = '<!doctype html><meta charset="utf-8"><title>t</title>'

HOSTILE = {
    "default-slot.html": HEAD + '<p><template shadowrootmode="closed"><b>x</b><slot name="f">'
    '</slot> <slot></slot></template>Zabrowski <i slot="f">Quentin</i></p>',
    "fallback.html": HEAD + '<div><template shadowroot="open"><slot name="q"></slot> <slot '
    'name="z">Zabrowski</slot>.</template>Ada met <span slot="q">Quentin</span></div>',
    "nested.html": HEAD + '<div><template shadowrootmode="open"><slot name="a"></slot> '
    '<slot name="b"></slot></template><div slot="b"><template shadowrootmode="open"><slot>'
    '</slot></template>Zabrowski</div> said thanks to <span slot="a">Quentin</span></div>',
    "caption.html": HEAD + "<table><tr><td>Zabrowski, thanks.</td></tr><caption>Quentin"
    "</caption></table>",
}


def _reads(name: str, data: bytes) -> bool:
    readable._read.cache_clear()
    return any(NAME in " ".join(t.split())
               for t in readable.readable_texts(PurePosixPath(name), data))


def _off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readable, "drawn_orders", lambda markup: [])
    readable._read.cache_clear()


@pytest.mark.parametrize("name", [*PAGES, *HOSTILE])
def test_the_audit_reads_the_drawn_order(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = (REPRODUCER / name).read_bytes() if name in PAGES else HOSTILE[name].encode()
    assert _reads(name, data)
    _off(monkeypatch)
    assert not _reads(name, data)


def _site(root: Path, files: dict[str, bytes]) -> Path:
    readable._read.cache_clear()
    links = "".join(f"My [page]({n}).\n\n" for n in files)
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, links),
                                **{f"pages/{n}": d for n, d in files.items()}})


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses_the_reproducers(tmp_path: Path) -> None:
    files = {n: (REPRODUCER / n).read_bytes() for n in PAGES}
    result = build(_site(tmp_path / "s", files), out=tmp_path / "out")
    assert result.status == 1
    assert {h.output.rsplit("/", 1)[-1] for h in result.hits} >= set(PAGES)
    assert not (tmp_path / "out").exists()


def test_with_the_reading_off_they_are_published(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _off(monkeypatch)
    files = {n: (REPRODUCER / n).read_bytes() for n in PAGES}
    result = build(_site(tmp_path / "s", files), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert {p.rsplit("/", 1)[-1] for p in OutputCorpus(tmp_path / "out").files} >= set(PAGES)
    readable._read.cache_clear()


NEAR_MISSES = {
    "table.html": HEAD + "<table><caption>Fees</caption><thead><tr><th>Item</th></tr></thead>"
    "<tfoot><tr><td>Total 12</td></tr></tfoot><tbody><tr><td>Coffee 3</td></tr></tbody></table>",
    "widget.html": HEAD + '<div><template shadowrootmode="open"><h2><slot name="t"></slot></h2>'
    '<slot></slot></template><span slot="t">Notes</span><p>About design at Acme.</p></div>',
}


def test_ordinary_pages_are_published(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", {n: p.encode() for n, p in NEAR_MISSES.items()}),
                   out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]


def test_drawn_order() -> None:
    [table] = drawnorder.drawn_orders(NEAR_MISSES["table.html"])
    assert table.index("Fees") < table.index("Item") < table.index("Coffee") < table.index("Total")
    [widget] = drawnorder.drawn_orders(NEAR_MISSES["widget.html"])
    assert "template" not in widget and widget.index("Notes") < widget.index("About")
    assert drawnorder.drawn_orders(HEAD + "<table><thead></thead><tr><td>x</td></tr></table>") \
        == []


@settings(max_examples=30, deadline=None)
@given(st.permutations(["Quentin", "Zabrowski", "met", "Ada"]))
def test_slots_in_any_written_order(words: list[str]) -> None:
    light = "".join(f'<span slot="s{i}">{w}</span> ' for i, w in enumerate(words))
    first, second = words.index("Quentin"), words.index("Zabrowski")
    page = (f'<div><template shadowrootmode="open"><slot name="s{first}"></slot> '
            f'<slot name="s{second}"></slot></template>{light}</div>')
    assert _reads("p.html", page.encode())
