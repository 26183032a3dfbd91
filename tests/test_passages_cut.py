"""Withheld means absent: passages, definitions, comments and raw links, by class.

Passages are cut out of a note's source before Markdown parses it (ivsite/markdown/passages.py).
These tests place a canary in a withheld passage in every block context the
dialect has, spell the fences every way a hostile or careless author might, and
check the view an audience gets (its tokens rendered, its text, summary and
passage excerpts): either the canary is absent, or the note fails with an error
at a line. The build-level versions are in test_leaks.py and at the end here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sites import OutputCorpus, canary, leak_site, put
from unit_helpers import prepare, write_site

from ivsite.audience.stage import build_view
from ivsite.core.diagnostics import Diagnostics
from ivsite.graph.stage import build_graph
from ivsite.markdown import passagefences, passages
from ivsite.markdown.render import Renderer
from ivsite.pipeline import EXIT_CONTENT, build

SECRET = "zqxsecretword"
PUBLIC = "plainpublicword"
HEAD = "---\ntitle: Page\nvisibility: public\n---\n"


def shown(root: Path, audience: str = "public") -> tuple[str, list[str]]:
    """Everything an audience's view of the one page could print, and the errors."""
    p = prepare(root)
    errors = [d.code for d in p.diags.errors]
    diags = Diagnostics()
    view = build_view(p.valid, p.config, audience, diags)  # type: ignore[arg-type]
    errors += [d.code for d in diags.errors]
    graph = build_graph(view)
    r = Renderer(graph.url_of, lambda p: p, mark_passages=True)
    parts = []
    for n in view.notes:
        parts += [r.render(n.tokens, n.env, graph.url(n)), n.text, n.summary, n.title,
                  *(e for _, _, e in n.passages), repr([t.content for t in n.tokens])]
    return "\n".join(parts), errors


def page(tmp_path: Path, body: str) -> Path:
    return write_site(tmp_path, {"content/pages/p.md": HEAD + body})


# ---- class 1: passages the parser would not see as passages ---------------------

CONTEXTS = {
    "details": "<details>\n{fence}\n" + SECRET + "\n:::\n</details>\n",
    "div": "<div>\n{fence}\n" + SECRET + "\n:::\n</div>\n",
    "p": "<p>\n{fence}\n" + SECRET + "\n:::\n</p>\n",
    "pre": "<pre>\n{fence}\n" + SECRET + "\n:::\n</pre>\n",
    "script": "<script>\n{fence}\nvar x = '" + SECRET + "';\n:::\n</script>\n",
    "table-rows": "| a | b |\n|---|---|\n| 1 | 2 |\n{fence}\n| " + SECRET + " | 3 |\n:::\n",
    "paragraph-continued": "Some text\n{fence}\n" + SECRET + "\n:::\n",
    "list": "- item\n\n  {fence}\n  " + SECRET + "\n  :::\n- next\n",
    "quote": "> quoted\n> {fence}\n> " + SECRET + "\n> :::\n",
    "quote-lazy": "> {fence}\n" + SECRET + "\n> :::\n",
    "footnote-def": "Text[^1].\n\n{fence}\n[^1]: " + SECRET + "\n:::\n",
    "deflist": "Term\n: {fence}\n\n" + SECRET + "\n\n:::\n",
    "heading": "{fence}\n# " + SECRET + "\n:::\n",
    "code-inside": "{fence}\n```\n" + SECRET + "\n```\n:::\n",
    "deflist-marker": "Salary\n: {fence}\n  " + SECRET + "\n  :::\n",
    "deflist-unclosed": "Salary\n: {fence}\n  " + SECRET + "\n",
    "footnote-marker": "Met a recruiter.[^1]\n\n[^1]: {fence}\n    " + SECRET + "\n    :::\n",
    "footnote-unclosed": "Met a recruiter.[^1]\n\n[^1]: {fence}\n    " + SECRET + "\n",
    "mid-line": "| cell | {fence} |\n|---|---|\n| " + SECRET + " | x |\n",
}
FENCES = {  # (opening, closing)
    "plain": ("::: private", ":::"),
    "no-space": (":::private", ":::"),
    "long": (":::::: private", "::::::"),
    "nbsp-indent": ("\u00a0::: private", "\u00a0:::"),
    "zwsp-indent": ("\u200b::: private", "\u200b:::"),
    "zwsp-inside": (":\u200b:: private", ":\u200b::"),
    "soft-hyphen": ("::\u00ad: private", "::\u00ad:"),
    "grapheme-joiner-inside": ("::\u034f: private", "::\u034f:"),
    "tag-character-inside": (":\U000e0001:: private", ":\U000e0001::"),
    "full-width-colons": ("：：： private", "：：："),
    "ratio-colons": ("∶∶∶ private", "∶∶∶"),
    "capitalised": ("::: Private", ":::"),
    "full-width-word": ("::: ｐｒｉｖａｔｅ", ":::"),
    "tab": (":::\tprivate", ":::"),
}


