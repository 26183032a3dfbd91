"""The mentor link's token and salt in .ivsite/share.toml."""

from __future__ import annotations

import base64
import os
import re
import stat
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from unit_helpers import run_in, write_site

from ivsite.mentor import share

URLSAFE = re.compile(r"^[A-Za-z0-9_-]+$")


def state(root: Path) -> dict[str, object]:
    return tomllib.loads((root / ".ivsite" / "share.toml").read_text("utf-8"))


def test_token_is_128_bits_url_safe() -> None:
    tokens = {share.new_token() for _ in range(50)}
    assert len(tokens) == 50
    for t in tokens:
        assert len(t) >= 22 and URLSAFE.match(t), t
        # 22 base64url characters carry 132 bits; 16 random bytes make 128
        raw = base64.urlsafe_b64decode(t + "=" * (-len(t) % 4))
        assert len(raw) >= 16


def test_token_is_created_once_and_stored_with_a_salt(tmp_path: Path) -> None:
    token = share.get_or_create_token(tmp_path)
    assert len(token) >= 22 and URLSAFE.match(token)
    data = state(tmp_path)
    assert data["token"] == token
    salt = base64.b64decode(str(data["salt"]), validate=True)
    assert len(salt) == 16
    assert share.read_token(tmp_path) == token
    assert share.read_salt(tmp_path) == salt


def test_token_is_stable_across_calls(tmp_path: Path) -> None:
    first = share.get_or_create_token(tmp_path)
    salt = share.read_salt(tmp_path)
    assert share.get_or_create_token(tmp_path) == first
    assert share.get_or_create_token(tmp_path) == first
    assert share.read_salt(tmp_path) == salt


def test_rotate_changes_token_and_salt(tmp_path: Path) -> None:
    first = share.get_or_create_token(tmp_path)
    first_salt = share.read_salt(tmp_path)
    second = share.rotate(tmp_path)
    assert second != first and len(second) >= 22
    assert share.read_token(tmp_path) == second
    assert share.read_salt(tmp_path) not in (None, first_salt)
    assert share.get_or_create_token(tmp_path) == second


def test_state_folder_is_git_ignored_and_file_private(tmp_path: Path) -> None:
    share.get_or_create_token(tmp_path)
    ignore = (tmp_path / ".ivsite" / ".gitignore").read_text("utf-8")
    assert "*" in ignore.splitlines()
    mode = stat.S_IMODE((tmp_path / ".ivsite" / "share.toml").stat().st_mode)
    assert mode & 0o077 == 0


def test_existing_gitignore_is_kept(tmp_path: Path) -> None:
    (tmp_path / ".ivsite").mkdir()
    (tmp_path / ".ivsite" / ".gitignore").write_text("custom\n")
    share.ensure_state_dir(tmp_path)
    assert (tmp_path / ".ivsite" / ".gitignore").read_text() == "custom\n"


def test_no_token_before_one_is_made(tmp_path: Path) -> None:
    assert share.read_token(tmp_path) is None
    assert share.read_salt(tmp_path) is None
    assert not (tmp_path / ".ivsite").exists()


def test_short_or_corrupt_token_is_replaced(tmp_path: Path) -> None:
    (tmp_path / ".ivsite").mkdir()
    f = tmp_path / ".ivsite" / "share.toml"
    f.write_text('token = "short"\nsalt = "AAAAAAAAAAAAAAAAAAAAAA=="\n')
    assert share.read_token(tmp_path) is None
    token = share.get_or_create_token(tmp_path)
    assert token != "short" and len(token) >= 22
    f.write_text("not = [valid toml")
    assert share.read_token(tmp_path) is None
    assert share.get_or_create_token(tmp_path) != token


def test_token_without_salt_gets_a_new_pair(tmp_path: Path) -> None:
    (tmp_path / ".ivsite").mkdir()
    (tmp_path / ".ivsite" / "share.toml").write_text(f'token = "{"a" * 22}"\n')
    token = share.get_or_create_token(tmp_path)
    assert share.read_salt(tmp_path) is not None
    assert share.read_token(tmp_path) == token


# ------------------------------------------------- the built share folder (issue 9)

SITE: dict[str, str | bytes] = {
    "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "content/pages/mentor-only.md": "---\ntitle: For my mentor\nvisibility: mentor\n---\nHi.\n",
}
SHARE_TOML = 'title = "T"\n[share]\nenabled = true\n'
PASS_ENV = "IVSITE_TEST_STRICT_PASS"


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_share_folders_are_readable_by_a_web_server(tmp_path: Path, umask_022: None) -> None:
    """mkdtemp makes 0700 folders: share/<token>/ was unreadable by a server running
    as another user (403), and after rsync -a."""
    write_site(tmp_path, SITE, SHARE_TOML)
    r = run_in(tmp_path, "build")
    assert r.exit_code == 0, r.output
    out = tmp_path / "_site"
    token = share.read_token(tmp_path)
    assert token is not None
    for folder in (out, out / "share", out / "share" / token):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o755, folder
    for path in out.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))


def test_share_folder_has_an_index_that_names_no_token(tmp_path: Path) -> None:
    """A server that lists folders must not show share/<token>/ to whoever opens share/."""
    write_site(tmp_path, SITE, SHARE_TOML)
    r = run_in(tmp_path, "build")
    assert r.exit_code == 0, r.output
    token = share.read_token(tmp_path)
    assert token is not None
    page = (tmp_path / "_site" / "share" / "index.html").read_bytes()
    assert page == share.INDEX_PAGE
    assert b'content="noindex' in page and token.encode() not in page
    audit = run_in(tmp_path, "audit", "_site")
    assert audit.exit_code == 0, audit.output


def test_no_share_index_without_sharing(tmp_path: Path) -> None:
    write_site(tmp_path, SITE, 'title = "T"\n')
    assert run_in(tmp_path, "build").exit_code == 0
    assert not (tmp_path / "_site" / "share").exists()


@pytest.mark.parametrize("value", ['""', '"  "', '"my secret words"'])
def test_empty_or_odd_passphrase_env_is_a_config_error(tmp_path: Path, value: str) -> None:
    """An empty passphrase_env published the mentor view unencrypted without a word."""
    write_site(tmp_path, SITE, SHARE_TOML + f"passphrase_env = {value}\n")
    r = run_in(tmp_path, "build")
    assert r.exit_code == 2, r.output
    assert "share.passphrase_env" in r.stderr and "config-invalid" in r.stderr
    assert "my secret words" not in r.stderr
    assert not (tmp_path / "_site").exists()


@pytest.mark.parametrize("weak", ["s0rt!", "aaaaaaaaaaaaaaaa", "password1234",
                                  "Correct Horse Battery Staple", "           x"])
def test_weak_passphrase_is_a_warning_naming_the_variable(tmp_path: Path, weak: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path, SITE, SHARE_TOML + f'passphrase_env = "{PASS_ENV}"\n')
    monkeypatch.setenv(PASS_ENV, weak)
    r = run_in(tmp_path, "build")
    assert r.exit_code == 0, r.output
    assert "warning[passphrase-weak]" in r.stderr and PASS_ENV in r.stderr
    assert weak not in r.stderr.replace(PASS_ENV, "")
    assert run_in(tmp_path, "build", "--strict").exit_code == 1


def test_strong_passphrase_gives_no_warning(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path, SITE, SHARE_TOML + f'passphrase_env = "{PASS_ENV}"\n')
    monkeypatch.setenv(PASS_ENV, "plum kettle orbit lantern 42")
    r = run_in(tmp_path, "build", "--strict")
    assert r.exit_code == 0, r.output
    assert "warning" not in r.stderr
