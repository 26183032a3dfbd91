"""A mentor build never sits in the public output folder (red team 1, observations):
``build --audience mentor`` wrote the mentor view into ``_site/``, where a later
public build that failed (and so wrote nothing) left it, to be uploaded as the
public site. It now writes ``_site-mentor/`` unless ``--out`` says otherwise, and
refuses the public output folder even when told to use it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import run_cli
from unit_helpers import write_site

from ivsite.commands.scaffold import init_site
from ivsite.core.folders import read_folders
from ivsite.pipeline import writers

MENTOR_NOTE = "---\ntitle: For my mentor\nvisibility: mentor\n---\nCANARY-MENTOR-VIEW\n"
PUBLIC_NOTE = "---\ntitle: Hello\n---\nHello there.\n"
BROKEN = "---\ntitle: Hello\nvisibility: Public\n---\nHello there.\n"  # an error


def site(root: Path) -> Path:
    return write_site(root, {"content/pages/hello.md": PUBLIC_NOTE,
                             "content/pages/mentor.md": MENTOR_NOTE})


def _holds_mentor_text(folder: Path) -> bool:
    return folder.is_dir() and any(b"CANARY-MENTOR-VIEW" in p.read_bytes()
                                   for p in folder.rglob("*") if p.is_file())


def test_a_mentor_build_writes_its_own_folder(tmp_path: Path) -> None:
    root = site(tmp_path / "s")
    result = run_cli(root, "build", "--audience", "mentor")
    assert result.exit_code == 0, result.stderr
    assert "_site-mentor" in result.stderr
    assert _holds_mentor_text(root / "_site-mentor")
    assert not (root / "_site").exists()


def _public_mentor_failed_public(root: Path) -> None:
    assert run_cli(root, "build").exit_code == 0
    assert run_cli(root, "build", "--audience", "mentor").exit_code == 0
    (root / "content/pages/hello.md").write_text(BROKEN, "utf-8")
    failed = run_cli(root, "build")
    assert failed.exit_code == 1 and "Nothing was written" in failed.stderr


def test_a_failed_public_build_leaves_no_mentor_view_in_the_public_folder(
        tmp_path: Path) -> None:
    root = site(tmp_path / "s")
    _public_mentor_failed_public(root)
    assert (root / "_site/hello/index.html").is_file()  # the last public build, as it was
    assert not _holds_mentor_text(root / "_site")
    assert _holds_mentor_text(root / "_site-mentor")


def _old_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writers, "output_folder",
                        lambda root, output_dir, audience, out: (out or root / output_dir)
                        .resolve())


def test_with_the_old_default_the_refusal_still_keeps_the_public_folder_clean(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default switched off: the mentor build aims at ``_site/`` and is refused."""
    _old_default(monkeypatch)
    root = site(tmp_path / "s")
    assert run_cli(root, "build").exit_code == 0
    result = run_cli(root, "build", "--audience", "mentor")
    assert result.exit_code == 2 and "error[output-dir]" in result.stderr
    assert not _holds_mentor_text(root / "_site")


def test_with_both_switched_off_the_mentor_view_is_left_in_the_public_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _old_default(monkeypatch)
    monkeypatch.setattr(writers, "public_folder_problem", lambda *args: "")
    root = site(tmp_path / "s")
    _public_mentor_failed_public(root)
    assert _holds_mentor_text(root / "_site")


@pytest.mark.parametrize("out", ["_site", "_site/", "./_site", "_site/mentor"])
def test_the_public_folder_is_refused_for_the_mentor_view(tmp_path: Path, out: str) -> None:
    root = site(tmp_path / "s")
    assert run_cli(root, "build").exit_code == 0
    result = run_cli(root, "build", "--audience", "mentor", "--out", out)
    assert result.exit_code == 2
    assert "error[output-dir]" in result.stderr and "public output folder" in result.stderr
    assert "_site-mentor/" in result.stderr  # the hint names the default
    assert not _holds_mentor_text(root / "_site")


def test_the_mentor_view_goes_anywhere_else_it_is_told(tmp_path: Path) -> None:
    root = site(tmp_path / "s")
    result = run_cli(root, "build", "--audience", "mentor", "--out", "for-mentor")
    assert result.exit_code == 0, result.stderr
    assert _holds_mentor_text(root / "for-mentor")


def test_an_own_output_dir_gets_its_mentor_folder_beside_it(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {"content/pages/mentor.md": MENTOR_NOTE},
                      toml='title = "T"\noutput_dir = "public"\n')
    assert run_cli(root, "build", "--audience", "mentor").exit_code == 0
    assert _holds_mentor_text(root / "public-mentor")
    assert not (root / "public").exists()


def test_the_mentor_folder_is_never_content_of_a_vault() -> None:
    folders = read_folders(b'title = "T"\n[content]\n"Notes" = "pages"\n')
    assert {"_site", "_site-mentor"} <= folders.never


def test_init_ignores_the_mentor_folder_in_git(tmp_path: Path) -> None:
    init_site(tmp_path)
    assert "_site-mentor/" in (tmp_path / ".gitignore").read_text("utf-8").split()
