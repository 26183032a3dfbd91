"""The questions pages: an index, a page per bank question, the other questions
asked, each split into pages of at most ``ANSWERS_PER_PAGE`` (``OTHER_PER_PAGE``).

A site with more public answers to one bank question than two pages hold (and
more other questions than one page holds) is built as a user builds it, for the
public and for the mentor: the tests follow the pages' links, count every answer,
and search every output byte for the answers a withheld interview or passage
gave (the leak suite's way: tests/sites.py ``OutputCorpus``). Smaller sites,
emitted in memory, cover slugs that clash and encrypted views.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sites import DEFAULT_CONFIG, Content, OutputCorpus, canary, write_site
from unit_helpers import prepare

from ivsite.audience.stage import build_view
from ivsite.audience.viewnote import Audience
from ivsite.core.diagnostics import Diagnostics
from ivsite.emit import ANSWERS_PER_PAGE, OTHER_PER_PAGE, emit, question_slugs
from ivsite.emit import questions as emit_module
from ivsite.emit.output import OutputPlan
from ivsite.emit.theme import Theme
from ivsite.graph.stage import build_graph
from ivsite.mentor import crypto
from ivsite.pipeline import build

N = ANSWERS_PER_PAGE
PUBLIC = 2 * N + 3
"""Public interviews, each answering the typical-day question: three pages."""
assert 2 * PUBLIC > OTHER_PER_PAGE  # each asks two other questions: two pages of them
BASE = urlsplit(DEFAULT_CONFIG["base_url"]).path  # where 404.html's absolute links start
WITHHELD = {
    "private": [canary("qprivate"), canary("qprivq"), canary("qpassage"), canary("qpassq")],
    "mentor": [canary("qmentor"), canary("qmentorq")],
}
FIRST = dt.date(2024, 1, 1)


def _interview(i: int) -> tuple[dict[str, Any], str]:
    """Public interview ``i`` (a day later than ``i - 1``): one bank answer, two
    other questions, each with a word found nowhere else."""
    front = {"date": FIRST + dt.timedelta(days=i), "visibility": "public",
             "person": {"name": "Pat Tester", "company": f"Firm{i:03d}"},
             "consent": {"publish_name": True}}
    body = (f"## What does a typical day look like?\n\nTYPICAL{i:03d} meetings, then code.\n\n"
            f"## Why did you choose firm{i:03d} first?\n\nBecause.\n\n"
            f"## What happens in week {i:03d}?\n\nPlanning.\n")
    return front, body


def _content() -> dict[str, Content]:
    content: dict[str, Content] = {
        "questions.yaml": (
            "- id: typical-day\n  text: What does a typical day look like?\n"
            "  aliases: ['What is a normal day like?']\n"
            "- id: never-asked\n  text: What would you never do again?\n"),
    }
    for i in range(PUBLIC):
        content[f"interviews/p{i:03d}.md"] = _interview(i)
    late = FIRST + dt.timedelta(days=PUBLIC + 10)
    content["interviews/withheld-private.md"] = (
        {"date": late, "visibility": "private", "person": {"name": "Quinn Hidden"}},
        f"## What does a typical day look like?\n\n{canary('qprivate')} a private answer.\n\n"
        f"## Is {canary('qprivq')} a question?\n\nYes.\n")
    content["interviews/withheld-mentor.md"] = (
        {"date": late, "visibility": "mentor", "person": {"name": "Morgan Mentorly"},
         "consent": {"publish_name": True}},
        f"## What does a typical day look like?\n\n{canary('qmentor')} a mentor answer.\n\n"
        f"## Is {canary('qmentorq')} a question?\n\nYes.\n")
    content["interviews/passage.md"] = (
        {"date": FIRST - dt.timedelta(days=1), "visibility": "public",
         "person": {"name": "Robin Passage"}, "consent": {"publish_name": True}},
        "PUBLIC-ok-passage Before.\n\n::: private\n## What is a normal day like?\n\n"
        f"{canary('qpassage')} said off the record.\n\n## Is {canary('qpassq')} asked?\n\n"
        "Yes.\n:::\n")
    return content


@dataclass
class Output:
    folder: Path
    corpus: OutputCorpus

    def html(self, rel: str) -> str:
        return self.corpus.html(rel)

    def pages(self, prefix: str) -> list[str]:
        return sorted(r for r in self.corpus.files
                      if r.startswith(prefix) and r.endswith("index.html"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("questions") / "site", _content())


def _built(site: Path, audience: Audience, out: Path) -> Output:
    result = build(site, audience=audience, out=out)
    errors = [d.text() for d in result.diagnostics if d.severity == "error"]
    assert result.status == 0 and not errors, errors
    return Output(out, OutputCorpus(out))


@pytest.fixture(scope="module")
def public(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Output:
    return _built(site, "public", tmp_path_factory.mktemp("out") / "public")


@pytest.fixture(scope="module")
def mentor(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Output:
    return _built(site, "mentor", tmp_path_factory.mktemp("out") / "mentor")


# --------------------------------------------------------------------------- reading HTML


class Page(HTMLParser):
    """The links (with their attributes), ids, navs and title of one page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.navs: list[str] = []
        self.title = ""
        self.h1 = ""
        self._in: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a)
        if tag == "nav":
            self.navs.append(a.get("aria-label", ""))
        if tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data

    def rel(self, value: str) -> list[str]:
        return [a["href"] for a in self.links if a.get("rel") == value]


