"""Obsidian vault syntax, construct by construct, as an audience's page shows it.

Callouts, ``==highlight==``, inline ``#tags``, ``%% comments %%``, ``![[note]]``
and ``![[image.png]]`` embeds: each rendered through the audience filter and the
renderer a build uses, with code kept literal. The leak tests for the same
constructs are in test_vault_leaks.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from unit_helpers import prepare, write_site

from ivsite.audience.stage import build_view
from ivsite.core.diagnostics import Diagnostics
from ivsite.graph.stage import build_graph
from ivsite.markdown.dialect import markdown
from ivsite.markdown.render import Renderer
from ivsite.syntax.callouts import FAMILIES

HEAD = "---\ntitle: Page\nvisibility: public\n---\n"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


def page_html(root: Path, audience: str = "public", slug: str = "p",
              ) -> tuple[str, list[str], list[str]]:
    """The rendered body of pages/<slug>, the build's diagnostics (code: message)
    and the note's tags, for one audience."""
    p = prepare(root)
    diags = Diagnostics()
    view = build_view(p.valid, p.config, audience, diags)  # type: ignore[arg-type]
    found = [f"{d.code}: {d.message}" for d in [*p.diags, *diags]]
    graph = build_graph(view)
    r = Renderer(graph.url_of, lambda path: path, mark_passages=audience != "public",
                 tag_url=graph.tag_url)
    shown = [n for n in view.notes if n.id == f"pages/{slug}"]
    if not shown:  # a note with errors is not published
        return "", found, []
    vn = shown[0]
    return r.render(vn.tokens, vn.env, graph.url(vn)), found, vn.tags


def one_page(tmp_path: Path, body: str, **files: str) -> Path:
    """pages/p.md with ``body``, and files named with '__' for '/' and the last for '.'."""
    def path(key: str) -> str:
        head, _, ext = key.rpartition("__")
        return head.replace("__", "/") + "." + ext
    return write_site(tmp_path, {"content/pages/p.md": HEAD + body,
                                 **{path(k): v for k, v in files.items()}})


# ---- callouts --------------------------------------------------------------------

ALL_TYPES = [name for fam, aliases in FAMILIES.items() for name in (fam, *aliases)]


@pytest.mark.parametrize("kind", ALL_TYPES)
def test_every_obsidian_callout_type_is_a_styled_note(kind: str) -> None:
    html = markdown().render(f"> [!{kind}]\n> Body text.\n")
    family = next(f for f, a in FAMILIES.items() if kind == f or kind in a)
    assert html.startswith(f'<div class="callout callout-{family}" data-callout="{kind}" '
                           'role="note">'), html
    assert f'<p class="callout-title">{kind.capitalize()}</p>' in html
    assert "<p>Body text.</p>" in html and "[!" not in html and "blockquote" not in html


def test_a_callout_title_is_inline_markdown_and_the_type_any_case() -> None:
    html = markdown().render("> [!WARNING] Mind *the* gap\n> Careful.\n")
    assert '<p class="callout-title">Mind <em>the</em> gap</p>' in html
    assert "callout-warning" in html and "<p>Careful.</p>" in html


@pytest.mark.parametrize(("fold", "opened"), [("-", ""), ("+", " open")])
def test_foldable_callouts_are_details(fold: str, opened: str) -> None:
    html = markdown().render(f"> [!faq]{fold} Can I fold?\n> Yes.\n")
    assert html == (f'<details class="callout callout-question" data-callout="faq"{opened}>\n'
                    '<summary class="callout-title">Can I fold?</summary>\n<p>Yes.</p>\n'
                    "</details>\n")


def test_an_unknown_callout_type_reads_as_a_note_and_a_plain_quote_stays_one() -> None:
    html = markdown().render("> [!interview] Notes\n> x\n\n> just a quote [!note]\n")
    assert 'class="callout callout-note" data-callout="interview"' in html
    assert "<blockquote>\n<p>just a quote [!note]</p>\n</blockquote>" in html


def test_callouts_in_code_stay_literal() -> None:
    html = markdown().render("```\n> [!note] x\n```\n\n    > [!tip] y\n")
    assert "callout" not in html and "[!note] x" in html and "[!tip] y" in html


