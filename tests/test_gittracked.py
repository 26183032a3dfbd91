"""``ivsite build`` warns when git tracks the output folder (it would publish the
mentor link's token under share/<token>/), and says nothing where git cannot tell."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivsite.commands import gittracked
from ivsite.commands.cli import cli

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
                   cwd=root, check=True, capture_output=True)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    assert CliRunner().invoke(cli, ["init", str(root)]).exit_code == 0
    monkeypatch.chdir(root)
    return root


def build() -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build"])
    return result.exit_code, result.stderr


@needs_git
def test_tracked_output_is_a_warning_and_the_build_succeeds(site: Path) -> None:
    git(site, "init", "-q")
    code, err = build()
    assert code == 0 and "output-in-git" not in err  # ignored by .gitignore: fine
    git(site, "add", "-f", "_site")
    git(site, "commit", "-qm", "oops")
    code, err = build()
    assert code == 0, err
    assert "_site: warning[output-in-git]" in err and "share/<token>/" in err
    assert "git rm -r --cached _site" in err
    git(site, "rm", "-rq", "--cached", "_site")
    code, err = build()
    assert code == 0 and "output-in-git" not in err


@needs_git
def test_strict_build_still_succeeds(site: Path) -> None:
    git(site, "init", "-q")
    build()
    git(site, "add", "-f", "_site")
    result = CliRunner().invoke(cli, ["build", "--strict"])
    assert result.exit_code == 0 and "output-in-git" in result.stderr


def test_not_a_repository_says_nothing(site: Path) -> None:
    code, err = build()
    assert code == 0 and "output-in-git" not in err
    assert gittracked.tracked_files(site / "_site") == []


def test_without_git_says_nothing(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_git(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError("git")

    monkeypatch.setattr(gittracked.subprocess, "run", no_git)
    assert gittracked.tracked_output_warning(site, ".") is None
    code, err = build()
    assert code == 0 and "output-in-git" not in err and "Traceback" not in err
