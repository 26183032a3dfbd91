"""Withheld means absent, for the vault syntax too.

``%% comments %%`` are cut out of the source like HTML comments (a canary in one
in every block context never reaches a view); an embed shows a note only as the
audience may read it, never a withheld note or passage; an inline ``#tag`` in a
withheld passage is no tag of the note; a callout is withheld with its passage.
Each protection also has a test that switches it off and shows the build's own
audit fail the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import OutputCorpus, canary
from unit_helpers import prepare, write_site

from ivsite.audience import viewembeds
from ivsite.audience.stage import build_view
from ivsite.core.diagnostics import Diagnostics
from ivsite.graph.stage import build_graph
from ivsite.markdown import comments
from ivsite.markdown.render import Renderer
from ivsite.pipeline import EXIT_CONTENT, build

SECRET = "zqxsecretword"
PUBLIC = "plainpublicword"
HEAD = "---\ntitle: Page\nvisibility: public\n---\n"
WORDS = "said in confidence about the team budget and the reorganisation plans"


def shown(root: Path, audience_: str = "public") -> tuple[str, list[str]]:
    """Everything an audience's view could print of every note, and the errors."""
    p = prepare(root)
    errors = [d.code for d in p.diags.errors]
    diags = Diagnostics()
    view = build_view(p.valid, p.config, audience_, diags)  # type: ignore[arg-type]
    errors += [d.code for d in diags.errors]
    graph = build_graph(view)
    r = Renderer(graph.url_of, lambda p: p, mark_passages=True, tag_url=graph.tag_url)
    parts = []
    for n in view.notes:
        parts += [r.render(n.tokens, n.env, graph.url(n)), n.text, n.summary, n.title,
                  *n.tags, *(e for _, _, e in n.passages),
                  repr([(t.content, t.attrs) for t in n.tokens])]
    return "\n".join(parts), errors


def page(tmp_path: Path, body: str) -> Path:
    return write_site(tmp_path, {"content/pages/p.md": HEAD + body})


# ---- %% comments in every context ------------------------------------------------

PERCENT_CONTEXTS = {
    "inline": f"Text %% {SECRET} %% more.\n",
    "block": f"%%\n{SECRET}\n%%\n",
    "past-blank-line": f"a %% {SECRET}\n\nstill {SECRET} %% b\n",
    "list": f"- item %% {SECRET} %%\n- next\n  %%\n  {SECRET}\n  %%\n",
    "quote": f"> quoted %% {SECRET} %%\n> %%\n> {SECRET}\n> %%\n",
    "table": f"| a | b |\n|---|---|\n| %% {SECRET} %% | 2 |\n",
    "footnote": f"Said[^n].\n\n[^n]: note %% {SECRET} %% end\n",
    "callout": f"> [!note] Title %% {SECRET} %%\n> body %% {SECRET} %%\n",
    "callout-block": f"> [!tip]-\n> %%\n> {SECRET}\n> %%\n",
    "heading": f"## Heading %% {SECRET} %%\n",
    "link-title": f"[x](https://example.org \"t %% {SECRET} %%\")\n",
    "image-alt": f"![photo %% {SECRET} %%](https://example.org/a.png)\n",
    "raw-html": f"<div>\n%% {SECRET} %%\n</div>\n",
    "deflist": f"Term\n: def %% {SECRET} %%\n",
    "highlight": f"==bright %% {SECRET} %% words==\n",
    "tag": f"#publictag %% #{SECRET} %%\n",
    "embed": f"%% ![[{SECRET}]] %%\n",
}


@pytest.mark.parametrize("context", sorted(PERCENT_CONTEXTS))
def test_percent_comments_are_cut_in_every_context(tmp_path: Path, context: str) -> None:
    for audience_ in ("public", "mentor", "private"):
        text, errors = shown(page(tmp_path, f"{PUBLIC}\n\n{PERCENT_CONTEXTS[context]}"),
                             audience_)
        assert errors == [] and SECRET not in text and PUBLIC in text, (audience_, text)


@pytest.mark.parametrize("body", [
    f"Words %% {SECRET} never closed\n\nmore\n",
    f"Words %% {SECRET}\n\n```\ncode\n```\n",
    # The cut reads a code span where Markdown does not: Markdown's reading wins.
    f"Run `make\nserve` first. %% `todo`: {SECRET}.\n\nStill {SECRET} %%\n",
])
def test_a_percent_comment_that_cannot_be_read_for_sure_is_refused(tmp_path: Path,
                                                                    body: str) -> None:
    text, errors = shown(page(tmp_path, body))
    assert SECRET not in text and "comment-unclosed" in errors and text == "", (errors, text)


