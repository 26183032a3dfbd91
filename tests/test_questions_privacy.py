"""Red team 6, L4 (docs/redteam/2026-11-30-sixth.md): a privacy switch on a
question bank entry fails closed.

The bank is public, so ``visibility: private`` (``private: true``, ``draft:
true``, ``hidden: true``, a misspelt or nested one) on an entry is a
``question-privacy`` error, never an ignored ``unknown-key``; the entry's text is
an audit secret, so with the error switched off the audit refuses the question
pages on its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.core.diagnostics import Diagnostics
from ivsite.pipeline import build
from ivsite.validate import questionsfile

TOML = 'title = "Research"\nbase_url = "https://ana.example.org/"\n'
SECRET = "How will the Globex takeover of Northfield affect your team?"
INTERVIEW = ("---\nvisibility: public\ndate: 2026-03-01\nperson: {name: Q Z, company: Acme}\n"
             "alias: an analyst\nstatus: done\n---\n## How will the merger affect your team?\n"
             "\nNot much.\n")


def bank(switch: str) -> str:
    return ("- id: typical-day\n  text: What does a typical day look like?\n"
            f"- id: merger\n  text: {SECRET}\n"
            f"  aliases: [\"How will the merger affect your team?\"]\n  {switch}\n")


def reproducer(root: Path, switch: str = "visibility: private") -> Path:
    return write_site(root / "s", {
        "content/questions.yaml": bank(switch),
        "content/interviews/2026-03-01-x.md": INTERVIEW,
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n"}, toml=TOML)


SWITCHES = ["visibility: private", "visibility: mentor", "private: true", "draft: true",
            "hidden: true", "Visiblity: private", "status: private", "publish: false",
            "extra: {private: true}", "meta: [{visibility: private}]"]


@pytest.mark.parametrize("switch", SWITCHES)
def test_a_privacy_switch_on_an_entry_is_an_error(switch: str) -> None:
    diags = Diagnostics()
    qs = questionsfile.read_questions("content/questions.yaml", bank(switch).encode(), diags)
    [err] = [d for d in diags if d.severity == "error"]
    assert err.code == "question-privacy" and "'merger'" in err.message
    assert "take the entry out of questions.yaml" in err.hint
    assert not [d for d in diags if d.code == "unknown-key"]
    assert [q.id for q in qs if q.withheld] == ["merger"]


def test_other_unknown_keys_stay_a_warning() -> None:
    diags = Diagnostics()
    qs = questionsfile.read_questions("q.yaml", bank("note: ask late").encode(), diags)
    assert [d.code for d in diags] == ["unknown-key"]
    assert not any(q.withheld for q in qs)


def test_the_reproducer_is_refused(tmp_path: Path) -> None:
    result = build(reproducer(tmp_path), out=tmp_path / "out")
    assert result.status == 1
    assert [(d.code, d.path) for d in result.diagnostics if d.severity == "error"] == \
        [("question-privacy", "content/questions.yaml")]
    assert not (tmp_path / "out").exists()


def test_with_the_error_off_the_audit_refuses_the_question_pages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(questionsfile, "refuse", lambda *args: None)
    result = build(reproducer(tmp_path), out=tmp_path / "out")
    assert result.status == 1
    hit = {h.output for h in result.hits if h.secret.kind == "withheld question"}
    assert {"questions/index.html", "questions/merger/index.html"} <= hit, hit
    assert not (tmp_path / "out").exists()


def test_with_the_audit_off_too_the_text_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(questionsfile, "refuse", lambda *args: None)
    monkeypatch.setattr("ivsite.audit.secrets._question_secrets", lambda site: [])
    result = build(reproducer(tmp_path), out=tmp_path / "out")
    assert result.status == 0, result.diagnostics
    page = (tmp_path / "out/questions/merger/index.html").read_text("utf-8")
    assert "Globex takeover" in page
