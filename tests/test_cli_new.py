"""``ivsite init`` and ``ivsite new`` through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ivsite.commands.cli import cli


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    result = CliRunner().invoke(cli, ["init", str(root)])
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(root)
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_new_interview_writes_a_private_note_named_by_date_and_company(site: Path) -> None:
    # Not the scaffold's Jane Doe, who agreed to be named: a second note about her
    # saying false would withhold her name everywhere (issue 9, class 7).
    code, out, _ = run("new", "interview", "Robin Vale", "--company", "Acme",
                       "--date", "2026-03-04")
    assert code == 0
    assert out.strip() == "content/interviews/2026-03-04-acme.md"
    path = site / "content" / "interviews" / "2026-03-04-acme.md"
    text = path.read_text("utf-8")
    fm = yaml.safe_load(text.split("---\n")[1])
    assert fm["visibility"] == "private"
    assert fm["person"]["name"] == "Robin Vale"
    assert fm["consent"]["publish_name"] is False
    names = [p.name.lower() for p in (site / "content" / "interviews").iterdir()]
    assert not any("robin" in n or "vale" in n for n in names)
    code, _, err = run("check")
    assert code == 0, err


@pytest.mark.parametrize(
    ("kind", "title", "expected"),
    [
        ("role", "Brand Manager", "content/roles/brand-manager.md"),
        ("page", "Now", "content/pages/now.md"),
    ],
)
def test_new_role_and_page(site: Path, kind: str, title: str, expected: str) -> None:
    code, out, _ = run("new", kind, title)
    assert code == 0 and out.strip() == expected
    assert (site / expected).is_file()
    code, _, err = run("check")
    assert code == 0, err


def test_new_reflection(site: Path) -> None:
    code, out, _ = run("new", "reflection", "Second thoughts")
    assert code == 0
    path = site / out.strip()
    assert path.parent == site / "content" / "reflections"
    assert path.name.endswith("-second-thoughts.md")
    assert run("check")[0] == 0


def test_new_interview_with_a_bad_date_is_a_usage_error(site: Path) -> None:
    code, _, err = run("new", "interview", "Jane Doe", "--date", "04/03/2026")
    assert code == 2
    assert "YYYY-MM-DD" in err
    assert not list((site / "content" / "interviews").glob("*-conversation*.md"))


def test_new_outside_a_site_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("new", "role", "X")
    assert code == 2 and "site.toml" in err
    assert list(tmp_path.iterdir()) == []


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    code, _, err = run("init", str(tmp_path))
    assert code == 2 and "not empty" in err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


# Issue 9: a very long title made a file name longer than file systems allow (a
# traceback). The file name is cut at a word, the title kept whole.

LONG_TITLE = " ".join(["Reflections on informational interviewing"] * 8)[:300]


@pytest.mark.parametrize("kind", ["page", "role", "reflection"])
def test_new_with_a_300_character_title_cuts_the_file_name(site: Path, kind: str) -> None:
    assert len(LONG_TITLE) == 300
    code, out, err = run("new", kind, LONG_TITLE)
    assert code == 0, err
    path = Path(out.strip())
    assert len(path.stem) <= 80 and not path.stem.endswith("-")
    assert path.stem.endswith(("interviewing", "informational", "on", "reflections"))
    text = (site / path).read_text("utf-8")
    assert yaml.safe_load(text.split("---\n")[1])["title"] == LONG_TITLE
    again = run("new", kind, LONG_TITLE)
    assert again[0] == 0 and Path(again[1].strip()).stem == path.stem + "-2"
    assert run("check")[0] == 0


@pytest.mark.parametrize("title", ["x" * 300, "é" * 300, "日本語" * 100])
def test_new_with_a_long_unbroken_title(site: Path, title: str) -> None:
    code, out, err = run("new", "page", title)
    assert code == 0, err
    assert "Traceback" not in err and len(Path(out.strip()).stem) <= 80


def test_new_interview_with_a_long_company(site: Path) -> None:
    code, out, err = run("new", "interview", "Jane Doe", "--company", "Acme " * 60,
                         "--date", "2026-03-04")
    assert code == 0, err
    assert Path(out.strip()).stem.startswith("2026-03-04-acme-acme")
    assert len(Path(out.strip()).stem) <= 80


@pytest.mark.parametrize("title", ["tags", "Timeline", "companies"])
def test_new_page_named_like_ivsites_own_page_is_refused(site: Path, title: str) -> None:
    """Before: the note was written and the next build failed (slug-reserved or
    output-clash). Now `new` says so and writes nothing; `check` stays clean."""
    code, out, err = run("new", "page", title)
    assert code == 2 and out == ""
    assert f"'{title.lower()}/'" in err and "choose another title" in err
    assert not (site / f"content/pages/{title.lower()}.md").exists()
    assert run("check")[0] == 0


@pytest.mark.parametrize("slug", ["timeline", "companies"])
def test_a_page_at_a_section_address_is_slug_reserved(site: Path, slug: str) -> None:
    (site / f"content/pages/{slug}.md").write_text("---\ntitle: X\n---\nx\n", "utf-8")
    code, _, err = run("check")
    assert code == 1 and "error[slug-reserved]" in err, err


def test_new_interview_with_a_company_named_after_the_person(site: Path) -> None:
    code, out, _ = run("new", "interview", "Robin Vale", "--company", "Vale & Partners",
                       "--date", "2026-03-04")
    assert code == 0 and out.strip() == "content/interviews/2026-03-04-conversation.md"
    code, _, err = run("check")
    assert code == 0, err
