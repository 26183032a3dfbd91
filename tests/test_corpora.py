"""Real-world input: the Jekyll repository's Markdown files and the CommonMark spec.

* Every Markdown file of jekyll/jekyll (318 files: BOM, CRLF, UTF-16, broken YAML,
  Liquid, ``published: false``, no front matter…) dropped into a site gives
  diagnostics, never a traceback, through ``ivsite check --format json`` and
  ``ivsite build``. The corpus is read-only and lives in ../shared/corpora; each
  test copies the file it needs into a temporary site.
* Every example of the CommonMark spec 0.31.2 (tests/fixtures/commonmark/spec.json,
  copied with its licence) rendered by ivsite's Markdown dialect gives the
  spec's HTML, except for the differences listed, with the reason, in
  ``DELIBERATE`` (renderer alone) and ``DELIBERATE_FILTERED`` (through the audience
  filter of a public note). Nothing is normalised except what
  ``FILTERED_NORMALISATIONS`` lists. A sample also goes through the real build.
* Names in other scripts looked for by sound (ivsite.names.soundkey) find nothing in
  either corpus that their spelt forms do not find already.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sites import (
    OutputCorpus,
    assert_no_internal_error,
    run_cli,
    write_site,
)

from ivsite.audience.stage import build_view
from ivsite.core.diagnostics import Diagnostics
from ivsite.markdown.dialect import markdown
from ivsite.markdown.render import Renderer
from ivsite.names import givenforms, nameforms
from ivsite.names.people import matcher_of, needle_of
from ivsite.names.soundkey import name_sounds
from ivsite.pipeline import Pipeline, Rehearse, Request, build, run
from ivsite.text.textmatch import Matcher

HERE = Path(__file__).resolve().parent
CORPORA = next(
    (p for p in (HERE.parent.parent / "shared" / "corpora", Path("/work/shared/corpora"))
     if (p / "jekyll" / "files").is_dir()),
    HERE.parent.parent / "shared" / "corpora",
)
JEKYLL = CORPORA / "jekyll" / "files"
JEKYLL_FILES = sorted(p.relative_to(JEKYLL).as_posix() for p in JEKYLL.rglob("*")
                      if p.is_file()) if JEKYLL.is_dir() else []
NOT_PUBLISHED = "test/source/_posts/2008-02-02-not-published.markdown"
SPEC = json.loads((HERE / "fixtures" / "commonmark" / "spec.json").read_text("utf-8"))
EXAMPLES = {ex["example"]: ex for ex in SPEC}

needs_jekyll = pytest.mark.skipif(not JEKYLL_FILES, reason=f"no corpus at {JEKYLL}")


def safe_name(i: int, rel: str) -> str:
    stem, _, suffix = rel.rsplit("/", 1)[-1].rpartition(".")
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "note"
    return f"{i:03d}-{slug}.{suffix}"


# --------------------------------------------------------------------------- Jekyll


def _check_json(site: Path) -> tuple[int, list[dict[str, Any]]]:
    result = run_cli(site, "check", "--format", "json")
    assert_no_internal_error(result)
    diags = result.json()
    errors = [d for d in diags if d["severity"] == "error"]
    assert (result.exit_code == 1) == bool(errors), (result.exit_code, diags)
    for d in diags:
        assert set(d) == {"path", "line", "col", "severity", "code", "message", "hint"}
        assert d["message"] and d["code"]
        assert d["line"] >= 0 and d["col"] >= 0
    return result.exit_code, diags


def test_corpus_is_complete() -> None:
    if not JEKYLL_FILES:
        pytest.skip(f"no corpus at {JEKYLL}")
    assert len(JEKYLL_FILES) == 318
    assert NOT_PUBLISHED in JEKYLL_FILES


@needs_jekyll
@pytest.mark.parametrize("rel", JEKYLL_FILES or ["none"])
def test_jekyll_file_as_page(rel: str, tmp_path: Path) -> None:
    """As a page: check gives diagnostics (exit 0/1), and where it says 1, build
    agrees and writes nothing. The files check passes are built together, each
    page written, in test_jekyll_good_files_build_together_without_leaking_the_
    unpublished (a whole build per file made this the suite's costliest test)."""
    i = JEKYLL_FILES.index(rel)
    name = safe_name(i, rel)
    site = write_site(tmp_path / "site", {f"pages/{name}": (JEKYLL / rel).read_bytes()})
    status, diags = _check_json(site)
    assert {d["path"] for d in diags} <= {f"content/pages/{name}"}, diags
    if status == 0:
        return
    result = run_cli(site, "build")
    assert result.exception is None and "internal error" not in result.stderr, result.stderr
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    assert not (site / "_site").exists()


@needs_jekyll
@pytest.mark.parametrize("rel", JEKYLL_FILES or ["none"])
def test_jekyll_file_as_interview(rel: str, tmp_path: Path) -> None:
    """As an interview (which needs a person and a date): diagnostics, no traceback."""
    name = safe_name(JEKYLL_FILES.index(rel), rel)
    site = write_site(tmp_path / "site", {f"interviews/{name}": (JEKYLL / rel).read_bytes()})
    status, diags = _check_json(site)
    assert status == 1
    assert {d["path"] for d in diags} == {f"content/interviews/{name}"}


@needs_jekyll
def test_jekyll_published_false_is_an_error_never_a_page(tmp_path: Path) -> None:
    data = (JEKYLL / NOT_PUBLISHED).read_bytes()
    line = data.decode().splitlines().index("published: false") + 1
    site = write_site(tmp_path / "site", {
        "pages/not-published.markdown": data,
        "pages/index.md": "---\ntitle: Home\n---\nHome.\n",
    })
    status, diags = _check_json(site)
    assert status == 1
    assert [(d["path"], d["line"], d["col"], d["severity"], d["code"]) for d in diags
            if d["severity"] == "error"] == [
        ("content/pages/not-published.markdown", line, 1, "error", "privacy-key")]
    result = run_cli(site, "build")
    assert result.exit_code == 1
    assert not (site / "_site").exists()
    # Nor in the mentor view.
    result = run_cli(site, "build", "--audience", "mentor", "--out", "mentor")
    assert result.exit_code == 1
    assert not (site / "mentor").exists()


@needs_jekyll
def test_jekyll_corpus_in_one_site(tmp_path: Path) -> None:
    """All 318 files at once, spread over the four collections: every problem is
    reported in one run, each at a file of the site; build writes nothing."""
    collections = ("pages", "interviews", "reflections", "roles")
    content = {
        f"{collections[i % 4]}/{safe_name(i, rel)}": (JEKYLL / rel).read_bytes()
        for i, rel in enumerate(JEKYLL_FILES)
    }
    site = write_site(tmp_path / "site", content)
    status, diags = _check_json(site)
    assert status == 1
    paths = {d["path"] for d in diags}
    assert paths <= {f"content/{k}" for k in content}
    # every interview lacks a person, so each of them is reported
    assert {f"content/{k}" for k in content if k.startswith("interviews/")} <= paths
    not_published = next(k for k in content if k.endswith("not-published.markdown"))
    assert any(d["path"] == f"content/{not_published}" and d["code"] == "privacy-key"
               for d in diags)
    result = run_cli(site, "build")
    assert result.exception is None and "internal error" not in result.stderr
    assert result.exit_code == 1
    assert not (site / "_site").exists()


SAMPLE_NAMES = (
    "Дмитрий Волков", "राहुल शर्मा", "محمد علي", "Сергей Петров", "Мария Сантос",
    "Марк Стоун", "Питер Миллер", "Даниэль Харрис", "فاطمة حسن", "أحمد خان",
    "Павел Новак", "Ольга Иванова", "Κωνσταντίνος Παπαδόπουλος", "Γιώργος Νικολάου",
    "Ελένη Γεωργίου", "प्रियंका पटेल", "अर्जुन मेहता", "Анастасия Смирнова",
    "Николай Кузнецов", "Карлос Родригес", "Жан Дюбуа", "Джон Смит", "Джеймс Браун",
    "クエンティン・ザブロウスキー", "Квентин Забровски", "Ханс Мюллер")
"""Names written in other scripts, looked for by sound in the corpora's English text:
common ones of many languages, and English ones written in Cyrillic."""
MAINTAINERS = ("Паркер Мур", "Бен Балтер", "Том Престон")
"""Jekyll's maintainers, whom the corpus names, written in Cyrillic."""


@needs_jekyll
def test_names_by_sound_find_nothing_new_in_the_corpora() -> None:
    """A name in another script looked for by sound (ivsite.names.soundkey) hits no file
    of the corpora that its spelt forms do not hit already: real Markdown's
    neighbouring words do not sound like these names. The maintainers are found."""
    names = [n for n in SAMPLE_NAMES if name_sounds(n)]
    assert len(names) >= 20
    heard = matcher_of(("unconsented name", n, n) for n in names)
    spelt = Matcher([(seq, n) for n in names for seq in needle_of("unconsented name", n).seqs])
    texts = {p.relative_to(JEKYLL).as_posix(): p.read_bytes().decode("utf-8", "replace")
             for p in JEKYLL.rglob("*") if p.is_file()}
    texts |= {f"spec {n}": ex["markdown"] for n, ex in EXAMPLES.items()}
    new = {rel: extra for rel, text in texts.items()
           if (extra := set(heard.find(text)) - set(spelt.find(text)))}
    assert new == {}
    maintainers = matcher_of(("unconsented name", n, n) for n in MAINTAINERS)
    assert {n for text in texts.values() for n in maintainers.find(text)} == set(MAINTAINERS)


LATIN_NAMES = (
    "Robert Smith", "William Moore", "Mark Green", "Will Young", "Dean Ward",
    "James Miller", "Daniel Harris", "Michael Brown", "David Mitchell", "Margaret Adams",
    "Edward Hall", "Richard Dean", "Thomas Wood", "Jane Doe", "Tom Dam", "Dan Clark",
    "John Day", "Mary Mead", "Sam Dean", "Parker Moore", "Ben Balter", "Tom Preston",
    "Frank Dale", "Matt Rogers", "Al Dunn")
"""Names in Latin letters with letters drawn as pairs (m, d), other forms of the
given name, short initial+surname runs ("jdoe", "tdam") and short sound keys."""


@needs_jekyll
def test_names_red_team_9_spellings_find_nothing_new_in_the_corpora(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Red team 9's spellings (ivsite.names.drawnpairs, ivsite.names.nicknamed, short handles,
    short names by sound) hit no file of the corpora that the spellings before
    them do not hit already: "rn", "cl", "will", "mark" and "json" abound there."""
    texts = [p.read_bytes().decode("utf-8", "replace") for p in JEKYLL.rglob("*")
             if p.is_file()] + [ex["markdown"] for ex in EXAMPLES.values()]
    now = matcher_of(("unconsented name", n, n) for n in LATIN_NAMES)
    found = [set(now.find(text)) for text in texts]
    monkeypatch.setattr(nameforms, "drawn_seqs", lambda seqs: set())
    monkeypatch.setattr(givenforms, "GIVEN_VARIANTS", False)
    monkeypatch.setattr(nameforms, "MIN_SHORT_HANDLE", nameforms.MAX_SHORT_HANDLE + 1)
    before = matcher_of(("unconsented name", n, n) for n in LATIN_NAMES)
    new = [extra for text, hits in zip(texts, found, strict=True)
           if (extra := hits - set(before.find(text)))]
    assert new == []
    assert set().union(*found) >= {"Parker Moore", "Ben Balter"}  # the maintainers


@pytest.mark.slow
@needs_jekyll
def test_jekyll_good_files_build_together_without_leaking_the_unpublished(tmp_path: Path
                                                                          ) -> None:
    """The files that pass ``check`` as pages, built together as one public site:
    the build succeeds, writes each one's page, audits itself, and the unpublished
    post's text is nowhere."""
    every = {f"pages/{safe_name(i, rel)}": (JEKYLL / rel).read_bytes()
             for i, rel in enumerate(JEKYLL_FILES) if rel != NOT_PUBLISHED}
    # The public view alone, in memory: the build below makes no other.
    probe = write_site(tmp_path / "probe", every)
    checked = run(Pipeline(probe, persist_cache=False, pages="public"),
                  Request("public", lock=False), Rehearse())
    bad = {d.path.removeprefix("content/") for d in checked.diagnostics.errors}
    good = {k: v for k, v in every.items() if k not in bad}
    assert len(good) > 50
    site = write_site(tmp_path / "site", good)
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics][:10]
    missing = [k for k in good if not (tmp_path / "out" / k.removeprefix("pages/").rsplit(
        ".", 1)[0] / "index.html").is_file()]
    assert missing == [], missing[:20]
    corpus = OutputCorpus(tmp_path / "out")
    assert corpus.find("This should *not* be published") == []
    assert corpus.find("This should <em>not</em> be published") == []
    # The unpublished post stops a build: test_jekyll_published_false_is_an_error_never_a_page.


