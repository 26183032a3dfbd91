"""The pages that help decide (issue 12): companies, the timeline, People in the
navigation, and on a role page the interest chart and the answers side by side.

A small site is run through load → … → emit, as tests/test_emit.py does; the
tests read the pages of the resulting plan."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from unit_helpers import prepare, write_site

from ivsite.audience.stage import build_view
from ivsite.audience.viewnote import Audience
from ivsite.core.diagnostics import Diagnostics
from ivsite.emit import emit
from ivsite.emit.chart import HEIGHT, MOST_LABELS, TOP, chart, interest_points
from ivsite.emit.output import OutputPlan
from ivsite.emit.rolepage import ROLE_ANSWERS
from ivsite.emit.theme import Theme
from ivsite.graph.stage import build_graph
from ivsite.mentor import crypto

TOML = 'title = "Decide"\nbase_url = "https://example.org/"\n'


def interview(day: str, company: str, visibility: str, interest: int | None, *,
              name: str = "Some Body", status: str = "done", role: str = "analyst",
              body: str = "", consent: bool = False) -> str:
    lines = ["---", f"date: {day}", f"visibility: {visibility}", "person:",
             f"  name: {name}", "  role: Analyst"]
    if company:
        lines.append(f"  company: {company}")
    lines += [f"alias: an analyst met on {day}", f"status: {status}"]
    if role:
        lines.append(f"role: {role}")
    if interest is not None:
        lines.append(f"interest: {interest}")
    if consent:
        lines += ["consent:", "  publish_name: true"]
    return "\n".join([*lines, "---", body])


def answers(start: str, day: str) -> str:
    return f"## How did you start?\n\n{start}\n\n## What is a typical day like?\n\n{day}\n"


FILES: dict[str, str | bytes] = {
    "content/roles/analyst.md": "---\ntitle: Data Analyst\nvisibility: public\n---\nNumbers.\n",
    "content/roles/designer.md": "---\ntitle: Designer\nvisibility: public\n---\nPixels.\n",
    "content/interviews/a.md": interview(
        "2026-01-10", "Acme", "public", 3, body=answers("START-A spreadsheets.", "DAY-A SQL.")),
    "content/interviews/b.md": interview(
        "2026-02-20", "ACME", "public", 5, name="Nina Named", consent=True,
        body=answers("START-B a bootcamp.", "DAY-B meetings.")),
    "content/interviews/c.md": interview("2026-02-05", "Beta Labs", "public", 2),
    "content/interviews/d.md": interview(
        "2026-03-01", "Mentorco", "mentor", 1, body=answers("MENTOR-START.", "MENTOR-DAY.")),
    "content/interviews/e.md": interview(
        "2026-03-15", "Privco", "private", 4, name="Pia Private",
        body=answers("PRIVATE-START.", "PRIVATE-DAY.")),
    # A withheld conversation at a visible company adds nothing to it.
    "content/interviews/h.md": interview("2026-03-20", "Acme", "private", 1, name="Hal Hidden"),
    "content/interviews/f.md": interview("2026-04-01", "Gamma", "public", 4, status="planned"),
    "content/interviews/g.md": interview("2026-01-25", "", "public", None, role="designer"),
    "content/questions.yaml": "- id: start\n  text: How did you start?\n"
                              "- id: typical-day\n  text: What is a typical day like?\n",
}


def build(root: Path, audience: Audience, **kw: object) -> OutputPlan:
    prep = prepare(root)
    assert not prep.diags.errors, [d.text() for d in prep.diags.errors]
    diags = Diagnostics()
    view = build_view(prep.valid, prep.config, audience, diags)
    assert not diags.errors, [d.text() for d in diags.errors]
    url_key = kw.pop("url_key", None)
    graph = build_graph(view, url_key=url_key)  # type: ignore[arg-type]
    return emit(graph, Theme.load(root, "default"), **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, OutputPlan]:
    root = write_site(tmp_path_factory.mktemp("decide"), FILES, TOML)
    return {a: build(root, a) for a in ("public", "mentor", "private")}


def page(plan: OutputPlan, path: str) -> str:
    return plan.files[path].decode("utf-8")


def main(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


class Table(HTMLParser):
    """The rows of the first table on a page, as cell texts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.caption = ""
        self._cell: list[str] | None = None
        self._in_caption = self._done = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "caption":
            self._in_caption = True

    def handle_endtag(self, tag: str) -> None:
        if self._done:
            return
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "caption":
            self._in_caption = False
        elif tag == "table":
            self._done = True

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_caption:
            self.caption += data


# ------------------------------------------------------------------ companies


def test_companies_index_lists_the_visible_companies_by_name(
        plans: dict[str, OutputPlan]) -> None:
    index = main(page(plans["public"], "companies/index.html"))
    names = re.findall(r'<h2 class="card-title"><a href="([^"]+)">([^<]+)</a>', index)
    # 'Acme' and 'ACME' make one slug, so one company, spelt as the newest interview has it.
    assert names == [("acme/", "ACME"), ("beta-labs/", "Beta Labs"), ("gamma/", "Gamma")]
    assert "2 conversations, latest" in index
    for hidden in ("Mentorco", "Privco"):
        assert hidden not in page(plans["public"], "companies/index.html")
    mentor = main(page(plans["mentor"], "companies/index.html"))
    assert "Mentorco" in mentor and "Privco" not in mentor
    assert "companies/privco/index.html" not in plans["mentor"].files
    assert "companies/mentorco/index.html" not in plans["public"].files