def test_percent_signs_in_code_are_literal_and_not_comments(tmp_path: Path) -> None:
    text, errors = shown(page(tmp_path, f"`%%` then {PUBLIC} `%%`\n\n```\n%% {PUBLIC}2\n```\n"))
    assert errors == [] and f"then {PUBLIC}" in text and f"%% {PUBLIC}2" in text


# ---- callouts and passages -------------------------------------------------------

def test_a_callout_inside_a_passage_is_withheld_with_it(tmp_path: Path) -> None:
    root = page(tmp_path, f"{PUBLIC}\n\n::: private\n> [!warning] {SECRET}\n> {SECRET}\n:::\n\n"
                f"::: mentor\n> [!note] mentorword\n:::\n")
    public, errors = shown(root)
    mentor, _ = shown(root, "mentor")
    assert errors == [] and SECRET not in public + mentor and "mentorword" not in public
    assert 'data-callout="note"' in mentor and "mentorword" in mentor


def test_a_passage_inside_a_callout_is_cut_like_one_in_a_quote(tmp_path: Path) -> None:
    root = page(tmp_path, f"> [!tip] {PUBLIC}\n> shown\n> ::: private\n> {SECRET}\n> :::\n"
                "> after\n")
    public, errors = shown(root)
    private, _ = shown(root, "private")
    assert errors == [] and SECRET not in public and "after" in public
    assert SECRET in private and 'class="callout callout-tip"' in public


# ---- inline tags -----------------------------------------------------------------

def test_a_tag_only_in_a_withheld_passage_is_not_the_notes_tag(tmp_path: Path) -> None:
    root = page(tmp_path, f"{PUBLIC} #shown\n\n::: private\nSee #{SECRET}\n:::\n\n"
                "::: mentor\nAsk #mentortagword\n:::\n")
    p = prepare(root)
    for audience_, tags in (("public", ["shown"]), ("mentor", ["mentortagword", "shown"]),
                            ("private", ["mentortagword", "shown", SECRET])):
        view = build_view(p.valid, p.config, audience_, Diagnostics())  # type: ignore[arg-type]
        assert view.notes[0].tags == tags
        assert [t.name for t in build_graph(view).tags] == tags


# ---- embeds ----------------------------------------------------------------------

ROLE = (f"---\ntitle: Analyst\n---\nRole intro {PUBLIC}.\n\n## Skills\n\nSQL.\n\n"
        f"::: private\n{SECRET} private passage\n:::\n\n::: mentor\nmentorpassageword\n:::\n")
PRIVATE_NOTE = f"---\ntitle: Secret plan\ndate: 2026-01-01\n---\n{SECRET} body.\n\n## Part\n\nx\n"
MENTOR_NOTE = "---\ntitle: Mentor notes\nvisibility: mentor\n---\nmentorbodyword here.\n"


def _embed_site(root: Path, body: str) -> Path:
    return write_site(root, {"content/pages/p.md": HEAD + body,
                             "content/roles/analyst.md": ROLE,
                             "content/reflections/secret-plan.md": PRIVATE_NOTE,
                             "content/pages/mentor-notes.md": MENTOR_NOTE})


@pytest.mark.parametrize("embed", [
    "![[Secret plan]]", "![[reflections/secret-plan]]", "![[secret-plan]]",
    "![[Secret plan#Part]]", "See ![[Secret plan]] inline.",
])
def test_an_embed_of_a_withheld_note_reads_as_a_private_note(tmp_path: Path,
                                                             embed: str) -> None:
    root = _embed_site(tmp_path, f"{PUBLIC}\n\n{embed}\n")
    for audience_ in ("public", "mentor"):
        text, errors = shown(root, audience_)
        assert errors == [] and "a private note" in text
        assert SECRET not in text and "Secret plan" not in text and "secret-plan" not in text


def test_an_embed_shows_only_what_the_audience_may_read_of_the_note(tmp_path: Path) -> None:
    root = _embed_site(tmp_path, "Intro.\n\n![[roles/analyst]]\n\n![[Mentor notes]]\n")
    public, errors = shown(root)
    mentor, _ = shown(root, "mentor")
    assert errors == [] and f"Role intro {PUBLIC}" in public
    assert SECRET not in public + mentor
    assert "mentorpassageword" not in public and "mentorbodyword" not in public
    assert "mentorpassageword" in mentor and "mentorbodyword" in mentor


def test_an_embedded_section_holds_no_withheld_passage(tmp_path: Path) -> None:
    root = _embed_site(tmp_path, "![[Analyst#Skills]]\n")
    public, errors = shown(root)
    assert errors == [] and "SQL." in public and SECRET not in public


# ---- whole builds ----------------------------------------------------------------