# --------------------------------------------------------------------------- CommonMark

UPSTREAM_EMPTY_QUOTE = (
    "markdown-it-py (the parser ivsite uses) writes an empty block quote as "
    "<blockquote></blockquote>, without the newline inside: the same DOM; an upstream "
    "difference, not a choice of ivsite")
WIKI = ("`[[…]]` is an ivsite wiki-link (CONTRACT.md, Body): its token has no HTML of its "
        "own, the audience filter turns it into a link or a label; through the bare "
        "renderer it prints as '< />'")

HIGHLIGHTED = ("a fence with a language Pygments knows is highlighted at build time "
               "(issue 12): the same code, in spans of Pygments' classes")

DELIBERATE: dict[int, str] = {
    220: UPSTREAM_EMPTY_QUOTE,
    241: UPSTREAM_EMPTY_QUOTE,
    242: UPSTREAM_EMPTY_QUOTE,
    550: WIKI + "; here `[[foo]]` inside `[…]`",
    561: WIKI + "; `[[*foo* bar]]` is a wiki-link, not a bracketed reference link",
    592: "`![[foo]]` is an Obsidian embed (issue 11): its token has no HTML of its own, "
         "the audience filter puts the note's text, a link or a label in its place",
    64: "`#hashtag` is an Obsidian inline tag (issue 11): a tag link, a span through the "
        "bare renderer",
    **{n: HIGHLIGHTED for n in (142, 143)},
}