def test_company_page_lists_its_interviews_newest_first(plans: dict[str, OutputPlan]) -> None:
    acme = main(page(plans["public"], "companies/acme/index.html"))
    assert "<h1>ACME</h1>" in acme
    links = re.findall(r'class="card-title"><a href="([^"]+)"', acme)
    assert links == ["../../interviews/b/", "../../interviews/a/"]
    assert "2 conversations with people here" in acme
    assert "2 conversations, latest <time datetime=\"2026-02-20\">" in page(
        plans["mentor"], "companies/index.html")
    private = main(page(plans["private"], "companies/acme/index.html"))
    assert "3 conversations with people here" in private and "interviews/h/" in private


def test_a_locked_view_gives_companies_opaque_folders(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", FILES, TOML)
    key = crypto.derive_key("pw", salt=b"c" * 16)
    plan = build(root, "mentor", url_key=b"k" * 32,
                 encrypt=lambda t: crypto.encrypt_text(key, t),
                 lock_attrs=crypto.envelope_attributes(key))
    folders = {p.split("/")[1] for p in plan.files if p.startswith("companies/")
               and p.count("/") == 2}
    assert len(folders) == 4  # ACME, Beta Labs, Gamma, Mentorco
    assert all(re.fullmatch(r"[0-9a-f]{16}", f) for f in folders), folders
    text = "\n".join(plan.files)
    assert "mentorco" not in text.casefold() and "acme" not in text.casefold()
    # Nor in what the pages show before the passphrase: the names are in the cipher.
    shown = b"\n".join(plan.files[p] for p in plan.files if p.startswith(
        ("companies/", "timeline/", "roles/"))).decode()
    for name in ("Mentorco", "Beta Labs", "ACME", "MENTOR-START", "1 of 5"):
        assert name not in shown, name
    # The companies index and 4 pages, the timeline, the roles index and 2 roles.
    assert shown.count('id="iv-cipher"') == 5 + 1 + 3


# ------------------------------------------------------------------ timeline and people


def test_timeline_groups_conversations_by_month_newest_first(
        plans: dict[str, OutputPlan]) -> None:
    html = main(page(plans["public"], "timeline/index.html"))
    months = re.findall(r'<h2 id="(iv-m-[0-9-]+)">([^<]+?) <span', html)
    assert months == [("iv-m-2026-04", "April 2026"), ("iv-m-2026-02", "February 2026"),
                      ("iv-m-2026-01", "January 2026")]
    sections = html.split('<li class="timeline-month">')[1:]
    hrefs = [re.findall(r'class="card-title"><a href="\.\./interviews/(\w)/"', s)
             for s in sections]
    assert hrefs == [["f"], ["b", "c"], ["g", "a"]]
    assert "5 conversations" in html
    assert 'href="#iv-m-2026-02"' in html  # the month links land on the headings
    mentor = main(page(plans["mentor"], "timeline/index.html"))
    assert "March 2026" in mentor and "interviews/d/" in mentor and "interviews/e/" not in mentor


def test_people_is_in_the_navigation_with_display_names_only(
        plans: dict[str, OutputPlan]) -> None:
    for path in ("index.html", "timeline/index.html", "roles/analyst/index.html"):
        nav = page(plans["public"], path).split('aria-label="Site"')[1].split("</nav>")[0]
        labels = re.findall(r">([^<>]+)</a>", nav)
        assert labels[:5] == ["Home", "Interviews", "Timeline", "People", "Companies"], labels
    people = page(plans["public"], "people/index.html")
    assert 'href="./" aria-current="page">People<' in people
    assert "Nina Named" in people and "an analyst met on 2026-01-10" in people
    assert "Some Body" not in people and "Pia Private" not in people
    # The planned conversation is not someone talked to.
    assert "an analyst met on 2026-04-01" not in main(people)


# ------------------------------------------------------------------ the role page


def svg_of(html: str) -> str:
    m = re.search(r"<svg class=\"interest-chart\".*?</svg>", html, re.S)
    assert m is not None, "no chart"
    return m.group(0)


def test_the_chart_has_an_accessible_name_and_its_table_holds_its_points(
        plans: dict[str, OutputPlan]) -> None:
    html = page(plans["public"], "roles/analyst/index.html")
    svg = svg_of(html)
    assert 'role="img"' in svg
    name = re.search(r'aria-labelledby="([^"]+)"', svg)
    description = re.search(r'aria-describedby="([^"]+)"', svg)
    assert name is not None and description is not None
    assert re.search(rf'<title id="{name.group(1)}">[^<]+</title>', svg)
    assert re.search(rf'<desc id="{description.group(1)}">[^<]+</desc>', svg)
    assert "<title id=\"iv-interest-title\">Interest in Data Analyst" in svg
    table = Table(html[html.index('<table class="interest-table"'):])
    assert table.caption == "Interest after each conversation"
    # Held conversations oldest first; the planned one (f) and the withheld ones not.
    assert table.rows == [["Date", "Conversation", "Interest"],
                          ["10 January 2026", "an analyst met on 2026-01-10", "3 of 5"],
                          ["5 February 2026", "an analyst met on 2026-02-05", "2 of 5"],
                          ["20 February 2026", "Nina Named", "5 of 5"]]
    # The dots are the same points: left to right, higher for more interest.
    dots = [(float(x), float(y)) for x, y in
            re.findall(r'<circle class="dot" cx="([\d.]+)" cy="([\d.]+)"', svg)]
    assert len(dots) == 3
    assert [x for x, _ in dots] == sorted(x for x, _ in dots)
    values = [3, 2, 5]
    plot = HEIGHT - TOP - 40
    for (_, y), v in zip(dots, values, strict=True):
        assert y == pytest.approx(TOP + (5 - v) / 4 * plot, abs=0.1)
    mentor = Table(page(plans["mentor"], "roles/analyst/index.html").split(
        '<table class="interest-table"')[1])
    assert [r[2] for r in mentor.rows[1:]] == ["3 of 5", "2 of 5", "5 of 5", "1 of 5"]


def test_a_role_without_points_has_no_chart(plans: dict[str, OutputPlan]) -> None:
    html = page(plans["public"], "roles/designer/index.html")
    assert "interest-chart" not in html and "Answers side by side" not in html


def test_answers_of_people_in_the_role_stand_side_by_side(
        plans: dict[str, OutputPlan]) -> None:
    html = main(page(plans["public"], "roles/analyst/index.html"))
    section = html[html.index('id="iv-role-answers"'):]
    questions = re.findall(r'<h3 id="(iv-q-[\w-]+)"><a href="([^"]+)">([^<]+)</a>', section)
    assert questions == [("iv-q-start", "../../questions/start/", "How did you start?"),
                         ("iv-q-typical-day", "../../questions/typical-day/",
                          "What is a typical day like?")]
    start = section.split('id="iv-q-typical-day"')[0]
    assert start.index("START-B") < start.index("START-A")  # newest first
    assert "DAY-A SQL." in section and "DAY-B meetings." in section
    assert 'href="../../interviews/b/#how-did-you-start"' in section
    for hidden in ("MENTOR-START", "PRIVATE-START", "PRIVATE-DAY"):
        assert hidden not in page(plans["public"], "roles/analyst/index.html")
    mentor = page(plans["mentor"], "roles/analyst/index.html")
    assert "MENTOR-START." in mentor and "PRIVATE-START" not in mentor
    assert "PRIVATE-START." in page(plans["private"], "roles/analyst/index.html")


def test_a_role_page_shows_the_newest_answers_and_links_to_the_rest(tmp_path: Path) -> None:
    files = dict(FILES)
    for i in range(ROLE_ANSWERS + 2):
        files[f"content/interviews/many-{i}.md"] = interview(
            f"2025-0{i + 1}-01", f"Co{i}", "public", 3, body=answers(f"OLD-{i}.", "x"))
    plan = build(write_site(tmp_path / "s", files, TOML), "public")
    html = page(plan, "roles/analyst/index.html")
    start = html[html.index('id="iv-q-start"'):html.index('id="iv-q-typical-day"')]
    assert start.count('class="answer card"') == ROLE_ANSWERS
    # b and a (2026), then the newest of 2025: the four oldest make way.
    assert [f"OLD-{i}." in start for i in range(8)] == [False] * 4 + [True] * 4
    assert ">4 older answers from this role" in start


# ------------------------------------------------------------------ the chart alone


def points(*days_values: tuple[str, int]) -> list[object]:
    class Note:
        def __init__(self, day: str, value: int) -> None:
            self.date, self.interest, self.status = dt.date.fromisoformat(day), value, "done"
            self.title = day

        def card(self) -> Note:
            return self

    return [Note(d, v) for d, v in days_values]


def test_chart_labels_months_and_keeps_them_inside() -> None:
    got = chart(interest_points(points(("2026-01-15", 2), ("2026-12-20", 4))))  # type: ignore[arg-type]
    labels = [m["label"] for m in got["months"]]
    assert labels == ["Feb 2026", "May 2026", "Aug 2026", "Nov 2026"]  # every third month
    assert len(labels) <= MOST_LABELS
    one = chart(interest_points(points(("2026-05-01", 4))))  # type: ignore[arg-type]
    assert one["months"] == [{"x": one["dots"][0]["x"], "label": "May 2026",
                              "anchor": "middle"}]
    assert one["summary"] == "One conversation, interest 4 of 5."
    near = chart(interest_points(points(("2026-03-05", 1), ("2026-03-20", 5))))  # type: ignore[arg-type]
    assert [(m["label"], m["anchor"]) for m in near["months"]] == [
        ("5 Mar 2026", "start"), ("20 Mar 2026", "end")]
    assert near["summary"] == ("2 conversations: interest went from 1 to 5 of 5 "
                               "(lowest 1, highest 5).")
