"""The emit stage and the built-in theme: pages, links, audiences, feeds, determinism.

A small site is written into tmp_path and run through load → parse → validate →
audience → graph → emit; the tests read the resulting OutputPlan (no writer).
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from unit_helpers import prepare, write_site

from ivsite.audience.stage import build_view
from ivsite.audience.viewnote import Audience
from ivsite.core.diagnostics import Diagnostics
from ivsite.emit import emit
from ivsite.emit.output import OutputPlan
from ivsite.emit.searchindex import SHARD_DOCS, shard_count, shard_of
from ivsite.emit.theme import Theme, ThemeError
from ivsite.graph.stage import SiteGraph, build_graph
from ivsite.mentor import crypto

TOML = '''\
title = "Test portfolio"
author = "Ana Silva"
base_url = "https://example.org/sub/"
language = "en"

[share]
feedback_email = "ana@example.org"
'''

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16

FILES: dict[str, str | bytes] = {
    "content/pages/index.md": """
        ---
        title: Welcome
        visibility: public
        summary: Ana's conversations about analyst jobs.
        ---
        I talk to people about [[roles/analyst]] work. See also [[Secret Plan XYZZY]].
        """,
    "content/pages/about.md": """
        ---
        title: About me
        visibility: public
        ---
        # About

        #### Deep heading

        Hello.
        """,
    "content/roles/analyst.md": """
        ---
        title: Data Analyst
        visibility: public
        status: exploring
        skills: [SQL, statistics]
        tags: [data]
        ---
        Analysts turn numbers into decisions.
        """,
    "content/interviews/2026-01-10-acme.md": """
        ---
        date: 2026-01-10
        visibility: public
        person:
          name: Jane Doe
          role: Senior Analyst
          company: Acme
          email: jane@acme.example
          phone: "+1 555 0100"
        alias: an analyst at Acme
        format: coffee
        role: analyst
        interest: 4
        referred_by: Sam Referrer
        tags: [data, coffee]
        summary: An analyst at Acme on spreadsheets and stakeholders.
        ---
        We met for coffee.[^1]

        ## How did you start?

        By accident, fixing spreadsheets.

        ::: private
        PRIVATE-PASSAGE-CANARY salary talk.
        :::

        ## What is a typical day like?

        Meetings, then SQL.

        ::: mentor
        MENTOR-PASSAGE-CANARY should I learn R?
        :::

        ### Main

        A sub-heading called Main.

        ![A chart](../assets/chart.png)

        [^1]: A footnote.
        """,
    "content/interviews/2026-02-01-beta.md": """
        ---
        date: 2026-02-01
        visibility: mentor
        title: Mentor Only Conversation QUUX
        person:
          name: Bob Beta
          role: Manager
          company: Beta Corp
        consent:
          publish_name: true
        tags: [mentor-only-tag]
        summary: A mentor-only summary FROB.
        ---
        ## What is a normal day like?

        Calls all day.
        """,
    "content/interviews/2026-03-01-zoo.md": """
        ---
        date: 2026-03-01
        visibility: private
        title: Zebra Private Title
        person:
          name: Zed Zulu
        tags: [private-only-tag]
        summary: PRIVATE-SUMMARY-CANARY
        ---
        ![secret](../assets/private.png)
        """,
    "content/reflections/2026-02-15-thoughts.md": """
        ---
        title: Early thoughts
        date: 2026-02-15
        visibility: public
        roles: [analyst]
        tags: [data]
        ---
        After [the Acme chat](../interviews/2026-01-10-acme.md) I am curious.
        """,
    "content/reflections/2026-03-05-secret.md": """
        ---
        title: Secret Plan XYZZY
        date: 2026-03-05
        visibility: private
        ---
        Nobody may read this.
        """,
    "content/questions.yaml": """
        - id: typical-day
          text: What does a typical day look like?
          aliases: ["What is a typical day like?", "What is a normal day like?"]
        - id: start
          text: How did you start?
        """,
    "content/assets/chart.png": PNG,
    "content/assets/private.png": PNG + b"private",
}

PRIVATE_STRINGS = [
    "Zebra Private Title", "Secret Plan XYZZY", "private-only-tag", "PRIVATE-PASSAGE-CANARY",
    "PRIVATE-SUMMARY-CANARY", "Jane Doe", "jane@acme.example", "Sam Referrer", "Zed Zulu",
    "2026-03-01-zoo", "private.png",
]
MENTOR_STRINGS = ["Mentor Only Conversation QUUX", "MENTOR-PASSAGE-CANARY", "mentor-only-tag",
                  "FROB", "Bob Beta"]


# ---- building ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("site"), FILES, TOML)


def graph_for(root: Path, audience: Audience) -> SiteGraph:
    prep = prepare(root)
    assert not prep.diags.errors, [d.text() for d in prep.diags.errors]
    diags = Diagnostics()
    view = build_view(prep.valid, prep.config, audience, diags)
    assert not diags.errors, [d.text() for d in diags.errors]
    return build_graph(view)


def build(root: Path, audience: Audience, **kw: object) -> OutputPlan:
    graph = graph_for(root, audience)
    theme = Theme.load(root, graph.view.config.theme)
    return emit(graph, theme, feedback_email="ana@example.org", **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def plans(site_root: Path) -> dict[str, OutputPlan]:
    return {a: build(site_root, a) for a in ("public", "mentor", "private")}


@pytest.fixture(scope="module")
def locked(site_root: Path) -> tuple[OutputPlan, crypto.PageKey]:
    key = crypto.derive_key("open sesame", salt=b"s" * 16)
    plan = build(site_root, "mentor", encrypt=lambda text: crypto.encrypt_text(key, text),
                 lock_attrs=crypto.envelope_attributes(key), share_prefix="share/tok/")
    return plan, key


# ---- reading HTML ----------------------------------------------------------------------


class Page(HTMLParser):
    """What the tests look at in one HTML file."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: list[str] = []
        self.headings: list[int] = []
        self.metas: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        for key in ("href", "src"):
            if key in a and tag != "meta":
                self.links.append(a[key])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "meta" and "name" in a:
            self.metas[a["name"]] = a.get("content", "")
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def html_files(plan: OutputPlan) -> dict[str, str]:
    return {p: d.decode("utf-8") for p, d in plan.files.items() if p.endswith(".html")}