COMMENT = "HTML comments are removed from every output (CONTRACT.md, Body)"
BROKEN_IMAGE = (
    "the image's source is not a file of the site (a broken-link error in check and "
    "build); the audience filter writes such an image as its alt text, verbatim")
WIKI_FILTERED = (
    "`[[…]]` is an ivsite wiki-link; one that names no note is a broken-link error and is "
    "written as its label, or 'a private note' where it has none")

DELIBERATE_FILTERED: dict[int, str] = {
    **{n: UPSTREAM_EMPTY_QUOTE for n in (220, 241, 242)},
    **{n: COMMENT for n in (179, 181, 185, 310, 311, 627, 628)},
    **{n: BROKEN_IMAGE for n in (519, 522, 533, *range(574, 592), 593)},
    **{n: WIKI_FILTERED for n in (550, 561, 592)},
    **{n: HIGHLIGHTED for n in (142, 143)},
}

HIDING = ("a <style> element or a <script> with code in a note an audience reads is a "
          "'hiding-markup' error (red-team F8): CSS and scripts can show other letters "
          "than are written, which no check can read")
BOGUS = "a bogus HTML comment (<?…?>, <!X …>, CDATA) shows nothing in a browser: refused"
REFUSED: dict[int, str] = {**{n: HIDING for n in (172, 174, 175, 178, 180)},
                           **{n: BOGUS for n in (182, 183, 184, 629, 630, 631)}}