def target(page: str, href: str, base: str = BASE) -> tuple[str, str] | None:
    """(output file, fragment) of an internal link on ``page``; None for others."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        assert path.startswith(base), (page, href)
        out = path[len(base):]
    elif path == "":
        out = page
    else:
        out = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        out = "" if out == "." else out + ("/" if path.endswith("/") else "")
    if out == "" or out.endswith("/"):
        out += "index.html"
    assert not out.startswith(".."), (page, href)
    return out, parts.fragment


def broken_links(files: dict[str, str], base: str = BASE) -> list[str]:
    """Every internal link in ``files`` (output path → HTML) to a file or an id
    that is not there."""
    pages = {p: Page(t) for p, t in files.items()}
    problems = []
    for path, page in pages.items():
        for a in page.links:
            got = target(path, a["href"], base)
            if got is None:
                continue
            file, fragment = got
            if file not in pages:
                if not file.endswith(".html"):
                    continue  # feed, static files: the emit tests check those
                problems.append(f"{path}: {a['href']} -> no {file}")
            elif fragment and fragment not in pages[file].ids:
                problems.append(f"{path}: {a['href']} -> no #{fragment} in {file}")
    return problems


def html_of(out: Output) -> dict[str, str]:
    return {r: d.decode("utf-8") for r, d in out.corpus.files.items() if r.endswith(".html")}


def walk(out: Output, start: str, rel: str) -> list[str]:
    """The pages met by following the ``rel`` link from ``start`` until there is none."""
    seen = [start]
    while hrefs := Page(out.html(seen[-1])).rel(rel):
        assert len(hrefs) == 1, (seen[-1], hrefs)
        got = target(seen[-1], hrefs[0])
        assert got is not None and got[0] not in seen, (seen, hrefs)
        seen.append(got[0])
    return seen


# --------------------------------------------------------------------------- the index


def test_index_lists_each_question_with_its_count_and_link(public: Output) -> None:
    index = public.html("questions/index.html")
    assert ('<li id="q-typical-day"><a href="typical-day/">What does a typical day look like?'
            f'</a> <span class="muted">({PUBLIC} answers)</span></li>') in index
    # A question nobody answered is listed, with no page to link to.
    assert ('<li id="q-never-asked">What would you never do again? '
            '<span class="muted">(no answers yet)</span></li>') in index
    assert not public.pages("questions/never-asked/")
    assert f'<a href="other/">Other questions asked</a> <span class="muted">({2 * PUBLIC})' \
        in index
    assert "TYPICAL000" not in index  # the index holds no answer
    # "Questions" in the site's nav is the index on every questions page, and the
    # current page only there.
    for rel in public.pages("questions/"):
        html = public.html(rel)
        nav = html[html.index('<nav class="site-nav"'):]
        link = re.search(r'<a href="([^"]*)"([^>]*)>Questions</a>', nav)
        assert link is not None, rel
        assert target(rel, link.group(1)) == ("questions/index.html", ""), rel
        current = 'aria-current="page"' in link.group(2)
        assert current == (rel == "questions/index.html"), rel


@pytest.mark.parametrize("audience", ["public", "mentor"])
def test_every_link_and_fragment_resolves(audience: str, request: pytest.FixtureRequest) -> None:
    out: Output = request.getfixturevalue(audience)
    assert broken_links(html_of(out)) == []


# --------------------------------------------------------------------------- pagination


def test_a_long_question_is_split_across_pages(public: Output) -> None:
    pages = walk(public, "questions/typical-day/index.html", "next")
    assert pages == ["questions/typical-day/index.html", "questions/typical-day/2/index.html",
                     "questions/typical-day/3/index.html"]
    assert public.pages("questions/typical-day/") == sorted(pages)
    assert walk(public, pages[-1], "prev") == pages[::-1]
    seen: list[str] = []
    for number, rel in enumerate(pages, 1):
        html = public.html(rel)
        page = Page(html)
        shown = re.findall(r"TYPICAL(\d{3})", html)
        assert len(shown) == (N if number < 3 else PUBLIC - 2 * N), rel
        seen += shown
        assert f"(page {number} of 3)" in page.title and f"(page {number} of 3)" in page.h1
        assert "Pages of answers" in page.navs
        current = [a for a in page.links if a.get("aria-current") == "page"
                   and a.get("aria-label", "").startswith("Page ")]
        assert [a["aria-label"] for a in current] == [f"Page {number}"], rel
    # Every answer exactly once, in the graph's order (newest first).
    assert seen == [f"{i:03d}" for i in reversed(range(PUBLIC))]


def test_other_questions_are_paginated_the_same_way(public: Output) -> None:
    pages = walk(public, "questions/other/index.html", "next")
    assert pages == ["questions/other/index.html", "questions/other/2/index.html"]
    assert public.pages("questions/other/") == sorted(pages)
    text = "".join(public.html(p) for p in pages)
    for i in range(PUBLIC):
        assert text.count(f"Why did you choose firm{i:03d} first?") == 1, i
        assert text.count(f"What happens in week {i:03d}?") == 1, i
    assert len(re.findall(r"<li id=\"a-", public.html(pages[0]))) == OTHER_PER_PAGE
    assert "(page 2 of 2)" in Page(public.html(pages[1])).h1


def test_interview_pages_link_to_the_page_that_shows_their_answer(public: Output) -> None:
    # Interview 0 is the oldest: its answer is the last, on the third page.
    rel = "interviews/p000/index.html"
    links = {a["href"] for a in Page(public.html(rel)).links}
    answer = "../../questions/typical-day/3/#a-p000-what-does-a-typical-day-look-like"
    assert answer in links
    other = "../../questions/other/2/#a-p000-why-did-you-choose-firm000-first"
    assert other in links
    for href in (answer, other):
        got = target(rel, href)
        assert got is not None
        assert f'id="{got[1]}"' in public.html(got[0])
    newest = Page(public.html(f"interviews/p{PUBLIC - 1:03d}/index.html"))
    assert f"../../questions/typical-day/#a-p{PUBLIC - 1:03d}-what-does-a-typical-day-look-like" \
        in {a["href"] for a in newest.links}


def test_sitemap_lists_every_questions_page(public: Output) -> None:
    sitemap = public.html("sitemap.xml")
    for rel in public.pages("questions/"):
        assert f"/sub/{rel.removesuffix('index.html')}</loc>" in sitemap, rel


# --------------------------------------------------------------------------- leaks


@pytest.mark.parametrize("needle", WITHHELD["private"] + WITHHELD["mentor"])
def test_withheld_answers_are_on_no_public_page(public: Output, needle: str) -> None:
    assert public.corpus.find(needle) == []


@pytest.mark.parametrize("needle", WITHHELD["private"])
def test_private_answers_are_on_no_mentor_page(mentor: Output, needle: str) -> None:
    assert mentor.corpus.find(needle) == []


def test_mentor_answers_are_on_the_mentor_questions_pages(mentor: Output,
                                                          public: Output) -> None:
    # The newest answer: on the first page, and on no other questions page.
    assert [r for r in mentor.corpus.find(canary("qmentor")) if r.startswith("questions/")] == [
        "questions/typical-day/index.html"]
    assert any(r.startswith("questions/other/") for r in mentor.corpus.find(canary("qmentorq")))
    index = mentor.html("questions/index.html")
    assert f"({PUBLIC + 1} answers)" in index
    # The public's pages count only what the public sees.
    assert f"({PUBLIC} answers)" in public.html("questions/index.html")
    assert public.corpus.find("Morgan Mentorly") == []


# --------------------------------------------------------------------------- in memory


def _emit(root: Path, audience: Audience, url_key: bytes | None = None,
          **kw: Any) -> OutputPlan:
    prep = prepare(root)
    assert not prep.diags.errors, [d.text() for d in prep.diags.errors]
    diags = Diagnostics()
    view = build_view(prep.valid, prep.config, audience, diags)
    assert not diags.errors, [d.text() for d in diags.errors]
    graph = build_graph(view, url_key)
    return emit(graph, Theme.load(root, graph.view.config.theme), **kw)


def _plan_html(plan: OutputPlan) -> dict[str, str]:
    return {p: d.decode("utf-8") for p, d in plan.files.items() if p.endswith(".html")}


def test_the_page_links_stay_short_on_a_long_question(site: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(emit_module, "ANSWERS_PER_PAGE", 5)
    plan = _emit(site, "public")
    pages = sorted(p for p in plan.files if p.startswith("questions/typical-day/"))
    count = -(-PUBLIC // 5)
    assert len(pages) == count
    page = plan.files["questions/typical-day/10/index.html"].decode()
    nav = page[page.index('<nav class="pagination"'):page.index("</nav>", page.index(
        '<nav class="pagination"'))]
    labels = re.findall(r'>([^<>]+)</(?:a|li)>', nav)
    assert labels == ["Previous page", "1", "…", "8", "9", "10", "11", "12", "…", str(count),
                      "Next page"]
    assert 'href="../9/" aria-label="Page 9"' in nav and 'rel="prev" href="../9/"' in nav
    assert 'rel="next" href="../11/"' in nav and 'href="../" aria-label="Page 1"' in nav
    assert broken_links(_plan_html(plan)) == []


BANK = """\
- id: typical-day
  text: What does a typical day look like?
