"""Red team 10, R10-30 (docs/redteam/2026-12-01-tenth.md): a comment in
``questions.yaml``'s question text or alias, or in ``site.toml``'s ``title``,
was printed on pages (escaped, so that readers see it). Now each is an error of
the filter (``comment-in-questions``, ``comment-in-settings``; a fence, label or
other tool's tag there too, with the front matter's codes: ivsite.validate.printedtexts),
and the audit looks for what such a comment says on its own
(ivsite.audit.secrets.printed_comments), not excusing it as the site's own title.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import (
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    other_readings_off,
    red_team_site,
    red_team_talk,
)

from ivsite.audit import secrets
from ivsite.audit.secrets import printed_comments, without_comments
from ivsite.pipeline import checks
from ivsite.validate import config, questionsfile

TITLE = "Test site <!-- Marrowby keeps the layoffs quiet -->"
QUESTIONS = ('- id: typical-day\n  text: "What is a typical day? <!-- ask about the Kroggle '
             'salary band -->"\n  aliases: ["What does a typical day look like? %% Kroggle '
             'layoffs %%"]\n')
TALK = "## What is a typical day?\n\nMeetings and sketching.\n"


def _site(root: Path, title: str = "Test site", questions: str = QUESTIONS) -> Path:
    site = red_team_site(root, {"questions.yaml": questions}, red_team_talk(TALK))
    toml = (site / "site.toml").read_text()
    (site / "site.toml").write_text(toml.replace('title = "Test site"', f'title = "{title}"'))
    return site


def _filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "printed_text", lambda *args: False)
    monkeypatch.setattr(questionsfile, "printed_text", lambda *args: False)


def test_the_comments_said() -> None:
    said = printed_comments("site.toml", (TITLE, "Tess Author"))
    assert [s.text for s in said] == ["Marrowby keeps the layoffs quiet"]
    assert without_comments(TITLE).strip() == "Test site"


def test_the_filter_refuses(tmp_path: Path) -> None:
    assert_filter_refuses(_site(tmp_path / "s"), tmp_path / "out", "content/questions.yaml",
                          "comment-in-questions")
    assert_filter_refuses(_site(tmp_path / "s2", TITLE, "[]\n"), tmp_path / "out2",
                          "site.toml", "comment-in-settings")
    labelled = '- text: "Do not publish: what is the Kroggle salary band?"\n'
    assert_filter_refuses(_site(tmp_path / "s3", questions=labelled), tmp_path / "out3",
                          "content/questions.yaml", "privacy-label")


@pytest.mark.usefixtures("no_filter")
def test_the_audit_alone_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    assert_audit_refuses(_site(tmp_path / "s"), tmp_path / "out",
                         "questions.yaml (question 'typical-day')")
    assert_audit_refuses(_site(tmp_path / "s2", TITLE, "[]\n"), tmp_path / "out2", "site.toml")


@pytest.mark.usefixtures("no_filter")
def test_without_it_they_are_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _filter_off(monkeypatch)
    other_readings_off(monkeypatch)
    def notes_only(prep: Any, audience: Any, token: bool = True) -> Any:
        return secrets.withheld(prep.valid, audience)

    monkeypatch.setattr(secrets, "printed_comments", lambda source, texts: [])
    monkeypatch.setattr(checks, "secrets_of", notes_only)
    monkeypatch.setattr(checks, "without_comments", lambda text: text)
    monkeypatch.setattr(secrets, "without_comments", lambda text: text)
    assert_published(_site(tmp_path / "s", TITLE), tmp_path / "out", "Marrowby keeps")
    assert_published(_site(tmp_path / "s2"), tmp_path / "out2", "Kroggle salary band")


def test_ordinary_questions_and_titles_build(tmp_path: Path) -> None:
    plain = ('- id: typical-day\n  text: "What is a typical day? (50% meetings, 50% code)"\n'
             '  aliases: ["Private equity: what is a typical day?"]\n')
    site = _site(tmp_path / "s", "Tess's notes: careers -> design", plain)
    assert_published(site, tmp_path / "out", "50% meetings")