def test_builds_never_publish_percent_comments_or_withheld_embeds(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {
        "content/pages/p.md": HEAD + f"{PUBLIC}\n\n" + "\n".join(
            v.replace(SECRET, canary(f"pct{k}")) for k, v in PERCENT_CONTEXTS.items())
        + "\n![[Secret plan]]\n\n![[roles/analyst]]\n",
        "content/roles/analyst.md": ROLE.replace(SECRET, canary("rolepass")),
        "content/reflections/secret-plan.md": PRIVATE_NOTE.replace(SECRET, canary("privnote")),
    })
    for audience_ in ("public", "mentor"):
        out = tmp_path / f"out-{audience_}"
        result = build(site, audience=audience_, out=out)  # type: ignore[arg-type]
        assert result.status == 0, [d.text() for d in result.diagnostics]
        corpus = OutputCorpus(out)
        hits = {k: corpus.find(canary(f"pct{k}")) for k in PERCENT_CONTEXTS}
        assert all(v == [] for v in hits.values()), hits
        assert corpus.find(canary("rolepass")) == [] and corpus.find(canary("privnote")) == []
        assert corpus.find("Secret plan") == [] and corpus.find(PUBLIC)


# ---- the audit alone -------------------------------------------------------------

def _expect_audit_failure(site: Path, out: Path, source: str) -> None:
    result = build(site, out=out)
    audit = [d for d in result.diagnostics if d.code == "audit"]
    assert result.status == EXIT_CONTENT, [d.text() for d in result.diagnostics]
    assert audit and all(d.severity == "error" for d in audit), \
        [d.text() for d in result.diagnostics]
    assert source in {d.path for d in audit}, [d.text() for d in audit]
    assert not out.exists()


AUDIT_CASES = {
    "inline": f"x %% {canary('p1')} {WORDS} %%\n",
    "block": f"%%\n{canary('p2')} {WORDS}\n%%\n",
    "list": f"- item\n- %% {canary('p3')} {WORDS} %%\n",
    "callout": f"> [!note]\n> %% {canary('p4')} {WORDS} %%\n",
    "table": f"| a |\n|---|\n| %% {canary('p5')} {WORDS} %% |\n",
}


@pytest.mark.parametrize("case", sorted(AUDIT_CASES))
def test_percent_comments_the_cutter_lets_through_fail_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    site = write_site(tmp_path / "site", {
        "content/pages/about.md": "---\ntitle: About\n---\nHello.\n",
        "content/pages/odd.md": "---\ntitle: Odd\nvisibility: public\n---\nPublic words.\n\n"
                                + AUDIT_CASES[case]})
    # The cutter's whole handling of %% comments: it knows HTML comments alone.
    monkeypatch.setattr(comments, "MARKERS", (comments.HTML,))
    _expect_audit_failure(site, tmp_path / "out", "content/pages/odd.md")


def test_the_percent_cases_are_clean_with_the_cutter_on(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {
        "content/pages/about.md": "---\ntitle: About\n---\nHello.\n",
        "content/pages/odd.md": "---\ntitle: Odd\nvisibility: public\n---\nPublic words.\n\n"
                                + "\n".join(AUDIT_CASES.values())})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]


def test_an_embed_that_inlined_the_raw_note_fails_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path / "site", {
        "content/pages/about.md": "---\ntitle: About\n---\nHello.\n\n![[Secret plan]]\n",
        "content/reflections/secret-plan.md":
            f"---\ntitle: Secret plan\ndate: 2026-01-01\n---\n{canary('e1')} {WORDS}.\n"})

    def raw(self: viewembeds.EmbedFilter, tok: object) -> list[object]:
        target = viewembeds.resolve_wiki(self.site, "Secret plan")
        assert isinstance(target, viewembeds.NoteTarget)
        return list(target.note.tokens)  # the raw note, not a view of it

    monkeypatch.setattr(viewembeds.EmbedFilter, "block", raw)
    _expect_audit_failure(site, tmp_path / "out", "content/reflections/secret-plan.md")


@pytest.mark.parametrize("body", [
    "Said[^n].\n\n[^n]: ![[Secret plan]]\n",
    "Said[^n].\n\n[^n]: See ![[Secret plan]].\n",
    "- ![[Secret plan]]\n- x\n",
    "| a |\n|---|\n| ![[Secret plan]] |\n",
    "> [!note] ![[Secret plan]]\n> ![[Secret plan]]\n",
])
def test_an_embed_of_a_withheld_note_is_withheld_in_every_context(tmp_path: Path,
                                                                  body: str) -> None:
    root = _embed_site(tmp_path, f"{PUBLIC}\n\n{body}")
    text, errors = shown(root)
    assert errors == [] and "a private note" in text, text
    assert SECRET not in text and "Secret plan" not in text and "secret-plan" not in text