"""Examples whose public note validation refuses (their spec HTML is never published)."""

FILTERED_NORMALISATIONS = {
    "heading ids": (re.compile(r'(<h[1-6]) id="[^"]*"'), r"\1"),
    # The renderer gives every heading an anchor (for links to a section and for
    # the question bank); the spec's HTML has none. Nothing else is normalised.
}


@pytest.mark.parametrize("number", sorted(EXAMPLES))
def test_commonmark_example(number: int) -> None:
    ex = EXAMPLES[number]
    html = markdown().render(ex["markdown"])
    if number in DELIBERATE:
        assert html != ex["html"], f"example {number} now matches: remove it from DELIBERATE"
    else:
        assert html == ex["html"], ex["markdown"]


def test_commonmark_fixture_is_the_whole_spec() -> None:
    assert len(EXAMPLES) == 655 and sorted(EXAMPLES) == list(range(1, 656))
    assert set(DELIBERATE) <= set(EXAMPLES) and set(DELIBERATE_FILTERED) <= set(EXAMPLES)
    assert set(REFUSED) <= set(EXAMPLES) and not set(REFUSED) & set(DELIBERATE_FILTERED)


@pytest.fixture(scope="module")
def filtered_html(tmp_path_factory: pytest.TempPathFactory) -> dict[int, str]:
    """Every example as the body of a public page, through load, parse, validate,
    the audience filter and the renderer (the path of every page body)."""
    site = write_site(tmp_path_factory.mktemp("commonmark"), {
        f"pages/ex-{n:03d}.md": f"---\ntitle: Example {n}\nvisibility: public\n---\n"
        + ex["markdown"] for n, ex in EXAMPLES.items()
    })
    diags = Diagnostics()
    pipe = Pipeline(site, persist_cache=False)
    prep = pipe.prepare(diags)
    assert prep is not None
    view = build_view(prep.valid, prep.config, "public", diags)
    renderer = Renderer(note_url=lambda _: None, asset_url=lambda p: p, mark_passages=False)
    out: dict[int, str] = {}
    for note in view.notes:
        n = int(note.slug.removeprefix("ex-"))
        out[n] = renderer.render(note.tokens, note.env, note.slug + "/")
    return out


