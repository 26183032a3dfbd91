"""Red-team G5, G7, G8: privacy switches written in the body the Obsidian way
(an inline ``#draft`` tag, a ``> [!private]`` callout, a Dataview field
``visibility:: private``) fail closed instead of being published as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.pipeline import build
from ivsite.validate import note as validate


def run(root: Path, body: str, visibility: str = "") -> tuple[int, list[tuple[str, int]], Path]:
    vis = f"visibility: {visibility}\n" if visibility else ""
    s = write_site(root / "s", {"content/pages/p.md": f"---\ntitle: P\n{vis}---\n{body}\n",
                                "content/pages/index.md": "---\ntitle: Home\n---\nHi.\n"})
    result = build(s, out=root / "out")
    return result.status, [(d.code, d.line) for d in result.diagnostics
                           if d.severity == "error"], root / "out"


@pytest.mark.parametrize("tag", ["#draft", "#Private", "#status/draft", "#do-not-publish",
                                 "#confidential", "#todo/unpublished"])
def test_an_inline_privacy_tag_in_a_public_note_is_an_error(tmp_path: Path, tag: str) -> None:
    status, errors, out = run(tmp_path, f"CANARY body\n\n{tag}")
    assert status == 1 and ("privacy-tag", 6) in errors, errors
    assert not out.exists()


def test_inline_privacy_tags_in_private_passages_and_other_notes_are_fine(
        tmp_path: Path) -> None:
    """No error; what the mentor reads (a mentor note or passage) is a warning, see
    tests/test_mentor_privacy_tags.py."""
    body = "Hi #career\n\n::: private\n#draft\n:::\n\n::: mentor\n#private\n:::"
    assert run(tmp_path / "a", body)[:2] == (0, [])
    assert run(tmp_path / "b", "#draft", "mentor")[:2] == (0, [])
    assert run(tmp_path / "c", "`#draft` and #career")[:2] == (0, [])


@pytest.mark.parametrize("callout", ["> [!private] Off the record", "> [!mentor]- For you",
                                     "> [!secret]", "> [!Draft]", "> [!confidential]+ x"])
def test_a_privacy_callout_is_an_error(tmp_path: Path, callout: str) -> None:
    status, errors, out = run(tmp_path, f"Intro.\n\n{callout}\n> CANARY-CO")
    assert status == 1 and ("privacy-callout", 6) in errors, errors
    assert not out.exists()


def test_ordinary_and_withheld_callouts_are_fine(tmp_path: Path) -> None:
    body = "> [!tip] Hint\n> ok\n\n::: private\n> [!private]\n> mine\n:::"
    assert run(tmp_path / "a", body)[:2] == (0, [])
    assert run(tmp_path / "b", "> [!private]\n> mine", "private")[:2] == (0, [])


@pytest.mark.parametrize(("body", "line"), [
    ("visibility:: private\n\nCANARY-DV1", 5), ("CANARY-DV2 [draft:: true]", 5),
    ("Some text\nmore (publish:: false)", 6)])
def test_a_privacy_inline_field_is_an_error(tmp_path: Path, body: str, line: int) -> None:
    status, errors, out = run(tmp_path, body, "mentor")
    assert status == 1 and ("privacy-field", line) in errors, errors
    assert not out.exists()


def test_other_inline_fields_and_code_are_fine(tmp_path: Path) -> None:
    body = "rating:: 5\n\n`visibility:: private`\n\n```\ndraft:: true\n```\n\nSee [x](y.md)"
    status, errors, _ = run(tmp_path, body.replace("[x](y.md)", "it"))
    assert (status, errors) == (0, [])


def test_with_the_check_off_the_body_switches_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "body_privacy", lambda *args: False)
    status, errors, out = run(tmp_path, "visibility:: private\n\n> [!private]\n> CANARY-CO"
                                        "\n\n#draft")
    assert (status, errors) == (0, [])
    assert "CANARY-CO" in (out / "p/index.html").read_text()
