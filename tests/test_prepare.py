"""``ivsite new interview``: a planned, private note seeded from the site's question
bank, for a role the site has (issue 12, "Prepare")."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ivsite.commands.cli import cli
from ivsite.commands.prepare import CHECKLIST, FALLBACK_QUESTIONS

BANK = """\
- id: general-one
  text: How did you get into this field?
- id: ux-only
  text: How do you recruit participants?
  roles: [ux-researcher]
- id: data-only
  text: Which tools do you query with?
  roles: [data-analyst]
- id: general-two
  text: Who else should I talk to?
- id: both
  text: What would you study again?
  roles: [data-analyst, ux-researcher]
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    for rel, text in {
        "site.toml": 'title = "T"\n',
        "content/roles/ux-researcher.md": "---\ntitle: UX Researcher\n---\n",
        "content/roles/data-analyst.md": "---\ntitle: Data Analyst\n---\n",
        "content/questions.yaml": BANK,
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    monkeypatch.chdir(root)
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def headings(text: str) -> list[str]:
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


def test_questions_of_the_role_first_then_the_general_ones(site: Path) -> None:
    code, out, err = run("new", "interview", "Robin Vale", "--company", "Acme", "--role",
                         "ux-researcher", "--date", "2026-12-04", "--format", "video")
    assert code == 0, err
    text = (site / out.strip()).read_text("utf-8")
    assert headings(text) == ["How do you recruit participants?", "What would you study again?",
                              "How did you get into this field?", "Who else should I talk to?"]
    fm = yaml.safe_load(text.split("---\n")[1])
    assert fm["status"] == "planned" and fm["visibility"] == "private"
    assert fm["format"] == "video" and fm["role"] == "ux-researcher"
    assert fm["consent"]["publish_name"] is False
    # the checklist is inside a private passage, before the questions
    body = text.split("---\n", 2)[2]
    passage = body[body.index("::: private\n"):body.index("\n:::\n")]
    for item in CHECKLIST:
        assert f"- [ ] {item}" in passage
    assert "recent news" in passage.lower() and "introduced" in passage
    assert run("check")[0] == 0


def test_without_a_role_only_general_questions(site: Path) -> None:
    code, out, _ = run("new", "interview", "Robin Vale", "--date", "2026-12-04")
    assert code == 0
    text = (site / out.strip()).read_text("utf-8")
    assert headings(text) == ["How did you get into this field?", "Who else should I talk to?"]
    assert yaml.safe_load(text.split("---\n")[1])["format"] == "coffee"


def test_without_a_bank_the_fallback_questions(site: Path) -> None:
    (site / "content/questions.yaml").unlink()
    code, out, _ = run("new", "interview", "Robin Vale", "--role", "data-analyst")
    assert code == 0
    assert headings((site / out.strip()).read_text("utf-8")) == list(FALLBACK_QUESTIONS)


@pytest.mark.parametrize(("args", "code_name", "hint"), [
    (["--role", "ux-reseacher"], "unknown-role", "did you mean 'ux-researcher'?"),
    (["--role", "bogus"], "unknown-role", "ivsite new role"),
    (["--format", "cofee"], "new", "did you mean 'coffee'?"),
])
def test_a_wrong_role_or_format_is_a_diagnostic_and_writes_nothing(
    site: Path, args: list[str], code_name: str, hint: str
) -> None:
    code, out, err = run("new", "interview", "Robin Vale", "--company", "Acme", *args)
    assert code == 2 and out == ""
    assert f"error[{code_name}]" in err and hint in err
    assert "Traceback" not in err
    assert not (site / "content" / "interviews").exists()


def test_a_question_for_an_unknown_role_is_a_warning(site: Path) -> None:
    (site / "content/questions.yaml").write_text(BANK.replace("[data-analyst]",
                                                              "[data-analist]"), "utf-8")
    code, _, err = run("check")
    assert code == 0
    assert "warning[unknown-role]" in err and "did you mean 'data-analyst'?" in err


def test_a_role_the_public_may_not_see_does_not_name_the_file(site: Path) -> None:
    """Red team 4, J17: the file name is the page's address, which a public
    interview publishes; a mentor-only role's slug must not be in it."""
    (site / "content/roles/zephyr-pm.md").write_text(
        "---\ntitle: Zephyr Stealth Product Lead\nvisibility: mentor\n---\nMentor-only.\n", "utf-8")
    code, out, err = run("new", "interview", "Bo Test", "--role", "zephyr-pm",
                         "--date", "2026-11-30")
    assert code == 0, err
    assert "zephyr" not in out and out.strip().endswith("2026-11-30-conversation.md")
    code, out, err = run("new", "interview", "Bo Test", "--role", "ux-researcher",
                         "--date", "2026-11-30")
    assert code == 0 and out.strip().endswith("2026-11-30-ux-researcher.md"), (out, err)