def test_a_callout_title_link_is_filtered_like_any_link(tmp_path: Path) -> None:
    root = one_page(tmp_path, "> [!tip] See [[Secret plan]]\n> and [[roles/analyst]].\n",
                    content__reflections__secret__md="---\ntitle: Secret plan\n"
                    "date: 2026-01-01\n---\nShh.\n",
                    content__roles__analyst__md="---\ntitle: Analyst\n---\nA role.\n")
    html, found, _ = page_html(root)
    assert found == []
    assert '<p class="callout-title">See a private note</p>' in html
    assert '<a href="../roles/analyst/">Analyst</a>' in html
    assert "Secret plan" not in html


# ---- highlight -------------------------------------------------------------------

@pytest.mark.parametrize(("source", "expected"), [
    ("a ==bright== b", "<p>a <mark>bright</mark> b</p>\n"),
    ("==*both*==", "<p><mark><em>both</em></mark></p>\n"),
    ("`==code==` and ==x==", "<p><code>==code==</code> and <mark>x</mark></p>\n"),
    ("a == b == c", "<p>a == b == c</p>\n"),
    ("\\==escaped==", "<p>==escaped==</p>\n"),
    ("```\n==fence==\n```", "<pre><code>==fence==\n</code></pre>\n"),
])
def test_highlight_is_mark_outside_code(source: str, expected: str) -> None:
    assert markdown().render(source) == expected


# ---- inline tags -----------------------------------------------------------------

def test_inline_tags_link_to_tag_pages_and_join_the_front_matter_tags(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/pages/p.md": (
        "---\ntitle: Page\nvisibility: public\ntags: [research]\n---\n"
        "Met about #ux and #career/design today.\n")})
    html, found, tags = page_html(root)
    assert found == []
    assert tags == ["career/design", "research", "ux"]
    assert '<a href="../tags/ux/" class="tag">#ux</a>' in html
    assert '<a href="../tags/career-design/" class="tag">#career/design</a>' in html


@pytest.mark.parametrize("text", [
    "`#code`", "issue #123", "&#123; entity", "https://example.org/#frag", "a#b",
    "[see #linked](https://example.org)", "![alt #img](https://example.org/a.png)",
    "\\#escaped",
])
def test_what_is_not_an_inline_tag(tmp_path: Path, text: str) -> None:
    html, found, tags = page_html(one_page(tmp_path, f"Words {text} here.\n"))
    found = [f for f in found if not f.startswith("remote-image")]  # red team 6, L7
    assert found == [] and tags == [] and 'class="tag"' not in html, (html, tags)


def test_a_heading_holds_no_tag_and_a_code_block_neither(tmp_path: Path) -> None:
    html, _, tags = page_html(one_page(tmp_path, "## Plan #q3\n\n```\n#fenced\n```\n"))
    assert tags == [] and "#q3" in html and "#fenced" in html


# ---- comments --------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Before %% a thought %% after.\n",
    "Before\n\n%%\nmany\n\nlines\n%%\n\nafter.\n",
    "Before %% runs\nover a line %% after.\n",
])
def test_percent_comments_are_removed(tmp_path: Path, body: str) -> None:
    html, found, _ = page_html(one_page(tmp_path, body))
    assert found == [] and "thought" not in html and "many" not in html
    assert "runs" not in html and "%%" not in html and "after." in html


@pytest.mark.parametrize("body", ["Use `%%` for comments.\n", "```\n%% literal %%\n```\n"])
def test_percent_signs_in_code_stay_literal(tmp_path: Path, body: str) -> None:
    html, found, _ = page_html(one_page(tmp_path, body))
    assert found == [] and "%%" in html


def test_an_unclosed_percent_comment_is_an_error(tmp_path: Path) -> None:
    _, found, _ = page_html(one_page(tmp_path, "Words %% never closed\n\nmore\n"))
    assert "comment-unclosed: this %% comment is never closed" in found


# ---- embeds of notes -------------------------------------------------------------

