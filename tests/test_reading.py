"""Issue 12, Reading: the table of contents, code highlighting and card titles.

The table of contents is made from the audience's view, so a heading inside a
withheld passage is never listed; if the emitter ever listed one anyway, the
build's own audit fails the build. Highlighting happens at build time with
Pygments; an unknown language stays plain and escaped.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audience.viewnote import NoteCard
from ivsite.core.diagnostics import Diagnostics
from ivsite.emit import notes as note_pages
from ivsite.emit import render_now
from ivsite.emit.emitter import Emitter
from ivsite.emit.labels import byline, card_title
from ivsite.emit.pagekey import key_text
from ivsite.emit.toc import table_of_contents
from ivsite.incremental import last_build
from ivsite.markdown.codehighlight import stylesheet
from ivsite.markdown.dialect import parse_body
from ivsite.markdown.render import Renderer
from ivsite.pipeline import EXIT_CONTENT, EXIT_OK, Pipeline, build, load_theme

THEME = Path(__file__).resolve().parent.parent / "themes" / "default"
PRIVATE_HEADING = "Salary bands the recruiter shared off the record"
NOTE = f"""\
---
title: Long public note
visibility: public
---
Intro.

## First public part

Text.

### A detail of it

More.

::: private
## {PRIVATE_HEADING}

Numbers I must never publish.
:::

## Second public part

Text.

## Main

A heading whose id the theme uses.
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {"content/pages/long.md": NOTE})


def _toc(site: Path, audience: str) -> list[dict[str, str | int]]:
    diags = Diagnostics()
    pipe = Pipeline(site, persist_cache=False)
    prep = pipe.prepare(diags)
    assert prep is not None, [d.text() for d in diags]
    graph = pipe.graph(prep, audience, diags)  # type: ignore[arg-type]
    [note] = [n for n in graph.view.notes if n.title == "Long public note"]
    return table_of_contents(note.tokens, 2)


def test_the_public_toc_leaves_out_a_heading_inside_a_private_passage(site: Path) -> None:
    public = [e["text"] for e in _toc(site, "public")]
    assert public == ["First public part", "A detail of it", "Second public part", "Main"]
    # Positive control: the private preview sees (and lists) the passage's heading.
    assert PRIVATE_HEADING in [e["text"] for e in _toc(site, "private")]


def test_the_toc_is_in_the_page_context_so_the_key_covers_it(site: Path) -> None:
    diags = Diagnostics()
    pipe = Pipeline(site, persist_cache=False)
    prep = pipe.prepare(diags)
    assert prep is not None
    theme = load_theme(pipe, prep, diags)
    assert theme is not None
    em = Emitter(pipe.graph(prep, "public", diags), theme, None, "", "", {}, None, render_now)
    [page] = [p for p in em.pages() if p.title == "Long public note"]
    assert page.context["toc"] == _toc(site, "public")
    assert "Second public part" in key_text(page.context)


def test_toc_entries_land_on_the_rendered_headings(site: Path) -> None:
    entries = _toc(site, "public")
    assert [e["depth"] for e in entries] == [1, 2, 1, 1]
    assert entries[-1]["anchor"] == "section-main"  # moved aside like the heading's id
    result = build(site, out=site / "_site")
    assert result.status == EXIT_OK, [d.text() for d in result.diagnostics]
    html = (site / "_site" / "long" / "index.html").read_text("utf-8")
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    for e in entries:
        assert e["anchor"] in ids, e
        assert f'href="#{e["anchor"]}"' in html
    assert 'class="toc toc-side"' in html and 'class="toc toc-top"' in html
    assert PRIVATE_HEADING not in html


