"""The command line: exit codes of check and build, JSON output, schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from unit_helpers import write_site

from ivsite.commands.cli import cli

GOOD: dict[str, str | bytes] = {
    "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "content/roles/ux.md": "---\ntitle: UX Researcher\n---\nA role.\n",
    "content/interviews/2026-03-04-acme.md": (
        "---\ndate: 2026-03-04\nvisibility: public\nperson:\n  name: Jane Doe\n"
        "  email: jane@acme.example\nalias: a researcher\nrole: ux\n---\n"
        "## What does a typical day look like?\n\nInterviews.\n\n"
        "::: private\nOff the record.\n:::\n"),
}
BAD_NOTE = "---\ntitle: Broken\nvisibility: Public\n---\nbody\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def good(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_site(tmp_path, GOOD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ----------------------------------------------------------------- check


def test_check_clean_site_exits_0_and_writes_nothing(good: Path) -> None:
    before = sorted(p.relative_to(good).as_posix() for p in good.rglob("*"))
    r = run("check")
    assert r.exit_code == 0, r.output
    assert "ok: 3 note(s) checked" in r.stderr
    after = sorted(p.relative_to(good).as_posix() for p in good.rglob("*"))
    assert after == before


def test_check_finds_what_only_rendering_finds(good: Path) -> None:
    """A theme that fails while a page is rendered is found by check, as by build."""
    (good / "themes/mine/templates").mkdir(parents=True)
    (good / "themes/mine/templates/interview.html").write_text("{{ 1/0 }}\n", "utf-8")
    (good / "site.toml").write_text(
        (good / "site.toml").read_text("utf-8") + 'theme = "mine"\n', "utf-8")
    r = run("check")
    assert r.exit_code == 2, r.output
    assert "error[theme]" in r.stderr and "interview.html" in r.stderr
    assert not (good / "_site").exists()


def test_check_audits_the_pages_it_makes(good: Path) -> None:
    """A theme that prints a withheld contact field fails check with the audit's
    error, as it would fail build; nothing is written."""
    (good / "themes/leaky/templates").mkdir(parents=True)
    (good / "themes/leaky/templates/interview.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ body }}'
        "{{ note.person.email if note.person is defined else '' }}"
        "<p>jane@acme.example</p>{% endblock %}\n", "utf-8")
    (good / "site.toml").write_text(
        (good / "site.toml").read_text("utf-8") + 'theme = "leaky"\n', "utf-8")
    r = run("check")
    assert r.exit_code == 1, r.output
    assert "error[audit]" in r.stderr and "jane@acme.example" not in r.stderr
    assert "would refuse to write" in r.stderr
    assert not (good / "_site").exists()


def test_check_content_error_exits_1_with_contract_text(good: Path) -> None:
    (good / "content" / "pages" / "bad.md").write_text(BAD_NOTE)
    r = run("check")
    assert r.exit_code == 1
    assert ("content/pages/bad.md:3:13: error[visibility]: "
            "'Public' is not one of public, mentor, private") in r.stderr
    assert "  hint: write it in lower case" in r.stderr


def test_check_warning_exits_0_but_1_with_strict(good: Path) -> None:
    (good / "content" / "pages" / "w.md").write_text("---\ntitle: W\ntitel: x\n---\nbody\n")
    r = run("check")
    assert r.exit_code == 0
    assert "warning[unknown-key]" in r.stderr
    assert run("check", "--strict").exit_code == 1


def test_check_without_site_toml_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path, GOOD, toml=None)
    monkeypatch.chdir(tmp_path)
    r = run("check")
    assert r.exit_code == 2
    assert "error[config-missing]" in r.stderr


def test_check_with_bad_config_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path, GOOD, toml='author = "no title"\n')
    monkeypatch.chdir(tmp_path)
    assert run("check").exit_code == 2


def test_check_json_output_parses(good: Path) -> None:
    (good / "content" / "pages" / "bad.md").write_text(BAD_NOTE)
    (good / "content" / "pages" / "w.md").write_text("---\ntitle: W\ntitel: x\n---\nbody\n")
    r = run("check", "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert isinstance(data, list) and len(data) >= 2
    for d in data:
        assert set(d) == {"path", "line", "col", "severity", "code", "message", "hint"}
    vis = next(d for d in data if d["code"] == "visibility")
    assert (vis["path"], vis["line"], vis["col"], vis["severity"]) == (
        "content/pages/bad.md", 3, 13, "error")
    assert vis["hint"] == "write it in lower case"
    assert any(d["severity"] == "warning" and d["code"] == "unknown-key" for d in data)


def test_check_json_of_a_clean_site_is_an_empty_list(good: Path) -> None:
    r = run("check", "--format", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == []


def test_check_reports_all_problems_at_once(good: Path) -> None:
    (good / "content" / "pages" / "a.md").write_text(BAD_NOTE)
    (good / "content" / "pages" / "b.md").write_text("---\ntitle: B\ndraft: true\n---\nx\n")
    (good / "content" / "pages" / "c.md").write_text("----\ntitle: C\n---\nx\n")
    r = run("check", "--format", "json")
    codes = {(d["path"], d["code"]) for d in json.loads(r.stdout)}
    assert {("content/pages/a.md", "visibility"), ("content/pages/b.md", "privacy-key"),
            ("content/pages/c.md", "front-matter-start")} <= codes


# ----------------------------------------------------------------- schema


def test_schema_prints_json_with_no_additional_properties() -> None:
    r = run("schema")
    assert r.exit_code == 0
    schema = json.loads(r.stdout)
    defs = schema["$defs"]
    assert {"interviews_note", "reflections_note", "roles_note", "pages_note",
            "Person"} <= set(defs)
    for name, d in defs.items():
        if d.get("type") == "object":
            assert d.get("additionalProperties") is False, name
    props = defs["interviews_note"]["properties"]
    assert {"person", "consent", "visibility", "alias", "follow_up"} <= set(props)
    assert "person" in defs["interviews_note"]["required"]
    # anyOf, not oneOf: a page is also a valid role (issue 11; see tests/test_schema.py).
    assert len(schema["anyOf"]) == 4


# ----------------------------------------------------------------- issue 11: small things


@pytest.mark.parametrize("args", [
    ["init"], ["check"], ["build"], ["serve"], ["share"], ["todo"], ["audit"], ["schema"],
    ["new"], ["new", "interview"], ["new", "page"], ["new", "reflection"], ["new", "role"],
])
def test_every_command_has_help_text_and_a_dash_c(args: list[str]) -> None:
    r = run(*args, "--help")
    assert r.exit_code == 0
    summary = r.output.split("\n\n")[1].strip()
    assert summary and not summary.startswith("Options"), r.output
    if args != ["new"]:
        assert "-C DIR" in r.output, r.output


def test_dash_c_runs_in_the_site_folder(good: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path.parent)
    for args in (["-C", str(good), "check"], ["check", "-C", str(good)]):
        r = run(*args)
        assert r.exit_code == 0 and "ok: 3 note(s) checked" in r.output, r.output
    assert Path.cwd() == tmp_path.parent
    r = run("new", "page", "A page", "-C", str(good))
    assert r.exit_code == 0 and (good / "content" / "pages" / "a-page.md").is_file()


def test_check_refuses_a_theme_that_is_not_there(good: Path) -> None:
    (good / "site.toml").write_text((good / "site.toml").read_text() + 'theme = "dark"\n')
    r = run("check")
    assert r.exit_code == 2 and "theme 'dark' not found" in r.output
    assert "the themes this site has: default" in r.output
    (good / "site.toml").write_text((good / "site.toml").read_text()
                                    .replace('"dark"', '"defalt"'))
    assert "did you mean 'default'" in run("check").output


# ----------------------------------------------------------------- build


def test_build_private_audience_is_refused(good: Path) -> None:
    r = run("build", "--audience", "private")
    assert r.exit_code == 2
    assert not (good / "_site").exists()


def test_build_clean_site_exits_0(good: Path) -> None:
    r = run("build")
    assert r.exit_code == 0, r.output
    out = good / "_site"
    assert (out / "index.html").is_file()
    assert (out / ".ivsite-output").is_file()
    html = "\n".join(p.read_text("utf-8", errors="ignore") for p in out.rglob("*.html"))
    assert "jane@acme.example" not in html and "Off the record" not in html
    assert "Jane Doe" not in html


def test_build_with_errors_exits_1_and_leaves_previous_output(good: Path) -> None:
    assert run("build").exit_code == 0
    out = good / "_site"
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (good / "content" / "pages" / "bad.md").write_text(BAD_NOTE)
    r = run("build")
    assert r.exit_code == 1
    assert "error[visibility]" in r.stderr
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in good.iterdir() if p.name.startswith("._site")] == []


def test_build_refuses_a_foreign_output_folder_with_2(good: Path) -> None:
    foreign = good / "elsewhere"
    foreign.mkdir()
    (foreign / "thesis.docx").write_bytes(b"precious")
    r = run("build", "--out", str(foreign))
    assert r.exit_code == 2
    assert "error[output-dir]" in r.stderr
    assert [p.name for p in foreign.iterdir()] == ["thesis.docx"]


def test_build_without_site_toml_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path, GOOD, toml=None)
    monkeypatch.chdir(tmp_path)
    assert run("build").exit_code == 2


def test_build_strict_with_warning_exits_1(good: Path) -> None:
    (good / "content" / "pages" / "w.md").write_text("---\ntitle: W\ntitel: x\n---\nbody\n")
    assert run("build", "--strict").exit_code == 1
    assert not (good / "_site").exists()
    assert run("build").exit_code == 0


def test_rebuild_removes_stale_files(good: Path) -> None:
    assert run("build").exit_code == 0
    stale = good / "_site" / "roles" / "ux" / "index.html"
    assert stale.is_file()
    (good / "content" / "roles" / "ux.md").unlink()
    interview = good / "content" / "interviews" / "2026-03-04-acme.md"
    interview.write_text(interview.read_text().replace("role: ux\n", ""))
    assert run("build").exit_code == 0
    assert not stale.exists()
    assert not (good / "_site" / "roles" / "ux").exists()