@pytest.mark.parametrize("fence", sorted(FENCES))
@pytest.mark.parametrize("context", sorted(CONTEXTS))
def test_a_passage_in_any_context_and_spelling_is_withheld_or_refused(
        tmp_path: Path, context: str, fence: str) -> None:
    opening, closing = FENCES[fence]
    body = f"{PUBLIC} first.\n\n" + CONTEXTS[context].replace("{fence}", opening).replace(
        ":::\n", closing + "\n")
    text, errors = shown(page(tmp_path, body))
    assert SECRET not in text, (context, fence, errors)
    if errors:
        assert text == ""  # a note with an error is not published at all
    else:
        assert PUBLIC in text
    if fence not in ("plain", "no-space", "long", "tab"):
        assert errors, "an odd spelling must be an error, not a guess"


@pytest.mark.parametrize("context", ["details", "div", "p", "pre", "script"])
def test_a_passage_markdown_cannot_read_where_it_stands_is_refused(tmp_path: Path,
                                                                  context: str) -> None:
    """Withheld from the public all the same, but the private view could not show it
    as a passage: every view refuses the note, at the fence's line."""
    body = f"{PUBLIC}\n\n" + CONTEXTS[context].replace("{fence}", "::: private")
    for audience in ("public", "private"):
        text, errors = shown(page(tmp_path, body), audience)
        # (A script with code is refused on its own too, red-team F8: hiding-markup.)
        expected = ["passage-context", *(["hiding-markup"] if context == "script" else [])]
        assert sorted(errors) == sorted(expected) and text == "", (audience, context)


def test_a_passage_in_raw_html_with_blank_lines_is_read_and_withheld(tmp_path: Path) -> None:
    body = f"{PUBLIC}\n\n<details>\n\n::: private\n{SECRET}\n:::\n\n</details>\n"
    text, errors = shown(page(tmp_path, body))
    assert errors == [] and SECRET not in text and "<details>" in text
    private, errors = shown(page(tmp_path, body), "private")
    assert errors == [] and SECRET in private


@pytest.mark.parametrize("fence", ["::: private", ":::", "::: mentor"])
def test_fence_lines_in_closed_code_fences_stay_literal(tmp_path: Path, fence: str) -> None:
    text, errors = shown(page(tmp_path, f"```\n{fence}\n{PUBLIC}\n```\n"))
    assert errors == [] and fence in text.replace("\n\n", "\n") and PUBLIC in text


@pytest.mark.parametrize("body", [
    "```\n::: private\n" + SECRET + "\n",                  # a code block never closed
    "para\n\n    ::: private\n    " + SECRET + "\n    :::\n",  # indented code
    "::: private\n" + SECRET + "\n",                        # a passage never closed
    SECRET + "\n\n:::\n",                                   # a stray close
    "::: private extra words\n" + SECRET + "\n:::\n",       # not alone on its line
    "::: secret\n" + SECRET + "\n:::\n",                    # an unknown kind
    ":::: private\n" + SECRET + "\n:::\n",                  # closed with fewer colons
])
def test_ambiguous_fences_are_errors_and_nothing_is_published(tmp_path: Path,
                                                              body: str) -> None:
    text, errors = shown(page(tmp_path, body))
    assert errors and text == ""