- id: Typical Day
  text: What does a normal day look like?
- id: other
  text: What else should I ask?
- id: typical-day-2
  text: How did you start?
- id: '???'
  text: Which question has no letters?
"""
CLASHING: dict[str, Content] = {
    "questions.yaml": BANK,
    "interviews/a.md": (
        {"date": FIRST, "visibility": "public", "person": {"name": "Pat Tester"},
         "consent": {"publish_name": True}},
        "## What does a typical day look like?\n\nANSWER-typical\n\n"
        "## What does a normal day look like?\n\nANSWER-normal\n\n"
        "## What else should I ask?\n\nANSWER-else\n\n"
        "## How did you start?\n\nANSWER-start\n\n"
        "## Which question has no letters?\n\nANSWER-noletters\n\n"
        "## Not in the bank?\n\nANSWER-unbanked\n"),
}


def test_question_ids_that_slugify_alike_get_distinct_pages(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", CLASHING)
    plan = _emit(root, "public")
    expected = {"typical-day": "ANSWER-typical", "typical-day-3": "ANSWER-normal",
                "other-2": "ANSWER-else", "typical-day-2": "ANSWER-start",
                "question": "ANSWER-noletters"}
    for folder, answer in expected.items():
        page = plan.files[f"questions/{folder}/index.html"].decode()
        assert answer in page, folder
        assert [a for a in expected.values() if a in page] == [answer], folder
    other = plan.files["questions/other/index.html"].decode()
    assert "Not in the bank?" in other and "ANSWER-" not in other
    index = plan.files["questions/index.html"].decode()
    assert [f for f in re.findall(r'<a href="([^"]+)/">', index.split("<main")[1])] == [
        *expected, "other"]
    assert broken_links(_plan_html(plan)) == []
    # The same bank always gives the same folders.
    assert _emit(root, "public").files == plan.files


def test_question_slugs_are_unique_and_keep_each_ids_own_slug() -> None:
    assert question_slugs(["a", "A", "a-2", "other", "Other", "", "!"]) == [
        "a", "a-3", "a-2", "other-2", "other-3", "question", "question-2"]


@given(st.lists(st.text(min_size=1, max_size=8), unique=True, max_size=12))
def test_question_slugs_never_collide(ids: list[str]) -> None:
    slugs = question_slugs(ids)
    assert len(set(slugs)) == len(slugs) == len(ids)
    assert "other" not in slugs and all(s and "/" not in s for s in slugs)
    assert question_slugs(ids) == slugs


def test_a_questions_page_never_takes_another_pages_path(tmp_path: Path) -> None:
    """Every page is checked for a clash before anything is written; with
    question folders named like the other questions' folder and like page
    numbers, the build still has one page per path."""
    bank = BANK + "- id: '2'\n  text: Is two a question?\n- id: index\n  text: Index?\n"
    content = {**CLASHING, "questions.yaml": bank}
    content["interviews/b.md"] = (
        {"date": FIRST, "visibility": "public", "person": {"name": "Pat Tester"},
         "consent": {"publish_name": True}},
        "## Is two a question?\n\nANSWER-two\n\n## Index?\n\nANSWER-index\n")
    plan = _emit(write_site(tmp_path / "s", content), "public")
    questions = sorted(p for p in plan.files if p.startswith("questions/"))
    assert questions == ["questions/2/index.html", "questions/index.html",
                         "questions/index/index.html", "questions/other-2/index.html",
                         "questions/other/index.html", "questions/question/index.html",
                         "questions/typical-day-2/index.html",
                         "questions/typical-day-3/index.html",
                         "questions/typical-day/index.html"]
    assert "ANSWER-index" in plan.files["questions/index/index.html"].decode()
    assert "ANSWER-index" not in plan.files["questions/index.html"].decode()


def test_an_encrypted_view_names_question_folders_opaquely(tmp_path: Path) -> None:
    """As note and tag addresses are, so file names reveal nothing behind the
    passphrase; the links inside the encrypted pages still find each answer."""
    root = write_site(tmp_path / "s", CLASHING)
    key = crypto.derive_key("pw", salt=b"q" * 16)
    plan = _emit(root, "mentor", url_key=b"k" * 32, share_prefix="share/tok/",
                 encrypt=lambda text: crypto.encrypt_text(key, text),
                 lock_attrs=crypto.envelope_attributes(key))
    folders = {p.split("/")[1] for p in plan.files if p.startswith("questions/")} - {"index.html"}
    assert "other" in folders and len(folders) == 6
    assert all(re.fullmatch(r"[0-9a-f]{16}", f) for f in folders - {"other"}), folders
    inner = {}
    for path, text in _plan_html(plan).items():
        m = re.search(r'id="iv-cipher">([^<]*)<', text)
        inner[path] = crypto.decrypt_text(key, m.group(1)) if m else text
    assert broken_links(inner, BASE + "share/tok/") == []
    assert any("ANSWER-typical" in t for p, t in inner.items() if p.startswith("questions/"))


# --------------------------------------------------------------------------- outside checks


@pytest.mark.external
def test_nu_checker_and_lychee_pass_the_questions_pages(public: Output, tmp_path: Path) -> None:
    from outside_checks import format_vnu, lychee_broken, run_lychee, run_vnu

    pages = tmp_path / "pages"
    shutil.copytree(public.folder, pages)
    assert run_vnu(pages) == [], format_vnu(run_vnu(pages))
    (tmp_path / "sub").symlink_to(pages, target_is_directory=True)
    report = run_lychee(pages, root_dir=tmp_path)
    assert report["errors"] == 0, lychee_broken(report)


@pytest.mark.browser
def test_axe_passes_the_questions_pages(public: Output) -> None:
    from outside_checks import format_axe, run_axe, serve_directory

    # The index, a question's first page and a later one (each page of answers is
    # the same template; axe takes seconds on a page this long).
    paths = ["questions/", "questions/typical-day/", "questions/typical-day/2/",
             "interviews/p000/"]
    with serve_directory(public.folder) as base:
        results = run_axe(base, paths)
    assert all(not v for v in results.values()), format_axe(results)
