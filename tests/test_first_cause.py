"""Issue 11, "first cause first": one root error per mistake, errors before
warnings, in the terminal and in ``--format json`` (the preview's overlay shows
the same sorted list, see ivsite.preview.session)."""

from __future__ import annotations

from pathlib import Path

from sites import note, run_cli, write_site

from ivsite.core.diagnostics import Diagnostic, Diagnostics

ROLE = "roles/ux.md"


def _interviews(n: int, **front: object) -> dict[str, str]:
    return {f"interviews/2026-03-0{i}-x.md": note(
        {"date": f"2026-03-0{i}", "person": {"name": f"Person {i}"}, **front}, "Body.\n")
        for i in range(1, n + 1)}


def test_visibility_typo_in_a_role_gives_one_error_not_eight(tmp_path: Path) -> None:
    """The issue's case: `visibility: Private` in one role, seven notes naming it."""
    site = write_site(tmp_path, {
        "pages/index.md": note({"title": "Home"}, "Hi.\n"),
        ROLE: "---\ntitle: UX\nvisibility: Private\n---\nA role.\n",
        **_interviews(6, role="ux"),
        "reflections/r.md": note({"title": "R", "date": "2026-03-09", "roles": ["ux"]},
                                 "About [[ux]].\n"),
    })
    r = run_cli(site, "check", "--format", "json")
    assert r.exit_code == 1
    errors = [d for d in r.json() if d["severity"] == "error"]
    assert [(d["path"], d["code"]) for d in errors] == [(f"content/{ROLE}", "visibility")]
    assert "8 reference(s)" in errors[0]["hint"], errors[0]["hint"]
    text = run_cli(site, "check")
    assert text.stderr.count("error[") == 1
    assert text.stderr.index("error[visibility]") < text.stderr.index("1 error(s)")


def test_a_bad_date_gives_one_error(tmp_path: Path) -> None:
    """A bad date in a note others link to, and a bad date in a union field."""
    site = write_site(tmp_path, {
        "pages/index.md": note({"title": "Home"},
                               "[[Bad]], [[bad]] and [x](../reflections/bad.md)\n"),
        "reflections/bad.md": "---\ntitle: Bad\ndate: 2026-02-30\n---\nx\n",
        "pages/other.md": note({"title": "Other"}, "Also [[Bad]].\n"),
    })
    r = run_cli(site, "check", "--format", "json")
    errors = [d for d in r.json() if d["severity"] == "error"]
    assert [(d["path"], d["code"]) for d in errors] == [("content/reflections/bad.md", "yaml")]
    assert "4 reference(s)" in errors[0]["hint"]
    assert not [d for d in r.json() if d["code"] == "missing-note"], r.json()

    site2 = write_site(tmp_path / "b", {
        **_interviews(1, follow_up={"thank_you": "2026-3-5"}),
    })
    errors = [d for d in run_cli(site2, "check", "--format", "json").json()
              if d["severity"] == "error"]
    assert len(errors) == 1 and "follow_up.thank_you" in errors[0]["message"]
    assert "date" in errors[0]["message"]


def test_errors_come_before_warnings_and_site_toml_first(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "pages/a.md": note({"title": "A", "colour": "red"}, "x\n"),
        "pages/b.md": note({"title": "B", "visibility": "Public"}, "x\n"),
    }, config='title = "x"\ntheme = "defualt"\n')
    r = run_cli(site, "check", "--format", "json")
    got = [(d["severity"], d["path"]) for d in r.json()]
    assert got == [("error", "site.toml"), ("error", "content/pages/b.md"),
                   ("warning", "content/pages/a.md")], got
    assert "did you mean 'default'" in r.json()[0]["hint"]
    assert r.exit_code == 2


def test_sorted_puts_errors_first() -> None:
    d = Diagnostics()
    d.add(Diagnostic("a.md", 1, 1, "warning", "w", "w"))
    d.add(Diagnostic("b.md", 1, 1, "error", "e", "e"))
    assert [x.severity for x in d.sorted()] == ["error", "warning"]