@pytest.mark.parametrize("fence", [
    ":: private", "::private", ": : : private", ": private", ":: Private", "::  MENTOR",
    "> :: private", "- ::private", ":: private ::", ": : mentor", "\u2982\u2982\u2982 private",
    "\u0589\u0589 private",
])
def test_a_fence_a_colon_short_is_an_error_not_published_text(tmp_path: Path,
                                                              fence: str) -> None:
    """F18: one or two colons, or spaced colons, once published the passage as text."""
    text, errors = shown(page(tmp_path, f"Intro.\n\n{fence}\n{SECRET}\n::\n"))
    assert errors and SECRET not in text, (errors, text)
    problems = passages.cut(f"{fence}\n{SECRET}\n::\n").problems
    assert problems and problems[0].line == 0
    assert "'::: private'" in problems[0].hint or "'::: mentor'" in problems[0].hint


@pytest.mark.parametrize("body", [
    ":: public\ntext\n::\n", "Term\n: private\n", "Visibility\n\n: Public\n",
])
def test_a_near_fence_with_public_or_a_definition_is_refused_too(tmp_path: Path,
                                                                 body: str) -> None:
    codes = [p.code for p in passages.cut(body).problems]
    assert codes == ["passage-fence-colons"]


@pytest.mark.parametrize("body", [
    "```\n:: private\n```\n", "Say `:: private` to mean it.\n", "A ratio 2:: private.\n",
    "Term\n: privately held\n", "Time 10:30 private room\n",
])
def test_colons_that_are_no_attempted_fence_are_text(tmp_path: Path, body: str) -> None:
    assert passages.cut(body).problems == ()
    assert shown(page(tmp_path, body))[1] == []


def test_nested_passages_are_withheld_per_audience(tmp_path: Path) -> None:
    body = (f"{PUBLIC}\n\n::: mentor\nmentorword\n::: private\n{SECRET}\n:::\n"
            "mentortail\n:::\n")
    public, e1 = shown(page(tmp_path, body))
    mentor, e2 = shown(page(tmp_path, body), "mentor")
    private, e3 = shown(page(tmp_path, body), "private")
    assert not (e1 or e2 or e3)
    assert "mentorword" not in public and "mentortail" not in public and SECRET not in public
    assert "mentorword" in mentor and "mentortail" in mentor and SECRET not in mentor
    assert SECRET in private


# ---- class 2: definitions inside a passage --------------------------------------

@pytest.mark.parametrize("use", ["See [the doc][d].", "![pic][d]", "[d]", "See [d][]."])
def test_a_reference_definition_in_a_passage_acts_only_inside_it(tmp_path: Path,
                                                                  use: str) -> None:
    body = (f"{use}\n\n::: private\n[d]: https://{SECRET}.example/x \"{SECRET} title\"\n"
            ":::\n")
    text, errors = shown(page(tmp_path, body))
    assert errors == [] and SECRET not in text


def test_a_footnote_defined_in_a_passage_leaves_public_numbers_in_order(
        tmp_path: Path) -> None:
    body = (f"One[^a] and two[^b].\n\n::: private\n[^a]: {SECRET}\n:::\n\n"
            "[^b]: the public note\n")
    text, errors = shown(page(tmp_path, body))
    assert errors == [] and SECRET not in text
    assert re.search(r'<sup class="footnote-ref"><a [^>]*>\[1\]</a></sup>', text), text
    assert "[2]</a>" not in text


# ---- class 3: comments in odd places ----------------------------------------------

@pytest.mark.parametrize("body", [
    f"![photo <!-- {SECRET} -->](https://example.org/a.png)\n",
    f"x <!--> {SECRET} -->\n",
    f"<!---> {SECRET} -->\n",
    f"a <!-- {SECRET}\n\nstill {SECRET} -->\n",
    f"[link](https://example.org \"t <!-- {SECRET} -->\")\n",
    f"<img alt=\"<!-- {SECRET} -->\" src=\"data:image/png;base64,iVBORw0KGgo=\">\n",
    f"| a |\n|---|\n| <!-- {SECRET} --> |\n",
    f"Term\n: def <!-- {SECRET} -->\n",
])
def test_comments_are_cut_wherever_they_stand(tmp_path: Path, body: str) -> None:
    for audience in ("public", "mentor", "private"):
        text, errors = shown(page(tmp_path, f"{PUBLIC}\n\n{body}"), audience)
        assert errors == [] and SECRET not in text and PUBLIC in text, (audience, text)


