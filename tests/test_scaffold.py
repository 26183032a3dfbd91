"""``init`` and ``new`` as functions: example site, note templates, safe names."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from unit_helpers import errors, prepare

from ivsite.commands.prepare import new_interview
from ivsite.commands.scaffold import init_site, new_note


def front(path: Path) -> dict[str, object]:
    text = path.read_text("utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n")[1])  # type: ignore[no-any-return]


def test_init_makes_a_site_that_checks_clean(tmp_path: Path) -> None:
    root = tmp_path / "new-site"
    assert init_site(root) == ""
    assert (root / "site.toml").is_file()
    assert (root / "content" / "questions.yaml").is_file()
    for coll in ("interviews", "reflections", "roles", "pages"):
        assert list((root / "content" / coll).glob("*.md")), coll
    ignore = (root / ".gitignore").read_text().split()
    assert "_site/" in ignore and ".ivsite/" in ignore
    p = prepare(root)
    assert not p.diags.errors, errors(p.diags)
    assert len(p.valid.notes) >= 4


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    problem = init_site(tmp_path)
    assert "not empty" in problem
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_init_accepts_a_folder_holding_only_git(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*.log\n")
    # .gitignore makes it non-empty: refused, and the file is left alone
    assert init_site(tmp_path) != ""
    (tmp_path / ".gitignore").unlink()
    assert init_site(tmp_path) == ""
    assert (tmp_path / "site.toml").is_file()


def test_new_interview_file_name_has_no_person_name(tmp_path: Path) -> None:
    init_site(tmp_path)
    rel, problems = new_interview(tmp_path, "Jane Doe", company="Acme", date="2026-03-04")
    assert problems == []
    assert rel == Path("content/interviews/2026-03-04-acme.md")
    fm = front(tmp_path / rel)
    assert fm["visibility"] == "private"
    assert fm["person"] == {"name": "Jane Doe", "company": "Acme", "role": None}  # type: ignore[comparison-overlap]
    assert fm["consent"] == {"publish_name": False}
    assert fm["date"] == dt.date(2026, 3, 4)
    assert fm["status"] == "planned"


def test_new_interview_without_company_uses_role_or_conversation(tmp_path: Path) -> None:
    init_site(tmp_path)
    rel, _ = new_interview(tmp_path, "Jane Doe", date="2026-03-04")
    assert rel == Path("content/interviews/2026-03-04-conversation.md")
    rel2, _ = new_interview(tmp_path, "Sam Roe", role="marketing-coordinator",
                       date="2026-03-04")
    assert rel2 == Path("content/interviews/2026-03-04-marketing-coordinator.md")
    assert front(tmp_path / rel2)["role"] == "marketing-coordinator"
    p = prepare(tmp_path)
    assert not p.diags.errors, errors(p.diags)


@pytest.mark.parametrize("company", ["Vale Consulting", "RobinVale Studio", "Robin's Bakery",
                                     "Studio Välé"])
def test_new_interview_file_name_never_names_the_person_through_the_company(
        tmp_path: Path, company: str) -> None:
    """The company may be named after the person: the file name (the page's
    address) then says "conversation", which the next build accepts."""
    init_site(tmp_path)
    rel, problems = new_interview(tmp_path, "Robin Vale", company=company, date="2026-03-04")
    assert problems == []
    assert rel == Path("content/interviews/2026-03-04-conversation.md")
    assert front(tmp_path / rel)["person"]["company"] == company  # type: ignore[index]
    p = prepare(tmp_path)
    assert not [d for d in p.diags.errors if d.code == "slug-names-person"], errors(p.diags)


def test_new_interview_file_name_keeps_a_company_that_names_no_one(tmp_path: Path) -> None:
    init_site(tmp_path)
    rel, _ = new_interview(tmp_path, "Robin Vale", company="Valence Labs", date="2026-03-04")
    assert rel == Path("content/interviews/2026-03-04-valence-labs.md")


def test_new_interview_is_planned_whatever_the_date(tmp_path: Path) -> None:
    """Issue 12: the note is where the conversation is prepared."""
    init_site(tmp_path)
    for day in (dt.date.today() + dt.timedelta(days=30), dt.date(2020, 1, 1)):
        rel, _ = new_interview(tmp_path, "Jane Doe", company="Acme", date=day.isoformat())
        assert rel is not None
        assert front(tmp_path / rel)["status"] == "planned"


def test_new_never_overwrites(tmp_path: Path) -> None:
    init_site(tmp_path)
    a, _ = new_interview(tmp_path, "Jane Doe", company="Acme", date="2026-03-04")
    assert a is not None
    (tmp_path / a).write_text((tmp_path / a).read_text() + "my notes\n")
    b, _ = new_interview(tmp_path, "Sam Roe", company="Acme", date="2026-03-04")
    assert b == Path("content/interviews/2026-03-04-acme-2.md")
    assert "my notes" in (tmp_path / a).read_text()


def test_new_quotes_awkward_names(tmp_path: Path) -> None:
    init_site(tmp_path)
    rel, _ = new_interview(tmp_path, 'Ana "AJ" O\'Neil: PhD', company="No: pe",
                      date="2026-03-04")
    assert rel is not None
    fm = front(tmp_path / rel)
    assert fm["person"]["name"] == 'Ana "AJ" O\'Neil: PhD'  # type: ignore[index]
    assert fm["person"]["company"] == "No: pe"  # type: ignore[index]


def test_new_reflection_role_page(tmp_path: Path) -> None:
    init_site(tmp_path)
    r, _ = new_note(tmp_path, "reflections", "Week one: what I learned?", date="2026-03-09")
    assert r == Path("content/reflections/2026-03-09-week-one-what-i-learned.md")
    fm = front(tmp_path / r)
    assert fm["title"] == "Week one: what I learned?" and fm["visibility"] == "private"
    role, _ = new_note(tmp_path, "roles", "UX Researcher")
    assert role == Path("content/roles/ux-researcher.md")
    assert front(tmp_path / role)["status"] == "exploring"
    page, _ = new_note(tmp_path, "pages", "My Portfolio")
    assert page == Path("content/pages/my-portfolio.md")
    assert front(tmp_path / page)["title"] == "My Portfolio"
    p = prepare(tmp_path)
    assert not p.diags.errors, errors(p.diags)
    keys = {n.key for n in p.valid.notes}
    assert {"reflections/2026-03-09-week-one-what-i-learned", "roles/ux-researcher",
            "pages/my-portfolio"} <= keys


@pytest.mark.parametrize("title", ["tags", "Tags", "People", "search", "Questions!",
                                   "timeline", "companies", "share"])
def test_new_page_refuses_a_title_that_takes_ivsites_own_page(tmp_path: Path,
                                                               title: str) -> None:
    init_site(tmp_path)
    before = sorted(p.name for p in (tmp_path / "content/pages").iterdir())
    rel, problem = new_note(tmp_path, "pages", title)
    assert rel is None
    assert "where ivsite puts its own" in problem and "choose another title" in problem
    assert sorted(p.name for p in (tmp_path / "content/pages").iterdir()) == before


def test_new_page_with_a_title_near_a_section_is_fine(tmp_path: Path) -> None:
    init_site(tmp_path)
    rel, _ = new_note(tmp_path, "pages", "My tags")
    assert rel == Path("content/pages/my-tags.md")
    p = prepare(tmp_path)
    assert not p.diags.errors, errors(p.diags)


def test_every_address_ivsite_makes_at_the_top_is_reserved(tmp_path: Path) -> None:
    """The list ``new page`` and validation refuse is every top-level name a build
    of the example site writes that no page of it took."""
    from ivsite.core.slugs import RESERVED_PAGE_SLUGS
    from ivsite.pipeline import build

    init_site(tmp_path / "s")
    toml = tmp_path / "s/site.toml"
    toml.write_text(toml.read_text("utf-8").replace("enabled = false", "enabled = true"), "utf-8")
    result = build(tmp_path / "s", out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert result.site is not None
    pages = {n.slug for n in result.site.prep.valid.notes if n.collection == "pages"}
    made = {p.name for p in (tmp_path / "out").iterdir()} - {".ivsite-output", "index.html"}
    assert "share" in made and "tags" in made
    assert made - pages - RESERVED_PAGE_SLUGS == set()


def test_new_refuses_without_a_site_or_with_a_bad_date(tmp_path: Path) -> None:
    rel, problem = new_note(tmp_path, "roles", "X")
    assert rel is None and "site.toml" in problem
    init_site(tmp_path / "s")
    rel2, problems = new_interview(tmp_path / "s", "Jane", date="2026-02-30")
    assert rel2 is None and "YYYY-MM-DD" in problems[0].message
    rel, problem = new_note(tmp_path / "s", "roles", "   ")
    assert rel is None and problem


def test_init_brings_the_publishing_setups(tmp_path: Path) -> None:
    """GitHub Pages and Netlify build the public view only, set base_url from the
    host's address and publish the output folder (never a committed one)."""
    import tomllib

    init_site(tmp_path)
    workflow = yaml.safe_load((tmp_path / ".github/workflows/pages.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"] + workflow["jobs"]["deploy"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert {"actions/configure-pages", "actions/upload-pages-artifact",
            "actions/deploy-pages"} <= set(uses)
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "pip install" in runs and "ivsite build --audience public --no-share" in runs
    assert "steps.pages.outputs.base_url" in str(steps) and "base_url" in runs
    assert "mentor" not in runs and workflow["permissions"]["pages"] == "write"
    netlify = tomllib.loads((tmp_path / "netlify.toml").read_text("utf-8"))
    assert netlify["build"]["publish"] == "_site"
    command = netlify["build"]["command"]
    assert "ivsite build --audience public --no-share" in command and "${URL}/" in command
    assert "_site/" in (tmp_path / ".gitignore").read_text().split()


def test_the_hosts_build_of_a_sharing_site_leaves_the_mentor_view_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command the publishing setups run, on a new site with sharing on, in a
    fresh checkout (no .ivsite/): no share/ folder, no token made, no link printed
    (a host's build log is not private). Without --no-share the same build writes
    the mentor copy: the flag is what keeps it out."""
    from click.testing import CliRunner

    from ivsite.commands.cli import cli

    init_site(tmp_path)
    toml = tmp_path / "site.toml"
    text = toml.read_text("utf-8")
    if "[share]" in text:
        text = text.replace("[share]", "[share]\nenabled = true", 1)
        text = "\n".join(line for line in text.splitlines()
                         if not line.strip().startswith("enabled = false"))
    else:
        text += "\n[share]\nenabled = true\n"
    toml.write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    shutil.rmtree(tmp_path / ".ivsite", ignore_errors=True)
    host = CliRunner().invoke(cli, ["build", "--audience", "public", "--no-share"])
    assert host.exit_code == 0, host.output
    assert not (tmp_path / "_site" / "share").exists()
    assert "share/" not in host.output and not (tmp_path / ".ivsite").joinpath(
        "share.toml").exists()
    mine = CliRunner().invoke(cli, ["build", "--audience", "public"])
    assert mine.exit_code == 0, mine.output
    assert any((tmp_path / "_site" / "share").iterdir())