ROLE = ("---\ntitle: Data analyst\n---\nIntro words.\n\n## Skills\n\nSQL and stats.\n\n"
        "### Tools\n\nPython.\n\n## Pay\n\nPay words.\n")


def test_an_embed_shows_the_note_text_with_a_link_to_it(tmp_path: Path) -> None:
    root = one_page(tmp_path, "![[roles/analyst]]\n", content__roles__analyst__md=ROLE)
    html, found, _ = page_html(root)
    assert found == []
    assert html.startswith('<div class="embed">\n<p class="embed-source">'
                           '<a href="../roles/analyst/">Data analyst</a></p>\n'
                           "<p>Intro words.</p>\n"), html
    assert "Pay words." in html and html.endswith("</div>\n")


def test_a_heading_embed_takes_that_section_only(tmp_path: Path) -> None:
    root = one_page(tmp_path, "![[Data analyst#Skills]]\n", content__roles__analyst__md=ROLE)
    html, found, _ = page_html(root)
    assert found == []
    assert "SQL and stats." in html and "Python." in html
    assert "Intro words." not in html and "Pay words." not in html
    assert 'href="../roles/analyst/#skills"' in html


def test_an_embed_of_a_missing_heading_is_a_warning_and_a_link(tmp_path: Path) -> None:
    root = one_page(tmp_path, "![[roles/analyst#Nowhere]]\n", content__roles__analyst__md=ROLE)
    html, found, _ = page_html(root)
    assert any(f.startswith("embed-heading:") for f in found), found
    # A fragment that names no anchor the audience sees is dropped (red-team 7 M8).
    assert any(f.startswith("link-fragment-missing:") for f in found), found
    assert "Intro words." not in html and '<a href="../roles/analyst/">' in html


def test_an_embed_within_a_line_is_a_link(tmp_path: Path) -> None:
    root = one_page(tmp_path, "See ![[roles/analyst|the role]] here.\n",
                    content__roles__analyst__md=ROLE)
    html, found, _ = page_html(root)
    assert found == [] and "Intro words." not in html
    assert '<a href="../roles/analyst/">the role</a>' in html


def test_an_embed_cycle_stops_with_a_warning(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "content/pages/p.md": HEAD + "Page words.\n\n![[pages/q]]\n",
        "content/pages/q.md": "---\ntitle: Q\n---\nQ words.\n\n![[pages/p]]\n",
    })
    html, found, _ = page_html(root)
    assert any(f.startswith("embed-cycle:") for f in found), found
    assert html.count("Q words.") == 1 and html.count("Page words.") == 1
    assert '<a href="../p/">Page</a>' in html or '<a href="./">Page</a>' in html


def test_an_embed_of_a_note_not_written_yet_is_a_warning_and_reads_as_its_name(
        tmp_path: Path) -> None:
    """As a link to a note not written yet (issue 11): a warning, and the page shows
    the name; with --strict the warning is an error."""
    html, found, _ = page_html(one_page(tmp_path, "Text.\n\n![[Nowhere at all]]\n"))
    assert [f for f in found if f.startswith("missing-note:")], found
    assert "Nowhere at all" in html and "<a " not in html


def test_embeds_in_code_stay_literal(tmp_path: Path) -> None:
    root = one_page(tmp_path, "`![[roles/analyst]]`\n\n```\n![[roles/analyst]]\n```\n",
                    content__roles__analyst__md=ROLE)
    html, found, _ = page_html(root)
    assert found == [] and html.count("![[roles/analyst]]") == 2 and "Intro" not in html


# ---- embeds of files -------------------------------------------------------------

def test_an_image_embed_finds_the_file_by_bare_name_with_a_width(tmp_path: Path) -> None:
    root = one_page(tmp_path, "A logo ![[logo.svg|300]] and ![[deck.pdf]].\n",
                    content__assets__img__logo__svg=SVG, content__files__deck__pdf="%PDF-1")
    html, found, _ = page_html(root)
    assert found == []
    assert '<img src="../assets/img/logo.svg" alt="logo.svg" width="300" />' in html
    assert '<a href="../files/deck.pdf">deck.pdf</a>' in html


