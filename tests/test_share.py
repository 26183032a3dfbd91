"""The mentor link's token and salt in .ivsite/share.toml."""

from __future__ import annotations

import base64
import re
import stat
import tomllib
from pathlib import Path

from ivsite import share

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