@pytest.mark.parametrize("body", [
    # The cut reads a code span where Markdown does not: Markdown's reading wins.
    f"Run `make\nserve` first. <!-- `todo`: {SECRET}.\n\nStill {SECRET} -->\n",
    f"Term\n: First.\n\n    Second para. <!-- {SECRET}\n",
    f"An escaped \\` <!-- {SECRET} ` tick.\n",
    f"I ran `ls\n-la` then read [the docs](https://e.com/ \"<!-- {SECRET} -->\") and `x`.\n",
    f"\\`![a <!-- {SECRET} --> b](https://e.com/x.svg)`\n",
    f"\\`[x](https://e.com/<!--{SECRET}-->)`\n",
])
def test_a_comment_markdown_would_print_is_refused(tmp_path: Path, body: str) -> None:
    text, errors = shown(page(tmp_path, body))
    assert SECRET not in text and errors and text == "", (errors, text)


@pytest.mark.parametrize("body", ["Use `<!--` to open a comment.\n", "An \\<!-- escaped one.\n",
                                  "```\n<!-- in code -->\n```\n"])
def test_comment_markers_in_code_or_escaped_stay_literal(tmp_path: Path, body: str) -> None:
    text, errors = shown(page(tmp_path, body))
    assert errors == [] and "&lt;!--" in text


# ---- class 4: raw HTML links to a withheld page ---------------------------------

PRIVATE_NOTE = "---\ntitle: Salary talk\ndate: 2026-01-02\n---\nNumbers.\n"


@pytest.mark.parametrize("link", [
    '<a href="../reflections/salary-talk/">x</a>',
    '<a href="../../reflections/salary-talk/index.html">x</a>',
    "<a href='../reflections/salary-talk.md'>x</a>",
    '<a href=/reflections/salary-talk/>x</a>',
    '<a href="../reflections/salary%2Dtalk/">x</a>',
    '<img src="x.png" srcset="a.png 1x, ../reflections/salary-talk/ 2x">',
    '<p><a class="c" HREF="../reflections/salary-talk/">x</a></p>',
    '<meta http-equiv="refresh" content="0; url=../reflections/salary-talk/">',
    '<div style="background:url(../reflections/salary-talk/)">x</div>',
    '<a href="https://me.example/reflections/salary-talk/">x</a>',
    # the site's host with a port, a final dot or a user: still this site (its
    # host name, as ivsite.markup.remoteloads.own_host reads it, not the whole netloc)
    '<a href="https://ME.example:443/reflections/salary-talk/">x</a>',
    '<a href="https://me.example./reflections/salary-talk/">x</a>',
    '<a href="https://someone@me.example/reflections/salary-talk/">x</a>',
])
def test_raw_html_links_to_a_withheld_page_are_taken_out(tmp_path: Path, link: str) -> None:
    root = write_site(tmp_path, {"content/pages/p.md": HEAD + f"{PUBLIC} {link}\n\n{link}\n",
                                 "content/reflections/salary-talk.md": PRIVATE_NOTE},
                      'title = "T"\nbase_url = "https://me.example/"\n')
    text, errors = shown(root)
    assert errors == [] and PUBLIC in text
    assert "salary" not in text.lower(), text


# ---- the cut itself -------------------------------------------------------------