def test_an_image_embed_with_width_and_height(tmp_path: Path) -> None:
    root = one_page(tmp_path, "![[logo.svg|300x200]]\n", content__assets__logo__svg=SVG)
    html, _, _ = page_html(root)
    assert 'width="300" height="200"' in html


def test_an_ambiguous_file_name_is_an_error_that_lists_the_files(tmp_path: Path) -> None:
    root = one_page(tmp_path, "![[logo.svg]]\n", content__a__logo__svg=SVG,
                    content__b__logo__svg=SVG)
    p = prepare(root)
    (err,) = [d for d in p.diags if d.code == "embed-ambiguous"]
    assert "content/a/logo.svg" in err.message and "content/b/logo.svg" in err.message
    assert "![[a/logo.svg]]" in err.hint


def test_a_missing_file_embed_is_an_error_with_a_did_you_mean(tmp_path: Path) -> None:
    root = one_page(tmp_path, "![[logo.svgg]]\n", content__assets__logo__svg=SVG)
    p = prepare(root)
    (err,) = [d for d in p.diags if d.code == "broken-link"]
    assert "names no file" in err.message and "logo.svg" in err.hint


def test_an_image_embed_copies_the_file_into_the_build(tmp_path: Path) -> None:
    from ivsite.pipeline import build
    root = one_page(tmp_path / "site", "![[logo.svg]]\n", content__assets__logo__svg=SVG)
    result = build(root, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert (tmp_path / "out/assets/logo.svg").read_text() == SVG
    assert re.search(r'<img src="\.\./assets/logo\.svg"',
                     (tmp_path / "out/p/index.html").read_text())


def test_an_escaped_percent_pair_is_literal(tmp_path: Path) -> None:
    html, found, _ = page_html(one_page(tmp_path, "An \\%% escaped pair.\n"))
    assert found == [] and "An %% escaped pair." in html


def test_an_edit_to_an_embedded_note_reaches_a_kept_view_of_the_embedding_one(
        tmp_path: Path) -> None:
    """A view is kept under a key (see ivsite.core.keyed); the key of a note that embeds
    another must change when that other note's text does."""
    kept: dict[object, object] = {}

    def keyed(key: object, make: object) -> object:
        if key not in kept:
            kept[key] = make()  # type: ignore[operator]
        return kept[key]

    def host_text(root: Path) -> str:
        p = prepare(root)
        view = build_view(p.valid, p.config, "public", Diagnostics(),
                          keyed)  # type: ignore[arg-type]
        return next(n.text for n in view.notes if n.id == "pages/p")

    root = one_page(tmp_path, "![[roles/analyst]]\n", content__roles__analyst__md=ROLE)
    assert "Pay words." in host_text(root)
    (root / "content/roles/analyst.md").write_text(ROLE.replace("Pay words.", "New pay."))
    assert "New pay." in host_text(root)


def test_embeds_in_embedded_notes_are_followed_four_deep(tmp_path: Path) -> None:
    chain = {f"content/pages/n{i}.md": f"---\ntitle: N{i}\n---\nWords of n{i}.\n\n"
             f"![[pages/n{i + 1}]]\n" for i in range(1, 6)}
    chain["content/pages/n6.md"] = "---\ntitle: N6\n---\nWords of n6.\n"
    root = write_site(tmp_path, {"content/pages/p.md": HEAD + "![[pages/n1]]\n", **chain})
    html, found, _ = page_html(root)
    assert all(f"Words of n{i}." in html for i in range(1, 5)), html
    assert "Words of n5." not in html and '<a href="../n5/">N5</a>' in html
    assert any(f.startswith("embed-depth:") for f in found), found


def test_an_embed_of_a_recording_is_an_error(tmp_path: Path) -> None:
    root = one_page(tmp_path, "![[talk.m4a]]\n",
                    content__interviews__talk__md="---\ndate: 2026-01-02\nperson:\n"
                    "  name: Ann Example\nrecording_file: ../audio/talk.m4a\n---\nHi.\n",
                    content__audio__talk__m4a="not really audio")
    p = prepare(root)
    assert [d.code for d in p.diags.errors] == ["recording-link"], [d.text() for d in p.diags]
