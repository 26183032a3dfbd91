"""Stage 5 — the site graph, computed from one audience view."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from unit_helpers import errors, prepare, write_site

from ivsite.audience.stage import build_view
from ivsite.core.diagnostics import Diagnostics
from ivsite.graph.stage import SiteGraph, build_graph


def interview(date: str, visibility: str, body: str, *, tags: str = "[]",
              role: str = "") -> str:
    return (f"---\ndate: {date}\nvisibility: {visibility}\nperson:\n  name: Person {date}\n"
            f"alias: someone met on {date}\ntags: {tags}\n"
            + (f"role: {role}\n" if role else "") + f"---\n{body}")


A_BODY = """\
## What does a typical day look like?

Meetings, mostly.

### A detail

More on meetings.

## Something else

Not an answer.

## Why now?

Because it grew.
"""

C_BODY = """\
## what is a NORMAL day like!?

Answer from c.

See [[interviews/a]] and [[interviews/b]].
"""

FILES: dict[str, str | bytes] = {
    "content/interviews/a.md": interview("2026-01-01", "public", A_BODY,
                                         tags="[alpha, shared]", role="ux"),
    "content/interviews/b.md": interview("2026-02-01", "private",
                                         "## What does a typical day look like for you?\n\n"
                                         "Private answer.\n\nSee [[interviews/a]].\n",
                                         tags="[secret-tag, shared]", role="ux"),
    "content/interviews/c.md": interview("2026-03-01", "public", C_BODY,
                                         tags="[Shared]", role="ux"),
    "content/interviews/d.md": interview("2026-02-15", "mentor", "## How did you start?\n\n"
                                         "By chance.\n", role="pm"),
    "content/roles/ux.md": "---\ntitle: UX Researcher\n---\nrole\n",
    "content/roles/pm.md": "---\ntitle: Product Manager\nvisibility: mentor\n---\nrole\n",
    "content/reflections/r.md": "---\ntitle: Thinking\ndate: 2026-03-05\nvisibility: public\n"
                                "roles: [ux, pm]\ntags: [alpha]\n---\n[[roles/ux]]\n",
    "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "content/questions.yaml": (
        "- id: typical-day\n"
        "  text: What does a typical day look like for you?\n"
        "  aliases: ['What is a normal day like?']\n"
        "- id: start\n"
        "  text: How did you start?\n"
        "- id: unused\n"
        "  text: Is this ever asked?\n"
    ),
}


@pytest.fixture(scope="module")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("graph"), FILES)
    return root


def graph(root: Path, audience: str) -> SiteGraph:
    p = prepare(root)
    assert not p.diags.errors, errors(p.diags)
    view = build_view(p.valid, p.config, audience, Diagnostics())  # type: ignore[arg-type]
    return build_graph(view)


@pytest.fixture(scope="module")
def public(site_root: Path) -> SiteGraph:
    return graph(site_root, "public")


@pytest.fixture(scope="module")
def mentor(site_root: Path) -> SiteGraph:
    return graph(site_root, "mentor")


def ids(notes: list) -> list[str]:  # type: ignore[type-arg]
    return [n.id for n in notes]


def test_collections_and_home(public: SiteGraph) -> None:
    assert ids(public.collections["interviews"]) == ["interviews/c", "interviews/a"]
    assert ids(public.collections["roles"]) == ["roles/ux"]
    assert ids(public.collections["reflections"]) == ["reflections/r"]
    assert public.home is not None and public.home.id == "pages/index"
    assert public.collections["pages"] == []  # the home page is not listed among pages


def test_tags_only_from_visible_notes(public: SiteGraph, mentor: SiteGraph) -> None:
    tags = {t.slug: (t.name, ids(t.notes)) for t in public.tags}
    assert set(tags) == {"alpha", "shared"}  # not secret-tag
    assert tags["shared"][1] == ["interviews/c", "interviews/a"]  # "Shared" == "shared"
    assert tags["alpha"][1] == ["reflections/r", "interviews/a"]
    assert "secret-tag" not in {t.slug for t in mentor.tags}
    assert public.tag_url("Shared") == "tags/shared/"


def test_backlinks_from_visible_notes_only(public: SiteGraph, mentor: SiteGraph) -> None:
    # b (private) links to a; only c's link counts
    assert ids(public.backlinks["interviews/a"]) == ["interviews/c"]
    assert ids(public.backlinks["roles/ux"]) == ["reflections/r"]
    assert "interviews/b" not in public.backlinks
    assert ids(mentor.backlinks["interviews/a"]) == ["interviews/c"]


def test_prev_next_by_date(public: SiteGraph, mentor: SiteGraph) -> None:
    older, newer = public.prev_next["interviews/c"]
    assert older is not None and older.id == "interviews/a" and newer is None
    older, newer = public.prev_next["interviews/a"]
    assert older is None and newer is not None and newer.id == "interviews/c"
    # the mentor view has d (2026-02-15) between a and c
    assert ids(mentor.collections["interviews"]) == ["interviews/c", "interviews/d",
                                                     "interviews/a"]
    older, newer = mentor.prev_next["interviews/d"]
    assert (older.id, newer.id) == ("interviews/a", "interviews/c")  # type: ignore[union-attr]


def test_role_interviews_and_reflections(public: SiteGraph, mentor: SiteGraph) -> None:
    assert ids(public.role_interviews["roles/ux"]) == ["interviews/c", "interviews/a"]
    assert "roles/pm" not in public.role_interviews
    assert ids(mentor.role_interviews["roles/pm"]) == ["interviews/d"]
    assert ids(public.role_reflections["roles/ux"]) == ["reflections/r"]
    # pm is withheld from the public: the reflection does not point at it there
    assert "roles/pm" not in public.role_reflections
    assert ids(mentor.role_reflections["roles/pm"]) == ["reflections/r"]


def test_question_and_answer_up_to_next_heading_of_same_level(public: SiteGraph) -> None:
    answers = public.answers_by_note["interviews/a"]
    assert [a.question for a in answers] == ["What does a typical day look like?", "Why now?"]
    first = answers[0]
    inline = [t.content for t in first.tokens if t.type == "inline"]
    assert inline == ["Meetings, mostly.", "A detail", "More on meetings."]
    assert first.anchor == "what-does-a-typical-day-look-like"
    assert [t.content for t in answers[1].tokens if t.type == "inline"] == ["Because it grew."]


def test_answer_stops_at_a_higher_level_heading(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/x.md": interview(
        "2026-01-01", "public", "### Deep question?\n\nanswer\n\n## Up a level\n\nnot it\n")})
    g = graph(tmp_path, "public")
    [a] = g.answers_by_note["interviews/x"]
    assert [t.content for t in a.tokens if t.type == "inline"] == ["answer"]


def test_heading_without_question_mark_is_not_a_question(public: SiteGraph) -> None:
    questions = [a.question for answers in public.answers_by_note.values() for a in answers]
    assert "Something else" not in questions and "A detail" not in questions


def test_bank_matching_by_text_and_alias(public: SiteGraph, mentor: SiteGraph) -> None:
    bank = {e.question.id: e for e in public.bank}
    assert list(bank) == ["typical-day", "start", "unused"]
    # c's "what is a NORMAL day like!?" matches the alias ignoring case and punctuation
    assert [(a.note.id, a.question) for a in bank["typical-day"].answers] == [
        ("interviews/c", "what is a NORMAL day like!?")]
    assert bank["start"].answers == []  # d is mentor-only
    assert bank["unused"].answers == []
    m = {e.question.id: e for e in mentor.bank}
    assert [a.note.id for a in m["start"].answers] == ["interviews/d"]


def test_unmatched_questions_go_to_other_questions(public: SiteGraph) -> None:
    # a's question lacks "for you", so it is not the bank's question
    assert [(a.note.id, a.question) for a in public.other_questions] == [
        ("interviews/a", "What does a typical day look like?"),
        ("interviews/a", "Why now?"),
    ]


def test_private_answers_never_reach_the_bank(public: SiteGraph, mentor: SiteGraph) -> None:
    for g in (public, mentor):
        for e in g.bank:
            assert "interviews/b" not in [a.note.id for a in e.answers]


def test_matching_ignores_extra_spaces(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/interviews/x.md": interview("2026-01-01", "public",
                                             "## What   does a typical day look like ,for you ?"
                                             "\n\nok\n"),
        "content/questions.yaml": "- id: q\n  text: What does a typical day look like for you?\n",
    })
    g = graph(tmp_path, "public")
    assert [a.note.id for a in g.bank[0].answers] == ["interviews/x"]
    assert g.other_questions == []


def test_urls(public: SiteGraph) -> None:
    assert public.url_of("interviews/a") == "interviews/a/"
    assert public.url_of("pages/index") == ""
    assert public.url_of("interviews/b") is None


def test_about_page_url(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/pages/about.md": "---\ntitle: About\n---\nx\n"})
    g = graph(tmp_path, "public")
    assert g.url_of("pages/about") == "about/"


def copy_example(tmp_path: Path) -> Path:
    repo = Path(__file__).resolve().parent.parent
    root = tmp_path / "site"
    shutil.copytree(repo / "content", root / "content")
    shutil.copy(repo / "site.toml", root / "site.toml")
    return root
