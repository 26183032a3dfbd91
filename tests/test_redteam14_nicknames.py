"""Red team 14, R14-12: a given name's short forms alone, in the person's own note.

"Robert" alone is refused in Robert Quinlan's own public note (he did not agree
to be named); "Bob", "Bobby" and "Rob" are him too, and are refused there as the
given name is (ivsite.names.nicknamed.short_form_parts), by the filter and the
audit alike. One that is an everyday word ("Rob", "Bill") counts only
capitalised inside a sentence (ivsite.names.wordnames), so prose about someone
else that robs or bills still builds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sites import day, write_site

from ivsite.names import nicknamed
from ivsite.pipeline import Result, build

CONFIG = {"title": "Career notes", "author": "Pat Author",
          "base_url": "https://pat.example.org/"}
TALK = "interviews/2026-03-18-zenthor.md"


def _talk(name: str, body: str, **more: Any) -> tuple[dict[str, Any], str]:
    return ({"visibility": "public", "date": day("2026-03-18"),
             "person": {"name": name, "role": "Analyst", "company": "Zenthor Labs"},
             "consent": {"publish_name": False}, **more}, body)


def _build(root: Path, talk: tuple[dict[str, Any], str]) -> Result:
    site = write_site(root / "s", {"pages/index.md": ({"title": "Home"}, "Welcome.\n"),
                                   TALK: talk}, CONFIG)
    return build(site, out=root / "out")


def _said(result: Result) -> list[str]:
    return [d.text() for d in result.diagnostics] + [h.text() for h in result.hits]


BODIES = ["Then Bobby asked me not to use his name.\n",
          "We met at noon and Bob said the job is mostly spreadsheets.\n",
          "After lunch Rob said the job is mostly spreadsheets.\n"]


@pytest.mark.parametrize("body", BODIES)
def test_the_filter_refuses_a_short_form(tmp_path: Path, body: str) -> None:
    result = _build(tmp_path, _talk("Robert Quinlan", body))
    assert result.status == 1, _said(result)
    assert any(d.code == "name-without-consent" for d in result.diagnostics), _said(result)
    assert not (tmp_path / "out").exists()


def test_the_reproducers_alias_is_refused(tmp_path: Path) -> None:
    result = _build(tmp_path, _talk("Robert Quinlan", "He said little.\n",
                                    alias="Bob from Zenthor"))
    assert result.status == 1, _said(result)
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_filter")
@pytest.mark.parametrize("body", BODIES)
def test_the_audit_alone_refuses_a_short_form(tmp_path: Path, body: str) -> None:
    result = _build(tmp_path, _talk("Robert Quinlan", body))
    assert result.status == 1, _said(result)
    assert result.hits, _said(result)
    assert not (tmp_path / "out").exists()


def test_switched_off_it_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nicknamed, "SHORT_FORMS_ALONE", False)
    result = _build(tmp_path, _talk("Robert Quinlan", BODIES[0]))
    assert result.status == 0, _said(result)
    assert "Bobby asked me" in (tmp_path / "out" / "interviews" / "2026-03-18-zenthor"
                                / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "body"), [
    ("Robert Quinlan", "They rob you of an afternoon, these spreadsheets.\n"),
    ("Robert Quinlan", "The bill for the lunch was small. Rob nobody of an hour.\n"),
    ("Dana Whitfield", "The bill came; Bill from the other team paid. They rob no one.\n"),
    ("William Harcastle", "The bill came and I paid; I will apply in May.\n"),
])
def test_prose_with_the_words_still_builds(tmp_path: Path, name: str, body: str) -> None:
    """The everyday-word rule: "rob" and "bill" in prose, or opening a sentence,
    name no one; a note about someone else is not Robert's."""
    result = _build(tmp_path, _talk(name, body))
    assert result.status == 0, _said(result)