def all_text(plan: OutputPlan) -> str:
    parts = [f"{p}\n{d.decode('utf-8', 'replace')}" for p, d in plan.files.items()]
    parts += list(plan.assets)
    return "\n".join(parts)


def resolve(page_path: str, href: str, base_path: str = "/") -> tuple[str, str] | None:
    """(output path, fragment) of an internal link, or None for an outside one."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        assert path.startswith(base_path), f"{page_path}: {href} is outside {base_path}"
        target = path[len(base_path):]
    elif path == "":
        target = page_path
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
        if path.endswith("/"):
            target += "/"
        if target in (".", "./"):
            target = ""
    if target == "" or target.endswith("/"):
        target += "index.html"
    assert not target.startswith(".."), f"{page_path}: {href} climbs out of the site"
    return target, parts.fragment


def check_links(plan: OutputPlan, base_path: str) -> list[str]:
    pages = {p: Page(t) for p, t in html_files(plan).items()}
    problems = []
    for path, page in pages.items():
        for href in page.links:
            got = resolve(path, href, base_path)
            if got is None:
                continue
            target, fragment = got
            if plan.search_index and target.startswith("pagefind/"):
                continue  # written by Pagefind's indexer after the pages (see write.py)
            if target not in plan.files and target not in plan.assets:
                problems.append(f"{path}: {href} -> {target} does not exist")
                continue
            if fragment and target in pages and unquote(fragment) not in pages[target].ids:
                problems.append(f"{path}: {href}: no id '{fragment}' in {target}")
    return problems


# ---- tests -------------------------------------------------------------------------------


def test_public_pages_are_where_they_belong(plans: dict[str, OutputPlan]) -> None:
    files = plans["public"].files
    for path in [
        "index.html", "404.html", "about/index.html", "interviews/index.html",
        "interviews/2026-01-10-acme/index.html", "reflections/index.html",
        "reflections/2026-02-15-thoughts/index.html", "roles/index.html",
        "roles/analyst/index.html", "tags/index.html", "tags/data/index.html",
        "tags/coffee/index.html", "questions/index.html", "people/index.html",
        "search/index.html", "sitemap.xml", "feed.xml", "robots.txt", "static/style.css",
        "static/search.js", "static/filter.js",
    ]:
        assert path in files, path
    assert "interviews/2026-02-01-beta/index.html" not in files
    assert "interviews/2026-03-01-zoo/index.html" not in files
    assert "review/index.html" not in files
    assert "static/unlock.js" not in files
    assert plans["public"].search_index is True
    assert "search-index.json" not in files


@pytest.mark.parametrize("audience", ["public", "mentor", "private"])
def test_every_internal_link_resolves(plans: dict[str, OutputPlan], audience: str) -> None:
    assert check_links(plans[audience], "/sub/") == []


def test_links_resolve_in_locked_pages(locked: tuple[OutputPlan, crypto.PageKey]) -> None:
    plan, key = locked
    assert check_links(plan, "/sub/share/tok/") == []
    # ...and inside what the pages decrypt to.
    for path, text in html_files(plan).items():
        m = re.search(r'<script type="application/octet-stream" id="iv-cipher">([^<]*)<', text)
        if m is None:
            continue
        inner = crypto.decrypt_text(key, m.group(1))
        for href in Page(inner).links:
            got = resolve(path, href, "/sub/share/tok/")
            if got is not None:
                assert got[0] in plan.files or got[0] in plan.assets, (path, href)


def test_ids_are_unique_and_outline_is_sound(plans: dict[str, OutputPlan]) -> None:
    for audience, plan in plans.items():
        for path, text in html_files(plan).items():
            page = Page(text)
            dupes = {i for i in page.ids if page.ids.count(i) > 1}
            assert not dupes, (audience, path, dupes)
            assert page.headings.count(1) == 1, (audience, path, page.headings)
            assert page.headings[0] == 1, (audience, path)
            for a, b in zip(page.headings, page.headings[1:], strict=False):
                assert b <= a + 1, (audience, path, page.headings)
            assert page.ids.count("main") == 1, (audience, path)


def test_withheld_material_appears_in_no_public_file(plans: dict[str, OutputPlan]) -> None:
    text = all_text(plans["public"])
    for secret in PRIVATE_STRINGS + MENTOR_STRINGS:
        assert secret not in text, secret
    assert "a private note" in plans["public"].files["index.html"].decode()
    assert set(plans["public"].assets) == {"assets/chart.png"}


def test_mentor_view_hides_private_material(plans: dict[str, OutputPlan]) -> None:
    text = all_text(plans["mentor"])
    for secret in PRIVATE_STRINGS:
        assert secret not in text, secret
    assert "Mentor Only Conversation QUUX" in text


def test_mentor_view_is_not_for_robots(plans: dict[str, OutputPlan]) -> None:
    plan = plans["mentor"]
    for path, text in html_files(plan).items():
        assert Page(text).metas.get("robots") == "noindex, nofollow", path
    assert "sitemap.xml" not in plan.files
    assert "feed.xml" not in plan.files
    assert plan.files["robots.txt"] == b"User-agent: *\nDisallow: /\n"
    assert 'rel="alternate" type="application/atom+xml"' not in all_text(plan)


def test_mentor_review_page_and_feedback(site_root: Path) -> None:
    plan = build(site_root, "mentor", share_prefix="share/tok/")
    review = plan.files["review/index.html"].decode()
    assert 'href="../interviews/2026-01-10-acme/#mentor-passage-1"' in review
    assert "MENTOR-PASSAGE-CANARY" in review
    assert 'href="../interviews/2026-02-01-beta/"' in review
    page = plan.files["interviews/2026-01-10-acme/index.html"].decode()
    m = re.search(r'href="(mailto:[^"]+)"', page)
    assert m is not None
    mailto = m.group(1)
    assert mailto.startswith("mailto:ana@example.org?subject=")
    assert " " not in mailto
    decoded = unquote(mailto)
    assert "https://example.org/sub/share/tok/interviews/2026-01-10-acme/" in decoded
    assert "Conversation with an analyst at Acme" in decoded
    assert 'class="passage passage-mentor"' in page
    assert "For review" in page


def test_public_view_has_no_review_or_feedback(plans: dict[str, OutputPlan]) -> None:
    text = all_text(plans["public"])
    assert "mailto:" not in text
    assert "noindex" not in text


def test_private_preview_is_marked(plans: dict[str, OutputPlan]) -> None:
    plan = plans["private"]
    for path, text in html_files(plan).items():
        assert "Private preview" in text, path
        assert "publishes only what is public" in text, path
    page = plan.files["interviews/2026-01-10-acme/index.html"].decode()
    assert 'class="passage passage-private"' in page
    assert "PRIVATE-PASSAGE-CANARY" in page
    assert "jane@acme.example" in page and "Sam Referrer" in page and "Jane Doe" in page
    zoo = plan.files["interviews/2026-03-01-zoo/index.html"].decode()
    assert 'class="badge badge-private"' in zoo
    assert "search-index.json" in plan.files
    names = json.loads(plan.files["search-index.json"])["shards"]
    docs = [d for name in names for d in json.loads(plan.files[name])]
    assert {"url", "title", "summary", "text"} <= set(docs[0])
    urls = [d["url"] for d in docs]
    assert len(urls) == len(set(urls)) and "interviews/2026-03-01-zoo/" in urls
    assert all(f"{u}index.html" in plan.files for u in urls)
    assert plan.search_index is False
    assert "sitemap.xml" not in plan.files and "feed.xml" not in plan.files


@pytest.mark.parametrize("notes", [0, 1, 256, 257, 1000, 10000])
def test_search_shards_hold_every_note_once(notes: int) -> None:
    count = shard_count(notes)
    assert count & (count - 1) == 0 and count * SHARD_DOCS >= notes
    assert count == 1 or (count // 2) * SHARD_DOCS < notes
    urls = [f"interviews/note-{i}/" for i in range(notes)]
    sizes = [0] * count
    for url in urls:
        sizes[shard_of(url, count)] += 1
    assert sum(sizes) == notes
    if notes >= 1000:  # the hash spreads notes: no shard holds three times its share
        assert max(sizes) < 3 * notes / count


def test_tags_come_only_from_visible_notes(plans: dict[str, OutputPlan]) -> None:
    assert not any("private-only-tag" in p for p in plans["public"].files)
    assert not any("private-only-tag" in p for p in plans["mentor"].files)
    assert not any("mentor-only-tag" in p for p in plans["public"].files)
    assert "tags/mentor-only-tag/index.html" in plans["mentor"].files
    assert "tags/private-only-tag/index.html" in plans["private"].files
    tags = plans["public"].files["tags/index.html"].decode()
    assert ">data <span class=\"count\">3</span>" in tags


def test_feed_and_sitemap_list_only_public_pages(plans: dict[str, OutputPlan]) -> None:
    plan = plans["public"]
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(plan.files["feed.xml"])
    links = [e.find("a:link", ns).get("href") for e in feed.findall("a:entry", ns)]  # type: ignore[union-attr]
    assert links == [
        "https://example.org/sub/reflections/2026-02-15-thoughts/",
        "https://example.org/sub/interviews/2026-01-10-acme/",
    ]
    assert feed.findtext("a:updated", namespaces=ns) == "2026-02-15T00:00:00Z"
    summaries = [e.findtext("a:summary", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert "An analyst at Acme on spreadsheets and stakeholders." in summaries
    assert "By accident" not in plan.files["feed.xml"].decode()  # no body text
    sm = ET.fromstring(plan.files["sitemap.xml"])
    locs = [e.text or "" for e in sm.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/sub/" in locs
    assert "https://example.org/sub/interviews/2026-01-10-acme/" in locs
    for loc in locs:
        rel = loc.removeprefix("https://example.org/sub/")
        assert rel + "index.html" in plan.files, loc
    assert plan.files["robots.txt"].decode() == (
        "User-agent: *\nAllow: /\nSitemap: https://example.org/sub/sitemap.xml\n")


@pytest.mark.parametrize("audience", ["public", "mentor", "private"])
def test_output_is_deterministic(site_root: Path, audience: Audience) -> None:
    first, second = build(site_root, audience), build(site_root, audience)
    assert first.files == second.files
    assert list(first.files) == sorted(first.files)
    assert first.assets == second.assets


def test_locked_pages_hide_everything_specific(locked: tuple[OutputPlan, crypto.PageKey]) -> None:
    plan, key = locked
    # File contents only: the paths themselves (note and tag slugs) stay readable.
    text = "\n".join(d.decode("utf-8", "replace") for d in plan.files.values())
    for secret in [*MENTOR_STRINGS, "Conversation with an analyst at Acme", "Early thoughts",
                   "Data Analyst", "An analyst at Acme on spreadsheets"]:
        assert secret not in text, secret
    assert plan.search_index is False
    assert "static/unlock.js" in plan.files
    for path, html in html_files(plan).items():
        if path == "404.html":
            continue
        page = Page(html)
        assert page.title == "Mentor review — Test portfolio", path
        assert page.metas["description"] == "Mentor review — Test portfolio", path
        assert '<main id="iv-main"' in html, path
        assert 'id="iv-locked" ' in html and 'data-salt="' in html and 'data-check="' in html
        assert 'id="iv-unlock"' in html and 'id="iv-passphrase"' in html
        assert 'id="iv-unlock-error" class="form-error" role="alert"' in html
        assert 'src="' in html and "static/unlock.js\" defer" in html
    page = plan.files["interviews/2026-01-10-acme/index.html"].decode()
    cipher = re.search(r'id="iv-cipher">([^<]*)<', page)
    assert cipher is not None
    inner = crypto.decrypt_text(key, cipher.group(1))
    assert "<h1>Conversation with an analyst at Acme</h1>" in inner
    assert "MENTOR-PASSAGE-CANARY" in inner
    assert "<main" not in inner
    index = json.loads(crypto.decrypt_text(key, plan.files["search-index.json.enc"].decode()))
    assert "interviews/2026-02-01-beta/" in {d["url"] for d in index}


def test_404_uses_absolute_links(plans: dict[str, OutputPlan]) -> None:
    page = Page(plans["public"].files["404.html"].decode())
    internal = [h for h in page.links if not urlsplit(h).scheme and not h.startswith("#")]
    assert internal and all(h.startswith("/sub/") for h in internal), internal


def test_questions_page_sets_answers_side_by_side(plans: dict[str, OutputPlan]) -> None:
    index = plans["public"].files["questions/index.html"].decode()
    assert '<li id="q-typical-day"><a href="typical-day/">What does a typical day look like?' \
        '</a> <span class="muted">(1 answer)</span>' in index
    assert "Meetings, then SQL." not in index  # the index lists questions, not answers
    public = plans["public"].files["questions/typical-day/index.html"].decode()
    assert "<h1>What does a typical day look like?</h1>" in public
    assert "Meetings, then SQL." in public
    assert 'href="../../interviews/2026-01-10-acme/#what-is-a-typical-day-like"' in public
    assert "Calls all day." not in public
    assert 'class="pagination"' not in public  # one page: no page links
    mentor = plans["mentor"].files["questions/typical-day/index.html"].decode()
    assert "Calls all day." in mentor and "Meetings, then SQL." in mentor
    assert "(2 answers)" in plans["mentor"].files["questions/index.html"].decode()
    interview = plans["public"].files["interviews/2026-01-10-acme/index.html"].decode()
    assert 'href="../../questions/typical-day/#a-2026-01-10-acme-what-is-a-typical-day-like"' \
        in interview
    assert 'href="../../questions/start/#a-2026-01-10-acme-how-did-you-start"' in interview


def test_interview_card_and_note_extras(plans: dict[str, OutputPlan]) -> None:
    page = plans["public"].files["interviews/2026-01-10-acme/index.html"].decode()
    assert "an analyst at Acme" in page and "Senior Analyst" in page
    assert "Coffee chat" in page and "4 of 5" in page
    assert 'href="../../roles/analyst/"' in page
    assert 'src="../../assets/chart.png"' in page
    assert "data-pagefind-body" in page
    assert 'data-pagefind-filter="tag"' in page
    assert "Linked from" in page and 'href="../../reflections/2026-02-15-thoughts/"' in page
    assert 'id="section-main"' in page  # a heading may not take the theme's #main
    assert "data-pagefind-body" not in plans["public"].files["interviews/index.html"].decode()
    role = plans["public"].files["roles/analyst/index.html"].decode()
    assert "SQL" in role and "Exploring" in role and "Early thoughts" in role
    listing = plans["public"].files["interviews/index.html"].decode()
    assert 'data-tag="|coffee|data|"' in listing and 'id="iv-filters" hidden' in listing


def test_theme_files_of_the_site_win(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {k: v for k, v in FILES.items()},
                      TOML.replace('author = "Ana Silva"', 'theme = "mine"'))
    (root / "themes/mine/static").mkdir(parents=True)
    (root / "themes/mine/static/style.css").write_text("body{color:red}")
    (root / "themes/mine/templates").mkdir()
    (root / "themes/mine/templates/page.html").write_text(
        '{% extends "base.html" %}{% block content %}<h1>MINE {{ note.title }}</h1>'
        "{{ body }}{% endblock %}")
    plan = build(root, "public")
    assert plan.files["static/style.css"] == b"body{color:red}"
    assert "static/search.js" in plan.files
    assert "<h1>MINE About me</h1>" in plan.files["about/index.html"].decode()
    with pytest.raises(ThemeError):
        Theme.load(root, "missing")


def test_a_nearly_empty_site_still_works(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {
        "content/pages/index.md": "---\ntitle: Hi\nvisibility: private\n---\nSecret intro.\n",
    }, 'title = "Bare"\n')
    plan = build(root, "public")
    assert sorted(p for p in plan.files if p.endswith(".html")) == [
        "404.html", "index.html", "search/index.html"]
    assert "feed.xml" not in plan.files and "sitemap.xml" not in plan.files
    assert plan.files["robots.txt"] == b"User-agent: *\nAllow: /\n"
    assert check_links(plan, "/") == []
    home = Page(plan.files["index.html"].decode())
    assert home.headings == [1]
    assert "Secret intro" not in all_text(plan) and "Hi" not in home.title


def _locked_with_title_theme(tmp_path: Path) -> OutputPlan:
    """A mentor view, locked, whose theme prints the page's own title in <title>."""
    from ivsite.emit.theme import builtin_theme_dir

    root = write_site(tmp_path / "s", dict(FILES), TOML)
    base = (builtin_theme_dir() / "templates" / "base.html").read_text()
    leaky = base.replace("<title>{{ head_title }}</title>", "<title>{{ page.title }}</title>")
    assert leaky != base
    (root / "themes/default/templates").mkdir(parents=True)
    (root / "themes/default/templates/base.html").write_text(leaky)
    key = crypto.derive_key("pw", salt=b"t" * 16)
    return build(root, "mentor", encrypt=lambda t: crypto.encrypt_text(key, t),
                 lock_attrs=crypto.envelope_attributes(key))


def test_a_theme_that_prints_the_title_finds_none_on_a_locked_page(tmp_path: Path) -> None:
    """The clear shell is made from the chrome alone (emit.chrome.shell_context): a
    theme that prints ``page.title`` prints the lock's own title there."""
    files = dict(_locked_with_title_theme(tmp_path).files)
    locked = [data.decode() for rel, data in files.items()
              if rel.endswith(".html") and b'id="iv-cipher"' in data]
    assert locked and all("<title>Mentor review</title>" in page for page in locked)


def test_with_the_whole_context_in_the_shell_the_title_check_fails_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second line, with the first switched off: a shell made from the page's
    whole context prints the title, and the shell check refuses the page."""
    from ivsite.emit import EmitError, chrome

    monkeypatch.setattr(chrome, "shell_context",
                        lambda em, page, ctx, cipher: {**ctx, "cipher": cipher})
    plan = _locked_with_title_theme(tmp_path)
    with pytest.raises(EmitError, match="outside <main>"):
        dict(plan.files)  # a page is made when its bytes are asked for
