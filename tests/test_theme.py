"""Issue 9, class 13: theme files come from inside the site, or not at all.

A theme's templates are rendered into every page and its static files are copied
to the output, so a theme read from outside the site's folder (an absolute or
``../`` theme name, a linked theme folder, template or static file) would publish
whatever it points at. Each is a usage error (exit 2) and nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from unit_helpers import run_in, write_site

CANARY = "OUTSIDE-THEME-CANARY-5c1e"
SITE: dict[str, str | bytes] = {"content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
                                "content/pages/about.md": "---\ntitle: About\n---\nMe.\n"}
PAGE_TEMPLATE = ('{% extends "base.html" %}{% block content %}' + CANARY
                 + "{{ body }}{% endblock %}")


def outside_theme(tmp_path: Path) -> Path:
    """A complete theme outside the site, every file of it carrying the canary."""
    theme = tmp_path / "elsewhere" / "evil"
    (theme / "templates").mkdir(parents=True)
    (theme / "static").mkdir()
    (theme / "templates" / "page.html").write_text(PAGE_TEMPLATE)
    (theme / "static" / "style.css").write_text(f"/* {CANARY} */")
    return theme


def site_with_theme(tmp_path: Path, theme: str) -> Path:
    return write_site(tmp_path / "site", dict(SITE), f'title = "T"\ntheme = {json.dumps(theme)}\n')


def assert_refused(site: Path, r: Result, code: str) -> None:
    assert r.exit_code == 2, r.output
    assert f"error[{code}]" in r.stderr, r.stderr
    assert "Traceback" not in r.output
    assert not (site / "_site").exists()


@pytest.mark.parametrize("name", ["ABS", "../elsewhere/evil", "../../x", "evil/..", "a/b",
                                  "a\\b", "C:evil", ".hidden", ".."])
def test_a_theme_name_that_is_a_path_is_a_config_error(tmp_path: Path, name: str) -> None:
    theme = outside_theme(tmp_path)
    name = str(theme) if name == "ABS" else name
    site = site_with_theme(tmp_path, name)
    (site / "themes" / "evil").mkdir(parents=True)
    for command in ("build", "check"):
        r = run_in(site, command)
        assert_refused(site, r, "config-invalid")
        assert "'theme'" in r.stderr


def test_a_linked_theme_folder_outside_the_site_is_refused(tmp_path: Path) -> None:
    theme = outside_theme(tmp_path)
    site = site_with_theme(tmp_path, "mine")
    (site / "themes").mkdir()
    (site / "themes" / "mine").symlink_to(theme, target_is_directory=True)
    assert_refused(site, run_in(site, "build"), "theme")


def test_a_linked_themes_folder_outside_the_site_is_refused(tmp_path: Path) -> None:
    theme = outside_theme(tmp_path)
    site = site_with_theme(tmp_path, "evil")
    (site / "themes").symlink_to(theme.parent, target_is_directory=True)
    assert_refused(site, run_in(site, "build"), "theme")


@pytest.mark.parametrize("linked", ["templates/page.html", "static/style.css", "templates",
                                    "static", "static/sub"])
def test_a_linked_theme_file_outside_the_site_is_refused(tmp_path: Path, linked: str) -> None:
    theme = outside_theme(tmp_path)
    site = site_with_theme(tmp_path, "mine")
    own = site / "themes" / "mine"
    (own / "templates").mkdir(parents=True)
    (own / "static").mkdir()
    target = theme / linked
    if linked == "static/sub":
        target = theme / "static"
    link = own / linked
    if link.is_dir():
        link.rmdir()
    link.symlink_to(target, target_is_directory=target.is_dir())
    assert_refused(site, run_in(site, "build"), "theme")


def test_links_inside_the_site_are_fine(tmp_path: Path) -> None:
    site = site_with_theme(tmp_path, "mine")
    other = site / "themes" / "other"
    (other / "templates").mkdir(parents=True)
    (other / "templates" / "page.html").write_text(PAGE_TEMPLATE.replace(CANARY, "OWN-THEME"))
    (site / "themes" / "mine").symlink_to(other, target_is_directory=True)
    r = run_in(site, "build")
    assert r.exit_code == 0, r.output
    assert any("OWN-THEME" in p.read_text() for p in (site / "_site").rglob("*.html"))


def test_the_built_in_theme_is_fine(tmp_path: Path) -> None:
    site = site_with_theme(tmp_path, "default")
    assert run_in(site, "build").exit_code == 0


@pytest.mark.parametrize("expression", ["{{ 1/0 }}", '{{ "%d" % "x" }}', "{{ none.x.y() }}"])
def test_a_template_that_fails_while_rendering_is_an_error_not_a_traceback(
        tmp_path: Path, expression: str) -> None:
    root = tmp_path / "site"
    (root / "content/pages").mkdir(parents=True)
    (root / "site.toml").write_text('title = "T"\ntheme = "mine"\n', "utf-8")
    (root / "content/pages/about.md").write_text("---\ntitle: About\n---\nHi.\n", "utf-8")
    (root / "themes/mine/templates").mkdir(parents=True)
    (root / "themes/mine/templates/page.html").write_text(expression + "\n", "utf-8")
    result = run_in(root, "build")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert "error[theme]" in result.output and "page.html" in result.output


def test_a_theme_file_linked_into_content_is_refused(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {
        **SITE, "content/reflections/salary.md":
            "---\ntitle: Salary\ndate: 2026-01-01\n---\nzqxsalary 95k.\n"},
        'title = "T"\ntheme = "mine"\n')
    (root / "themes/mine/templates").mkdir(parents=True)
    (root / "themes/mine/templates/notes.txt").symlink_to(
        root / "content/reflections/salary.md")
    result = run_in(root, "build")
    assert result.exit_code == 2, result.output
    assert "themes/mine/templates/notes.txt" in result.output
    assert not (root / "_site").exists()


@pytest.mark.parametrize("expression", [
    "{{ date_label.__globals__['__builtins__']['open'](SECRET).read() }}",
    "{{ cycler.__init__.__globals__.__builtins__.open(SECRET).read() }}",
    "{{ (url.__globals__['__builtins__']['open'](SECRET).read())|reverse }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ lipsum.__globals__['os'].popen('echo hi').read() }}",
])
def test_a_theme_template_cannot_reach_python_or_read_files(tmp_path: Path,
                                                             expression: str) -> None:
    """F16: a shared theme is untrusted code. Its templates are sandboxed: no way from
    a callable in the context to open() (it published a private note and /etc/hostname)."""
    secret = tmp_path / "outside.txt"
    secret.write_text(CANARY, "utf-8")
    note = "---\ndate: 2026-01-01\nperson: {name: Jane Doe}\n---\nzqxprivatenote\n"
    root = write_site(tmp_path / "site", {**SITE, "content/interviews/a.md": note},
                      'title = "T"\ntheme = "evil"\n')
    (root / "themes/evil/templates").mkdir(parents=True)
    (root / "themes/evil/templates/404.html").write_text(
        '{% extends "base.html" %}{% block content %}'
        + expression.replace("SECRET", json.dumps(str(secret))) + "{% endblock %}\n", "utf-8")
    result = run_in(root, "build")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert "error[theme]" in result.output and "404.html" in result.output
    published = [p.read_bytes() for p in (root / "_site").rglob("*") if p.is_file()] \
        if (root / "_site").exists() else []
    assert not any(CANARY.encode() in b or b"zqxprivatenote" in b for b in published)