def test_pages_carry_no_inline_script_style_or_handler(site: Path) -> None:
    """The theme keeps to what a strict CSP allows (script-src/style-src 'self'):
    the colour switch, the menu and the header search are static files."""
    result = build(site, out=site / "_site")
    assert result.status == EXIT_OK, [d.text() for d in result.diagnostics]
    for page in (site / "_site").rglob("*.html"):
        html = page.read_text("utf-8")
        for m in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
            assert "src=" in m.group(1) or "application/octet-stream" in m.group(1), page
            assert m.group(2).strip() == "" or "octet-stream" in m.group(1), page
        assert "<style" not in html and not re.search(r"\sstyle=", html), page
        assert not re.search(r"\son[a-z]+=", html), page
    head = (site / "_site" / "long" / "index.html").read_text("utf-8").split("</head>")[0]
    assert re.search(r'<script src="[^"]*static/theme\.js"></script>', head)  # no defer


def test_a_short_note_has_no_toc() -> None:
    tokens, _ = parse_body("## One\n\ntext\n\n## Two\n")
    assert table_of_contents(tokens, 2) == []


def test_the_audit_catches_a_toc_that_lists_a_withheld_heading(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection switched off: an emitter that lists the private heading."""
    real = note_pages.table_of_contents

    def leaky(tokens: object, base: int) -> list[dict[str, str | int]]:
        return [*real(tokens, base), {"anchor": "x", "text": PRIVATE_HEADING, "depth": 1}]  # type: ignore[arg-type]

    monkeypatch.setattr(note_pages, "table_of_contents", leaky)
    monkeypatch.setattr(last_build, "code_digest", lambda: "patched emitter")
    result = build(site, out=site / "_site")
    assert result.status == EXIT_CONTENT
    assert any(d.path == "content/pages/long.md" for d in result.diagnostics
               if d.severity == "error"), [d.text() for d in result.diagnostics]
    assert not (site / "_site").exists()


def _render(markdown: str) -> str:
    tokens, env = parse_body(markdown)
    renderer = Renderer(note_url=lambda _: None, asset_url=lambda _: None,
                        mark_passages=False)
    return renderer.render(tokens, env, "")


def test_fenced_code_with_a_known_language_gets_pygments_classes() -> None:
    html = _render('```python\ndef f(x):\n    return "<b>"\n```\n')
    assert '<pre class="highlight"><code class="language-python">' in html
    assert '<span class="k">def</span>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html


@pytest.mark.parametrize("info", ["no-such-language", "", "<script>"])
def test_unknown_or_no_language_stays_plain_and_escaped(info: str) -> None:
    html = _render(f"```{info}\nif a < b: <script>alert(1)</script>\n```\n")
    assert "highlight" not in html and "<span" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html


def test_the_theme_highlight_css_is_what_pygments_makes() -> None:
    css = (THEME / "static" / "highlight.css").read_text("utf-8")
    assert css == stylesheet(), "run `make highlight-css`"
    assert ':root[data-theme="dark"] .highlight .k' in css
    assert "@media (prefers-color-scheme: dark)" in css


def _card(**fields: object) -> NoteCard:
    base: dict[str, object] = {"id": "i", "collection": "interviews", "slug": "s",
                               "title": "Conversation with Priya Raman",
                               "visibility": "public", "date": None, "summary": "",
                               "tags": [], "display_name": "Priya Raman",
                               "person_role": "Senior UX Researcher",
                               "company": "Northwind Health"}
    base.update(fields)
    return NoteCard(**base)  # type: ignore[arg-type]


def test_interview_cards_lead_with_the_job_and_organisation() -> None:
    card = _card()
    assert card_title(card) == "Senior UX Researcher at Northwind Health"
    assert byline(card) == "with Priya Raman"
    # An alias that already says the job and company is not said twice.
    alias = _card(display_name="a Senior UX Researcher at Northwind Health",
                  title="Conversation with a Senior UX Researcher at Northwind Health")
    assert byline(alias) == ""
    # A title the author wrote stays on the card.
    own = _card(title="Coffee with Priya about research ops")
    assert byline(own) == "Coffee with Priya about research ops · with Priya Raman"
    assert card_title(_card(person_role="", company="")) == "Conversation with Priya Raman"
    assert card_title(_card(collection="roles", title="UX Researcher")) == "UX Researcher"