_WORDS = st.text(alphabet="abcdefgh ", min_size=1, max_size=12)
_PREFIXES = st.sampled_from(["", "> ", "- ", "  ", "1. ", "> > "])


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A body of random blocks, some withheld in random contexts, with canaries."""
    out: list[str] = []
    secrets: list[str] = []
    for i in range(draw(st.integers(1, 6))):
        prefix = draw(_PREFIXES)
        kind = draw(st.sampled_from(["public", "private", "mentor", "private", "html",
                                     "table", "code"]))
        word = f"cnry{i}x"
        if kind == "public":
            out.append(f"{prefix}{draw(_WORDS)} plainpublicword")
        elif kind == "code":
            out.append("```\n::: private\nliteral code\n:::\n```")
        elif kind == "html":
            tag = draw(st.sampled_from(["div", "details", "pre", "p"]))
            blank = draw(st.booleans())
            gap = "\n" if blank else ""
            out.append(f"<{tag}>\n{gap}::: private\n{word} {draw(_WORDS)}\n:::\n{gap}</{tag}>")
            secrets.append(word)
        elif kind == "table":
            out.append(f"| h |\n|---|\n| v |\n::: private\n| {word} |\n:::")
            secrets.append(word)
        else:
            inner = draw(st.sampled_from([
                f"{word} {{w}}", f"[^{i}]: {word}", f"[r{i}]: https://{word}.example",
                f"<span>{word}</span>", f"# {word}", f"- {word}", f"Term\n: {word}",
                f"<!-- {word} -->", f"```\n{word}\n```",
            ])).replace("{w}", draw(_WORDS))
            lines = [f"::: {kind}", *inner.split("\n"), ":::"]
            out.append("\n".join(prefix + line for line in lines))
            secrets.append(word)
        if draw(st.booleans()):
            out.append(f"Ref [x][r{i}] and note[^{i}] plainpublicword")
    return "\n\n".join(out) + "\n", secrets


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_no_withheld_canary_reaches_a_public_view(tmp_path_factory: pytest.TempPathFactory,
                                                  doc: tuple[str, list[str]]) -> None:
    body, secrets = doc
    root = page(tmp_path_factory.mktemp("doc"), body)
    text, errors = shown(root)
    for word in secrets:
        assert word not in text, (word, body, errors)
    mentor, _ = shown(root, "mentor")
    for word in secrets:
        private_only = f"::: private\n{word}" in body.replace("> ", "").replace("- ", "")
        if private_only:
            assert word not in mentor, (word, body)


@given(st.text(alphabet=":：∶ \u00a0\u200b>-*1.privatemntor`~<!->\n", max_size=80))
@settings(max_examples=400, deadline=None)
def test_the_cut_never_raises_and_keeps_every_line_once(body: str) -> None:
    c = passages.cut(body)
    assert [line.src for line in c.lines] == sorted(line.src for line in c.lines)
    text, where = c.text(passages.KINDS)
    assert len(text.split("\n")) == len(where)


# ---- whole builds -----------------------------------------------------------------

@pytest.mark.parametrize("context", ["details", "table-rows", "quote-lazy", "footnote-def"])
def test_build_and_mentor_build_never_publish_a_passage_in_odd_contexts(
        tmp_path: Path, context: str) -> None:
    site = leak_site(tmp_path / "site")
    body = f"{PUBLIC}\n\n" + CONTEXTS[context].replace("{fence}", "::: private").replace(
        SECRET, canary("oddctx"))
    put(site / "content/pages/odd.md", ({"title": "Odd", "visibility": "public"}, body))
    for audience in ("public", "mentor"):
        out = tmp_path / f"out-{audience}"
        result = build(site, audience=audience, out=out)  # type: ignore[arg-type]
        if result.status == EXIT_CONTENT:
            assert not out.exists()
            assert any(d.path == "content/pages/odd.md" for d in result.diagnostics.errors)
        else:
            assert result.status == 0
            assert OutputCorpus(out).find(canary("oddctx")) == []


def test_the_spaces_a_fence_reads_are_the_unicode_tables_own() -> None:
    """passagefences._SPACES stands for the Zs and Cc categories (less the newline), so
    that a line is normalised without asking unicodedata of each character."""
    import sys
    import unicodedata

    table = {chr(c) for c in range(sys.maxunicode + 1)
             if unicodedata.category(chr(c)) in ("Zs", "Cc")} - {"\n", " "}
    assert {chr(c) for c in range(sys.maxunicode + 1)
            if passagefences._SPACES.fullmatch(chr(c))} == table
