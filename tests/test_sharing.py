"""``ivsite share``: the link and the summary of what it shares."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.commands.sharing import share_command
from ivsite.mentor import share

TOML_ON = (
    'title = "T"\nbase_url = "https://ana.example.org/career/"\n'
    '[share]\nenabled = true\nfeedback_email = "ana@example.org"\n'
)

FILES: dict[str, str | bytes] = {
    "content/interviews/2026-01-01-acme.md": (
        "---\ndate: 2026-01-01\nvisibility: mentor\nperson:\n  name: Jane Doe\n"
        "alias: a coordinator\n---\nBody.\n\n::: mentor\nA question.\n:::\n\n"
        "::: private\nSecret.\n:::\n"),
    "content/interviews/2026-01-02-hidden.md": (
        "---\ndate: 2026-01-02\nperson:\n  name: Pat Hidden\n---\nprivate\n"),
    "content/roles/ux.md": "---\ntitle: UX\n---\nrole\n",
}


def test_share_disabled_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, FILES)
    assert share_command(tmp_path, rotate=False) == 2
    err = capsys.readouterr().err
    assert "[share]" in err and "enabled = true" in err
    assert share.read_token(tmp_path) is None


def test_share_prints_the_link_and_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, FILES, toml=TOML_ON)
    assert share_command(tmp_path, rotate=False) == 0
    out = capsys.readouterr().out
    token = share.read_token(tmp_path)
    assert token is not None
    assert out.splitlines()[0] == f"https://ana.example.org/career/share/{token}/"
    assert "interviews" in out and "0 public, 1 for your mentor only" in out
    assert "roles" in out and "1 public, 0 for your mentor only" in out
    assert "passages     1 marked for your mentor" in out
    assert "encrypted    no" in out
    for secret in ("Jane Doe", "Pat Hidden", "Secret."):
        assert secret not in out
    # a second call prints the same link
    assert share_command(tmp_path, rotate=False) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith(f"/share/{token}/")


def test_share_rotate_replaces_the_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, FILES, toml=TOML_ON)
    share_command(tmp_path, rotate=False)
    old = share.read_token(tmp_path)
    capsys.readouterr()
    assert share_command(tmp_path, rotate=True) == 0
    out = capsys.readouterr().out
    new = share.read_token(tmp_path)
    assert new is not None and new != old
    assert f"share/{new}/" in out.splitlines()[0]
    assert f"old: share/{old}/" in out


def test_share_mentions_encryption_when_a_passphrase_is_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, FILES, toml=TOML_ON + 'passphrase_env = "MY_PASS"\n')
    assert share_command(tmp_path, rotate=False) == 0
    assert "$MY_PASS" in capsys.readouterr().out


def test_share_without_site_toml_is_a_usage_error(tmp_path: Path) -> None:
    write_site(tmp_path, FILES, toml=None)
    assert share_command(tmp_path, rotate=False) == 2
