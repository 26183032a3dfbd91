"""Red-team H14: what used to end in a traceback is a diagnostic with its exit code.

A file name that is not UTF-8, a loop of symbolic links, ``serve --port -1`` and a
site.toml ``language`` the search indexer panicked on: each is now a line with a
path, a code, a message and a hint, through the command line as a user runs it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_cli import GOOD
from unit_helpers import write_site

from ivsite.commands.cli import cli


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def good(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_site(tmp_path, GOOD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def no_traceback(r: Result) -> None:
    assert "Traceback" not in r.output and "internal error" not in r.output, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception


@pytest.mark.parametrize(("name", "shown"), [
    (b"content/interviews/r\xe9sum\xe9.pdf", r"content/interviews/r\xe9sum\xe9.pdf"),
    (b"content/pages/caf\xe9.md", r"content/pages/caf\xe9.md"),
    (b"content/pages/d\xe9j\xe0/note.md", r"content/pages/d\xe9j\xe0"),
])
@pytest.mark.parametrize("command", ["build", "check"])
def test_a_file_name_that_is_not_utf8_is_a_diagnostic(
        good: Path, name: bytes, shown: str, command: str) -> None:
    path = os.fsencode(good) + b"/" + name
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(b"---\ntitle: x\n---\nx\n" if name.endswith(b".md") else b"%PDF")
    r = run(command)
    no_traceback(r)
    assert r.exit_code == 1, r.output
    assert f"{shown}: error[file-name]: " in r.stderr, r.stderr
    assert "hint: rename it in UTF-8" in r.stderr
    assert not (good / "_site").exists()


@pytest.mark.parametrize("links", [{"loop": "loop"}, {"a.md": "b.md", "b.md": "a.md"},
                                   {"pics": "pics"}])
@pytest.mark.parametrize("command", ["build", "check"])
def test_a_symlink_loop_is_a_diagnostic(good: Path, links: dict[str, str],
                                        command: str) -> None:
    for name, target in links.items():
        (good / "content/pages" / name).symlink_to(target)
    r = run(command)
    no_traceback(r)
    assert r.exit_code == 1, r.output
    for name in links:
        assert f"content/pages/{name}: error[link-loop]: " in r.stderr, r.stderr
    assert "hint: remove the link" in r.stderr


@pytest.mark.parametrize("port", ["-1", "65536", "70000"])
def test_a_port_out_of_range_is_a_diagnostic(good: Path, port: str) -> None:
    r = run("serve", "--port", port)
    no_traceback(r)
    assert r.exit_code == 2, r.output
    assert f"--port: error[port]: {port} is not a port" in r.stderr, r.stderr
    assert "hint: pass one such as --port 8000" in r.stderr


@pytest.mark.parametrize("language", ['en\\"><script>alert(1)</script>', "en gb", "",
                                      "fr/../x", "日本語"])
@pytest.mark.parametrize("command", ["build", "check"])
def test_a_language_that_is_not_a_tag_is_a_diagnostic(
        good: Path, language: str, command: str) -> None:
    toml = good / "site.toml"
    toml.write_text(toml.read_text("utf-8") + f'language = "{language}"\n', "utf-8")
    r = run(command)
    no_traceback(r)
    assert r.exit_code == 2, r.output
    assert "site.toml:" in r.stderr and "error[config-invalid]: 'language'" in r.stderr
    assert "panicked" not in r.stderr and not (good / "_site").exists()


@pytest.mark.parametrize("language", ["pt-BR", "zh-Hant-TW"])
def test_a_language_tag_still_builds(good: Path, language: str) -> None:
    toml = good / "site.toml"
    toml.write_text(toml.read_text("utf-8") + f'language = "{language}"\n', "utf-8")
    r = run("build")
    assert r.exit_code == 0, r.output
    assert f'lang="{language}"' in (good / "_site/index.html").read_text("utf-8")


# Red team 4, J18: text typed in a terminal that is not set to UTF-8, and a schema
# folder that cannot be made.

LATIN1 = os.fsdecode(b"Jos\xe9 Ram\xedrez")
"""What Python makes of a Latin-1 terminal's bytes: lone surrogates."""


@pytest.mark.parametrize("args", [
    ["new", "interview", LATIN1],
    ["new", "interview", "Jo Smith", "--company", os.fsdecode(b"Caf\xe9 Co")],
    ["new", "interview", "Jo Smith", "--role", os.fsdecode(b"d\xe9v")],
    ["new", "page", os.fsdecode(b"Caf\xe9")],
    ["new", "reflection", os.fsdecode(b"Caf\xe9")],
    ["new", "role", os.fsdecode(b"Caf\xe9")],
])
def test_text_that_is_not_utf8_is_a_usage_error(good: Path, args: list[str]) -> None:
    before = sorted(p for p in (good / "content").rglob("*"))
    r = run(*args)
    no_traceback(r)
    assert r.exit_code == 2 and "not UTF-8 text" in r.output and "LANG=" in r.output, r.output
    assert sorted(p for p in (good / "content").rglob("*")) == before  # nothing half-written


def test_utf8_text_is_still_taken(good: Path) -> None:
    r = run("new", "page", "Café")
    assert r.exit_code == 0, r.output
    assert "Café" in Path(r.output.strip()).read_text("utf-8")


@pytest.mark.parametrize("out", ["content/pages/index.md/x", "/proc/1/x"])
def test_a_schema_folder_that_cannot_be_made_is_a_usage_error(good: Path, out: str) -> None:
    (good / "content/pages").mkdir(parents=True, exist_ok=True)
    (good / "content/pages/index.md").touch()
    r = run("schema", "--out", out)
    no_traceback(r)
    assert r.exit_code == 2 and "cannot be written" in r.output, r.output
