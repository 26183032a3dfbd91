"""Rendering: page-relative URLs, unique heading anchors, marked passages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from unit_helpers import errors, prepare, write_site

from ivsite.audience.stage import build_view
from ivsite.core.diagnostics import Diagnostics
from ivsite.graph.stage import build_graph
from ivsite.markdown.dialect import parse_body
from ivsite.markdown.render import PASSAGE_LABELS, Renderer, heading_anchors, relative_url


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("", "", "./"),
        ("", "roles/ux/", "roles/ux/"),
        ("roles/ux/", "", "../../"),
        ("roles/ux/", "roles/ux/", "./"),
        ("roles/ux/", "roles/pm/", "../pm/"),
        ("roles/ux/", "interviews/2026-03-04-acme/", "../../interviews/2026-03-04-acme/"),
        ("about/", "roles/ux/", "../roles/ux/"),
        ("roles/ux/", "roles/pm/#skills", "../pm/#skills"),
        ("", "roles/pm/#skills", "roles/pm/#skills"),
        ("roles/ux/", "assets/pic.png", "../../assets/pic.png"),
        ("", "assets/pic.png", "assets/pic.png"),
        ("tags/a-b/", "style.css", "../../style.css"),
        ("share/tok/roles/ux/", "share/tok/", "../../"),
        ("roles/ux/index.html", "roles/pm/", "../pm/"),
    ],
)
def test_relative_url(page: str, target: str, expected: str) -> None:
    assert relative_url(page, target) == expected


def anchors(md: str) -> list[str]:
    tokens, _ = parse_body(md)
    return [a for a, _ in heading_anchors(tokens).values()]


def test_heading_anchors_are_slugs() -> None:
    assert anchors("# What does a typical day look like?\n\n## Café & Co\n") == [
        "what-does-a-typical-day-look-like", "cafe-co"]


def test_heading_anchor_of_punctuation_only_is_section() -> None:
    assert anchors("## ??\n") == ["section"]


def test_heading_anchors_are_unique_for_repeats() -> None:
    got = anchors("# Intro\n\n## Intro\n\n## Intro\n")
    assert got == ["intro", "intro-1", "intro-2"]


def test_heading_anchors_are_unique_even_against_numbered_headings() -> None:
    got = anchors("## Intro\n\n## Intro\n\n## Intro 1\n")
    assert len(set(got)) == len(got), got


def build_graphs(root: Path) -> dict[str, object]:
    p = prepare(root)
    assert not p.diags.errors, errors(p.diags)
    return {a: build_graph(build_view(p.valid, p.config, a, Diagnostics()))  # type: ignore[arg-type]
            for a in ("public", "mentor", "private")}


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = write_site(tmp_path_factory.mktemp("render"), {
        "content/roles/ux.md": (
            "---\ntitle: UX\n---\n"
            "See [[roles/pm#Skills Needed|pm]], ![pic](../assets/p.png) and "
            "[ext](https://example.com/x).\n\n"
            "::: mentor\nA mentor question.\n:::\n\n"
            "::: private\nA private bit.\n:::\n\n"
            "## Intro\n\n## Intro\n"
        ),
        "content/roles/pm.md": "---\ntitle: PM\n---\n## Skills Needed\n",
        "content/pages/index.md": "---\ntitle: Home\n---\n[[roles/ux]]\n",
        "content/assets/p.png": b"png",
    })
    return build_graphs(root)


def render(graph: object, note_id: str) -> str:
    g = graph  # SiteGraph
    n = g.by_id[note_id]  # type: ignore[attr-defined]
    r = Renderer(g.url_of, lambda p: p, mark_passages=True)  # type: ignore[attr-defined]
    return r.render(n.tokens, n.env, g.url(n))  # type: ignore[attr-defined]


def test_placeholders_resolve_relative_to_the_page(graphs: dict[str, object]) -> None:
    html = render(graphs["public"], "roles/ux")
    assert '<a href="../pm/#skills-needed">pm</a>' in html
    assert '<img src="../../assets/p.png" alt="pic"' in html
    assert '<a href="https://example.com/x">ext</a>' in html
    assert "ivsite:" not in html


def test_placeholders_from_the_home_page(graphs: dict[str, object]) -> None:
    html = render(graphs["public"], "pages/index")
    assert '<a href="roles/ux/">UX</a>' in html


def test_headings_get_unique_ids(graphs: dict[str, object]) -> None:
    html = render(graphs["public"], "roles/ux")
    assert '<h2 id="intro">Intro</h2>' in html
    assert '<h2 id="intro-1">Intro</h2>' in html


def test_mentor_passage_is_an_aside_with_its_label(graphs: dict[str, object]) -> None:
    html = render(graphs["mentor"], "roles/ux")
    label = PASSAGE_LABELS["mentor"]
    assert '<aside class="passage passage-mentor" id="mentor-passage-1"' in html
    assert f'<p class="passage-label">{label}</p>' in html
    start = html.index('<aside class="passage passage-mentor"')
    end = html.index("</aside>", start)
    assert "<p>A mentor question.</p>" in html[start:end]
    assert "A private bit." not in html


def test_private_view_marks_both_kinds(graphs: dict[str, object]) -> None:
    html = render(graphs["private"], "roles/ux")
    assert html.count("<aside") == html.count("</aside>") == 2
    assert 'class="passage passage-private"' in html
    assert PASSAGE_LABELS["private"] in html
    i_mentor = html.index("passage-mentor")
    i_private = html.index("passage-private")
    assert i_mentor < i_private


def test_public_view_has_no_passages(graphs: dict[str, object]) -> None:
    html = render(graphs["public"], "roles/ux")
    assert "<aside" not in html
    assert "mentor question" not in html and "private bit" not in html


def test_link_to_unknown_target_keeps_only_its_words() -> None:
    tokens, env = parse_body("[x](ivsite:note/roles/gone) and ![a chart](ivsite:asset/c.png)\n")
    r = Renderer(lambda _id: None, lambda p: None, mark_passages=False)
    out = r.render(tokens, env, "roles/ux/")
    assert out == "<p>x and a chart</p>\n"


def test_text_special_characters_are_escaped() -> None:
    tokens, env = parse_body("a < b & c\n")
    r = Renderer(lambda _id: None, lambda p: p, mark_passages=False)
    assert "a &lt; b &amp; c" in r.render(tokens, env, "")


_SEGMENTS = st.sampled_from(["a", "b", "", ".", "..", "x.html", "static", "a b", "é"])


@given(st.lists(_SEGMENTS, max_size=5), st.lists(_SEGMENTS, max_size=5),
       st.booleans(), st.booleans())
def test_fast_relpath_agrees_with_posixpath(path: list[str], base: list[str],
                                            abs_path: bool, abs_base: bool) -> None:
    import posixpath

    from ivsite.markdown.render import _relpath
    p = ("/" if abs_path else "") + "/".join(path) or "."
    b = ("/" if abs_base else "") + "/".join(base) or "."
    assume(p.startswith("/") == b.startswith("/"))  # else posixpath mixes in the cwd
    assert _relpath(p, b) == posixpath.relpath(p, b)
