"""Red team 3 (H25): a terse private note — every sentence shorter than the five
words the audit looks for alone — copied into a linked text file was published
whole. Its short sentences are now also looked for together with their
neighbours in the note (ivsite.audit.sentences), which ordinary public text does not
say in a row."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audit import needles as auditneedles
from ivsite.audit import search as auditsearch
from ivsite.audit.sentences import short_runs
from ivsite.pipeline import check
from ivsite.pipeline.driver import Result

TALK = """\
---
visibility: public
date: 2026-01-05
title: A talk
---
Public intro text here. {extra}
"""
OFFER = """\
---
date: 2026-01-07
title: Offer
person:
  name: Hortensia Vilquist
consent:
  publish_name: true
---
{body}
"""
TERSE = "Offer: 85k base.\nStart: 3 March.\nManager: difficult.\nLeaving Frobcorp soon.\n"
COPY = b"Offer: 85k base.\r\nStart: 3 March.\r\nManager: difficult.\r\nLeaving Frobcorp soon.\r\n"


def run(root: Path, body: str, copy: bytes,
        extra: str = "My [notes](../interviews/notes.txt).") -> Result:
    write_site(root, {
        "content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/reflections/talk.md": TALK.format(extra=extra),
        "content/interviews/2026-01-07-offer.md": OFFER.format(body=body),
        "content/interviews/notes.txt": copy,
    })
    return check(root)


@pytest.mark.parametrize("body", [TERSE, TERSE.replace("\n", "\n\n"),
                                  "- " + TERSE.replace("\n", "\n- ").removesuffix("- ")])
def test_a_copy_of_a_terse_private_note_is_refused(tmp_path: Path, body: str) -> None:
    """One paragraph, a paragraph a line, a list item a line."""
    result = run(tmp_path, body, COPY)
    assert result.status == 1
    assert any(h.output == "interviews/notes.txt" and h.secret.kind == "withheld note"
               for h in result.hits), [h.text() for h in result.hits]


def test_the_last_lines_alone_are_found_too(tmp_path: Path) -> None:
    result = run(tmp_path, TERSE, b"Manager: difficult.\nLeaving Frobcorp soon.\n")
    assert any(h.output == "interviews/notes.txt" for h in result.hits)


def test_without_the_runs_the_copy_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The protection switched off: short sentences looked for alone or not at all."""
    monkeypatch.setattr(auditneedles, "chained", lambda secrets: {})
    monkeypatch.setattr(auditsearch, "_SEARCHES", {})  # needles made by an earlier test
    result = run(tmp_path, TERSE, COPY)
    assert result.status == 0, [h.text() for h in result.hits]


def test_public_text_that_shares_short_sentences_is_not_refused(tmp_path: Path) -> None:
    """The public page says each of the private note's sentences, but not in a
    row: no refusal. (Nor is a note shorter than five words looked for.)"""
    extra = "Great chat.\n\nThanks again.\n\nSee you.\n\nStart: soon."
    result = run(tmp_path, "Great chat. Thanks again. See you. Start: soon.",
                 b"Thanks again.\nGreat chat.\n", extra)
    assert result.status == 0, [h.text() for h in result.hits]


def test_runs_reach_five_words_forwards_then_backwards() -> None:
    assert short_runs(["Offer: 85k base.", "Start: 3 March."]) == [
        (0, "Offer: 85k base. Start: 3 March."), (0, "85k base. Start: 3 March.")]
    assert short_runs(["Thanks again. See you."]) == []
    assert short_runs(["This sentence has five words."]) == []