@pytest.mark.parametrize("number", sorted(EXAMPLES))
def test_commonmark_example_through_the_audience_filter(filtered_html: dict[int, str],
                                                        number: int) -> None:
    ex = EXAMPLES[number]
    if number in REFUSED:
        assert number not in filtered_html, f"example {number} is published: remove it"
        return
    assert number in filtered_html, "the note was rejected by validation"
    html = filtered_html[number]
    for pattern, repl in FILTERED_NORMALISATIONS.values():
        html = pattern.sub(repl, html)
    if number in DELIBERATE_FILTERED:
        assert html != ex["html"], f"example {number} now matches: remove it"
    else:
        assert html == ex["html"], ex["markdown"]


def _buildable(ex: dict[str, Any]) -> bool:
    """Examples whose page builds without errors and whose HTML the page shows as is
    (no headings, which the page renumbers; no links, images or raw HTML)."""
    md, html = ex["markdown"], ex["html"]
    return (bool(html.strip()) and ex["example"] not in DELIBERATE_FILTERED
            and ex["example"] not in REFUSED
            and not re.search(r"<h[1-6]|<a |<img|<!--", html)
            and not any(c in md for c in "[]<!:")
            and not re.search(r"^ {0,3}(#|=+\s*$|-+\s*$)", md, re.M))


SAMPLE = [n for n, ex in EXAMPLES.items() if _buildable(ex)]


def test_commonmark_sample_through_the_real_build(tmp_path: Path) -> None:
    assert len(SAMPLE) > 150
    site = write_site(tmp_path / "site", {
        f"pages/ex-{n:03d}.md": f"---\ntitle: Example {n}\nvisibility: public\n---\n"
        + EXAMPLES[n]["markdown"] for n in SAMPLE
    })
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics][:10]
    missing = []
    for n in SAMPLE:
        page = (tmp_path / "out" / f"ex-{n:03d}" / "index.html").read_text("utf-8")
        if EXAMPLES[n]["html"] not in page:
            missing.append(n)
    assert missing == [], [(n, EXAMPLES[n]["markdown"]) for n in missing[:5]]
